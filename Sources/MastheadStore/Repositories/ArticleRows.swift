import Foundation
import MastheadCore
import SQLKit

/// The article page's story read straight from rows into an ``Article``, in two statements written
/// as text: the story with its primary topic, then its topics, byline and corrections together.
/// FluentKit's eager loading took seven statements, each built as an expression tree and decoded
/// into models by reflection, on every uncached view.
enum ArticleRows {
    static func visible(slug: Slug, now: Date, on sql: any SQLDatabase) async throws -> Article? {
        let query: SQLQueryString = """
            SELECT a.id, a.slug, a.headline, a.lede, a.body_markdown, a.body_html, a.dateline, a.status, \
            a.published_at, a.updated_at, a.update_note, a.embargo_until, a.version, a.image_file, a.image_alt, \
            a.image_caption, a.image_credit, a.comments_mode, a.comments_premoderated, a.comment_count, \
            t.id AS topic_id, t.name AS topic_name, t.slug AS topic_slug \
            FROM articles a LEFT JOIN topics t ON t.id = a.primary_topic_id \
            WHERE a.slug = \(bind: slug.value) AND a.live = \(true) AND a.published_at <= \(bind: now) \
            AND (a.embargo_until IS NULL OR a.embargo_until <= \(bind: now))
            """
        guard let row = try await sql.raw(query).first(),
            let slug = Slug(try row.decode(column: "slug", as: String.self)),
            let status = ArticleStatus(rawValue: try row.decode(column: "status", as: String.self))
        else { return nil }
        let id = try row.decode(column: "id", as: UUID.self)
        let links = try await self.links(of: id, on: sql)
        var primaryTopic: Topic?
        if let topicID = try row.decode(column: "topic_id", as: UUID?.self),
            let topicSlug = Slug(try row.decode(column: "topic_slug", as: String.self))
        {
            primaryTopic = Topic(
                id: topicID, name: try row.decode(column: "topic_name", as: String.self), slug: topicSlug)
        }
        let image = try row.decode(column: "image_file", as: String?.self).map { file in
            FeatureImage(
                file: file, alt: try row.decode(column: "image_alt", as: String?.self) ?? "",
                caption: try row.decode(column: "image_caption", as: String?.self) ?? "",
                credit: try row.decode(column: "image_credit", as: String?.self) ?? "")
        }
        let content = ArticleContent(
            slug: slug, headline: try row.decode(column: "headline", as: String.self),
            lede: try row.decode(column: "lede", as: String.self),
            bodyMarkdown: try row.decode(column: "body_markdown", as: String.self),
            dateline: try row.decode(column: "dateline", as: String?.self), primaryTopic: primaryTopic,
            topics: links.topics, authors: links.authors.sorted { $0.0 < $1.0 }.map(\.1), image: image)
        return Article(
            id: id, content: content, bodyHTML: try row.decode(column: "body_html", as: String.self), status: status,
            publishedAt: try row.decode(column: "published_at", as: Date?.self),
            updatedAt: try row.decode(column: "updated_at", as: Date?.self),
            updateNote: try row.decode(column: "update_note", as: String?.self),
            embargoUntil: try row.decode(column: "embargo_until", as: Date?.self),
            version: try row.decode(column: "version", as: Int.self), corrections: links.corrections,
            conversation: ConversationSettings(
                mode: ConversationSettings.Mode(rawValue: try row.decode(column: "comments_mode", as: String.self))
                    ?? .timed,
                preModerated: try row.decode(column: "comments_premoderated", as: Bool.self)),
            commentCount: try row.decode(column: "comment_count", as: Int.self))
    }

    /// Topics by name, authors in byline order, corrections oldest first: the order the Fluent path gives.
    /// Corrections come first in the union so PostgreSQL types its columns from real ones, not NULLs.
    private static func links(of id: UUID, on sql: any SQLDatabase) async throws
        -> (topics: [Topic], authors: [(Int, Author)], corrections: [Correction])
    {
        let query: SQLQueryString = """
            SELECT 2 AS kind, c.id AS id, c.text AS name, NULL AS slug, NULL AS bio, 0 AS position, \
            c.created_at AS created_at FROM corrections c WHERE c.article_id = \(bind: id) \
            UNION ALL SELECT 0, t.id, t.name, t.slug, NULL, 0, NULL \
            FROM article_topics l JOIN topics t ON t.id = l.topic_id WHERE l.article_id = \(bind: id) \
            UNION ALL SELECT 1, au.id, au.name, au.slug, au.bio, b.position, NULL \
            FROM bylines b JOIN authors au ON au.id = b.author_id WHERE b.article_id = \(bind: id)
            """
        var topics: [Topic] = []
        var authors: [(Int, Author)] = []
        var corrections: [Correction] = []
        for row in try await sql.raw(query).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            let name = try row.decode(column: "name", as: String.self)
            switch try row.decode(column: "kind", as: Int.self) {
            case 0:
                if let slug = Slug(try row.decode(column: "slug", as: String.self)) {
                    topics.append(Topic(id: id, name: name, slug: slug))
                }
            case 1:
                if let slug = Slug(try row.decode(column: "slug", as: String.self)) {
                    let author = Author(
                        id: id, name: name, slug: slug, bio: try row.decode(column: "bio", as: String.self))
                    authors.append((try row.decode(column: "position", as: Int.self), author))
                }
            default:
                corrections.append(
                    Correction(id: id, text: name, createdAt: try row.decode(column: "created_at", as: Date.self)))
            }
        }
        topics.sort { $0.name < $1.name }
        corrections.sort { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
        return (topics, authors, corrections)
    }
}

import Foundation
import MastheadCore
import SQLKit

/// The article page's story read straight from rows into an ``Article``, in one statement written as
/// text: the story with its primary topic, its corrections, topics and byline as one union. FluentKit's
/// eager loading took seven statements, each built as an expression tree and decoded into models by
/// reflection, on every uncached view.
enum ArticleRows {
    /// The union's columns, named for the story's part, which types them; corrections, topics and
    /// authors put their values in the columns of the same type.
    private static let columns = [
        "id", "slug", "name", "lede", "body_markdown", "body_html", "dateline", "status", "published_at",
        "updated_at", "update_note", "embargo_until", "version", "image_file", "image_alt", "image_caption",
        "image_credit", "comments_mode", "comments_premoderated", "comment_count", "topic_id", "topic_name",
        "topic_slug",
    ]

    private static let story: [String: String] = [
        "id": "a.id", "slug": "a.slug", "name": "a.headline", "lede": "a.lede", "body_markdown": "a.body_markdown",
        "body_html": "a.body_html", "dateline": "a.dateline", "status": "a.status", "published_at": "a.published_at",
        "updated_at": "a.updated_at", "update_note": "a.update_note", "embargo_until": "a.embargo_until",
        "version": "a.version", "image_file": "a.image_file", "image_alt": "a.image_alt",
        "image_caption": "a.image_caption", "image_credit": "a.image_credit", "comments_mode": "a.comments_mode",
        "comments_premoderated": "a.comments_premoderated", "comment_count": "a.comment_count",
        "topic_id": "t.id", "topic_name": "t.name", "topic_slug": "t.slug",
    ]

    /// One branch's select list: its expressions where it has them, NULL elsewhere.
    private static func select(_ part: Int, _ values: [String: String]) -> SQLRaw {
        SQLRaw(
            "SELECT \(part) AS part, "
                + columns.map { column in values[column].map { "\($0) AS \(column)" } ?? "NULL AS \(column)" }
                .joined(separator: ", "))
    }

    private static let storySelect = select(0, story)
    private static let correctionSelect = select(1, ["id": "c.id", "name": "c.text", "published_at": "c.created_at"])
    private static let topicSelect = select(2, ["id": "t.id", "slug": "t.slug", "name": "t.name"])
    private static let authorSelect = select(
        3, ["id": "au.id", "slug": "au.slug", "name": "au.name", "lede": "au.bio", "version": "b.position"])

    /// The story, its corrections, topics and byline, when readers may see it at `now`.
    static func query(slug: Slug, now: Date) -> SQLQueryString {
        """
        \(storySelect) FROM articles a LEFT JOIN topics t ON t.id = a.primary_topic_id \
        WHERE a.slug = \(bind: slug.value) AND \(VisibleArticles.rule(now: now, table: "a")) \
        UNION ALL \(correctionSelect) FROM corrections c \
        WHERE c.article_id = (SELECT id FROM articles WHERE slug = \(bind: slug.value)) \
        UNION ALL \(topicSelect) FROM article_topics l JOIN topics t ON t.id = l.topic_id \
        WHERE l.article_id = (SELECT id FROM articles WHERE slug = \(bind: slug.value)) \
        UNION ALL \(authorSelect) FROM bylines b JOIN authors au ON au.id = b.author_id \
        WHERE b.article_id = (SELECT id FROM articles WHERE slug = \(bind: slug.value))
        """
    }

    static func visible(slug: Slug, now: Date, on sql: any SQLDatabase) async throws -> Article? {
        var storyRow: (any SQLRow)?
        var topics: [Topic] = []
        var authors: [(Int, Author)] = []
        var corrections: [Correction] = []
        for row in try await sql.raw(query(slug: slug, now: now)).all() {
            let part = try row.decode(column: "part", as: Int.self)
            if part == 0 {
                storyRow = row
                continue
            }
            let id = try row.decode(column: "id", as: UUID.self)
            let name = try row.decode(column: "name", as: String.self)
            if part == 1 {
                corrections.append(
                    Correction(id: id, text: name, createdAt: try row.decode(column: "published_at", as: Date.self)))
            } else if let slug = Slug(try row.decode(column: "slug", as: String.self)) {
                if part == 2 {
                    topics.append(Topic(id: id, name: name, slug: slug))
                } else {
                    let author = Author(
                        id: id, name: name, slug: slug, bio: try row.decode(column: "lede", as: String.self))
                    authors.append((try row.decode(column: "version", as: Int.self), author))
                }
            }
        }
        guard let row = storyRow else { return nil }
        // The order the Fluent path gives: topics by name, authors in byline order, corrections oldest first.
        topics.sort { $0.name < $1.name }
        authors.sort { $0.0 < $1.0 }
        corrections.sort { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
        return try article(row, topics: topics, authors: authors.map(\.1), corrections: corrections)
    }

    private static func article(
        _ row: any SQLRow, topics: [Topic], authors: [Author], corrections: [Correction]
    ) throws -> Article? {
        guard let slug = Slug(try row.decode(column: "slug", as: String.self)),
            let status = ArticleStatus(rawValue: try row.decode(column: "status", as: String.self))
        else { return nil }
        let image = try row.optional("image_file", as: String.self).map { file in
            FeatureImage(
                file: file, alt: try row.optional("image_alt", as: String.self) ?? "",
                caption: try row.optional("image_caption", as: String.self) ?? "",
                credit: try row.optional("image_credit", as: String.self) ?? "")
        }
        let content = ArticleContent(
            slug: slug, headline: try row.decode(column: "name", as: String.self),
            lede: try row.decode(column: "lede", as: String.self),
            bodyMarkdown: try row.decode(column: "body_markdown", as: String.self),
            dateline: try row.optional("dateline", as: String.self),
            primaryTopic: try ArticleListQuery.primaryTopic(row),
            topics: topics, authors: authors, image: image)
        return Article(
            id: try row.decode(column: "id", as: UUID.self), content: content,
            bodyHTML: try row.decode(column: "body_html", as: String.self), status: status,
            publishedAt: try row.optional("published_at", as: Date.self),
            updatedAt: try row.optional("updated_at", as: Date.self),
            updateNote: try row.optional("update_note", as: String.self),
            embargoUntil: try row.optional("embargo_until", as: Date.self),
            version: try row.decode(column: "version", as: Int.self), corrections: corrections,
            conversation: ConversationSettings(
                mode: ConversationSettings.Mode(rawValue: try row.decode(column: "comments_mode", as: String.self))
                    ?? .timed,
                preModerated: try row.decode(column: "comments_premoderated", as: Bool.self)),
            commentCount: try row.decode(column: "comment_count", as: Int.self))
    }
}

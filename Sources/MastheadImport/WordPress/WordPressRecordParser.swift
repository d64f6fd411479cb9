import Foundation
import MastheadCore

/// Reads the records of a WordPress export (children of `<channel>`) into values, and names the
/// item and line when one lacks what WordPress always writes.
struct WordPressRecordParser {
    private(set) var site = WordPressSite()

    /// A channel element that describes the site updates `site` and gives nil.
    mutating func parse(_ element: ImportElement) throws -> WordPressRecord? {
        switch element.name {
        case "title": site.title = element.text
        case "link": if site.address.isEmpty { site.address = element.text }
        case "wp:base_blog_url": site.address = element.text
        case "wp:wxr_version": site.wxrVersion = element.text
        case "wp:author": return .author(try author(element))
        case "wp:category": return .term(try category(element))
        case "wp:tag": return .term(try tag(element))
        case "item": return .item(try item(element))
        // `<wp:term>` repeats every category and tag, and adds taxonomies Masthead has no use for (menus).
        default: break
        }
        return nil
    }

    private func author(_ element: ImportElement) throws -> WordPressAuthor {
        let login = try required(element, "wp:author_login", what: "author")
        let display = element.text(of: "wp:author_display_name") ?? ""
        return WordPressAuthor(
            id: element.text(of: "wp:author_id").flatMap { Int($0) }, login: login,
            email: element.text(of: "wp:author_email") ?? "", displayName: display.isEmpty ? login : display)
    }

    private func category(_ element: ImportElement) throws -> WordPressTerm {
        let slug = try required(element, "wp:category_nicename", what: "category")
        let parent = element.text(of: "wp:category_parent") ?? ""
        return WordPressTerm(
            kind: .category, slug: Self.decodedSlug(slug),
            name: HTMLEntities.decode(element.text(of: "wp:cat_name") ?? slug),
            parentSlug: parent.isEmpty ? nil : Self.decodedSlug(parent),
            description: HTMLEntities.decode(element.text(of: "wp:category_description") ?? ""))
    }

    private func tag(_ element: ImportElement) throws -> WordPressTerm {
        let slug = try required(element, "wp:tag_slug", what: "tag")
        return WordPressTerm(
            kind: .tag, slug: Self.decodedSlug(slug),
            name: HTMLEntities.decode(element.text(of: "wp:tag_name") ?? slug),
            parentSlug: nil, description: HTMLEntities.decode(element.text(of: "wp:tag_description") ?? ""))
    }

    private func item(_ element: ImportElement) throws -> WordPressItem {
        let title = element.text(of: "title") ?? ""
        guard let id = element.text(of: "wp:post_id").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw ImportFileError(
                "The item \(title.isEmpty ? "with no title" : "“\(title)”") has no wp:post_id, which WordPress writes for "
                    + "every item: the file was edited or is not a WordPress export.",
                line: element.line)
        }
        var meta: [String: String] = [:]
        for entry in element.children("wp:postmeta") {
            if let key = entry.text(of: "wp:meta_key") { meta[key] = entry.text(of: "wp:meta_value") ?? "" }
        }
        let categories = element.children("category")
        let parent = element.text(of: "wp:post_parent").flatMap { Int($0) } ?? 0
        return WordPressItem(
            id: id, type: element.text(of: "wp:post_type") ?? "post", status: element.text(of: "wp:status") ?? "draft",
            title: title, link: element.text(of: "link") ?? "",
            slug: Self.decodedSlug(element.text(of: "wp:post_name") ?? ""),
            authorLogin: element.text(of: "dc:creator") ?? "", contentHTML: element.text(of: "content:encoded") ?? "",
            excerpt: element.text(of: "excerpt:encoded") ?? "",
            publishedAt: element.text(of: "wp:post_date_gmt").flatMap(WordPressDate.parse),
            localDate: element.text(of: "wp:post_date").flatMap(WordPressDate.parse),
            modifiedAt: element.text(of: "wp:post_modified_gmt").flatMap(WordPressDate.parse),
            commentsOpen: element.text(of: "wp:comment_status") != "closed",
            isSticky: element.text(of: "wp:is_sticky") == "1", password: element.text(of: "wp:post_password") ?? "",
            parentID: parent == 0 ? nil : parent,
            categorySlugs: categories.filter { $0.attributes["domain"] == "category" }.compactMap {
                $0.attributes["nicename"]
            }
            .map(Self.decodedSlug),
            tagSlugs: categories.filter { $0.attributes["domain"] == "post_tag" }.compactMap {
                $0.attributes["nicename"]
            }
            .map(Self.decodedSlug),
            meta: meta, attachmentURL: element.text(of: "wp:attachment_url"),
            comments: try element.children("wp:comment").map { try comment($0, on: title) }, line: element.line)
    }

    private func comment(_ element: ImportElement, on title: String) throws -> WordPressComment {
        guard let id = element.text(of: "wp:comment_id").flatMap({ Int($0) }) else {
            throw ImportFileError(
                "A comment on “\(title)” has no wp:comment_id, which WordPress writes for every comment.",
                line: element.line)
        }
        let parent = element.text(of: "wp:comment_parent").flatMap { Int($0) } ?? 0
        let kind: WordPressComment.Kind =
            switch element.text(of: "wp:comment_type") {
            case "pingback": .pingback
            case "trackback": .trackback
            default: .comment
            }
        return WordPressComment(
            id: id, parentID: parent == 0 ? nil : parent, authorName: element.text(of: "wp:comment_author") ?? "",
            authorEmail: element.text(of: "wp:comment_author_email") ?? "",
            authorURL: element.text(of: "wp:comment_author_url") ?? "",
            postedAt: element.text(of: "wp:comment_date_gmt").flatMap(WordPressDate.parse),
            content: element.text(of: "wp:comment_content") ?? "",
            status: WordPressComment.Status(element.text(of: "wp:comment_approved") ?? "0"), kind: kind,
            line: element.line)
    }

    private func required(_ element: ImportElement, _ name: String, what: String) throws -> String {
        guard let value = element.text(of: name), !value.isEmpty else {
            throw ImportFileError(
                "A \(what) has no \(name), which WordPress writes for every \(what).", line: element.line)
        }
        return value
    }

    /// WordPress stores a non-ASCII slug percent-encoded (`%d1%81…`); what it stands for is the slug.
    static func decodedSlug(_ slug: String) -> String {
        guard slug.contains("%") else { return slug }
        return slug.removingPercentEncoding ?? slug
    }
}

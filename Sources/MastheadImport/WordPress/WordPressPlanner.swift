import Foundation
import MastheadCore

/// Decides what each WordPress item becomes in Masthead, before anything is written: its status, slug,
/// lede, body, topics, bylines, old addresses and comments.
///
/// Statuses: `publish` → published; `future` → scheduled, or published when its time has passed;
/// `draft` → draft; `pending` → in review; `private` → unpublished (only the newsroom sees it, as
/// only logged-in staff saw it before); `trash` → left out. A password-protected post comes in
/// unpublished: Masthead has no passwords for stories, and its text must not become public.
public struct WordPressPlanner: Sendable {
    public let site: WordPressSite
    public let now: Date

    public init(site: WordPressSite, now: Date) {
        self.site = site
        self.now = now
    }

    public func plan(_ item: WordPressItem) -> WordPressItemPlan {
        switch item.type {
        case "attachment":
            return .attachment(
                sourceID: String(item.id), url: item.attachmentURL ?? "", file: item.meta["_wp_attached_file"])
        case "post", "page":
            guard item.status != "trash" else { return .skipped(.trashedPost) }
            guard let status = status(of: item) else { return .skipped(.unsupportedPostType) }
            let article = planned(item, status: status)
            return item.type == "page" ? .page(article) : .article(article)
        default:
            return .skipped(.unsupportedPostType)
        }
    }

    private func status(of item: WordPressItem) -> (ArticleStatus, Date?, [String])? {
        let when = item.publishedAt ?? item.localDate
        switch item.status {
        case "publish" where !item.password.isEmpty:
            return (
                .unpublished, when,
                [
                    "Password-protected on the old site: imported unpublished, so its text is not public. Publish it "
                        + "from the newsroom if everyone may read it."
                ]
            )
        case "publish": return (.published, when, [])
        case "future":
            guard let when, when > now else { return (.published, when, []) }
            return (.scheduled, when, [])
        case "draft": return (.draft, nil, [])
        case "pending": return (.inReview, nil, [])
        case "private":
            return (.unpublished, when, ["Private on the old site: imported unpublished, seen only in the newsroom."])
        default: return nil
        }
    }

    private func planned(_ item: WordPressItem, status: (ArticleStatus, Date?, [String])) -> PlannedArticle {
        let html = WordPressBody.html(fromContent: item.contentHTML)
        let excerpt = MarkdownFromHTML.plainText(fromHTML: item.excerpt)
        let (lede, body): (String, String)
        if !excerpt.isEmpty {
            (lede, body) = (excerpt, MarkdownFromHTML.markdown(fromHTML: html))
        } else if let taken = MarkdownFromHTML.markdownTakingFirstParagraph(fromHTML: html) {
            (lede, body) = (taken.lede, taken.markdown)
        } else {
            (lede, body) = ("", MarkdownFromHTML.markdown(fromHTML: html))
        }
        var notes = status.2
        if item.isSticky { notes.append("Sticky on the old site's front page.") }
        let (comments, skipped) = WordPressCommentPlanner.plan(item.comments)
        return PlannedArticle(
            sourceID: String(item.id),
            slug: ImportSlug.make(from: item.slug, title: item.title, fallbackID: String(item.id)),
            headline: item.title, lede: lede, bodyMarkdown: body, status: status.0, publishedAt: status.1,
            topicSlugs: item.categorySlugs + item.tagSlugs,
            authorKeys: item.authorLogin.isEmpty ? [] : [item.authorLogin],
            oldPaths: oldPaths(of: item), featuredImageSourceID: item.meta["_thumbnail_id"], comments: comments,
            skippedComments: skipped, notes: notes)
    }

    /// Every path the old site answered for this item: its permalink, as written and percent-decoded,
    /// and `/?p=ID` (`/?page_id=ID` for a page), which WordPress answers for any permalink setting.
    func oldPaths(of item: WordPressItem) -> [String] {
        var paths: [String] = []
        if let path = OldAddress.path(of: item.link, on: site.address) {
            paths.append(path)
            if let decoded = path.removingPercentEncoding, decoded != path { paths.append(decoded) }
        }
        let query = item.type == "page" ? "/?page_id=\(item.id)" : "/?p=\(item.id)"
        if !paths.contains(query) { paths.append(query) }
        return paths
    }
}

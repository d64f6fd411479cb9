import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Fetches what an article page shows besides the article, and renders it; shared by the page itself
/// and by a comment form sent back with a problem.
struct ArticlePageRenderer {
    let site: Site

    /// How the reader asked to see the conversation, from the page's query.
    struct View {
        var order: CommentOrder = .oldest
        var after: CommentCursor?
        var notice: String?

        init(order: CommentOrder = .oldest, after: CommentCursor? = nil, notice: String? = nil) {
            self.order = order
            self.after = after
            self.notice = notice
        }

        init(_ request: Request) {
            let query = request.uri.queryParameters
            order = CommentOrder(query: query.get("sort"))
            after = query.get("after").flatMap { CommentCursor(encoded: $0, order: order) }
            notice = Notice.text(comment: query.get("comment"), reason: query.get("reason"))
        }
    }

    func render(
        _ article: Article, form: CommentFormContext, reader: Commenter?, view: View = View(),
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (context, rail) = try await page(article, form: form, reader: reader, view: view)
        var response = site.html(context, status: status)
        response.headers[.cacheControl] = "private, no-cache"
        // What the page shows; the page cache keeps it only for a reader with no session (`PageCache`).
        response.headers[.surrogateKey] = SurrogateKeys.articlePage(article, rail: rail)
        if let closes = site.conversationClosesAt(article) {
            response.headers[.mastheadCacheUntil] = String(Int(closes.timeIntervalSince1970.rounded(.up)))
        }
        return response
    }

    /// The page's context, and the ids of the stories in its Read next rail.
    func page(
        _ article: Article, form: CommentFormContext, reader: Commenter?, view: View = View()
    ) async throws -> (ArticlePage, rail: [UUID]) {
        let now = site.clock.now
        let store = site.store
        async let surroundings = store.articles.surroundings(of: article.id, readNext: site.settings.readNext, now: now)
        async let page = store.comments.slice(onArticle: article.id, order: view.order, after: view.after)
        async let picks = view.after == nil ? store.comments.picks(onArticle: article.id) : []
        let conversation = try await page
        let chosen = try await picks
        var own: [Comment] = []
        var liked: Set<UUID> = []
        if let reader {
            own = try await store.comments.unpublished(onArticle: article.id, by: reader.id)
            let shown = conversation.roots + conversation.replies + chosen
            liked = try await store.comments.liked(by: reader.id, among: shown.map(\.id))
        }
        let around = try await surroundings
        let context = ArticlePage(
            article: article, readNext: around.readNext,
            conversation: ConversationContext.Input(
                article: article, page: conversation, picks: chosen, own: own, liked: liked,
                order: view.order, reader: reader, form: form, notice: view.notice),
            discovery: ArticleDiscovery(entities: around.entities, statements: around.statements),
            site: site, now: now)
        return (context, around.readNext.map(\.id))
    }
}

import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The dashboard and the story lists: what is in draft, in review, scheduled and recently published,
/// with who saved each story last and when; each account sees the stories it may open, no others.
struct DeskController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.dashboard, use: dashboard)
        group.get(NewsroomRoute.Pattern.articles, use: stories)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.dashboard)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.articles)
    }

    func dashboard(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        var groups: [DeskGroup] = []
        if account.policy.allows(.openArea(.articles)) {
            for status in [ArticleStatus.draft, .inReview, .scheduled, .published] {
                let entries = try await newsroom.store.articles.desk(
                    DeskQuery(status: status, limit: 10, viewer: account))
                groups.append(
                    DeskGroup(
                        title: status == .published ? "Recently published" : status.label,
                        moreURL: NewsroomRoute.articles(status: status).path,
                        rows: entries.map { row($0) }))
            }
        }
        return newsroom.html(
            DashboardPage(
                layout: newsroom.layout("Dashboard", context, notice: Newsroom.notice(request)),
                greeting: "Signed in as \(account.name), \(account.role.label.lowercased()).", groups: groups,
                newStoryURL: account.policy.allows(.createArticle) ? NewsroomRoute.newArticle.path : nil))
    }

    func stories(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff(allowedTo: .openArea(.articles))
        let query = request.uri.queryParameters
        let status = query.get("status").flatMap(ArticleStatus.init(rawValue:))
        let topicID = query.get("topic").flatMap(UUID.init(uuidString:))
        let authorID = query.get("author").flatMap(UUID.init(uuidString:))
        let entries = try await newsroom.store.articles.desk(
            DeskQuery(status: status, topicID: topicID, authorID: authorID, limit: 100, viewer: account))
        let topics = try await newsroom.store.topics.all()
        let authors = try await newsroom.store.authors.all()
        return newsroom.html(
            ArticlesPage(
                layout: newsroom.layout("Stories", context), action: NewsroomRoute.articles().path,
                statuses: ArticleStatus.allCases.map {
                    Option(value: $0.rawValue, label: $0.label, selected: $0 == status)
                },
                topics: topics.map {
                    Option(value: $0.id.lowercasedString, label: $0.name, selected: $0.id == topicID)
                },
                authors: authors.map {
                    Option(value: $0.id.lowercasedString, label: $0.name, selected: $0.id == authorID)
                },
                rows: entries.map { row($0) }))
    }

    private func row(_ entry: DeskEntry) -> DeskRow {
        DeskRow(
            headline: entry.headline, url: NewsroomRoute.article(entry.id).path, status: entry.status.label,
            savedBy: entry.savedByName, savedAt: newsroom.timeLabel(entry.savedAt),
            publishedAt: newsroom.timeLabel(entry.publishedAt))
    }
}

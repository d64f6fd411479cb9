import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Topics (rename, merge) and author profiles.
struct TopicsAuthorsController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.topics, use: topics)
        group.post(NewsroomRoute.Pattern.mergeTopics, use: merge)
        group.post(NewsroomRoute.Pattern.renameTopic, use: rename)
        group.get(NewsroomRoute.Pattern.authors, use: authors)
        group.get(NewsroomRoute.Pattern.author, use: author)
        group.post(NewsroomRoute.Pattern.author, use: saveAuthor)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.topics)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.mergeTopics)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.renameTopic)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.authors)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.author)
    }

    func topics(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff(allowedTo: .openArea(.topics))
        let topics = try await newsroom.store.topics.all()
        return newsroom.html(
            TopicsPage(
                layout: newsroom.layout("Topics", context, notice: Newsroom.notice(request)),
                canManage: account.policy.allows(.renameTopic),
                topics: topics.map {
                    TopicsPage.Row(
                        name: $0.name, slug: $0.slug.value, readerURL: ReaderRoute.topic($0.slug).path,
                        storiesURL: NewsroomRoute.articles(topic: $0.id).path,
                        renameAction: NewsroomRoute.renameTopic($0.id).path)
                },
                options: topics.map { Option(value: $0.id.lowercasedString, label: $0.name, selected: false) },
                mergeAction: NewsroomRoute.mergeTopics.path,
                suggestions: TopicName.suggestedMerges(topics).flatMap { group in
                    // For each spelling, the choice of keeping it and folding the others into it.
                    group.dropFirst().map { other in
                        TopicsPage.Suggestion(
                            first: group[0].name, second: other.name, firstID: group[0].id.lowercasedString,
                            secondID: other.id.lowercasedString)
                    }
                }))
    }

    func rename(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        let fields = try await context.form(request)
        try await newsroom.store.siteActions.renameTopic(id, to: fields["name"], by: account, now: newsroom.now)
        return newsroom.redirect(.topics, done: "renamed")
    }

    func merge(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        let fields = try await context.form(request)
        let (source, target) = try fields.mergePair(choose: "topic")
        try await newsroom.store.siteActions.mergeTopic(source, into: target, by: account, now: newsroom.now)
        return newsroom.redirect(.topics, done: "merged")
    }

    func authors(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff(allowedTo: .openArea(.authors))
        let authors = try await newsroom.store.authors.all()
        return newsroom.html(
            AuthorsPage(
                layout: newsroom.layout("Authors", context, notice: Newsroom.notice(request)),
                authors: authors.map {
                    AuthorsPage.Row(
                        name: $0.name, readerURL: ReaderRoute.author($0.slug).path,
                        editURL: account.policy.allows(.editAuthorProfile(own: account.authorID == $0.id))
                            ? NewsroomRoute.author($0.id).path : nil,
                        storiesURL: NewsroomRoute.articles(author: $0.id).path)
                }))
    }

    func author(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        guard let id = context.idParameter, let author = try await newsroom.store.authors.find(id: id) else {
            throw HTTPError(.notFound)
        }
        // The form is offered only to whoever may save it.
        try account.policy.checkInNewsroom(.editAuthorProfile(own: account.authorID == id))
        return newsroom.html(
            AuthorProfilePage(
                layout: newsroom.layout(author.name, context), action: NewsroomRoute.author(id).path,
                name: author.name, bio: author.bio))
    }

    func saveAuthor(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        guard let id = context.idParameter, var author = try await newsroom.store.authors.find(id: id) else {
            throw HTTPError(.notFound)
        }
        let fields = try await context.form(request)
        author.name = fields["name"].trimmingCharacters(in: .whitespacesAndNewlines)
        author.bio = fields["bio"].trimmingCharacters(in: .whitespacesAndNewlines)
        try await newsroom.store.siteActions.updateAuthor(author, by: account, now: newsroom.now)
        return newsroom.redirect(.authors, done: "author")
    }
}

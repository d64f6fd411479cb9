import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// A story's revisions: the list, the difference between any one and the current version, restore.
struct RevisionsController {
    let newsroom: Newsroom
    let editor: ArticleEditorController

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.revisions, use: list)
        group.get(NewsroomRoute.Pattern.revision, use: show)
        group.post(NewsroomRoute.Pattern.restore, use: restore)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.revisions)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.revision)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.restore)
    }

    func list(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (story, _) = try await editor.editable(context)
        let revisions = try await newsroom.store.revisions.all(ofArticle: story.id)
        return newsroom.html(
            RevisionsPage(
                layout: newsroom.layout("Revisions: \(story.headline)", context), headline: story.headline,
                storyURL: NewsroomRoute.article(story.id).path,
                revisions: revisions.map { revision in
                    RevisionsPage.Row(
                        version: revision.version, savedBy: revision.savedByName,
                        savedAt: newsroom.timeLabel(revision.savedAt),
                        changed: revision.changedFields.isEmpty
                            ? "first version" : revision.changedFields.joined(separator: ", "),
                        url: NewsroomRoute.revision(story.id, revision.id).path,
                        isCurrent: revision.version == story.version)
                }))
    }

    func show(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (story, _) = try await editor.editable(context)
        guard let revisionID = context.parameters.get("revision").flatMap(UUID.init(uuidString:)),
            let revision = try await newsroom.store.revisions.find(id: revisionID), revision.articleID == story.id
        else { throw HTTPError(.notFound) }
        let old = revision.content
        let new = story.content
        let fields: [(String, String, String)] = [
            ("Headline", old.headline, new.headline), ("Lede", old.lede, new.lede),
            ("Body", old.bodyMarkdown, new.bodyMarkdown), ("Address", old.slug.value, new.slug.value),
            ("Dateline", old.dateline ?? "", new.dateline ?? ""),
            (
                "Topics", old.allTopics.map(\.name).joined(separator: "\n"),
                new.allTopics.map(\.name).joined(separator: "\n")
            ),
            (
                "Byline", old.authors.map(\.name).joined(separator: "\n"),
                new.authors.map(\.name).joined(separator: "\n")
            ),
        ]
        return newsroom.html(
            RevisionPage(
                layout: newsroom.layout("Version \(revision.version): \(story.headline)", context),
                headline: story.headline, version: revision.version, currentVersion: story.version,
                savedBy: revision.savedByName, savedAt: newsroom.timeLabel(revision.savedAt),
                fields: fields.map { name, before, after in
                    RevisionPage.Field(
                        name: name, unchanged: before == after, lines: DiffLine.lines(from: before, to: after))
                },
                restoreAction: NewsroomRoute.restore(story.id, revision.id).path,
                isCurrent: revision.version == story.version, revisionsURL: NewsroomRoute.revisions(story.id).path))
    }

    func restore(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (story, account) = try await editor.editable(context)
        let fields = try await context.form(request)
        guard let revisionID = context.parameters.get("revision").flatMap(UUID.init(uuidString:)) else {
            throw HTTPError(.notFound)
        }
        guard let version = Int(fields["version"]) else {
            throw HTTPError(
                .unprocessableContent, message: "The restore form lacks the story's version; reload the page.")
        }
        _ = try await newsroom.store.articleActions.restore(
            story.id, revision: revisionID, basedOn: version, by: account, now: newsroom.now)
        return newsroom.redirect(.article(story.id), done: "restored")
    }
}

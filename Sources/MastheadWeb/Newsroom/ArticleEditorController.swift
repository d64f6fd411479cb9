import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Writing: a new story, editing one, and the live preview. Every save goes through the write layer
/// (``ArticleActions``); a refused save shows the editor again with the writer's text kept.
struct ArticleEditorController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.newArticle, use: newStory)
        group.post(NewsroomRoute.Pattern.newArticle, use: create)
        group.get(NewsroomRoute.Pattern.article, use: edit)
        group.post(NewsroomRoute.Pattern.article, use: save)
        group.post(NewsroomRoute.Pattern.preview, use: preview)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.newArticle)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.article)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.preview)
    }

    /// Byline slots the editor offers; a story with more authors is rare enough to add them in order.
    static let bylineSlots = 4

    func newStory(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff(allowedTo: .createArticle)
        let mine = try await account.authorID.asyncFlatMap { try await newsroom.store.authors.find(id: $0) }
        let draft = EditorInput(
            headline: "", lede: "", body: "", slug: "", dateline: "", topicIDs: [], primaryTopicID: nil,
            authorIDs: mine.map { [$0.id] } ?? [], newTopics: "", version: 0)
        return try await editor(draft, story: nil, context: context, problems: [], preview: nil, conflict: nil)
    }

    func create(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        let input = EditorInput(try await context.form(request))
        if input.wantsPreview {
            return try await editor(input, story: nil, context: context, problems: [], preview: true, conflict: nil)
        }
        do {
            let content = try await input.content(newsroom.store, media: newsroom.site.media)
            let story = try await newsroom.store.articleActions.create(
                content, slug: input.slugFromHeadline ? .headline : .chosen, newTopics: input.newTopicNames,
                by: account, now: newsroom.now)
            return newsroom.redirect(.article(story.id), done: "created")
        } catch ActionError.invalid(let problems) {
            return try await editor(
                input, story: nil, context: context, problems: problems, preview: nil, conflict: nil,
                status: .unprocessableContent)
        }
    }

    func edit(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (story, _) = try await editable(context)
        return try await editor(
            EditorInput(story), story: story, context: context, problems: [], preview: nil, conflict: nil,
            notice: Newsroom.notice(request))
    }

    func save(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (story, account) = try await editable(context)
        let input = EditorInput(try await context.form(request))
        if input.wantsPreview {
            return try await editor(input, story: story, context: context, problems: [], preview: true, conflict: nil)
        }
        do {
            let content = try await input.content(newsroom.store, media: newsroom.site.media)
            _ = try await newsroom.store.articleActions.save(
                story.id, content: content, newTopics: input.newTopicNames, basedOn: input.version, by: account,
                now: newsroom.now)
            return newsroom.redirect(.article(story.id), done: "saved")
        } catch ActionError.invalid(let problems) {
            return try await editor(
                input, story: story, context: context, problems: problems, preview: nil, conflict: nil,
                status: .unprocessableContent)
        } catch ActionError.conflict(let conflict) {
            // The writer's text stays in the form, now based on the newer version: saving again is a
            // deliberate choice to replace it, made after seeing what it says.
            var kept = input
            kept.version = conflict.current.version
            let current = conflict.current
            let view = EditorPage.ConflictView(
                savedBy: current.savedByName, savedAt: newsroom.timeLabel(current.savedAt), version: current.version,
                headline: current.content.headline, lede: current.content.lede,
                diff: DiffLine.lines(from: current.content.bodyMarkdown, to: input.body))
            return try await editor(
                kept, story: story, context: context,
                problems: [
                    "\(current.savedByName) saved this story at \(newsroom.timeLabel(current.savedAt)), after you "
                        + "started editing. Your text is below and nothing was saved: compare it with theirs, "
                        + "then save again to replace their version."
                ],
                preview: nil, conflict: view, status: .conflict)
        }
    }

    /// The live preview's fragment for the editor's script: the body through the publishing path.
    func preview(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        _ = try context.staff(allowedTo: .createArticle)
        let fields = try await context.form(request)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: ArticleBody.html(fromMarkdown: fields["body"]))))
    }

    /// The story named by the path, when the account may edit it.
    func editable(_ context: NewsroomRequestContext) async throws -> (Article, StaffAccount) {
        let account = try context.staff()
        guard let id = context.idParameter, let story = try await newsroom.store.articles.find(id: id) else {
            throw HTTPError(.notFound)
        }
        let creator = try await newsroom.store.articles.creator(of: id)
        try account.policy.checkInNewsroom(.openArticle(own: account.policy.isOwn(story, creator: creator)))
        return (story, account)
    }

    func editor(
        _ input: EditorInput, story: Article?, context: NewsroomRequestContext, problems: [String], preview: Bool?,
        conflict: EditorPage.ConflictView?, status: HTTPResponse.Status = .ok, notice: String? = nil
    ) async throws -> Response {
        let account = try context.staff()
        let topics = try await newsroom.store.topics.all()
        let authors = try await newsroom.store.authors.all()
        let suggested =
            try await story.asyncFlatMap {
                try await DiscoveryIndex(store: newsroom.store).suggestedTopics(for: $0.id, now: newsroom.now)
            } ?? []
        let creator = try await story.asyncFlatMap { try await newsroom.store.articles.creator(of: $0.id) }
        let panel = story.map {
            ArticlePanelBuilder(newsroom: newsroom).panel(for: $0, account: account, creator: creator)
        }
        let slots = (0..<Self.bylineSlots).map { index in
            let chosen = index < input.authorIDs.count ? input.authorIDs[index] : nil
            return EditorPage.BylineSlot(
                label: index == 0 ? "Byline" : "Then",
                options: authors.map {
                    Option(value: $0.id.lowercasedString, label: $0.name, selected: $0.id == chosen)
                })
        }
        let page = EditorPage(
            layout: newsroom.layout(story?.headline ?? "New story", context, notice: notice),
            heading: story == nil ? "New story" : "Edit story",
            formAction: story.map { NewsroomRoute.article($0.id).path } ?? NewsroomRoute.newArticle.path,
            previewAction: NewsroomRoute.preview.path,
            headline: input.headline, lede: input.lede, body: input.body, slug: input.slug, dateline: input.dateline,
            newTopics: input.newTopics, version: input.version,
            topics: topics.map {
                Option(
                    value: $0.id.lowercasedString,
                    label: suggested.contains($0.name) && !input.topicIDs.contains($0.id)
                        ? "\($0.name) (suggested)" : $0.name,
                    selected: input.topicIDs.contains($0.id))
            },
            suggestedTopics: suggested.joined(separator: ", "),
            primaryTopics: topics.map {
                Option(value: $0.id.lowercasedString, label: $0.name, selected: $0.id == input.primaryTopicID)
            },
            bylineSlots: slots,
            image: input.image.map {
                EditorPage.ImageFields(
                    file: $0.file, url: ReaderRoute.media($0.file).path, alt: $0.alt, caption: $0.caption,
                    credit: $0.credit)
            },
            problems: problems, hasProblems: !problems.isEmpty,
            preview: preview == true ? EditorPage.Preview(bodyHTML: ArticleBody.html(fromMarkdown: input.body)) : nil,
            conflict: conflict, story: panel)
        return newsroom.html(page, status: status)
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

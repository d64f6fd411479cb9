import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The panels beside the editor: workflow moves, the embargo, an editor's update and corrections.
struct ArticleWorkflowController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.post(NewsroomRoute.Pattern.articleMove, use: move)
        group.post(NewsroomRoute.Pattern.articleEmbargo, use: embargo)
        group.post(NewsroomRoute.Pattern.articleUpdate, use: update)
        group.post(NewsroomRoute.Pattern.articleCorrections, use: correct)
        group.post(NewsroomRoute.Pattern.articleConversation, use: conversation)
        for pattern in [
            NewsroomRoute.Pattern.articleMove, NewsroomRoute.Pattern.articleEmbargo,
            NewsroomRoute.Pattern.articleUpdate,
            NewsroomRoute.Pattern.articleCorrections, NewsroomRoute.Pattern.articleConversation,
        ] {
            group.allowOnly([.post], on: pattern)
        }
    }

    func move(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (id, account, fields) = try await read(request, context)
        guard let move = Workflow.Move(rawValue: fields["move"]) else {
            throw HTTPError(.badRequest, message: "That is not a step in the workflow.")
        }
        let scheduleAt = newsroom.date(fromField: fields["schedule_at"])
        if move == .schedule, scheduleAt == nil, !fields["schedule_at"].isEmpty {
            throw HTTPError(.unprocessableContent, message: "The time to schedule for could not be read.")
        }
        _ = try await newsroom.store.articleActions.move(
            id, move, scheduleAt: scheduleAt, by: account, now: newsroom.now)
        return newsroom.redirect(.article(id), done: "moved")
    }

    func embargo(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (id, account, fields) = try await read(request, context)
        let until = newsroom.date(fromField: fields["embargo_until"])
        if until == nil, !fields["embargo_until"].isEmpty {
            throw HTTPError(.unprocessableContent, message: "The embargo time could not be read.")
        }
        _ = try await newsroom.store.articleActions.setEmbargo(id, until: until, by: account, now: newsroom.now)
        return newsroom.redirect(.article(id), done: "embargo")
    }

    func update(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (id, account, fields) = try await read(request, context)
        _ = try await newsroom.store.articleActions.markUpdated(
            id, note: fields["note"], by: account, now: newsroom.now)
        return newsroom.redirect(.article(id), done: "updated")
    }

    func correct(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (id, account, fields) = try await read(request, context)
        _ = try await newsroom.store.articleActions.addCorrection(
            id, text: fields["text"], by: account, now: newsroom.now)
        return newsroom.redirect(.article(id), done: "corrected")
    }

    func conversation(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (id, account, fields) = try await read(request, context)
        guard let mode = ConversationSettings.Mode(rawValue: fields["comments_mode"]) else {
            throw HTTPError(.unprocessableContent, message: "Choose open, closed, or closing by itself.")
        }
        _ = try await newsroom.store.articleActions.setConversation(
            id, ConversationSettings(mode: mode, preModerated: fields["premoderated"] == "1"), by: account,
            now: newsroom.now)
        return newsroom.redirect(.article(id), done: "conversation")
    }

    private func read(_ request: Request, _ context: NewsroomRequestContext) async throws -> (
        UUID, StaffAccount, FormFields
    ) {
        let account = try context.staff()
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        return (id, account, try await context.form(request))
    }
}

/// Builds the panel of a saved story for the editor page.
struct ArticlePanelBuilder {
    let newsroom: Newsroom

    func panel(for story: Article, account: StaffAccount, creator: UUID?) -> ArticlePanel {
        let moves = account.policy.moves(on: story, creator: creator)
        let visible = story.isVisible(at: newsroom.now)
        return ArticlePanel(
            status: story.status == .scheduled
                ? "Scheduled for \(newsroom.timeLabel(story.publishedAt))" : story.status.label,
            publishedAt: story.publishedAt == nil || story.status == .scheduled
                ? nil : newsroom.timeLabel(story.publishedAt),
            readerURL: visible ? ReaderRoute.article(story.slug).path : nil,
            moveAction: NewsroomRoute.articleMove(story.id).path,
            moves: moves.filter { $0 != .schedule }.map {
                Option(value: $0.rawValue, label: $0.label, selected: false)
            },
            hasMoves: !moves.isEmpty, canSchedule: moves.contains(.schedule),
            scheduleValue: newsroom.fieldValue(story.status == .scheduled ? story.publishedAt : nil),
            embargoAction: NewsroomRoute.articleEmbargo(story.id).path,
            embargoValue: newsroom.fieldValue(story.embargoUntil),
            embargoed: story.embargoUntil.map { $0 > newsroom.now } ?? false,
            canUpdate: account.policy.allows(.markUpdated) && story.publishedAt != nil,
            updateAction: NewsroomRoute.articleUpdate(story.id).path,
            updatedAt: story.updatedAt.map { newsroom.timeLabel($0) }, updateNote: story.updateNote,
            correctionAction: NewsroomRoute.articleCorrections(story.id).path,
            corrections: story.corrections.map {
                ArticlePanel.CorrectionRow(text: $0.text, at: newsroom.timeLabel($0.createdAt))
            },
            canModerate: account.policy.allows(.setConversation),
            conversationAction: NewsroomRoute.articleConversation(story.id).path,
            conversationModes: ConversationSettings.Mode.allCases.map { mode in
                Option(
                    value: mode.rawValue,
                    label: mode == .timed
                        ? "Open for \(newsroom.site.settings.commentsCloseAfterDays) days after publication"
                        : mode.rawValue.prefix(1).uppercased() + mode.rawValue.dropFirst(),
                    selected: mode == story.conversation.mode)
            },
            preModerated: story.conversation.preModerated,
            revisionsURL: NewsroomRoute.revisions(story.id).path,
            imageAction: NewsroomRoute.articleImage(story.id).path,
            version: story.version)
    }
}

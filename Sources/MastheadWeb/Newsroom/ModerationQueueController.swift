import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The moderators' screen: the pending, reported and rejected queues, each comment approved, rejected
/// or featured from the one screen, alone or in bulk; a commenter's page with bans and pre-moderation;
/// and the audit log of every decision.
struct ModerationQueueController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.moderationQueue, use: queue)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.moderationQueue)
        group.post(NewsroomRoute.Pattern.moderateComments, use: decide)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.moderateComments)
        group.get(NewsroomRoute.Pattern.moderationLog, use: log)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.moderationLog)
        group.get(NewsroomRoute.Pattern.commenter, use: commenter)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.commenter)
        group.post(NewsroomRoute.Pattern.banCommenter, use: ban)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.banCommenter)
        group.post(NewsroomRoute.Pattern.preModerateCommenter, use: preModerate)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.preModerateCommenter)
    }

    func queue(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try moderator(context)
        let current = request.uri.queryParameters.get("queue").flatMap(ModerationQueue.init(rawValue:)) ?? .pending
        let rows = try await newsroom.store.moderation.queue(current)
        let counts = try await newsroom.store.moderation.counts()
        let zone = newsroom.site.settings.timeZone
        return newsroom.html(
            ModerationQueuePage(
                layout: newsroom.layout("Comments", context, notice: Newsroom.notice(request)),
                tabs: ModerationQueue.allCases.map {
                    ModerationQueuePage.Tab(
                        label: $0.label, count: counts[$0] ?? 0, url: NewsroomRoute.queue($0).path,
                        isCurrent: $0 == current)
                },
                queueName: current.rawValue, queueLabel: current.label,
                rows: rows.map { ModerationQueuePage.Row($0, timeZone: zone) }, hasRows: !rows.isEmpty,
                action: NewsroomRoute.moderateComments.path, logURL: NewsroomRoute.moderationLog.path,
                liveStreams: newsroom.site.live.openCount, liveLimit: newsroom.site.live.limit))
    }

    /// One form serves the whole screen: a row's own button sends `single=decision:id`; the bulk buttons
    /// send `decision` with every ticked `ids`.
    func decide(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try moderator(context)
        let fields = try await context.form(request)
        let queue = ModerationQueue(rawValue: fields["queue"]) ?? .pending
        let decision: ModerationActions.Decision
        let ids: [UUID]
        if fields["single"].hasPrefix("ban:") {
            return try await banFromQueue(fields, queue: queue, by: account)
        }
        if fields.has("single") {
            let parts = fields["single"].split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let chosen = ModerationActions.Decision(rawValue: parts[0]),
                let id = UUID(uuidString: parts[1])
            else { throw HTTPError(.unprocessableContent, message: "That decision was not understood.") }
            decision = chosen
            ids = [id]
        } else {
            guard let chosen = ModerationActions.Decision(rawValue: fields["decision"]) else {
                throw HTTPError(.unprocessableContent, message: "Choose approve, reject or feature.")
            }
            decision = chosen
            ids = fields.all("ids").compactMap(UUID.init(uuidString:))
            guard !ids.isEmpty else {
                throw HTTPError(.unprocessableContent, message: "Tick at least one comment, then choose what to do.")
            }
        }
        _ = try await newsroom.store.moderationActions.decide(
            decision, on: ids, note: String(fields["note"].prefix(500)), by: account, now: newsroom.now)
        return newsroom.redirect(.queue(queue), done: "moderated")
    }

    /// "Ban for a week" on a row: the comment is rejected and its author barred for seven days, with the
    /// note as the reason (the commenter sees it), both in the log.
    private func banFromQueue(_ fields: FormFields, queue: ModerationQueue, by account: StaffAccount) async throws
        -> Response
    {
        guard let id = UUID(uuidString: String(fields["single"].dropFirst("ban:".count))),
            let comment = try await newsroom.store.comments.find(id)
        else { throw HTTPError(.notFound) }
        guard let commenterID = comment.commenterID else {
            throw HTTPError(
                .unprocessableContent,
                message: "A guest has no account to ban; reject the comment, or turn guests away in the comment rules.")
        }
        let note = fields["note"].trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = note.isEmpty ? "Breaking this site's rules for comments." : String(note.prefix(500))
        _ = try await newsroom.store.moderationActions.decide(
            .reject, on: [id], note: reason, by: account, now: newsroom.now)
        try await newsroom.store.moderationActions.ban(
            commenterID, until: newsroom.now.addingTimeInterval(Self.queueBanLength), reason: reason, by: account,
            now: newsroom.now)
        return newsroom.redirect(.queue(queue), done: "banned")
    }

    static let queueBanLength: TimeInterval = 7 * 86_400

    func log(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try moderator(context)
        let entries = try await newsroom.store.moderation.log()
        let zone = newsroom.site.settings.timeZone
        return newsroom.html(
            ModerationLogPage(
                layout: newsroom.layout("Moderation log", context),
                entries: entries.map {
                    ModerationLogPage.Entry(
                        at: TimeLabel.full(for: $0.createdAt, timeZone: zone), moderator: $0.moderatorName,
                        action: $0.action, note: $0.note,
                        commenterURL: $0.commenterID.map { NewsroomRoute.commenter($0).path })
                }, hasEntries: !entries.isEmpty))
    }

    func commenter(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try moderator(context)
        guard let id = context.idParameter, let commenter = try await newsroom.store.commenters.find(id) else {
            throw HTTPError(.notFound)
        }
        let zone = newsroom.site.settings.timeZone
        let now = newsroom.now
        let comments = try await newsroom.store.comments.all(by: id).prefix(50)
        return newsroom.html(
            CommenterPage(
                layout: newsroom.layout(commenter.displayName, context, notice: Newsroom.notice(request)),
                displayName: commenter.displayName, email: commenter.email, isVerified: commenter.isVerified,
                joined: TimeLabel.full(for: commenter.createdAt, timeZone: zone),
                approved: commenter.approvedCount, rejected: commenter.rejectedCount,
                bannedUntil: commenter.isBanned(at: now)
                    ? commenter.bannedUntil.map { TimeLabel.full(for: $0, timeZone: zone) } : nil,
                banReason: commenter.banReason, isPreModerated: commenter.premoderated,
                banAction: NewsroomRoute.banCommenter(id).path,
                preModerationAction: NewsroomRoute.preModerateCommenter(id).path,
                comments: comments.map {
                    CommenterPage.Item(
                        status: $0.isDeleted ? "deleted" : $0.status.rawValue, bodyHTML: $0.bodyHTML,
                        at: TimeLabel.full(for: $0.createdAt, timeZone: zone))
                }))
    }

    func ban(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try moderator(context)
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        let fields = try await context.form(request)
        let reason = String(fields["reason"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        let until: Date?
        if fields["lift"] == "1" {
            until = nil
        } else {
            guard let days = Int(fields["days"]), (1...3_650).contains(days) else {
                throw HTTPError(.unprocessableContent, message: "Give the ban's length in days, from 1 to 3650.")
            }
            guard !reason.isEmpty else {
                throw HTTPError(.unprocessableContent, message: "Say why, for the log and for the commenter.")
            }
            until = newsroom.now.addingTimeInterval(TimeInterval(days) * 86_400)
        }
        try await newsroom.store.moderationActions.ban(id, until: until, reason: reason, by: account, now: newsroom.now)
        return newsroom.redirect(.commenter(id), done: "banned")
    }

    func preModerate(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try moderator(context)
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        let fields = try await context.form(request)
        try await newsroom.store.moderationActions.preModerate(
            id, fields["premoderated"] == "1", note: String(fields["note"].prefix(500)), by: account,
            now: newsroom.now)
        return newsroom.redirect(.commenter(id), done: "premoderation")
    }

    @discardableResult
    private func moderator(_ context: NewsroomRequestContext) throws -> StaffAccount {
        try context.staff(allowedTo: .moderateComments)
    }
}

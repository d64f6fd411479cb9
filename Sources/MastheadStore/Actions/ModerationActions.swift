import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// What moderators do to comments and commenters. Each action is one transaction with its event and
/// a line in the audit log: who, when, what, why.
public struct ModerationActions: Sendable {
    let store: Store

    public enum Decision: String, Sendable, CaseIterable {
        case approve
        case reject
        case feature
        case unfeature

        public var label: String {
            switch self {
            case .approve: "Approve"
            case .reject: "Reject"
            case .feature: "Feature"
            case .unfeature: "Unfeature"
            }
        }
    }

    /// Applies `decision` to each comment, all or none. Approving or rejecting settles the comment's
    /// reports; featuring publishes it (a pick readers cannot see would be no pick).
    public func decide(
        _ decision: Decision, on ids: [UUID], note: String, by moderator: StaffAccount, now: Date
    ) async throws -> [Comment] {
        try moderator.policy.require(.moderateComments)
        guard !ids.isEmpty else { throw ActionError.invalid(["Choose at least one comment."]) }
        return try await store.transaction { tx in
            var changed: [Comment] = []
            for id in ids {
                guard let record = try await CommentRecord.find(id, on: tx.database), let old = record.comment else {
                    throw ActionError.notFound("A comment you chose no longer exists.")
                }
                if old.isDeleted, decision == .approve || decision == .feature {
                    throw ActionError.invalid(["Its author deleted that comment; there is nothing left to publish."])
                }
                var updated = old
                switch decision {
                case .approve:
                    updated.status = .published
                    updated.reason = nil
                case .reject:
                    updated.status = .rejected
                    // A held comment's reason said why it waited; now the reason is the moderator's decision.
                    if old.status != .rejected { updated.reason = .rejectedByModerator }
                    updated.featured = false
                case .feature:
                    updated.status = .published
                    updated.reason = nil
                    updated.featured = true
                case .unfeature:
                    updated.featured = false
                }
                if decision == .approve || decision == .reject {
                    updated.reportCount = 0
                    guard let sql = tx.database as? any SQLDatabase else { throw StoreError.notSQL }
                    try await sql.update("comment_reports").set("resolved_at", to: SQLBind(now))
                        .where("comment_id", .equal, SQLBind(id)).where("resolved_at", .is, SQLLiteral.null).run()
                }
                record.status = updated.status.rawValue
                record.reason = updated.reason?.rawValue
                record.featured = updated.featured
                record.reportCount = updated.reportCount
                try await record.update(on: tx.database)
                try await CommentCounts.changed(from: old, to: updated, on: tx.database)
                try await Self.log(
                    decision.rawValue, comment: id, commenter: old.commenterID, note: note, by: moderator, now: now,
                    on: tx.database)
                let published = updated.status == .published && old.status != .published
                try await tx.record(
                    DomainEvent.about(
                        updated, published ? .commentPublished : .commentModerated, actorID: moderator.id,
                        occurredAt: now))
                changed.append(updated)
            }
            return changed
        }
    }

    /// Bars a commenter from posting until `until`, or lifts the ban with nil.
    public func ban(
        _ commenterID: UUID, until: Date?, reason: String, by moderator: StaffAccount, now: Date
    ) async throws {
        try moderator.policy.require(.moderateComments)
        try await store.transaction { tx in
            guard let record = try await CommenterRecord.find(commenterID, on: tx.database) else {
                throw ActionError.notFound("That commenter no longer exists.")
            }
            if let until, until <= now { throw ActionError.invalid(["A ban must end in the future."]) }
            record.bannedUntil = until
            record.banReason = until == nil ? nil : reason
            try await record.update(on: tx.database)
            try await Self.log(
                until == nil ? "unban" : "ban", comment: nil, commenter: commenterID,
                note: until.map { "until \(ISO8601DateFormatter().string(from: $0)). \(reason)" } ?? reason,
                by: moderator, now: now, on: tx.database)
            try await tx.record(
                DomainEvent(name: .commenterChanged, subjectID: commenterID, actorID: moderator.id, occurredAt: now))
        }
    }

    /// Puts a commenter on pre-moderation (every comment read first), or takes them off it.
    public func preModerate(
        _ commenterID: UUID, _ on: Bool, note: String, by moderator: StaffAccount, now: Date
    ) async throws {
        try moderator.policy.require(.moderateComments)
        try await store.transaction { tx in
            guard let record = try await CommenterRecord.find(commenterID, on: tx.database) else {
                throw ActionError.notFound("That commenter no longer exists.")
            }
            record.premoderated = on
            try await record.update(on: tx.database)
            try await Self.log(
                on ? "premoderate" : "trust", comment: nil, commenter: commenterID, note: note, by: moderator, now: now,
                on: tx.database)
            try await tx.record(
                DomainEvent(name: .commenterChanged, subjectID: commenterID, actorID: moderator.id, occurredAt: now))
        }
    }

    static func log(
        _ action: String, comment: UUID?, commenter: UUID?, note: String, by moderator: StaffAccount, now: Date,
        on database: any Database
    ) async throws {
        let entry = ModerationLogRecord()
        entry.moderatorID = moderator.id
        entry.moderatorName = moderator.name
        entry.action = action
        entry.commentID = comment
        entry.commenterID = commenter
        entry.note = note
        entry.createdAt = now
        try await entry.create(on: database)
    }
}

extension Store {
    public var moderationActions: ModerationActions { ModerationActions(store: self) }
}

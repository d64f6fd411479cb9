import FluentKit
import Foundation
import MastheadCore

public struct SiteSettingsRepository: Sendable {
    let database: any Database

    /// The stored settings, or nil on a site that has none yet. A time zone the system no longer
    /// knows falls back to UTC rather than taking the site down.
    public func load() async throws -> SiteSettings? {
        guard let record = try await SiteSettingsRecord.query(on: database).first() else { return nil }
        return SiteSettings(
            name: record.name, baseURL: record.baseURL,
            timeZone: TimeZone(identifier: record.timeZone) ?? SiteSettings.defaults.timeZone,
            language: record.language, feedFullText: record.feedFullText,
            readNext: ReadNextMode(rawValue: record.readNext) ?? .related,
            commentsCloseAfterDays: record.commentsCloseAfterDays,
            comments: CommentSettings(
                allowGuests: record.commentsAllowGuests,
                policy: ModerationPolicy(
                    bannedWords: CommentSettings.wordList(record.commentsBannedWords),
                    suspectWords: CommentSettings.wordList(record.commentsSuspectWords),
                    preModerateAll: record.commentsPremoderateAll, firstCommentsHeld: record.commentsFirstHeld,
                    linksHeldUntilApproved: record.commentsLinksHeldUntil, maximumLength: record.commentsMaxLength)))
    }

    public func save(_ settings: SiteSettings) async throws {
        let record = try await SiteSettingsRecord.query(on: database).first() ?? SiteSettingsRecord()
        record.name = settings.name
        record.baseURL = settings.baseURL
        record.timeZone = settings.timeZone.identifier
        record.language = settings.language
        record.feedFullText = settings.feedFullText
        record.readNext = settings.readNext.rawValue
        record.commentsCloseAfterDays = settings.commentsCloseAfterDays
        let comments = settings.comments
        record.commentsAllowGuests = comments.allowGuests
        record.commentsPremoderateAll = comments.policy.preModerateAll
        record.commentsFirstHeld = comments.policy.firstCommentsHeld
        record.commentsLinksHeldUntil = comments.policy.linksHeldUntilApproved
        record.commentsMaxLength = comments.policy.maximumLength
        record.commentsBannedWords = comments.policy.bannedWords.words.joined(separator: "\n")
        record.commentsSuspectWords = comments.policy.suspectWords.words.joined(separator: "\n")
        try await record.save(on: database)
    }
}

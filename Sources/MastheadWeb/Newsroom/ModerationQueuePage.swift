import Foundation
import MastheadCore
import MastheadStore

struct ModerationQueuePage: PageContext {
    static let template = "comments"
    let layout: NewsroomLayout
    let tabs: [Tab]
    let queueName: String
    let queueLabel: String
    let rows: [Row]
    let hasRows: Bool
    let action: String
    let logURL: String
    /// The live-comments gauge: streams open on this node, and the most it allows.
    let liveStreams: Int
    let liveLimit: Int

    struct Tab: TemplateContext {
        let label: String
        let count: Int
        let url: String
        let isCurrent: Bool
    }

    struct Row: TemplateContext {
        let id: String
        let displayName: String
        let badge: String?
        let bodyHTML: String
        let at: String
        let storyHeadline: String
        let storyURL: String
        let reason: String?
        let reports: [String]
        let hasReports: Bool
        let isFeatured: Bool
        let isGuest: Bool
        let commenterURL: String?

        init(_ queued: ModerationRepository.QueuedComment, timeZone: TimeZone) {
            let comment = queued.comment
            id = comment.id.lowercasedString
            displayName = comment.displayName
            badge = comment.badge?.label
            bodyHTML = comment.bodyHTML
            at = TimeLabel.full(for: comment.createdAt, timeZone: timeZone)
            storyHeadline = queued.story.headline
            storyURL = ReaderRoute.comment(article: queued.story.slug, id: comment.id).path
            reason = comment.reason.map { "\($0.rawValue)" }
            reports = queued.reports.map { $0.note.isEmpty ? $0.reason.label : "\($0.reason.label): \($0.note)" }
            hasReports = !queued.reports.isEmpty
            isFeatured = comment.featured
            isGuest = comment.commenterID == nil
            commenterURL = comment.commenterID.map { NewsroomRoute.commenter($0).path }
        }
    }
}

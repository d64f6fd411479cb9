import Foundation

/// Whether a story takes comments, and whether they wait for a moderator. Set per story in the
/// newsroom; a timed conversation closes on its own a number of days after publication (a site
/// setting, 14 by default), as most newsrooms close old threads nobody is watching any more.
public struct ConversationSettings: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable, Codable {
        case open
        case closed
        /// Open until the site's number of days after publication, then closed.
        case timed
    }

    public var mode: Mode
    /// Every comment waits for a moderator before readers see it.
    public var preModerated: Bool

    public init(mode: Mode = .timed, preModerated: Bool = false) {
        self.mode = mode
        self.preModerated = preModerated
    }

    public static let standard = ConversationSettings()

    /// When the conversation closes by itself; nil when it does not (open, closed, or not yet published).
    public func closesAt(publishedAt: Date?, closeAfterDays: Int) -> Date? {
        guard mode == .timed, let publishedAt else { return nil }
        return publishedAt.addingTimeInterval(TimeInterval(max(closeAfterDays, 0)) * 86_400)
    }

    public func isOpen(publishedAt: Date?, now: Date, closeAfterDays: Int) -> Bool {
        switch mode {
        case .open: return true
        case .closed: return false
        case .timed:
            guard let closes = closesAt(publishedAt: publishedAt, closeAfterDays: closeAfterDays) else { return true }
            return now < closes
        }
    }
}

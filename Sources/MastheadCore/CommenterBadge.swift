import Foundation

/// A mark beside a commenter's name that readers can trust: it is set by the site, never typed.
public enum CommenterBadge: String, Sendable, CaseIterable, Codable {
    /// One of the story's own authors.
    case author
    /// Anyone else on the newsroom's staff.
    case staff

    public var label: String {
        switch self {
        case .author: "Author"
        case .staff: "Staff"
        }
    }
}

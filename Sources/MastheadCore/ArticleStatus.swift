import Foundation

/// Where a story stands in the newsroom's workflow; ``Workflow`` says who may move it where.
public enum ArticleStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case inReview = "in_review"
    case scheduled
    case published
    case unpublished

    /// How the newsroom names the status.
    public var label: String {
        switch self {
        case .draft: return "Draft"
        case .inReview: return "In review"
        case .scheduled: return "Scheduled"
        case .published: return "Published"
        case .unpublished: return "Unpublished"
        }
    }
}

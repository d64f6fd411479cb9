import Foundation

/// Why a reader reports a comment to the moderators. The raw values are what the report form and the
/// API send, so they stay fixed.
public enum ReportReason: String, CaseIterable, Sendable, Codable {
    case spam
    case abuse
    case offTopic = "off-topic"
    case misinformation
    case other

    /// The choice as the report form shows it.
    public var label: String {
        switch self {
        case .spam: return "Spam or advertising"
        case .abuse: return "Abusive or hateful"
        case .offTopic: return "Off topic"
        case .misinformation: return "False or misleading"
        case .other: return "Something else"
        }
    }
}

/// How the top-level comments under a story are sorted. Replies always read oldest first, as a
/// conversation does; only the top level offers a choice.
///
/// The raw values are what `?sort=` links carry, so they stay short and never change.
public enum CommentOrder: String, CaseIterable, Sendable {
    case oldest
    case newest
    case mostLiked = "liked"

    /// Reads a `?sort=` value. A missing or unknown value falls back to oldest first, the order a
    /// conversation was written in, so an old or mistyped link still shows a page.
    public init(query: String?) {
        self = query.flatMap(CommentOrder.init(rawValue:)) ?? .oldest
    }

    /// The name of the order in the sort menu.
    public var label: String {
        switch self {
        case .oldest: return "Oldest first"
        case .newest: return "Newest first"
        case .mostLiked: return "Most liked"
        }
    }
}

import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// One story found by search: what a list shows, and where the words matched.
public struct SearchHit: Sendable, Equatable {
    public var story: ArticleSummary
    /// Escaped text with the matches in `<mark>` (``SearchSnippet``).
    public var snippetHTML: String
}

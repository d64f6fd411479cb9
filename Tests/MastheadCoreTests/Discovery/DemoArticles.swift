import Foundation
import MastheadCore

/// The demo edition's stories as the extractors read them: headline, lede and body joined by blank
/// lines. The first is the reference page's main article.
enum DemoArticles {
    static let texts = DemoEdition(now: Date()).articles.map { story in
        [story.content.headline, story.content.lede, story.content.bodyMarkdown].joined(separator: "\n\n")
    }

    static var main: String { texts[0] }

    /// The first story whose headline starts with `opening`.
    static func article(_ opening: String) -> String {
        texts.first { $0.hasPrefix(opening) } ?? ""
    }
}

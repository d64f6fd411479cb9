import MastheadCore

struct SearchPage: PageContext {
    static let template = "search"
    let layout: LayoutContext
    let action: String
    let query: String
    let topics: [Option]
    let authors: [Option]
    let from: String
    let to: String
    let message: String?
    let results: [Result]
    let hasResults: Bool
    let nextURL: String?

    struct Result: TemplateContext {
        let url: String
        let headline: String
        let timeLabel: String
        let isoTime: String
        /// Built by ``SearchSnippet`` from the story's text: escaped, with `<mark>` around matches.
        let snippet: Snippet?
    }

    struct Snippet: TemplateContext {
        let bodyHTML: String
    }
}

import MastheadCore

/// A person's, place's or organisation's page.
struct EntityPage: PageContext {
    static let template = "entity"

    let layout: LayoutContext
    /// "Person", "Place" or "Organisation", above the name.
    let kind: String
    let name: String
    let statements: [StatementView]
    let hasStatements: Bool
    let list: ArticleTeaserList
}

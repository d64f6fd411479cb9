import MastheadCore

struct AuthorLink: TemplateContext {
    let name: String
    let url: String
    /// Separator before this name in a byline: "", ", " or " and ".
    let joiner: String
}

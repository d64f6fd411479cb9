import MastheadCore

struct OrderLink: TemplateContext {
    let label: String
    let url: String
    let isCurrent: Bool
}

import MastheadCore

struct ReasonOption: TemplateContext {
    let value: String
    let label: String
    let isChosen: Bool
}

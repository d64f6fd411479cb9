import MastheadCore

/// One choice of a `<select>` or a set of checkboxes.
struct Option: TemplateContext {
    let value: String
    let label: String
    let selected: Bool
}

/// A tag as written in a template, with its line: what `masthead theme check` reads to name a
/// problem's place (the parsed nodes keep no lines, to stay small for rendering).
struct TemplateTag: Sendable, Equatable {
    enum Kind: Sendable {
        /// `{{name}}`, `{{{name}}}` or `{{&name}}`.
        case variable
        /// `{{#name}}`.
        case section
        /// `{{^name}}`.
        case invertedSection
        /// `{{/name}}`, closing a section, a parent or a block.
        case close
        case partial
        /// `{{>*path}}`: the partial's name is only known from the context.
        case dynamicPartial
        case parent
        case block
    }

    let kind: Kind
    let name: String
    let line: Int
}

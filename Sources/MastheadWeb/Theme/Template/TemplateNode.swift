/// A parsed template: text kept as UTF-8 bytes, ready to copy, and the tags between it.
enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; a partial alone on its line is indented as the tag was.
    case partial(String, indentation: String)
    /// `{{< name}}…{{/name}}`: renders another template with these blocks replaced.
    case parent(String, blocks: [String: [TemplateNode]])
    /// `{{$ name}}default{{/name}}`: replaced by a child template's block of the same name.
    case block(String, [TemplateNode])
}

/// A name in a tag: `.` for the current value, or a dotted path looked up from the innermost
/// context outwards by its first part.
enum TemplatePath: Sendable, Equatable {
    case current
    case names([TemplateName])

    init(_ text: String) {
        self = text == "." ? .current : .names(text.split(separator: ".").map { TemplateName(String($0)) })
    }
}

struct TemplateSyntaxError: Error, Sendable, Equatable {
    let line: Int
    let message: String
}

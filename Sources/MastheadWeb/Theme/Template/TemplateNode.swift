/// A parsed template: text kept as UTF-8 bytes, ready to copy, and the tags between it.
enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode], inverted: Bool)
    /// `{{> name}}`. A partial alone on its line has that line's indentation (perhaps none), put before
    /// each line of its template; one written inside a line has nil.
    case partial(String, indentation: [UInt8]?)
    /// `{{>* path}}`: the partial named by the text the path finds, as `{{> name}}` otherwise.
    case dynamicPartial(TemplatePath, indentation: [UInt8]?)
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

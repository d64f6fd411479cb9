/// Writes sanitized HTML back on one line, for what Markdown has no syntax for (a figure with its
/// caption, a table): on one line it is a single HTML block that no blank line can cut in two, and
/// Markdown passes it through whole.
enum HTMLOneLine {
    static func write(_ node: HTMLNode) -> String {
        switch node {
        case .text(let text):
            return HTMLEscaping.escape(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        case .element(let name, let attributes, let children):
            var html = "<" + name
            for key in attributes.keys.sorted() { html += " \(key)=\"\(HTMLEscaping.escape(attributes[key]!))\"" }
            html += ">"
            if HTMLSanitizer.voidTags.contains(name) { return html }
            return html + children.map(write).joined() + "</\(name)>"
        }
    }
}

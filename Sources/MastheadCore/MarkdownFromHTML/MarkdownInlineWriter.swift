import Foundation

/// Writes inline HTML (text, emphasis, links, images, code) as Markdown, escaping what Markdown would
/// otherwise read as syntax.
struct MarkdownInlineWriter {
    /// A paragraph: whitespace collapsed as a browser would, hard breaks kept, and each line's start
    /// escaped where it would open a heading, a list or a quote.
    func paragraph(_ nodes: [HTMLNode]) -> String {
        let text = nodes.map(write).joined()
        let lines = text.components(separatedBy: Self.hardBreak).map { collapse($0) }.filter { !$0.isEmpty }
        return lines.map(Self.escapingLineStart).joined(separator: "\\\n")
    }

    /// One line (a heading, a caption): hard breaks become spaces.
    func line(_ nodes: [HTMLNode]) -> String {
        Self.escapingLineStart(collapse(nodes.map(write).joined().replacingOccurrences(of: Self.hardBreak, with: " ")))
    }

    /// Stands for `<br>` until the paragraph is split into lines; a private-use scalar no text holds.
    private static let hardBreak = "\u{F8FF}"

    private func write(_ node: HTMLNode) -> String {
        switch node {
        case .text(let text):
            return Self.escape(text)
        case .element(let name, let attributes, let children):
            let inner = children.map(write).joined()
            switch name {
            case "strong", "b": return wrap(inner, in: "**")
            case "em", "i": return wrap(inner, in: "*")
            case "del", "s": return wrap(inner, in: "~~")
            case "code": return code(node.plainText)
            case "br": return Self.hardBreak
            case "a":
                guard let href = attributes["href"], !inner.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return inner
                }
                return "[" + inner + "](" + destination(href, title: attributes["title"]) + ")"
            case "img":
                guard let src = attributes["src"] else { return "" }
                return "![" + Self.escape(attributes["alt"] ?? "") + "](" + destination(src, title: attributes["title"])
                    + ")"
            case "sup", "sub", "table", "figure", "section": return HTMLOneLine.write(node)
            case "input": return ""
            default: return inner
            }
        }
    }

    private func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Emphasis markers must touch the text, so the spaces an editor left inside go outside.
    private func wrap(_ inner: String, in marker: String) -> String {
        let trimmed = inner.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return inner }
        let leading = inner.first?.isWhitespace == true ? " " : ""
        let trailing = inner.last?.isWhitespace == true ? " " : ""
        return leading + marker + trimmed + marker + trailing
    }

    private func code(_ text: String) -> String {
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    private func destination(_ url: String, title: String?) -> String {
        let escaped = url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
        var written = "<" + escaped + ">"
        if let title, !title.isEmpty { written += " \"" + title.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return written
    }

    /// Backslash-escapes the characters Markdown reads as inline syntax. A bare web address becomes an
    /// autolink, which escaping would break.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for (index, word) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isWhitespace).enumerated() {
            if index > 0 { output += " " }
            if word.hasPrefix("https://") || word.hasPrefix("http://"), !word.contains(where: { "<>".contains($0) }) {
                output += "<" + word + ">"
                continue
            }
            var characters = word.makeIterator()
            var current = characters.next()
            while let character = current {
                let next = characters.next()
                switch character {
                case "\\", "`", "*", "_", "[", "]", "<", "~", "|":
                    output += "\\" + String(character)
                // Only where it could start a character reference: "Fish & chips" stays readable.
                case "&" where next.map { $0.isLetter || $0 == "#" } ?? false:
                    output += "&amp;"
                default:
                    output.append(character)
                }
                current = next
            }
        }
        return output
    }

    /// What would open a block at a line's start: a heading, quote, list item, thematic break or
    /// setext underline.
    static func escapingLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>-+=".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let after = line.dropFirst(digits.count).first,
            after == "." || after == ")"
        {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }
}

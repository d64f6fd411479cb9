/// Keeps only the HTML an article body may hold: an allowlist of tags, of attributes per tag, and of
/// URL schemes. Everything else is dropped (its text kept) or, for elements whose content is code or
/// foreign markup (`script`, `style`, `iframe`, `svg` …), dropped with its content up to its closing
/// tag. An element of that kind that is never closed loses only its tag, never the text after it.
///
/// The output is rebuilt from tokens rather than filtered in place: every tag is re-serialised with
/// quoted, escaped attributes, text is re-escaped, and tags are balanced, so nothing the input does
/// with quoting, nesting or broken markup can reach the page.
public struct HTMLSanitizer: Sendable {
    public static let article = HTMLSanitizer()

    public init() {}

    public func sanitize(_ html: String) -> String {
        var tokenizer = HTMLTokenizer(html)
        var output = ""
        var open: [String] = []
        while let token = tokenizer.next() {
            switch token {
            case .text(let text):
                output += Self.escapeText(text)
            case .startTag(let name, let attributes):
                // Unclosed, only the tag goes: its would-be content is read on as ordinary markup.
                if Self.droppedWithContent.contains(name) {
                    tokenizer.skipRawText(until: name)
                    continue
                }
                guard Self.allowedTags.contains(name) else { continue }
                // A task list's box, and nothing else an `input` could be: always disabled.
                if name == "input" {
                    guard attributes.contains(where: { $0.0 == "type" && $0.1.lowercased() == "checkbox" }) else {
                        continue
                    }
                    let checked = attributes.contains { $0.0 == "checked" }
                    output += "<input type=\"checkbox\" disabled=\"\"" + (checked ? " checked=\"\"" : "") + ">"
                    continue
                }
                output += "<" + name
                for (attribute, value) in attributes {
                    if let kept = Self.keep(attribute: attribute, value: value, on: name) {
                        output += " \(attribute)=\"\(HTMLEscaping.escape(kept))\""
                    }
                }
                output += ">"
                if !Self.voidTags.contains(name) { open.append(name) }
            case .endTag(let name):
                guard let index = open.lastIndex(of: name) else { continue }
                for tag in open[index...].reversed() { output += "</\(tag)>" }
                open.removeSubrange(index...)
            }
        }
        for tag in open.reversed() { output += "</\(tag)>" }
        return output
    }

    static let allowedTags: Set<String> = [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "a", "em",
        "strong", "b", "i", "code", "pre", "del", "s", "sup", "sub", "img", "figure", "figcaption", "table",
        "thead", "tbody", "tr", "th", "td", "section", "input",
    ]

    static let voidTags: Set<String> = ["br", "hr", "img", "input"]

    /// Elements whose content goes too. Void elements (`input`, `meta`, `link`, `base`, `embed`,
    /// `frame`) are not here: they never close, so skipping to their end tag would swallow the rest of
    /// the article; like any unknown tag they are dropped on their own.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "applet", "template", "noscript", "noembed",
        "noframes", "frameset", "textarea", "title", "xmp", "plaintext", "svg", "math", "select",
        "video", "audio", "canvas", "form", "button",
    ]

    /// The value to write for an attribute, or nil to drop it.
    static func keep(attribute: String, value: String, on tag: String) -> String? {
        switch (tag, attribute) {
        case ("a", "href"):
            return SafeURL.clean(value, allowing: SafeURL.linkSchemes)
        case ("img", "src"):
            return SafeURL.clean(value, allowing: SafeURL.imageSchemes)
        case ("a", "title"), ("img", "alt"), ("img", "title"):
            return value
        case ("img", "width"), ("img", "height"), ("ol", "start"), ("td", "colspan"), ("td", "rowspan"),
            ("th", "colspan"), ("th", "rowspan"):
            return !value.isEmpty && value.count <= 5 && value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber)
                ? value : nil
        case ("code", "class"):
            return isLanguageClass(value) ? value : nil
        case ("th", "align"), ("td", "align"):
            return ["left", "center", "right"].contains(value) ? value : nil
        // GFM footnotes: the classes and ids of their markup, and only those, so an author's own
        // markup cannot take over the page's ids or styles.
        case ("section", "class"):
            return value == "footnotes" ? value : nil
        case ("sup", "class"):
            return value == "footnote-ref" ? value : nil
        case ("a", "class"):
            return value == "footnote-backref" ? value : nil
        case ("a", "id"):
            return isFootnoteID(value, prefix: "fnref-") ? value : nil
        case ("li", "id"):
            return isFootnoteID(value, prefix: "fn-") ? value : nil
        case ("a", "aria-label"):
            return value.hasPrefix("Back to reference ") && value.count <= 40 ? value : nil
        default:
            return nil
        }
    }

    private static func isFootnoteID(_ value: String, prefix: String) -> Bool {
        value.hasPrefix(prefix) && value.count <= 80
            && value.dropFirst(prefix.count).allSatisfy {
                $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0))
            }
    }

    private static func isLanguageClass(_ value: String) -> Bool {
        guard value.hasPrefix("language-"), value.count <= 40 else { return false }
        return value.dropFirst(9).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+#-_".contains($0)) }
    }

    /// Escapes text for output, leaving well-formed character references as they are: a reference
    /// cannot open markup, and keeping them preserves `&mdash;` and friends from the Markdown.
    static func escapeText(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": output += isReference(scalars, at: index) ? "&" : "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\0": continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func isReference(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var index = start + 1
        var hex = false
        if index < scalars.count, scalars[index] == "#" {
            index += 1
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                hex = true
                index += 1
            }
            let digitsStart = index
            while index < scalars.count, index - digitsStart < 8,
                hex ? scalars[index].properties.isASCIIHexDigit : ("0"..."9").contains(scalars[index])
            {
                index += 1
            }
            return index > digitsStart && index < scalars.count && scalars[index] == ";"
        }
        let nameStart = index
        while index < scalars.count, index - nameStart < 32, scalars[index].isASCII,
            scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index])
        {
            index += 1
        }
        return index > nameStart && index < scalars.count && scalars[index] == ";"
    }
}

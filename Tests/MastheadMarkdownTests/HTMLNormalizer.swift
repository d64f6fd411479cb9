/// The HTML normalisation of commonmark-spec's `test/normalize.py`, which the spec runner applies to both
/// sides before comparing: whitespace collapsed outside `<pre>` and dropped around block tags, attributes
/// sorted, self-closing tags opened, numeric references decoded.
enum HTMLNormalizer {
    private static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button",
        "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div",
        "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption",
        "th", "figure", "thead", "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video",
        "script", "style",
    ]

    private enum Last { case startTag, endTag, data, other }

    private struct State {
        var output = ""
        var last = Last.startTag
        var lastTag = ""
        var inPre = false

        mutating func rstrip() {
            while let character = output.last, character.isWhitespace { output.removeLast() }
        }
    }

    static func normalize(_ html: String) -> String {
        var state = State()
        var rest = Substring(html)
        while !rest.isEmpty {
            if rest.hasPrefix("<![CDATA["), let end = rest.range(of: "]]>") {
                state.output += rest[..<end.upperBound]
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<"), let close = rest.firstIndex(of: ">") {
                tag(String(rest[...close]), &state)
                rest = rest[rest.index(after: close)...]
            } else {
                let next = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
                text(rest[..<next], &state)
                rest = rest[next...]
            }
        }
        return state.output
    }

    private static func tag(_ tag: String, _ state: inout State) {
        if tag.hasPrefix("<!--") || tag.hasPrefix("<!") || tag.hasPrefix("<?") {
            state.output += tag
            state.last = .other
            return
        }
        let closing = tag.hasPrefix("</")
        var body = tag.dropFirst(closing ? 2 : 1).dropLast()
        let selfClosing = body.hasSuffix("/")
        if selfClosing { body = body.dropLast() }
        let name = String(body.prefix { !$0.isWhitespace }).lowercased()
        guard !name.isEmpty, name.first!.isLetter else {
            text(Substring(tag), &state)
            return
        }
        if closing {
            if name == "pre" {
                state.inPre = false
            } else if blockTags.contains(name) {
                state.rstrip()
            }
            state.output += "</\(name)>"
            state.lastTag = name
            state.last = .endTag
            return
        }
        if name == "pre" { state.inPre = true }
        if blockTags.contains(name) { state.rstrip() }
        state.output += "<" + name
        for (key, value) in attributes(body.dropFirst(name.count)).sorted(by: { $0.0 < $1.0 }) {
            state.output += " " + key
            if let value { state.output += "=\"" + escape(decodeNumeric(value)) + "\"" }
        }
        state.output += ">"
        state.lastTag = name
        state.last = selfClosing ? .endTag : .startTag
    }

    private static func attributes(_ text: Substring) -> [(String, String?)] {
        var result: [(String, String?)] = []
        var rest = text.drop { $0.isWhitespace }
        while !rest.isEmpty {
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }
            rest = rest.dropFirst(key.count).drop { $0.isWhitespace }
            guard !key.isEmpty else { break }
            var value: String?
            if rest.first == "=" {
                rest = rest.dropFirst().drop { $0.isWhitespace }
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let inner = rest.dropFirst().prefix { $0 != quote }
                    value = String(inner)
                    rest = rest.dropFirst(inner.count + 2)
                } else {
                    let inner = rest.prefix { !$0.isWhitespace }
                    value = String(inner)
                    rest = rest.dropFirst(inner.count)
                }
            }
            result.append((key.lowercased(), value))
            rest = rest.drop { $0.isWhitespace }
        }
        return result
    }

    private static func text(_ data: Substring, _ state: inout State) {
        var data = String(data)
        let afterTag = state.last == .startTag || state.last == .endTag
        let afterBlockTag = afterTag && blockTags.contains(state.lastTag)
        if afterTag && state.lastTag == "br" { data = String(data.drop { $0 == "\n" }) }
        if !state.inPre { data = collapseWhitespace(data) }
        if afterBlockTag && !state.inPre {
            if state.last == .startTag {
                data = String(data.drop { $0.isWhitespace })
            } else {
                data = data.trimmingWhitespace()
            }
        }
        state.output += escapeKeepingEntities(decodeNumeric(data))
        state.last = .data
    }

    private static func collapseWhitespace(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }

    /// Numeric references become characters so `&#42;` and `*` compare equal; `<>&"` stay escaped.
    private static func decodeNumeric(_ text: String) -> String {
        guard text.contains("&#") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.range(of: "&#") {
            result += rest[..<amp.lowerBound]
            rest = rest[amp.upperBound...]
            let hex = rest.first == "x" || rest.first == "X"
            let digits = rest.dropFirst(hex ? 1 : 0).prefix { hex ? $0.isHexDigit : $0.isNumber }
            let after = rest.dropFirst((hex ? 1 : 0) + digits.count)
            if !digits.isEmpty, after.first == ";", let code = UInt32(digits, radix: hex ? 16 : 10),
                let scalar = Unicode.Scalar(code)
            {
                result += escape(String(Character(scalar)))
                rest = after.dropFirst()
            } else {
                result += "&#"
            }
        }
        return result + rest
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Escapes markup characters in text but leaves existing references (`&amp;`, `&copy;`) as they are.
    private static func escapeKeepingEntities(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "&" {
                let name = text[text.index(after: index)...].prefix { $0.isLetter || $0.isNumber || $0 == "#" }
                let end = text.index(index, offsetBy: name.count + 1)
                if !name.isEmpty, end < text.endIndex, text[end] == ";" {
                    result += text[index...end]
                    index = text.index(after: end)
                    continue
                }
                result += "&amp;"
            } else if character == "<" {
                result += "&lt;"
            } else if character == ">" {
                result += "&gt;"
            } else if character == "\"" {
                result += "&quot;"
            } else {
                result.append(character)
            }
            index = text.index(after: index)
        }
        return result
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

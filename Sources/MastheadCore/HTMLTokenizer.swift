/// A small HTML tokenizer for the sanitizer. It follows the HTML5 tokenizer closely enough that every
/// tag a browser would see is seen here too; whatever it cannot read as a tag it hands back as text,
/// which the sanitizer escapes, so a misreading can only make markup inert, never live.
struct HTMLTokenizer {
    enum Token {
        case text(String)
        /// A self-closing slash is dropped: browsers ignore it on every element but void ones.
        case startTag(name: String, attributes: [(name: String, value: String)])
        case endTag(name: String)
    }

    private let input: [Unicode.Scalar]
    private var position = 0
    /// Names whose closing tag is nowhere ahead (see ``skipRawText(until:)``).
    private var unclosed: Set<String> = []

    init(_ html: String) {
        input = Array(html.unicodeScalars)
    }

    /// The next token; nil at the end of input. Comments, doctypes and processing instructions are
    /// consumed and never returned.
    mutating func next() -> Token? {
        while position < input.count {
            if input[position] == "<", let token = readMarkup() {
                if case .text(let text) = token, text.isEmpty { continue }
                return token
            }
            return .text(readText())
        }
        return nil
    }

    /// Skips content up to and including `</name`…`>` and answers true. Without a closing tag nothing
    /// is skipped and the answer is false: an author who left a `<form>` open did not mean the rest of
    /// the story to go with it, so the caller drops the tag alone and reads on.
    @discardableResult mutating func skipRawText(until name: String) -> Bool {
        // Once a name is known to have no closing tag ahead, it has none from any later position either:
        // without this, a run of unclosed tags would each scan to the end, quadratic in the input.
        if unclosed.contains(name) { return false }
        let closing = Array(("</" + name).unicodeScalars)
        var cursor = position
        while cursor < input.count {
            if matches(closing, at: cursor, caseInsensitive: true) {
                let after = cursor + closing.count
                if after >= input.count || isTagNameEnd(input[after]) {
                    position = after
                    skip(past: ">")
                    return true
                }
            }
            cursor += 1
        }
        unclosed.insert(name)
        return false
    }

    private mutating func readText() -> String {
        var text = String.UnicodeScalarView()
        text.append(input[position])
        position += 1
        while position < input.count, input[position] != "<" {
            text.append(input[position])
            position += 1
        }
        return String(text)
    }

    /// Reads what follows a `<`. Returns nil when the `<` is just a character (the caller reads it as
    /// text) and `.text("")` when markup was consumed that produces no token.
    private mutating func readMarkup() -> Token? {
        let next = peek(1)
        if let next, next.properties.isAlphabetic, next.isASCII {
            position += 1
            return readStartTag()
        }
        if next == "/" {
            if let after = peek(2), after.isASCII, after.properties.isAlphabetic {
                position += 2
                return readEndTag()
            }
            if peek(2) == ">" {
                position += 3
                return .text("")
            }
            if peek(2) != nil {
                // `</ 1>` and the like are bogus comments to a browser: gone up to the next `>`.
                position += 2
                skip(past: ">")
                return .text("")
            }
            return nil
        }
        if next == "!" {
            if matches(Array("<!--".unicodeScalars), at: position, caseInsensitive: false) {
                position += 4
                skipComment()
            } else {
                position += 2
                skip(past: ">")
            }
            return .text("")
        }
        if next == "?" {
            position += 2
            skip(past: ">")
            return .text("")
        }
        return nil
    }

    private mutating func readStartTag() -> Token {
        let name = readTagName()
        var attributes: [(name: String, value: String)] = []
        while true {
            skipWhitespace()
            guard position < input.count else { return .text("") }
            let scalar = input[position]
            if scalar == ">" {
                position += 1
                return .startTag(name: name, attributes: attributes)
            }
            if scalar == "/" {
                position += 1
                continue
            }
            guard let attribute = readAttribute() else { return .text("") }
            if !attributes.contains(where: { $0.name == attribute.name }) {
                attributes.append(attribute)
            }
        }
    }

    private mutating func readEndTag() -> Token {
        let name = readTagName()
        guard skip(past: ">") else { return .text("") }
        return .endTag(name: name)
    }

    private mutating func readTagName() -> String {
        var name = String.UnicodeScalarView()
        while position < input.count, !isTagNameEnd(input[position]) {
            name.append(contentsOf: String(input[position]).lowercased().unicodeScalars)
            position += 1
        }
        return String(name)
    }

    /// nil when the input ends inside the attribute, which makes browsers drop the whole tag.
    private mutating func readAttribute() -> (name: String, value: String)? {
        var name = String.UnicodeScalarView()
        // An `=` may start a name, as in the HTML5 tokenizer.
        name.append(input[position])
        position += 1
        while position < input.count {
            let scalar = input[position]
            if isWhitespace(scalar) || scalar == "/" || scalar == ">" || scalar == "=" { break }
            name.append(scalar)
            position += 1
        }
        let lowered = String(name).lowercased()
        skipWhitespace()
        guard position < input.count else { return nil }
        guard input[position] == "=" else { return (lowered, "") }
        position += 1
        skipWhitespace()
        guard position < input.count else { return nil }
        var value = String.UnicodeScalarView()
        let quote = input[position]
        if quote == "\"" || quote == "'" {
            position += 1
            while position < input.count, input[position] != quote {
                value.append(input[position])
                position += 1
            }
            guard position < input.count else { return nil }
            position += 1
        } else {
            while position < input.count, !isWhitespace(input[position]), input[position] != ">" {
                value.append(input[position])
                position += 1
            }
        }
        return (lowered, HTMLEntities.decode(String(value)))
    }

    private mutating func skipComment() {
        // `<!-->` and `<!--->` close at once, as in browsers.
        if peek(0) == ">" {
            position += 1
            return
        }
        if peek(0) == "-", peek(1) == ">" {
            position += 2
            return
        }
        let end = Array("-->".unicodeScalars)
        let bangEnd = Array("--!>".unicodeScalars)
        while position < input.count {
            if matches(end, at: position, caseInsensitive: false) {
                position += 3
                return
            }
            if matches(bangEnd, at: position, caseInsensitive: false) {
                position += 4
                return
            }
            position += 1
        }
    }

    @discardableResult
    private mutating func skip(past terminator: Unicode.Scalar) -> Bool {
        while position < input.count {
            defer { position += 1 }
            if input[position] == terminator { return true }
        }
        return false
    }

    private mutating func skipWhitespace() {
        while position < input.count, isWhitespace(input[position]) { position += 1 }
    }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < input.count ? input[position + offset] : nil
    }

    private func matches(_ pattern: [Unicode.Scalar], at index: Int, caseInsensitive: Bool) -> Bool {
        guard index + pattern.count <= input.count else { return false }
        for (offset, expected) in pattern.enumerated() {
            let actual = input[index + offset]
            if caseInsensitive {
                if Self.asciiLowercased(actual) != Self.asciiLowercased(expected) { return false }
            } else if actual != expected {
                return false
            }
        }
        return true
    }

    /// Tag names fold ASCII letters only, as browsers do (and without making a String per scalar).
    private static func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    private func isTagNameEnd(_ scalar: Unicode.Scalar) -> Bool {
        isWhitespace(scalar) || scalar == "/" || scalar == ">"
    }
}

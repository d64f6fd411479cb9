// GFM extended autolinks, following cmark-gfm's autolink extension: `www.` and `http(s)://`/`ftp://`
// links are matched while parsing inlines (so `_` inside them is no emphasis); e-mail addresses are
// found afterwards in the finished text, as cmark-gfm does.

enum ExtendedAutolinks {
    /// Whether a `www.` or scheme link could start at `index`: cmark-gfm's boundary rules.
    static func mayStart(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        let previous = bytes.at(index - 1)
        switch byte {
        case UInt8(ascii: "w"):
            return index == 0 || previous.isASCIIWhitespace || previous == UInt8(ascii: "*")
                || previous == UInt8(ascii: "_") || previous == UInt8(ascii: "~") || previous == UInt8(ascii: "(")
        case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return !previous.isASCIILetter
        default:
            return false
        }
    }

    static func matchURL(_ inline: inout InlineParser) -> Bool {
        // Inside link text the brackets decide what is a link, as in cmark-gfm.
        guard inline.brackets.isEmpty else { return false }
        let bytes = inline.subject
        let start = inline.position
        var end: Int
        var url: [UInt8]
        if bytes.hasPrefix("www.", at: start) {
            let domain = domainLength(bytes, from: start, allowShort: false)
            guard domain > 0 else { return false }
            end = start + domain
            url = Array("http://".utf8)
        } else {
            guard let scheme = ["http://", "https://", "ftp://"].first(where: { hasPrefix(bytes, $0, at: start) }),
                case let first = bytes.at(start + scheme.utf8.count), first.isASCIIAlphanumeric || first >= 0x80
            else { return false }
            let domain = domainLength(bytes, from: start + scheme.utf8.count, allowShort: true)
            guard domain > 0 else { return false }
            end = start + scheme.utf8.count + domain
            url = []
        }
        while end < bytes.count && !bytes[end].isASCIIWhitespace && bytes[end] != UInt8(ascii: "<") { end += 1 }
        end = trimmedEnd(bytes, start, end)
        guard end > start else { return false }
        url += bytes[start..<end]
        let link = inline.parser.tree.make(.link)
        inline.parser.tree[link].url = url
        inline.append(link)
        inline.parser.tree.append(inline.parser.tree.makeLiteral(.text, bytes[start..<end]), to: link)
        inline.position = end
        return true
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: String, at index: Int) -> Bool {
        var offset = index
        for expected in prefix.utf8 {
            guard bytes.at(offset).asciiLowercased == expected else { return false }
            offset += 1
        }
        return true
    }

    /// cmark-gfm's `check_domain`: host characters and dots; no `_` in the last two labels.
    private static func domainLength(_ bytes: [UInt8], from start: Int, allowShort: Bool) -> Int {
        var index = start + 1
        var dots = 0
        var underscoresBefore = 0
        var underscores = 0
        while index < bytes.count - 1 {
            if bytes[index] == UInt8(ascii: "\\") && index < bytes.count - 2 { index += 1 }
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if byte != UInt8(ascii: "-") {
                // cmark-gfm steps one byte at a time and cannot decode from a continuation byte, so a host
                // ends just after the first byte of its first non-ASCII character. Copied for agreement.
                if byte & 0xC0 == 0x80 { break }
                let scalar = Scalars.scalar(in: bytes, at: index)
                if Scalars.isWhitespace(scalar) || isPunctuationForHost(scalar) { break }
            }
            index += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return 0 }
        return allowShort || dots > 0 ? index - start : 0
    }

    /// cmark-gfm counts only Unicode punctuation (P*) as breaking a host name, not symbols like emoji.
    private static func isPunctuationForHost(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        if scalar.value < 0x80 { return UInt8(scalar.value).isASCIIPunctuation }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// cmark-gfm's `autolink_delim`: drops trailing punctuation, a trailing entity-like `&name;`, and
    /// closing parentheses that have no opener inside the link.
    static func trimmedEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var end = end
        var opening = 0
        var closing = 0
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
        }
        let trailing = Array("?!.,:*_~'\"".utf8)
        while end > start {
            let last = bytes[end - 1]
            if trailing.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var probe = end - 2
                while probe > start && bytes[probe].isASCIILetter { probe -= 1 }
                end = probe < end - 2 && bytes[probe] == UInt8(ascii: "&") ? probe : end - 1
            } else if last == UInt8(ascii: ")") {
                if closing <= opening { break }
                closing -= 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }
}

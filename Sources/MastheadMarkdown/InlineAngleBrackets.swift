// What a `<` starts inside a paragraph: an autolink (section 6.5) or raw HTML (section 6.6).

extension InlineParser {
    mutating func handleAngleBracket() {
        if let end = uriAutolinkEnd(at: position) {
            appendAutolink(prefix: [], from: position + 1, to: end - 1)
            position = end
        } else if let end = emailAutolinkEnd(at: position) {
            appendAutolink(prefix: Array("mailto:".utf8), from: position + 1, to: end - 1)
            position = end
        } else if let end = rawHTMLEnd(at: position) {
            append(parser.tree.makeLiteral(.inlineHTML, subject[position..<end]))
            position = end
        } else {
            appendText(subject[position..<(position + 1)])
            position += 1
        }
    }

    private mutating func appendAutolink(prefix: [UInt8], from start: Int, to end: Int) {
        let text = Entities.unescape(subject[start..<end], backslashes: false)
        let link = parser.tree.make(.link)
        parser.tree[link].url = prefix + text
        append(link)
        parser.tree.append(parser.tree.makeLiteral(.text, text), to: link)
    }

    private func uriAutolinkEnd(at start: Int) -> Int? {
        var index = start + 1
        guard subject.at(index).isASCIILetter else { return nil }
        index += 1
        while true {
            let byte = subject.at(index)
            guard
                byte.isASCIIAlphanumeric || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "-")
            else { break }
            index += 1
        }
        let schemeLength = index - start - 1
        guard schemeLength >= 2 && schemeLength <= 32, subject.at(index) == UInt8(ascii: ":") else { return nil }
        index += 1
        while index < subject.count {
            let byte = subject[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte <= 0x20 || byte == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return nil
    }

    private func emailAutolinkEnd(at start: Int) -> Int? {
        var index = start + 1
        let localPunctuation = Array(".!#$%&'*+/=?^_`{|}~-".utf8)
        while subject.at(index).isASCIIAlphanumeric || localPunctuation.contains(subject.at(index)) { index += 1 }
        guard index > start + 1, subject.at(index) == UInt8(ascii: "@") else { return nil }
        index += 1
        while true {
            let labelStart = index
            while subject.at(index).isASCIIAlphanumeric || subject.at(index) == UInt8(ascii: "-") {
                index += 1
                if index - labelStart > 63 { return nil }
            }
            guard index > labelStart, subject[labelStart] != UInt8(ascii: "-"),
                subject[index - 1] != UInt8(ascii: "-")
            else { return nil }
            if subject.at(index) == UInt8(ascii: ">") { return index + 1 }
            guard subject.at(index) == UInt8(ascii: ".") else { return nil }
            index += 1
        }
    }

    private mutating func rawHTMLEnd(at start: Int) -> Int? {
        let next = subject.at(start + 1)
        if next == UInt8(ascii: "!") {
            if subject.hasPrefix("<!-->", at: start) { return start + 5 }
            if subject.hasPrefix("<!--->", at: start) { return start + 6 }
            if subject.hasPrefix("<!--", at: start) {
                return commentEnd.first(in: subject, from: start + 4).map { $0 + 3 }
            }
            if subject.hasPrefix("<![CDATA[", at: start) {
                return cdataEnd.first(in: subject, from: start + 9).map { $0 + 3 }
            }
            if subject.at(start + 2).isASCIILetter {
                return declarationEnd.first(in: subject, from: start + 3).map { $0 + 1 }
            }
            return nil
        }
        if next == UInt8(ascii: "?") { return instructionEnd.first(in: subject, from: start + 2).map { $0 + 2 } }
        if next == UInt8(ascii: "/") { return RawHTML.closingTag(subject, at: start) }
        return RawHTML.openTag(subject, at: start)
    }
}

// Scanners for the raw HTML constructs of CommonMark section 6.6. They return the index just past the
// construct, or nil. Whitespace inside a tag may include line endings, as in a paragraph's content.

enum RawHTML {
    static func openTag(_ bytes: [UInt8], at start: Int) -> Int? {
        guard bytes.at(start) == UInt8(ascii: "<"), var index = tagName(bytes, at: start + 1) else { return nil }
        while true {
            let beforeSpace = index
            index = skipWhitespace(bytes, from: index)
            let byte = bytes.at(index)
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte == UInt8(ascii: "/") { return bytes.at(index + 1) == UInt8(ascii: ">") ? index + 2 : nil }
            guard index > beforeSpace, let afterAttribute = attribute(bytes, at: index) else { return nil }
            index = afterAttribute
        }
    }

    static func closingTag(_ bytes: [UInt8], at start: Int) -> Int? {
        guard bytes.hasPrefix("</", at: start), let nameEnd = tagName(bytes, at: start + 2) else { return nil }
        let index = skipWhitespace(bytes, from: nameEnd)
        return bytes.at(index) == UInt8(ascii: ">") ? index + 1 : nil
    }

    private static func tagName(_ bytes: [UInt8], at start: Int) -> Int? {
        guard bytes.at(start).isASCIILetter else { return nil }
        var index = start + 1
        while bytes.at(index).isASCIIAlphanumeric || bytes.at(index) == UInt8(ascii: "-") { index += 1 }
        return index
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count && bytes[index].isASCIIWhitespace { index += 1 }
        return index
    }

    private static func attribute(_ bytes: [UInt8], at start: Int) -> Int? {
        let first = bytes.at(start)
        guard first.isASCIILetter || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else { return nil }
        var index = start + 1
        while true {
            let byte = bytes.at(index)
            guard
                byte.isASCIIAlphanumeric || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
            else { break }
            index += 1
        }
        let afterName = index
        index = skipWhitespace(bytes, from: index)
        guard bytes.at(index) == UInt8(ascii: "=") else { return afterName }
        index = skipWhitespace(bytes, from: index + 1)
        let quote = bytes.at(index)
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            var end = index + 1
            while end < bytes.count && bytes[end] != quote { end += 1 }
            return end < bytes.count ? end + 1 : nil
        }
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            if byte.isASCIIWhitespace || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
                || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "`")
            {
                break
            }
            end += 1
        }
        return end > index ? end : nil
    }
}

/// Finds the first occurrence of a terminator at or after a position, remembering earlier answers so that
/// many unterminated openers (`<!--` repeated) cost one scan of the text in total, not one each.
struct TerminatorSearch {
    let terminator: StaticString
    private var searchedFrom = Int.max
    private var found: Int?

    init(_ terminator: StaticString) { self.terminator = terminator }

    /// The index of the first terminator starting at or after `start`, or nil.
    mutating func first(in bytes: [UInt8], from start: Int) -> Int? {
        if start >= searchedFrom {
            guard let found else { return nil }
            if start <= found { return found }
        }
        let first = terminator.utf8Start[0]
        var index = start
        var result: Int?
        while index < bytes.count {
            if bytes[index] == first && bytes.hasPrefix(terminator, at: index) {
                result = index
                break
            }
            index += 1
        }
        searchedFrom = start
        found = result
        return result
    }
}

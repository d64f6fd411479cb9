// The pieces of link syntax shared by link reference definitions (block phase) and inline links:
// labels, destinations and titles (CommonMark section 6.3).

struct LinkReference {
    var url: [UInt8]
    var title: [UInt8]
}

enum LinkSyntax {
    /// Labels longer than this are not labels, which keeps a run of `[` from being rescanned quadratically.
    static let maximumLabelLength = 999

    /// The end of a link label `[...]` starting at `start` (just past its `]`), if it is one.
    static func labelEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard bytes.at(start) == UInt8(ascii: "[") else { return nil }
        var index = start + 1
        var hasContent = false
        while index < bytes.count && index - start - 1 <= maximumLabelLength {
            switch bytes[index] {
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"): return hasContent ? index + 1 : nil
            case UInt8(ascii: "\\"):
                hasContent = true
                index += bytes.at(index + 1).isASCIIPunctuation ? 2 : 1
            default:
                if !bytes[index].isASCIIWhitespace { hasContent = true }
                index += 1
            }
        }
        return nil
    }

    /// The end of a link destination starting at `start`. A bare destination may be empty only when
    /// `allowEmpty`; an angle-bracketed one may always be `<>`.
    static func destinationEnd(_ bytes: [UInt8], at start: Int, allowEmpty: Bool) -> Int? {
        var index = start
        if bytes.at(index) == UInt8(ascii: "<") {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ">"): return index + 1
                case UInt8(ascii: "\\"): index += 2
                case .newline, .carriageReturn, UInt8(ascii: "<"): return nil
                default: index += 1
                }
            }
            return nil
        }
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") && bytes.at(index + 1).isASCIIPunctuation {
                index += 2
            } else if byte == UInt8(ascii: "(") {
                depth += 1
                // cmark's limit on nested parentheses; deeper ones end the destination.
                if depth > 32 { return nil }
                index += 1
            } else if byte == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
                index += 1
            } else if byte <= 0x20 || byte == 0x7F {
                break
            } else {
                index += 1
            }
        }
        guard depth == 0, index > start || allowEmpty else { return nil }
        return index
    }

    /// The end of a link title in `"…"`, `'…'` or `(…)` starting at `start`.
    static func titleEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        let open = bytes.at(start)
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
            } else if byte == close {
                return index + 1
            } else if open == UInt8(ascii: "(") && byte == UInt8(ascii: "(") {
                return nil
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Skips spaces and tabs, at most one line ending, then spaces and tabs again.
    static func skipSpacesAndOneNewline(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while bytes.at(index).isSpaceOrTab { index += 1 }
        if bytes.at(index) == .carriageReturn { index += 1 }
        if bytes.at(index) == .newline { index += 1 }
        while bytes.at(index).isSpaceOrTab { index += 1 }
        return index
    }

    /// The destination's text with `<>` removed, backslash escapes and entities resolved.
    static func destination(_ bytes: [UInt8], _ start: Int, _ end: Int) -> [UInt8] {
        if bytes.at(start) == UInt8(ascii: "<") { return Entities.unescape(bytes[(start + 1)..<(end - 1)]) }
        return Entities.unescape(bytes[start..<end])
    }

    static func title(_ bytes: [UInt8], _ start: Int, _ end: Int) -> [UInt8] {
        Entities.unescape(bytes[(start + 1)..<(end - 1)])
    }

    /// Parses a link reference definition at `start`, returning it with its normalised label and the
    /// index after its line.
    static func definition(_ bytes: [UInt8], at start: Int) -> (label: String, LinkReference, end: Int)? {
        guard let labelEnd = labelEnd(bytes, at: start), bytes.at(labelEnd) == UInt8(ascii: ":") else { return nil }
        let destinationStart = skipSpacesAndOneNewline(bytes, from: labelEnd + 1)
        guard let destinationEnd = destinationEnd(bytes, at: destinationStart, allowEmpty: false) else { return nil }
        let beforeTitle = destinationEnd
        let titleStart = skipSpacesAndOneNewline(bytes, from: beforeTitle)
        var title: [UInt8] = []
        var end = beforeTitle
        if titleStart > beforeTitle, let titleEnd = titleEnd(bytes, at: titleStart) {
            let afterTitle = skipSpaces(bytes, from: titleEnd)
            if let lineEnd = lineEnd(bytes, at: afterTitle) {
                title = self.title(bytes, titleStart, titleEnd)
                end = lineEnd
            }
        }
        if end == beforeTitle {
            guard let lineEnd = lineEnd(bytes, at: skipSpaces(bytes, from: beforeTitle)) else { return nil }
            end = lineEnd
        }
        let label = normalizedLabel(bytes[(start + 1)..<(labelEnd - 1)])
        let url = destination(bytes, destinationStart, destinationEnd)
        return (label, LinkReference(url: url, title: title), end)
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while bytes.at(index).isSpaceOrTab { index += 1 }
        return index
    }

    private static func lineEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        if index >= bytes.count { return index }
        if bytes[index] == .newline { return index + 1 }
        if bytes[index] == .carriageReturn { return bytes.at(index + 1) == .newline ? index + 2 : index + 1 }
        return nil
    }

    /// Labels match after Unicode case folding and collapsing whitespace. Lowercasing then uppercasing
    /// folds like commonmark.js does (`ẞ` and `SS` agree) with only the standard library.
    static func normalizedLabel(_ label: ArraySlice<UInt8>) -> String {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(label.count)
        var pendingSpace = false
        for byte in label {
            if byte.isASCIIWhitespace {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(.space) }
                pendingSpace = false
                collapsed.append(byte)
            }
        }
        return String(decoding: collapsed, as: UTF8.self).lowercased().uppercased()
    }
}

// Byte-level character classes. The parser works on UTF-8 bytes: every Markdown syntax character is
// ASCII, so only flanking rules and case folding ever need to decode a scalar.

extension UInt8 {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20

    var isSpaceOrTab: Bool { self == .space || self == .tab }
    var isLineEnd: Bool { self == .newline || self == .carriageReturn }
    /// The spec's whitespace: space, tab, line feed, form feed, carriage return. Not line tabulation (`\v`).
    var isASCIIWhitespace: Bool { self == .space || self == .tab || self == .newline || self == 0x0C || self == 0x0D }
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
    var isHexDigit: Bool { isASCIIDigit || ((self | 0x20) >= 0x61 && (self | 0x20) <= 0x66) }
    var isASCIIPunctuation: Bool {
        (self >= 0x21 && self <= 0x2F) || (self >= 0x3A && self <= 0x40) || (self >= 0x5B && self <= 0x60)
            || (self >= 0x7B && self <= 0x7E)
    }
    var asciiLowercased: UInt8 { isASCIILetter ? self | 0x20 : self }
}

extension Array where Element == UInt8 {
    /// The byte at `index`, or 0 past the end: the scanners treat the end of input like a NUL they never match.
    @inline(__always) func at(_ index: Int) -> UInt8 { index >= 0 && index < count ? self[index] : 0 }

    /// Whether the bytes at `index` equal `literal`.
    func hasPrefix(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length {
            if self[index + offset] != pointer[offset] { return false }
        }
        return true
    }

    /// The range `from..<to` without leading and trailing ASCII whitespace.
    func trimmedRange(_ from: Int, _ to: Int) -> Range<Int> {
        var start = from
        var end = to
        while start < end && self[start].isASCIIWhitespace { start += 1 }
        while end > start && self[end - 1].isASCIIWhitespace { end -= 1 }
        return start..<end
    }
}

enum Scalars {
    /// Decodes the scalar starting at `index`; malformed UTF-8 decodes as U+FFFD.
    static func scalar(in bytes: [UInt8], at index: Int) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return "\u{FFFD}" }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Decodes the scalar that ends just before `index`.
    static func scalar(in bytes: [UInt8], before index: Int) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0 && index - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: bytes, at: start)
    }

    /// CommonMark's Unicode whitespace: category Zs, tab, line feed, form feed, carriage return.
    static func isWhitespace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        if scalar.value < 0x80 { return UInt8(scalar.value).isASCIIWhitespace }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    /// CommonMark 0.31.2's Unicode punctuation: general categories P and S.
    static func isPunctuation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.value < 0x80 { return UInt8(scalar.value).isASCIIPunctuation }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

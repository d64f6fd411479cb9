// Entity and numeric character references (CommonMark section 2.5) and backslash escapes.

enum Entities {
    /// Decodes the reference starting with `&` at `start`, returning its UTF-8 and the index past `;`.
    static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Bytes.Index)
        -> ([UInt8], Bytes.Index)?
    where Bytes.Index == Int {
        var index = start + 1
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < bytes.endIndex && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < bytes.endIndex && (hex ? bytes[index].isHexDigit : bytes[index].isASCIIDigit) {
                guard index - digitsStart < (hex ? 6 : 7) else { return nil }
                let digit = bytes[index]
                let digitValue = digit.isASCIIDigit ? digit - 0x30 : (digit | 0x20) - 0x61 + 10
                value = value * (hex ? 16 : 10) + UInt32(digitValue)
                index += 1
            }
            guard index > digitsStart, index < bytes.endIndex, bytes[index] == UInt8(ascii: ";") else { return nil }
            let scalar = value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), index + 1)
        }
        let nameStart = index
        while index < bytes.endIndex && bytes[index].isASCIIAlphanumeric
            && index - nameStart <= NamedReferences.maximumNameLength
        {
            index += 1
        }
        guard index > nameStart, index < bytes.endIndex, bytes[index] == UInt8(ascii: ";"),
            let value = NamedReferences.value(of: Array(bytes[nameStart..<index]))
        else { return nil }
        return (value, index + 1)
    }

    /// Resolves backslash escapes and character references, as in link destinations, titles and info strings.
    /// Autolinks take references but no escapes, so `backslashes: false` leaves `\` alone.
    static func unescape(_ bytes: ArraySlice<UInt8>, backslashes: Bool = true) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if backslashes && byte == UInt8(ascii: "\\") && index + 1 < bytes.endIndex
                && bytes[index + 1].isASCIIPunctuation
            {
                result.append(bytes[index + 1])
                index += 2
            } else if byte == UInt8(ascii: "&"), let (decoded, end) = decode(bytes, at: index) {
                result.append(contentsOf: decoded)
                index = end
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }
}

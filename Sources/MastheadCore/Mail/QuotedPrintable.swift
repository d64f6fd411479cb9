/// RFC 2045 quoted-printable for UTF-8 text: readable where the text is ASCII, with every line at most
/// 76 characters and no trailing whitespace for a mail server to strip.
enum QuotedPrintable {
    private static let lineLimit = 76

    /// The text as encoded lines, each ending in CRLF. Any line ending in the text ends a line; a final
    /// line ending adds no empty line.
    static func encode(_ text: String) -> String {
        var lines = text.withNewlineEndings.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines.map { encodeLine(Array($0.utf8)) }.joined()
    }

    /// One line of text, with soft line breaks ("=" at the end) where it passes the limit. An escape
    /// is never split, and a space or tab is escaped only where it would end the line.
    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var encoded = ""
        var line = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let isBlank = byte == 0x20 || byte == 0x09
            let isLiteral = (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")
            let piece = isLiteral || (isBlank && !isLast) ? String(UnicodeScalar(byte)) : escape(byte)
            // A piece with more to follow leaves room for the "=" of a soft break after it.
            if line.utf8.count + piece.utf8.count > (isLast ? lineLimit : lineLimit - 1) {
                encoded += line + "=\r\n"
                line = ""
            }
            line += piece
        }
        return encoded + line + "\r\n"
    }

    private static func escape(_ byte: UInt8) -> String {
        String(
            decoding: [UInt8(ascii: "="), Hex.upperDigits[Int(byte >> 4)], Hex.upperDigits[Int(byte & 0x0F)]],
            as: UTF8.self)
    }
}

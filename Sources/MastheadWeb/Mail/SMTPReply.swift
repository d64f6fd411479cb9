/// A server's answer to one command: a three-digit code and its text, which may run over several lines
/// ("250-news.example", "250 AUTH PLAIN").
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    /// The text of every line, for an error message.
    var text: String { lines.joined(separator: " ") }

    /// 2 for success, 3 for "go on" (after DATA), 4 and 5 for refusals.
    var kind: Int { code / 100 }
}

/// Gathers the lines of one reply, refusing lines that are not SMTP and replies longer than any server
/// needs.
struct SMTPReplyReader {
    static let maximumLines = 100

    private var code: Int?
    private var lines: [String] = []

    /// Adds one line; returns the reply when the line was its last.
    mutating func add(_ line: String, step: SMTPStep) throws(SMTPError) -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let lineCode = Int(String(decoding: bytes[0...2], as: UTF8.self)), (200...599).contains(lineCode),
            code == nil || code == lineCode,
            bytes.count == 3 || [UInt8(ascii: " "), UInt8(ascii: "-")].contains(bytes[3])
        else { throw .malformedReply(step: step, line: line) }
        guard lines.count < Self.maximumLines else { throw .replyTooLong(step: step) }
        code = lineCode
        lines.append(String(decoding: bytes.dropFirst(4), as: UTF8.self))
        let continues = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
        return continues ? nil : SMTPReply(code: lineCode, lines: lines)
    }
}

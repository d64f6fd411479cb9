import Foundation

/// Header fields built so that nothing a reader or an editor typed can end a header early or hide a
/// new one, and so that non-ASCII text survives servers that only carry ASCII headers.
enum MailHeader {
    /// Lines are folded to stay within the 78 characters RFC 5322 asks for, where the words allow.
    private static let lineLimit = 78
    /// 39 UTF-8 bytes make 52 characters of base64, so an encoded-word and "Subject: " fit one line.
    private static let encodedWordBytes = 39
    /// RFC 5322's specials: a display name holding any of them must be a quoted string.
    private static let specials: Set<Character> = ["(", ")", "<", ">", "[", "]", ":", ";", "@", "\\", ",", ".", "\""]

    /// The value without CR, LF and NUL, the characters that would end the header or the message.
    static func clean(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { !["\r", "\n", "\0"].contains($0) }))
    }

    /// A free-text field such as Subject.
    static func field(_ name: String, text: String) -> String {
        let value = clean(text)
        let words = needsEncoding(value) ? encodedWords(value) : value.components(separatedBy: " ")
        return fold(name, words)
    }

    /// An address field: `Name <address>`, or the bare address when there is no name.
    static func field(_ name: String, mailbox: MailAddress) -> String {
        let address = clean(mailbox.address)
        let displayName = clean(mailbox.name ?? "").trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty { return fold(name, [address]) }
        let phrase: [String]
        if needsEncoding(displayName) {
            phrase = encodedWords(displayName)
        } else if displayName.contains(where: specials.contains) {
            let escaped = displayName.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            // Folding may break a quoted string at a space too: unfolding puts the space back.
            phrase = "\"\(escaped)\"".components(separatedBy: " ")
        } else {
            phrase = displayName.components(separatedBy: " ")
        }
        return fold(name, phrase + ["<\(address)>"])
    }

    /// Text that is not printable ASCII, that a reader would take for an encoded-word, or that has a
    /// word too long to fold.
    static func needsEncoding(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value > 0x7E } || text.contains("=?")
            || text.split(separator: " ").contains { $0.utf8.count > lineLimit - 2 }
    }

    /// The text as RFC 2047 base64 encoded-words, split between Unicode scalars so that each word
    /// decodes on its own.
    static func encodedWords(_ text: String) -> [String] {
        var chunks: [[UInt8]] = [[]]
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunks[chunks.count - 1].count + bytes.count > encodedWordBytes { chunks.append([]) }
            chunks[chunks.count - 1] += bytes
        }
        return chunks.map { "=?utf-8?B?\(Data($0).base64EncodedString())?=" }
    }

    /// Joins the words with spaces, breaking before a word that would pass the line limit. A break
    /// stands where a space was, so unfolding gives back the same value.
    private static func fold(_ name: String, _ words: [String]) -> String {
        var lines = [name + ":"]
        for (index, word) in words.enumerated() {
            let last = lines.count - 1
            if index > 0, !word.isEmpty, lines[last].utf8.count + 1 + word.utf8.count > lineLimit {
                lines.append(" " + word)
            } else {
                lines[last] += " " + word
            }
        }
        return lines.joined(separator: "\r\n")
    }
}

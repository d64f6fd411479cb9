import Foundation

/// Percent-encoding for a value in a link's query, as Foundation's `addingPercentEncoding` does with
/// letters, digits and the given punctuation allowed, and decoding for a form's fields. The article page
/// writes a sign-in link for each comment, and Foundation built a character set and walked it for every
/// one of them.
public enum PercentEncoding {
    /// `text` with every byte other than ASCII letters, digits and `punctuation` (ASCII) written as
    /// `%XX`. Text beyond ASCII goes to Foundation, which keeps non-ASCII letters as they are.
    public static func encode(_ text: String, keeping punctuation: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: punctuation)
            return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }
        let kept = Set(punctuation.utf8)
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                encoded.append(byte)
            case _ where kept.contains(byte):
                encoded.append(byte)
            default:
                encoded.append(UInt8(ascii: "%"))
                encoded.append(Hex.upperDigits[Int(byte >> 4)])
                encoded.append(Hex.upperDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// A name or value of an `application/x-www-form-urlencoded` body: `+` as a space and `%XX` as a
    /// byte, the whole read as UTF-8; nil for a broken escape or bytes that are not UTF-8. One pass over
    /// the bytes: every comment posted is read through here.
    public static func decodeFormField(_ text: Substring) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index != utf8.endIndex else { return nil }
                let high = utf8[index]
                utf8.formIndex(after: &index)
                guard index != utf8.endIndex, let decoded = Hex.byte(high: high, low: utf8[index]) else { return nil }
                utf8.formIndex(after: &index)
                bytes.append(decoded)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

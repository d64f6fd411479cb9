import Foundation

/// Percent-encoding for a value in a link's query, as Foundation's `addingPercentEncoding` does with
/// letters, digits and the given punctuation allowed. The article page writes a sign-in link for each
/// comment, and Foundation built a character set and walked it for every one of them.
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
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}

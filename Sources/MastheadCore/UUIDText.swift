import Foundation

/// UUIDs as the 36 characters the database stores (`E621E1F8-C36C-495A-93FC-0C247A3E6E5F`), read and
/// written a byte at a time. Foundation reads them with `sscanf` and writes them with `snprintf`, which
/// showed up in the article page's profile: a page reads and writes a few hundred.
public enum UUIDText {
    /// The UUID in `text`, in either case, or nil for anything but the hyphenated 36-character form.
    public static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36, bytes[8] == hyphen, bytes[13] == hyphen, bytes[18] == hyphen, bytes[23] == hyphen
        else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &raw) { out -> Bool in
            var position = 0
            for index in 0..<16 {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                guard let byte = Hex.byte(high: bytes[position], low: bytes[position + 1]) else { return false }
                out[index] = byte
                position += 2
            }
            return true
        }
        return parsed ? UUID(uuid: raw) : nil
    }

    /// The lower-case form, as links, cache keys and cursors use it.
    public static func lowercased(_ id: UUID) -> String {
        format(id, digits: Hex.lowerDigits)
    }

    /// The upper-case form, as `UUID.uuidString` gives it and the database stores it.
    public static func uppercased(_ id: UUID) -> String {
        format(id, digits: Hex.upperDigits)
    }

    private static let hyphen = UInt8(ascii: "-")

    private static func format(_ id: UUID, digits: [UInt8]) -> String {
        withUnsafeBytes(of: id.uuid) { raw in
            String(unsafeUninitializedCapacity: 36) { out in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[position] = hyphen
                        position += 1
                    }
                    out[position] = digits[Int(raw[index] >> 4)]
                    out[position + 1] = digits[Int(raw[index] & 0x0F)]
                    position += 2
                }
                return 36
            }
        }
    }
}

extension UUID {
    /// `lowercasedString`, without Foundation's formatting or a second pass to lower it.
    public var lowercasedString: String { UUIDText.lowercased(self) }
}

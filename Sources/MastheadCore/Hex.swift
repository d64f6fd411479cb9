/// Hexadecimal digits, written and read a byte at a time. Hashes, tokens and salts are stored as
/// lower-case hex; percent-encoding and quoted-printable write upper case. Foundation's
/// `String(format: "%02x")` and `sscanf` cost a string format per byte, and the article page reads and
/// writes a few hundred UUIDs.
public enum Hex {
    /// `0`–`9` then `a`–`f`: the digit for a value is `lowerDigits[value]`.
    public static let lowerDigits: [UInt8] = Array("0123456789abcdef".utf8)
    /// `0`–`9` then `A`–`F`: the digit for a value is `upperDigits[value]`.
    public static let upperDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Each byte as two lower-case digits (`[0x0F, 0xA0]` is `0fa0`), as `%02x` writes it.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(lowerDigits[Int(byte >> 4)])
            text.append(lowerDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The value of one digit, in either case; nil for anything else.
    @inlinable
    public static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The byte two digits write (`high` first), or nil when either is not a digit.
    @inlinable
    public static func byte(high: UInt8, low: UInt8) -> UInt8? {
        guard let high = value(of: high), let low = value(of: low) else { return nil }
        return high << 4 | low
    }
}

/// Someone a message is from or to: an address and, optionally, the name mail programs show for it.
public struct MailAddress: Sendable, Equatable {
    /// The display name ("Anna Kowalska"); nil or blank shows the bare address.
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// Whether `address` is worth handing to a mail server: exactly one "@" with text on both sides, and
    /// no whitespace, control characters or angle brackets, any of which could break out of an SMTP
    /// command or a header. A sanity check, not RFC 5321's grammar: the server has the last word.
    public static func isDeliverable(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return !address.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0 == "<" || $0 == ">"
        }
    }
}

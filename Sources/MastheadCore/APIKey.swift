import Foundation

/// A key for the Admin API: a name, the role it acts with, and when it was made or revoked. The
/// token itself is shown once when the key is made and stored only as a hash.
public struct APIKey: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var name: String
    public var role: Role
    /// The first characters of the token, so a newsroom can tell its keys apart.
    public var prefix: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: UUID, name: String, role: Role, prefix: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.prefix = prefix
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// The key as the write layer sees whoever uses it: an account with the key's role, so every
    /// rule of the newsroom applies to the API unchanged.
    public var account: StaffAccount {
        StaffAccount(id: id, email: "api-key-\(prefix)@api.invalid", name: "API key “\(name)”", role: role)
    }

    /// `mh_` and 64 hex digits: 256 random bits.
    public static func isWellFormed(_ token: String) -> Bool {
        token.hasPrefix("mh_") && token.utf8.count == 67
            && token.utf8.dropFirst(3).allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

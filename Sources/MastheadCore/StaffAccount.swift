import Foundation

/// Someone who signs in to the newsroom. Emails are stored lower-cased so that uniqueness needs no
/// collation tricks.
public struct StaffAccount: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var email: String
    public var name: String
    public var role: Role
    /// The byline this account writes under, when it writes.
    public var authorID: UUID?

    public init(id: UUID, email: String, name: String, role: Role, authorID: UUID? = nil) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.authorID = authorID
    }

    /// An email as stored and looked up: trimmed and lower-cased; nil when it cannot be an address.
    public static func normalisedEmail(_ text: String) -> String? {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), email.count <= 254,
            email.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else { return nil }
        return email
    }

    public static let minimumPasswordLength = 12
    /// bcrypt reads only the first 72 bytes; a longer password would silently stop mattering.
    public static let maximumPasswordBytes = 72

    /// Why a new password cannot be used, in words a person can act on; nil when it can.
    public static func passwordProblem(_ password: String) -> String? {
        if password.count < minimumPasswordLength {
            return "Passwords need at least \(minimumPasswordLength) characters."
        }
        if password.utf8.count > maximumPasswordBytes {
            return "Passwords can be at most \(maximumPasswordBytes) bytes long."
        }
        // A line break or a tab in a password is a mistake in how it was given: no sign-in form can type it.
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "Passwords cannot contain line breaks, tabs or other control characters; choose one you can type."
        }
        return nil
    }
}

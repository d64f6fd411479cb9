import Foundation

/// What a reader sends to create an account, checked before anything is stored.
///
/// The display name follows exactly the rules for the name on a comment (``CommentSubmission``),
/// because it is the name shown on the reader's comments. The email address is checked for shape only;
/// whether it reaches the reader is for a confirmation message to find out.
public struct ReaderRegistration: Sendable, Equatable {
    public var displayName: String
    public var email: String
    public var password: String

    /// Mail servers limit an address to 254 bytes and the part before the @ to 64; both are measured in
    /// UTF-8 bytes, which for a plain ASCII address are its characters.
    public static let maximumEmailLength = 254
    public static let maximumEmailLocalPartLength = 64
    public static let minimumPasswordLength = 10
    public static let maximumPasswordLength = 200
    /// As for names and comments, a limit in scalars too, so a password of 200 characters cannot hide
    /// kilobytes of combining marks.
    public static let maximumPasswordScalars = 8 * maximumPasswordLength

    public init(displayName: String, email: String, password: String) {
        self.displayName = displayName
        self.email = email
        self.password = password
    }

    /// What is wrong with a registration, in words a reader can act on.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case nameMissing
        case nameTooLong(count: Int)
        case nameTooComplex
        case nameHasStackedMarks(count: Int)
        case emailMissing
        case emailTooLong
        case emailHasForbiddenCharacters
        case emailNeedsOneAt
        case emailLocalPartMissing
        case emailLocalPartTooLong
        case emailDomainIncomplete
        case passwordMissing
        case passwordBlank
        case passwordTooShort(count: Int)
        case passwordTooLong(count: Int)
        case passwordTooComplex

        public var description: String {
            switch self {
            case .nameMissing:
                return "Please add the name to show with your comments."
            case .nameTooLong(let count):
                return "Your name is \(count) characters long; please keep it to "
                    + "\(CommentSubmission.maximumNameLength)."
            case .nameTooComplex:
                return "Your name is built from too many combined symbols; please write it more simply."
            case .nameHasStackedMarks(let count):
                return "Your name has a character with \(count) accent marks stacked on it; "
                    + "please use at most \(CommentSubmission.maximumMarksPerCharacter) on any one character."
            case .emailMissing:
                return "Please enter your email address."
            case .emailTooLong:
                return "Your email address is longer than email allows (\(maximumEmailLength) characters); "
                    + "please check it."
            case .emailHasForbiddenCharacters:
                return "Your email address contains spaces, quotes, commas or angle brackets; "
                    + "please enter just the address, such as name@example.com."
            case .emailNeedsOneAt:
                return "An email address has exactly one @, as in name@example.com; please check yours."
            case .emailLocalPartMissing:
                return "Your email address needs the part before the @, as in name@example.com."
            case .emailLocalPartTooLong:
                return "The part of your email address before the @ is longer than email allows "
                    + "(\(maximumEmailLocalPartLength) characters); please check it."
            case .emailDomainIncomplete:
                return "The part of your email address after the @ should be a full domain, "
                    + "such as example.com; please check it."
            case .passwordMissing:
                return "Please choose a password."
            case .passwordBlank:
                return "Your password is only spaces or invisible characters; "
                    + "please choose one with letters, numbers or symbols."
            case .passwordTooShort(let count):
                return "Your password is \(count) characters long; please use at least "
                    + "\(minimumPasswordLength)."
            case .passwordTooLong(let count):
                return "Your password is \(count) characters long; please keep it to "
                    + "\(maximumPasswordLength)."
            case .passwordTooComplex:
                return "Your password is built from too many combined symbols; please choose a simpler one."
            }
        }
    }

    public struct ValidationFailure: Error, Sendable, Equatable {
        public var problems: [Problem]
    }

    /// The registration ready to store, or every problem found: the name cleaned and trimmed as on a
    /// comment, the email address normalized (``normalizedEmail(_:)``). The password is checked but
    /// never changed, not even trimmed, so the one the reader typed is the one that signs them in.
    public func validated() -> Result<ReaderRegistration, ValidationFailure> {
        let name = ReaderText.withoutControls(displayName).trimmingCharacters(in: .whitespacesAndNewlines)
        let address = Self.normalizedEmail(email)
        let problems = [Self.nameProblem(name), Self.emailProblem(address), Self.passwordProblem(password)]
            .compactMap { $0 }
        guard problems.isEmpty else { return .failure(ValidationFailure(problems: problems)) }
        return .success(ReaderRegistration(displayName: name, email: address, password: password))
    }

    /// The form an address is stored and looked up in, so that " Ola@Example.com" signs in the account
    /// registered as "ola@example.com". Lowercasing the part before the @ is not what the standard
    /// says, but it is what every large mail provider does, and readers expect it.
    public static func normalizedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func nameProblem(_ name: String) -> Problem? {
        if ReaderText.isBlank(name) { return .nameMissing }
        if name.count > CommentSubmission.maximumNameLength { return .nameTooLong(count: name.count) }
        if name.unicodeScalars.count > CommentSubmission.maximumNameScalars { return .nameTooComplex }
        let marks = ReaderText.mostMarksOnOneCharacter(name)
        if marks > CommentSubmission.maximumMarksPerCharacter { return .nameHasStackedMarks(count: marks) }
        return nil
    }

    /// Characters that never belong in an address typed into a form, though the standard allows some
    /// inside quotes: whitespace, controls and invisible characters, and the `<>",` that turn an address
    /// into a list or a "Name <address>" header when it is later put in a message. The apostrophe stays
    /// allowed: it is in real addresses (o'brien@example.com).
    static func isForbiddenInEmail(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || ReaderText.isInvisible(scalar) || "<>\",".unicodeScalars.contains(scalar)
    }

    static func emailProblem(_ address: String) -> Problem? {
        if address.isEmpty { return .emailMissing }
        if address.utf8.count > maximumEmailLength { return .emailTooLong }
        if address.unicodeScalars.contains(where: isForbiddenInEmail) { return .emailHasForbiddenCharacters }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .emailNeedsOneAt }
        if parts[0].isEmpty { return .emailLocalPartMissing }
        if parts[0].utf8.count > maximumEmailLocalPartLength { return .emailLocalPartTooLong }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 || labels.contains(where: \.isEmpty) { return .emailDomainIncomplete }
        return nil
    }

    static func passwordProblem(_ password: String) -> Problem? {
        if password.isEmpty { return .passwordMissing }
        if ReaderText.isBlank(password) { return .passwordBlank }
        if password.count < minimumPasswordLength { return .passwordTooShort(count: password.count) }
        if password.count > maximumPasswordLength { return .passwordTooLong(count: password.count) }
        if password.unicodeScalars.count > maximumPasswordScalars { return .passwordTooComplex }
        return nil
    }
}

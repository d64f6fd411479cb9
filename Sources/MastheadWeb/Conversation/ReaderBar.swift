import MastheadCore

/// Who is signed in, above the form.
struct ReaderBar: TemplateContext {
    let displayName: String
    let isVerified: Bool
    let accountURL: String
    let signOutAction: String

    init(_ reader: Commenter, returnTo: String) {
        displayName = reader.displayName
        isVerified = reader.isVerified
        accountURL = ReaderRoute.account.path
        signOutAction = ReaderRoute.signOut.path
    }
}

import Foundation
import MastheadCore

/// The reader account pages, one template: which form shows is chosen by `kind`.
struct AccountPage: PageContext {
    static let template = "account"

    enum Kind {
        case signUp
        case checkEmail
        case signIn
        case verify
        case account

        var title: String {
            switch self {
            case .signUp: "Create an account"
            case .checkEmail: "Check your email"
            case .signIn: "Sign in"
            case .verify: "Confirm your email address"
            case .account: "Your account"
            }
        }
    }

    let layout: LayoutContext
    let title: String
    let isSignUp: Bool
    let isCheckEmail: Bool
    let isSignIn: Bool
    let isVerify: Bool
    let isAccount: Bool
    let csrfToken: String
    let next: String?
    let displayName: String
    let email: String
    let isVerified: Bool
    let action: String?
    let notice: String?
    let problems: [String]
    let hasProblems: Bool
    let signUpURL: String
    let signInURL: String
    let signUpAction: String
    let signInAction: String
    let signOutAction: String
    let signOutEverywhereAction: String
    let resendAction: String
    let downloadURL: String
    let deleteAction: String
    let minimumPasswordLength: Int
    let maxNameLength: Int

    init(
        _ kind: Kind, layout: LayoutContext, csrfToken: String, next: String?, displayName: String, email: String,
        reader: Commenter?, action: String?, notice: String?, problems: [String]
    ) {
        self.layout = layout
        title = kind.title
        isSignUp = kind == .signUp
        isCheckEmail = kind == .checkEmail
        isSignIn = kind == .signIn
        isVerify = kind == .verify
        isAccount = kind == .account
        self.csrfToken = csrfToken
        self.next = next
        self.displayName = displayName
        self.email = email
        isVerified = reader?.isVerified ?? false
        self.action = action
        self.notice = notice
        self.problems = problems
        hasProblems = !problems.isEmpty
        signUpURL = ReaderRoute.signUp(next: next).path
        signInURL = ReaderRoute.signIn(next: next).path
        signUpAction = ReaderRoute.signUp(next: nil).path
        signInAction = ReaderRoute.signIn(next: nil).path
        signOutAction = ReaderRoute.signOut.path
        signOutEverywhereAction = ReaderRoute.signOutEverywhere.path
        resendAction = ReaderRoute.accountResend.path
        downloadURL = ReaderRoute.accountDownload.path
        deleteAction = ReaderRoute.accountDelete.path
        minimumPasswordLength = ReaderRegistration.minimumPasswordLength
        maxNameLength = CommentSubmission.maximumNameLength
    }
}

/// A reader's download of what they wrote.
struct ReaderExport: Encodable {
    struct Entry: Encodable {
        let id: String
        let articleID: String
        let parentID: String?
        let body: String
        let status: String
        let createdAt: String
        let editedAt: String?
        let deleted: Bool
        let likes: Int
    }

    let displayName: String
    let email: String
    let createdAt: String
    let comments: [Entry]
}

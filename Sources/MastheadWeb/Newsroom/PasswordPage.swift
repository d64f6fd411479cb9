import MastheadCore

struct PasswordPage: PageContext {
    static let template = "password"
    let layout: NewsroomLayout
    let action: String
    let signOutEverywhereAction: String
    let problems: [String]
    let hasProblems: Bool
    let minimumPasswordLength: Int
}

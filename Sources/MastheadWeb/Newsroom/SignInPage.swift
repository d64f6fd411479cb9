import MastheadCore

struct SignInPage: PageContext {
    static let template = "sign-in"
    let layout: NewsroomLayout
    let action: String
    let csrfToken: String
    let email: String
    let next: String
    let problem: String?
}

import MastheadCore

struct StaffAccountsPage: PageContext {
    static let template = "accounts"
    let layout: NewsroomLayout
    let accounts: [Row]
    let createAction: String
    let roles: [Option]
    let problems: [String]
    let hasProblems: Bool
    let email: String
    let name: String
    let minimumPasswordLength: Int

    struct Row: TemplateContext {
        let name: String
        let email: String
        let roleAction: String
        /// Absent on the admin's own row: nobody removes their own account.
        let removeAction: String?
        let roles: [Option]
    }
}

import MastheadCore

struct SettingsPage: PageContext {
    static let template = "settings"
    let layout: NewsroomLayout
    let action: String
    let name: String
    let baseURL: String
    let timeZone: String
    let language: String
    let feedFullText: Bool
    let readNextRelated: Bool
    let commentsCloseAfterDays: String
    let problems: [String]
    let hasProblems: Bool
}

import MastheadCore

struct CommentSettingsPage: PageContext {
    static let template = "comment_settings"
    let layout: NewsroomLayout
    let action: String
    let allowGuests: Bool
    let preModerateAll: Bool
    let firstHeld: String
    let linksHeldUntil: String
    let maxLength: String
    let bannedWords: String
    let suspectWords: String
    let problems: [String]
    let hasProblems: Bool
}

import MastheadCore

/// What a saved story shows beside its content: where it stands and what can be done with it.
struct ArticlePanel: TemplateContext {
    let status: String
    let publishedAt: String?
    let readerURL: String?
    let moveAction: String
    let moves: [Option]
    let hasMoves: Bool
    let canSchedule: Bool
    let scheduleValue: String
    let embargoAction: String
    let embargoValue: String
    let embargoed: Bool
    let canUpdate: Bool
    let updateAction: String
    let updatedAt: String?
    let updateNote: String?
    let correctionAction: String
    let corrections: [CorrectionRow]
    /// Editors and moderators open, close or time the story's comments and turn pre-moderation on.
    let canModerate: Bool
    let conversationAction: String
    let conversationModes: [Option]
    let preModerated: Bool
    let revisionsURL: String
    let imageAction: String
    let version: Int

    struct CorrectionRow: TemplateContext {
        let text: String
        let at: String
    }
}

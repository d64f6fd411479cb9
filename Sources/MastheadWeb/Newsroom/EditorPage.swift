import Foundation
import MastheadCore

/// The story editor: the content form, what went wrong with it, a preview, a conflict with a
/// colleague's newer save, and (for a saved story) the workflow, embargo, update and correction panels.
struct EditorPage: PageContext {
    static let template = "editor"
    let layout: NewsroomLayout
    let heading: String
    let formAction: String
    let previewAction: String
    let headline: String
    let lede: String
    let body: String
    let slug: String
    let dateline: String
    let newTopics: String
    let version: Int
    let topics: [Option]
    /// Topics the story's people, places and nearest stories point to (``TopicSuggestions``).
    let suggestedTopics: String
    let primaryTopics: [Option]
    let bylineSlots: [BylineSlot]
    let image: ImageFields?
    let problems: [String]
    let hasProblems: Bool
    let preview: Preview?
    let conflict: ConflictView?
    let story: ArticlePanel?

    /// The feature image's fields in the editor form; the file itself is uploaded by its own form.
    struct ImageFields: TemplateContext {
        let file: String
        let url: String
        let alt: String
        let caption: String
        let credit: String
    }

    struct BylineSlot: TemplateContext {
        let label: String
        let options: [Option]
    }

    /// A preview is rendered through the same Markdown path and sanitizer as publishing.
    struct Preview: TemplateContext {
        let bodyHTML: String
    }

    struct ConflictView: TemplateContext {
        let savedBy: String
        let savedAt: String
        let version: Int
        let headline: String
        let lede: String
        let diff: [DiffLine]
    }
}

/// One line of a difference between two texts, as the revision and conflict views show it.
struct DiffLine: TemplateContext {
    let kind: String
    let marker: String
    let text: String

    static func lines(from old: String, to new: String) -> [DiffLine] {
        TextDiff.lines(from: old, to: new).map { line in
            switch line {
            case .same(let text): return DiffLine(kind: "same", marker: " ", text: text)
            case .removed(let text): return DiffLine(kind: "removed", marker: "−", text: text)
            case .added(let text): return DiffLine(kind: "added", marker: "+", text: text)
            }
        }
    }
}

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

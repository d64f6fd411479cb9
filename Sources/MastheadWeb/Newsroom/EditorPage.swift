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

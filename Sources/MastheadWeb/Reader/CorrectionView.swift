import MastheadCore

/// A correction as readers see it under the story.
struct CorrectionView: TemplateContext {
    let text: String
    let label: String
    let isoTime: String
}

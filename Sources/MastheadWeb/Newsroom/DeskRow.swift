import MastheadCore

struct DeskRow: TemplateContext {
    let headline: String
    let url: String
    let status: String
    let savedBy: String
    let savedAt: String
    let publishedAt: String
}

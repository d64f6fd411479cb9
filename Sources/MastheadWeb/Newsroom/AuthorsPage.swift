import MastheadCore

struct AuthorsPage: PageContext {
    static let template = "authors"
    let layout: NewsroomLayout
    let authors: [Row]

    struct Row: TemplateContext {
        let name: String
        let readerURL: String
        let editURL: String?
        let storiesURL: String
    }
}

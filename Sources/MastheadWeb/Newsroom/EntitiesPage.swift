import MastheadCore

struct EntitiesPage: PageContext {
    static let template = "entities"
    let layout: NewsroomLayout
    let canManage: Bool
    let entities: [Row]
    let hasEntities: Bool
    let options: [Option]
    let ignored: [Ignored]
    let hasIgnored: Bool
    let mergeAction: String

    struct Row: TemplateContext {
        let name: String
        let kind: String
        let stories: Int
        let readerURL: String
        let action: String
        let kinds: [Option]
    }

    struct Ignored: TemplateContext {
        let name: String
        let action: String
    }
}

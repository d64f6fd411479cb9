import MastheadCore

struct OutboxPage: PageContext {
    static let template = "outbox"
    let layout: NewsroomLayout
    let mail: [Item]
    let hasMail: Bool

    struct Item: TemplateContext {
        let recipient: String
        let subject: String
        let body: String
        let at: String
        let state: String
    }
}

import MastheadCore

struct DeskGroup: TemplateContext {
    let title: String
    let moreURL: String
    let rows: [DeskRow]
    let isEmpty: Bool

    init(title: String, moreURL: String, rows: [DeskRow]) {
        self.title = title
        self.moreURL = moreURL
        self.rows = rows
        isEmpty = rows.isEmpty
    }
}

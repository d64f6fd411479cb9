import MastheadCore

struct ArticlesPage: PageContext {
    static let template = "stories"
    let layout: NewsroomLayout
    let action: String
    let statuses: [Option]
    let topics: [Option]
    let authors: [Option]
    let rows: [DeskRow]
    let isEmpty: Bool

    init(
        layout: NewsroomLayout, action: String, statuses: [Option], topics: [Option], authors: [Option],
        rows: [DeskRow]
    ) {
        self.layout = layout
        self.action = action
        self.statuses = statuses
        self.topics = topics
        self.authors = authors
        self.rows = rows
        isEmpty = rows.isEmpty
    }
}

import MastheadCore

struct DashboardPage: PageContext {
    static let template = "dashboard"
    let layout: NewsroomLayout
    let greeting: String
    let groups: [DeskGroup]
    let newStoryURL: String?
}

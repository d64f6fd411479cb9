import MastheadCore

struct MessagePage: PageContext {
    static let template = "message"
    let layout: NewsroomLayout
    let heading: String
    let message: String
    let signInURL: String?
}

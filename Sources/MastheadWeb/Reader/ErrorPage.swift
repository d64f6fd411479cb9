/// Any other failure a reader can meet. The message is written for readers; internal details go
/// to the log, never to the page.
struct ErrorPage: PageContext {
    static let template = "error"

    let layout: LayoutContext
    let heading: String
    let message: String
}

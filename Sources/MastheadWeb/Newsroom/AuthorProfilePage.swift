import MastheadCore

struct AuthorProfilePage: PageContext {
    static let template = "author"
    let layout: NewsroomLayout
    let action: String
    let name: String
    let bio: String
}

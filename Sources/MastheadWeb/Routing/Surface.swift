/// The four parts of the site a request can belong to. Each is a route group with its own middleware
/// and its own way of showing an error; ``Surface/init(path:)`` is the one place that tells, from the
/// path alone, whose an address is when no route matched it.
enum Surface: CaseIterable, Sendable {
    /// The theme's pages, feeds, sitemaps, the conversation and the reader's account.
    case reader
    /// `/newsroom`: staff pages with their own templates.
    case newsroom
    /// `/api/`: JSON in and out.
    case api
    /// The theme's and the newsroom's static files, and uploaded media.
    case assets

    init(path: String) {
        if Self.isUnder(path, "/api") {
            self = .api
        } else if path.hasPrefix("/assets/") || path.hasPrefix("/media/")
            || path.hasPrefix(NewsroomRoute.root + "/assets/")
        {
            self = .assets
        } else if path == NewsroomRoute.root || Self.isUnder(path, NewsroomRoute.root) {
            self = .newsroom
        } else {
            self = .reader
        }
    }

    /// `/api/…`, not `/api` itself nor `/apis`: the bare prefix has always been a reader page's address.
    private static func isUnder(_ path: String, _ root: String) -> Bool {
        path.hasPrefix(root + "/")
    }
}

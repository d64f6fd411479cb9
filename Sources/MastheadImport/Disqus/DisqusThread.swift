/// A `<thread>`: the comments under one page of the old site, known by its address.
public struct DisqusThread: Sendable, Equatable {
    /// Disqus's own id (`dsq:id`), which posts name their thread by.
    public let id: String
    /// The site's identifier for the page (`<id>`; the WordPress plugin writes `POST_ID GUID`).
    public let identifier: String
    /// The page's address, as Disqus last saw it.
    public let link: String
    public let title: String
    public let isClosed: Bool
    public let line: Int
}

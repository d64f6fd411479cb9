import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// What every controller shares: the running settings, the theme, the store, the clock, the limits.
struct Site: Sendable {
    let snapshot: SettingsSnapshot
    let theme: Theme
    /// The primary database; on a request that reads from a replica (``reading(_:)``), the replica.
    var store: Store
    /// A streaming replica of the primary, for what readers read (`DATABASE_REPLICA_URL`).
    var replica: Store? = nil
    let clock: NewsClock
    let readers: ReaderSessions
    let addressHasher: AddressHasher
    /// Failed reader sign-ins, counted in the database per account and per address.
    let readerThrottle: SignInThrottle
    let live: LiveComments
    let targets: ConversationTargets
    /// The header a trusted reverse proxy puts the client's address in; nil when clients connect directly.
    let clientAddressHeader: String?
    let makeToken: @Sendable () -> String
    let passwordCost: UInt8
    let media: MediaLibrary

    /// The settings as they are now; the settings page and other nodes change them while running.
    var settings: SiteSettings { snapshot.current }

    func layout(
        title: String?, description: String, route: ReaderRoute?, feeds extraFeeds: [FeedLink] = [],
        metaProperties: [MetaTag] = [], metaNames: [MetaTag] = [], jsonLD: String? = nil
    ) -> LayoutContext {
        LayoutContext(
            siteName: settings.name,
            language: settings.language,
            documentTitle: title.map { "\($0) – \(settings.name)" } ?? settings.name,
            description: description,
            canonicalURL: route?.url(base: settings.baseURL),
            stylesheetURL: theme.assets.url(for: "masthead.css"),
            homeURL: ReaderRoute.home().path,
            searchURL: ReaderRoute.Pattern.search.description,
            feeds: FeedFormat.allCases.map {
                FeedLink(title: "\(settings.name) (\($0.label))", type: $0.linkType, url: ReaderRoute.siteFeed($0).path)
            } + extraFeeds,
            metaProperties: metaProperties, metaNames: metaNames, jsonLD: jsonLD)
    }

    /// A topic's or author's own feeds, for autodiscovery on their pages.
    func feeds(named name: String, route: (FeedFormat) -> ReaderRoute) -> [FeedLink] {
        FeedFormat.allCases.map { FeedLink(title: "\(name) (\($0.label))", type: $0.linkType, url: route($0).path) }
    }

    /// A rendered page as an HTML response.
    func html(_ page: some PageContext, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: theme.renderBuffer(page)))
    }

    var usesHTTPS: Bool { settings.baseURL.hasPrefix("https://") }

    /// The client's address as a salted hash (``AddressHasher``): what rate limits and reports count by.
    func addressHash(_ request: Request, _ context: some RemoteAddressRequestContext) async throws -> String {
        try await addressHasher.hash(clientKey(request, context), now: clock.now, in: store)
    }

    var readerAccounts: CommenterAccountActions { store.commenterAccountActions(passwordCost: passwordCost) }

    /// How verification mail names the site and links back to it.
    var mailing: CommenterAccountActions.Mailing {
        let base = settings.baseURL
        return CommenterAccountActions.Mailing(siteName: settings.name) { base + ReaderRoute.verify($0).path }
    }
}

extension Site {
    /// When a story's conversation closes by itself, for pages that show its form.
    func conversationClosesAt(_ article: Article) -> Date? {
        article.conversation.closesAt(publishedAt: article.publishedAt, closeAfterDays: settings.commentsCloseAfterDays)
    }
}

extension Site {
    /// The cookie that marks a browser which has just changed something, for a few seconds.
    static let freshWriteCookie = "masthead_fresh"

    /// The site as a reader page, feed or API call should read it: from the replica when there is one,
    /// except for a browser that has just written, which reads from the primary and so always sees its
    /// own change.
    func reading(_ request: Request) -> Site {
        guard let replica, !Self.hasFreshWrite(request.headers[values: .cookie]) else { return self }
        var site = self
        site.store = replica
        return site
    }

    static func hasFreshWrite(_ cookies: [String]) -> Bool {
        cookies.contains { $0.contains(freshWriteCookie + "=") }
    }
}

import Foundation
import Hummingbird
import Logging
import MastheadCore
import MastheadStore
import ServiceLifecycle

/// Builds the whole site from its configuration: opens and migrates the database, loads the theme,
/// and wires the routes. `masthead serve` and the tests both start here.
public func buildApplication(
    config: AppConfig, clock: NewsClock = .system, logger: Logger = Logger(label: "masthead")
) async throws -> some ApplicationProtocol {
    try await buildApplication(
        config: config, store: try Store.open(config.database, logger: logger), clock: clock, logger: logger)
}

/// The same, on a store the caller opened (tests seed it first). The application owns the store from
/// here on: it closes it when the server shuts down, or at once when building fails.
public func buildApplication(
    config: AppConfig, store: Store, clock: NewsClock = .system, logger: Logger = Logger(label: "masthead")
) async throws -> some ApplicationProtocol {
    let site: Site
    let newsroomTemplates: NewsroomTemplates
    // Reader pages read from the replica when there is one; it is opened, never migrated: it follows
    // the primary's schema.
    let replica: Store?
    do {
        replica = try config.replicaDatabase.map { try Store.open($0, logger: logger) }
    } catch {
        await store.close()
        throw error
    }
    let pageCache: PageCache
    do {
        try await store.migrate()
        let snapshot = SettingsSnapshot(stored: try await store.siteSettings.load()) {
            config.siteSettings(stored: $0)
        }
        snapshot.follow(store)
        pageCache = PageCache(
            capacity: config.pageCacheMegabytes * 1_048_576, clock: clock,
            replicaLag: config.replicaDatabase == nil ? .zero : .seconds(config.replicaMaxLag)
        ) { snapshot.current.timeZone }
        await pageCache.follow(store, logger: logger)
        let theme = try await Theme.load(directory: config.themeDirectory ?? Theme.defaultDirectory)
        site = Site(
            snapshot: snapshot, theme: theme, store: store, replica: replica, clock: clock,
            readers: ReaderSessions(store: store, clock: clock) { snapshot.current.baseURL.hasPrefix("https://") },
            addressHasher: AddressHasher(), readerThrottle: SignInThrottle(),
            live: LiveComments(
                store: store, limit: config.liveStreamLimit, perAddress: config.liveStreamsPerAddress),
            targets: ConversationTargets(store: store),
            clientAddressHeader: config.clientAddressHeader,
            makeToken: CSRFToken.generate, passwordCost: config.passwordCost,
            media: MediaLibrary(directory: config.resolvedMediaDirectory))
        newsroomTemplates = try await NewsroomTemplates.load()
    } catch {
        await store.close()
        await replica?.close()
        throw error
    }

    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let metrics = Metrics(store: store, replica: replica, pageCache: pageCache)
    router.middlewares.add(EventLoopAffinityMiddleware(executors: EventLoopExecutors()) { $0.eventLoop })
    router.middlewares.add(MetricsMiddleware(metrics: metrics))
    router.middlewares.add(SecurityHeadersMiddleware())
    router.middlewares.add(ErrorPageMiddleware(site: site))
    router.middlewares.add(PathGuardMiddleware())
    router.middlewares.add(
        CrossSiteRequestMiddleware(
            siteOrigin: { WebOrigin(site.settings.baseURL) }, siteAddress: { site.settings.baseURL }))
    router.middlewares.add(PageCacheMiddleware(cache: pageCache))
    if replica != nil { router.middlewares.add(FreshWriteMiddleware(seconds: config.replicaMaxLag) { site.usesHTTPS }) }
    HealthController(store: store, metrics: metrics, live: site.live).register(on: router)
    AssetController(assets: site.theme.assets).register(on: router, at: ReaderRoute.Pattern.assets)
    ReaderController(site: site).register(on: router)
    CommentController(site: site).register(on: router)
    CommentToolsController(site: site).register(on: router)
    AccountController(site: site).register(on: router)
    LiveCommentsController(site: site).register(on: router)
    MediaController(media: site.media).register(on: router)
    FeedController(site: site).register(on: router)
    registerAPI(on: router, site: site)
    SitemapController(site: site).register(on: router)
    SearchController(site: site).register(on: router)
    let sessions = SessionPersistDriver(store: store, clock: clock)
    let newsroomThrottle = SignInThrottle()
    Newsroom(site: site, templates: newsroomTemplates, throttle: newsroomThrottle).register(
        on: router, sessions: sessions)

    // Stories that fell due while the server was down are recorded before it takes a request.
    let scheduler = ScheduledPublisher(store: store, clock: clock, logger: logger)
    await scheduler.publishDue()

    var app = Application(
        router: router,
        server: .http1(
            configuration: .init(additionalChannelHandlers: [
                ParserErrorResponseHandler(), PageCacheChannelHandler(cache: pageCache), EventStreamHangUpHandler(),
            ])),
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: "Masthead"),
        logger: logger)
    // Services stop in reverse order: the store, listed first, closes after everything that uses it.
    let webhooks = WebhookDeliverer(
        store: store, clock: clock, allowPrivate: config.webhooksAllowPrivate, logger: logger)
    let mail = MailDelivery(
        store: store, smtp: config.smtpURL.flatMap { SMTPConfiguration(url: $0) },
        from: MailAddress(name: site.settings.name, address: config.mailFrom), clock: clock, logger: logger)
    let housekeeping = Housekeeping(
        store: store, clock: clock, signInWindow: max(site.readerThrottle.window, newsroomThrottle.window),
        logger: logger)
    app.addServices(
        StoreService(store: store, replica: replica), sessions, scheduler, webhooks, mail, site.live, housekeeping)
    if case .postgres = store.location { app.addServices(ChangeRelayService(store: store, logger: logger)) }
    if let url = config.cdnPurgeURL {
        let purge = CDNPurge(url: url, token: config.cdnPurgeToken, store: store, logger: logger)
        try await purge.follower.register()
        app.addServices(purge)
    }
    logger.info("Masthead \"\(site.settings.name)\" on \(store.location), theme \(site.theme.directory)")
    if let warning = config.liveStreamProxyWarning(siteAddress: site.settings.baseURL) { logger.warning("\(warning)") }
    return app
}

/// Closes the database once the server has stopped taking requests.
struct StoreService: Service {
    let store: Store
    let replica: Store?

    func run() async throws {
        // What a node that stopped had not handled, discovery's work among it, is handled from now on.
        store.changeFeed.startFollowers()
        try? await gracefulShutdown()
        await store.close()
        await replica?.close()
    }
}

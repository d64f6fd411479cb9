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

    let sessions = SessionPersistDriver(store: store, clock: clock)
    let newsroomThrottle = SignInThrottle()
    let newsroom = Newsroom(site: site, templates: newsroomTemplates, throttle: newsroomThrottle)
    let readerErrors = ErrorPageMiddleware(site: site)
    let freshWrite =
        replica == nil
        ? nil : FreshWriteMiddleware<AppRequestContext>(seconds: config.replicaMaxLag) { site.usesHTTPS }

    // Router-wide only what every response needs; each surface's group brings its own middleware.
    // Router middleware wraps only the routes added after it, so it comes first.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let metrics = Metrics(store: store, replica: replica, pageCache: pageCache)
    router.middlewares.add(EventLoopAffinityMiddleware(executors: EventLoopExecutors()) { $0.eventLoop })
    router.middlewares.add(MetricsMiddleware(metrics: metrics))
    router.middlewares.add(SecurityHeadersMiddleware())
    router.middlewares.add(
        SurfaceErrorMiddleware(renderers: [
            .reader: { try await readerErrors.render($0, $1, $2) },
            .assets: { try await readerErrors.render($0, $1, $2) },
            .newsroom: { try await newsroom.render($0, $1, $2) },
            .api: { try await APIErrorMiddleware.render($0, $1, $2) },
        ]))
    router.middlewares.add(PathGuardMiddleware())

    let assets = router.group().add(middleware: readerErrors)
    AssetController(assets: site.theme.assets).register(on: assets, at: ReaderRoute.Pattern.assets)
    MediaController(media: site.media).register(on: assets)
    newsroom.registerAssets(on: assets)

    let reader = router.group()
        .add(middleware: readerErrors)
        .add(middleware: CrossSiteRequestMiddleware(site: site))
        .add(middleware: PageCacheMiddleware(cache: pageCache))
    if let freshWrite { reader.add(middleware: freshWrite) }
    HealthController(store: store, metrics: metrics, live: site.live).register(on: reader)
    ReaderController(site: site).register(on: reader)
    CommentController(site: site).register(on: reader)
    CommentToolsController(site: site).register(on: reader)
    AccountController(site: site).register(on: reader)
    LiveCommentsController(site: site).register(on: reader)
    FeedController(site: site).register(on: reader)
    SitemapController(site: site).register(on: reader)
    SearchController(site: site).register(on: reader)

    registerAPI(on: router, site: site, pageCache: pageCache, freshWrite: freshWrite)
    newsroom.register(on: router, sessions: sessions, freshWrite: freshWrite)

    // Stories that fell due while the server was down are recorded before it takes a request.
    let scheduler = ScheduledPublisher(store: store, clock: clock, logger: logger)
    await scheduler.publishDue()

    let serverName = "Masthead"
    var app = Application(
        router: router,
        server: .http1(
            configuration: .init(additionalChannelHandlers: [ParserErrorResponseHandler(), EventStreamHangUpHandler()]),
            pageCache: pageCache, serverName: serverName),
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: serverName),
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

import Hummingbird
import HummingbirdAuth
import MastheadCore
import MastheadStore

extension Newsroom {
    /// The newsroom's stylesheet and script, served with the other static files.
    func registerAssets(on assets: RouterGroup<AppRequestContext>) {
        AssetController<AppRequestContext>(assets: templates.theme.assets)
            .register(on: assets, at: RouterPath(NewsroomRoute.root + "/" + NewsroomRoute.Pattern.assets.description))
    }

    /// The `/newsroom` route group: its own context and middleware, its own templates.
    func register(
        on router: Router<AppRequestContext>, sessions: SessionPersistDriver,
        freshWrite: FreshWriteMiddleware<AppRequestContext>?
    ) {
        let secure = site.usesHTTPS
        let group = router.group(RouterPath(NewsroomRoute.root), context: NewsroomRequestContext.self)
        if let freshWrite { group.add(middleware: freshWrite.retyped()) }
        group.add(middleware: NewsroomHeadersMiddleware())
            .add(middleware: NewsroomErrorMiddleware(newsroom: self))
            .add(middleware: CrossSiteRequestMiddleware(site: site))
            .add(
                middleware: SessionMiddleware(
                    storage: sessions,
                    configuration: SessionMiddlewareConfiguration(
                        sessionCookieParameters: SessionCookieParameters(
                            name: secure ? "__Host-masthead_session" : "masthead_session", path: "/", secure: secure,
                            sameSite: .lax),
                        keyPrefix: "newsroom.", defaultSessionExpiration: SignInController.sessionLength))
            )
            .add(middleware: SignedInMiddleware(store: store))
        SignInController(newsroom: self).register(on: group)
        DeskController(newsroom: self).register(on: group)
        let editor = ArticleEditorController(newsroom: self)
        editor.register(on: group)
        ArticleWorkflowController(newsroom: self).register(on: group)
        RevisionsController(newsroom: self, editor: editor).register(on: group)
        ImageController(newsroom: self, editor: editor).register(on: group)
        TopicsAuthorsController(newsroom: self).register(on: group)
        EntitiesController(newsroom: self).register(on: group)
        ModerationQueueController(newsroom: self).register(on: group)
        OutboxController(newsroom: self).register(on: group)
        CommentSettingsController(newsroom: self).register(on: group)
        StaffAccountsController(newsroom: self).register(on: group)
        APIKeysController(newsroom: self).register(on: group)
        WebhooksController(newsroom: self).register(on: group)
    }

    /// The newsroom's answer to an error met before its route group ran (no route matched, the path
    /// guard refused the address): its own page and headers, shown as to someone not signed in.
    func render(_ error: any Error, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await NewsroomHeadersMiddleware().handle(request, context: try NewsroomRequestContext(context: context)) {
            try await NewsroomErrorMiddleware(newsroom: self).render(error, $0, $1)
        }
    }
}

import Hummingbird
import HummingbirdAuth
import MastheadCore
import MastheadStore

extension Newsroom {
    /// The `/newsroom` route group: its own context and middleware, its own templates, its own assets.
    func register(on router: Router<AppRequestContext>, sessions: SessionPersistDriver) {
        AssetController<AppRequestContext>(assets: templates.theme.assets)
            .register(on: router, at: RouterPath(NewsroomRoute.root + "/" + NewsroomRoute.Pattern.assets.description))
        let secure = site.usesHTTPS
        let group = router.group(RouterPath(NewsroomRoute.root), context: NewsroomRequestContext.self)
            .add(middleware: NewsroomHeadersMiddleware())
            .add(middleware: NewsroomErrorMiddleware(newsroom: self))
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
}

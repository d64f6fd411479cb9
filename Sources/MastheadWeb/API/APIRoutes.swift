import Hummingbird

/// `/api/v1`: its own route group and request context. Errors are JSON; the Admin API under
/// `/api/v1/admin` needs a bearer key; cookies and CSRF play no part. Content API responses are kept by
/// the page cache like reader pages.
func registerAPI(
    on router: Router<AppRequestContext>, site: Site, pageCache: PageCache,
    freshWrite: FreshWriteMiddleware<AppRequestContext>?
) {
    let api = router.group("api/v1", context: APIRequestContext.self)
        .add(middleware: PageCacheMiddleware(cache: pageCache))
    if let freshWrite { api.add(middleware: freshWrite.retyped()) }
    api.add(middleware: APIErrorMiddleware())
    ContentAPIController(site: site).register(on: api)
    let admin = api.group("admin").add(middleware: BearerKeyMiddleware(store: site.store))
    AdminAPIController(site: site).register(on: admin)
}

import Hummingbird

/// `/api/v1`: its own route group and request context. Errors are JSON; the Admin API under
/// `/api/v1/admin` needs a bearer key; cookies and CSRF play no part.
func registerAPI(on router: Router<AppRequestContext>, site: Site) {
    let api = router.group("api/v1", context: APIRequestContext.self).add(middleware: APIErrorMiddleware())
    ContentAPIController(site: site).register(on: api)
    let admin = api.group("admin").add(middleware: BearerKeyMiddleware(store: site.store))
    AdminAPIController(site: site).register(on: admin)
}

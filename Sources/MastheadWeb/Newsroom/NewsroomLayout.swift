import MastheadCore

/// What the newsroom layout shows around every page.
struct NewsroomLayout: TemplateContext {
    let title: String
    let siteName: String
    let signedIn: Bool
    let accountName: String
    let roleLabel: String
    let csrfToken: String
    let notice: String?
    let stylesheetURL: String
    let scriptURL: String
    let nav: [NavLink]
    let signOutURL: String

    struct NavLink: TemplateContext {
        let label: String
        let url: String
    }

    init(
        title: String, siteName: String, account: StaffAccount?, csrfToken: String, notice: String?,
        stylesheetURL: String, scriptURL: String
    ) {
        self.title = title
        self.siteName = siteName
        signedIn = account != nil
        accountName = account?.name ?? ""
        roleLabel = account?.role.label ?? ""
        self.csrfToken = csrfToken
        self.notice = notice
        self.stylesheetURL = stylesheetURL
        self.scriptURL = scriptURL
        var nav: [NavLink] = []
        if let policy = account?.policy {
            nav.append(NavLink(label: "Dashboard", url: NewsroomRoute.dashboard.path))
            // Each link asks its own page's rule, so the nav offers exactly what opens.
            let pages: [(String, NewsroomRoute, StaffPolicy.Decision)] = [
                ("Stories", .articles(), .openArea(.articles)), ("New story", .newArticle, .createArticle),
                ("Topics", .topics, .openArea(.topics)), ("People & places", .entities, .openArea(.entities)),
                ("Authors", .authors, .openArea(.authors)), ("Accounts", .accounts, .openArea(.accounts)),
                ("Settings", .settings, .changeSettings), ("API keys", .apiKeys, .openArea(.apiKeys)),
                ("Webhooks", .webhooks, .openArea(.webhooks)),
                ("Comment rules", .commentSettings, .openArea(.commentRules)),
                ("Outbox", .outbox, .openArea(.outbox)), ("Comments", .moderationQueue, .moderateComments),
            ]
            for (label, route, decision) in pages where policy.allows(decision) {
                nav.append(NavLink(label: label, url: route.path))
            }
            nav.append(NavLink(label: "Password", url: NewsroomRoute.password.path))
        }
        self.nav = nav
        signOutURL = NewsroomRoute.signOut.path
    }
}

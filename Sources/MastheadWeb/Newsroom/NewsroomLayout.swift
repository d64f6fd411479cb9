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
            if policy.allows(.openArea(.articles)) {
                nav.append(NavLink(label: "Stories", url: NewsroomRoute.articles().path))
                nav.append(NavLink(label: "New story", url: NewsroomRoute.newArticle.path))
                nav.append(NavLink(label: "Topics", url: NewsroomRoute.topics.path))
                nav.append(NavLink(label: "People & places", url: NewsroomRoute.entities.path))
                nav.append(NavLink(label: "Authors", url: NewsroomRoute.authors.path))
            }
            if policy.allows(.openArea(.accounts)) {
                nav.append(NavLink(label: "Accounts", url: NewsroomRoute.accounts.path))
                nav.append(NavLink(label: "Settings", url: NewsroomRoute.settings.path))
                nav.append(NavLink(label: "API keys", url: NewsroomRoute.apiKeys.path))
                nav.append(NavLink(label: "Webhooks", url: NewsroomRoute.webhooks.path))
                nav.append(NavLink(label: "Comment rules", url: NewsroomRoute.commentSettings.path))
                nav.append(NavLink(label: "Outbox", url: NewsroomRoute.outbox.path))
            }
            if policy.allows(.moderateComments) {
                nav.append(NavLink(label: "Comments", url: NewsroomRoute.moderationQueue.path))
            }
            nav.append(NavLink(label: "Password", url: NewsroomRoute.password.path))
        }
        self.nav = nav
        signOutURL = NewsroomRoute.signOut.path
    }
}

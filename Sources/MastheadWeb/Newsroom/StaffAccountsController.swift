import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Accounts and roles (admins), the site's settings (admins), and everyone's own password and sessions.
struct StaffAccountsController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.accounts, use: accounts)
        group.post(NewsroomRoute.Pattern.accounts, use: create)
        group.post(NewsroomRoute.Pattern.accountRole, use: setRole)
        group.post(NewsroomRoute.Pattern.removeAccount, use: remove)
        group.get(NewsroomRoute.Pattern.password, use: passwordForm)
        group.post(NewsroomRoute.Pattern.password, use: changePassword)
        group.post(NewsroomRoute.Pattern.signOutEverywhere, use: signOutEverywhere)
        group.get(NewsroomRoute.Pattern.settings, use: settingsForm)
        group.post(NewsroomRoute.Pattern.settings, use: saveSettings)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.accounts)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.accountRole)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.removeAccount)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.password)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.signOutEverywhere)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.settings)
    }

    func accounts(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try await accountsPage(context, notice: Newsroom.notice(request), problems: [], email: "", name: "")
    }

    func create(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let admin = try context.staff()
        let fields = try await context.form(request)
        do {
            _ = try await newsroom.accounts.create(
                email: fields["email"], name: fields["name"], role: Role(rawValue: fields["role"]) ?? .contributor,
                password: fields["password"], by: admin, now: newsroom.now)
            return newsroom.redirect(.accounts, done: "account")
        } catch ActionError.invalid(let problems) {
            return try await accountsPage(
                context, notice: nil, problems: problems, email: fields["email"], name: fields["name"],
                status: .unprocessableContent)
        }
    }

    func setRole(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let admin = try context.staff()
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        let fields = try await context.form(request)
        guard let role = Role(rawValue: fields["role"]) else {
            throw HTTPError(.unprocessableContent, message: "Choose one of the roles offered.")
        }
        try await newsroom.accounts.setRole(role, ofAccount: id, by: admin, now: newsroom.now)
        return newsroom.redirect(.accounts, done: "account")
    }

    func remove(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let admin = try context.staff()
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        _ = try await context.form(request)
        do {
            try await newsroom.accounts.remove(accountID: id, by: admin, now: newsroom.now)
            return newsroom.redirect(.accounts, done: "account-removed")
        } catch ActionError.invalid(let problems) {
            return try await accountsPage(
                context, notice: nil, problems: problems, email: "", name: "", status: .unprocessableContent)
        }
    }

    private func accountsPage(
        _ context: NewsroomRequestContext, notice: String?, problems: [String], email: String, name: String,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let admin = try context.staff(allowedTo: .openArea(.accounts))
        let accounts = try await newsroom.store.accounts.all()
        return newsroom.html(
            StaffAccountsPage(
                layout: newsroom.layout("Accounts", context, notice: notice),
                accounts: accounts.map { account in
                    StaffAccountsPage.Row(
                        name: account.name, email: account.email,
                        roleAction: NewsroomRoute.accountRole(account.id).path,
                        removeAction: account.id == admin.id ? nil : NewsroomRoute.removeAccount(account.id).path,
                        roles: Role.allCases.map {
                            Option(value: $0.rawValue, label: $0.label, selected: $0 == account.role)
                        })
                },
                createAction: NewsroomRoute.accounts.path,
                roles: Role.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == .contributor) },
                problems: problems, hasProblems: !problems.isEmpty, email: email, name: name,
                minimumPasswordLength: StaffAccount.minimumPasswordLength),
            status: status)
    }

    func passwordForm(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        _ = try context.staff()
        return newsroom.html(
            PasswordPage(
                layout: newsroom.layout("Password", context, notice: Newsroom.notice(request)),
                action: NewsroomRoute.password.path, signOutEverywhereAction: NewsroomRoute.signOutEverywhere.path,
                problems: [], hasProblems: false, minimumPasswordLength: StaffAccount.minimumPasswordLength))
    }

    func changePassword(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        let fields = try await context.form(request)
        var problems: [String] = []
        if fields["new_password"] != fields["confirm_password"] {
            problems.append("The new password and its confirmation differ.")
        } else {
            do {
                try await newsroom.accounts.changePassword(
                    of: account, current: fields["current_password"], new: fields["new_password"], now: newsroom.now)
                // The change ended every session of the account; this browser carries on in a new one.
                context.sessions.createSession(
                    NewsroomSession(accountID: account.id, csrfToken: newsroom.site.makeToken()),
                    expiresIn: SignInController.sessionLength)
                return newsroom.redirect(.password, done: "password")
            } catch ActionError.invalid(let found) {
                problems = found
            }
        }
        return newsroom.html(
            PasswordPage(
                layout: newsroom.layout("Password", context), action: NewsroomRoute.password.path,
                signOutEverywhereAction: NewsroomRoute.signOutEverywhere.path, problems: problems, hasProblems: true,
                minimumPasswordLength: StaffAccount.minimumPasswordLength),
            status: .unprocessableContent)
    }

    /// Ends every session of the account, this one included: for a lost laptop or a shared computer.
    func signOutEverywhere(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        _ = try await context.form(request)
        try await newsroom.store.sessions.endSessions(ofAccount: account.id)
        context.sessions.clearSession()
        return newsroom.redirect(.signIn)
    }

    func settingsForm(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let settings = newsroom.site.settings
        return try settingsPage(
            context, notice: Newsroom.notice(request), name: settings.name, baseURL: settings.baseURL,
            timeZone: settings.timeZone.identifier, language: settings.language, feedFullText: settings.feedFullText,
            readNext: settings.readNext, commentsCloseAfterDays: String(settings.commentsCloseAfterDays), problems: [])
    }

    func saveSettings(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let admin = try context.staff()
        let fields = try await context.form(request)
        let name = fields["name"].trimmingCharacters(in: .whitespacesAndNewlines)
        let baseURL = fields["base_url"].trimmingCharacters(in: .whitespacesAndNewlines)
        let zone = fields["time_zone"].trimmingCharacters(in: .whitespaces)
        let language = fields["language"].trimmingCharacters(in: .whitespaces)
        var problems: [String] = []
        if name.isEmpty { problems.append("Give the site a name.") }
        if WebOrigin(baseURL) == nil || baseURL.hasSuffix("/") {
            problems.append("The address must start with http:// or https:// and have no slash at the end.")
        }
        let timeZone = TimeZone(identifier: zone)
        if timeZone == nil { problems.append("“\(zone)” is not a time zone; use a name such as Europe/Warsaw.") }
        if language.isEmpty || !language.allSatisfy({ $0.isLetter || $0 == "-" }) {
            problems.append("The language is a tag such as en or pl.")
        }
        let readNextField = fields["read_next"]
        let chosenReadNext =
            readNextField.isEmpty ? newsroom.site.settings.readNext : ReadNextMode(rawValue: readNextField)
        if chosenReadNext == nil { problems.append("Read next offers either the related or the latest stories.") }
        let readNext = chosenReadNext ?? newsroom.site.settings.readNext
        let daysField = fields["comments_close_after_days"].trimmingCharacters(in: .whitespaces)
        let closeAfterDays = daysField.isEmpty ? newsroom.site.settings.commentsCloseAfterDays : Int(daysField)
        if closeAfterDays.map({ !(0...3650).contains($0) }) ?? true {
            problems.append("Comments close after a number of days from 0 to 3650.")
        }
        guard problems.isEmpty, let timeZone else {
            return try settingsPage(
                context, notice: nil, name: name, baseURL: baseURL, timeZone: zone, language: language,
                feedFullText: fields["feed_full_text"] == "1", readNext: readNext, commentsCloseAfterDays: daysField,
                problems: problems, status: .unprocessableContent)
        }
        try await newsroom.store.siteActions.changeSettings(
            SiteSettings(
                name: name, baseURL: baseURL, timeZone: timeZone, language: language,
                feedFullText: fields["feed_full_text"] == "1", readNext: readNext,
                commentsCloseAfterDays: closeAfterDays ?? SiteSettings.defaults.commentsCloseAfterDays,
                comments: newsroom.site.settings.comments),
            by: admin,
            now: newsroom.now)
        return newsroom.redirect(.settings, done: "settings")
    }

    private func settingsPage(
        _ context: NewsroomRequestContext, notice: String?, name: String, baseURL: String, timeZone: String,
        language: String, feedFullText: Bool, readNext: ReadNextMode, commentsCloseAfterDays: String,
        problems: [String],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try context.staff(allowedTo: .changeSettings)
        return newsroom.html(
            SettingsPage(
                layout: newsroom.layout("Settings", context, notice: notice), action: NewsroomRoute.settings.path,
                name: name, baseURL: baseURL, timeZone: timeZone, language: language, feedFullText: feedFullText,
                readNextRelated: readNext == .related, commentsCloseAfterDays: commentsCloseAfterDays,
                problems: problems, hasProblems: !problems.isEmpty),
            status: status)
    }
}

import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// What every newsroom controller shares: the site, the newsroom's templates and the sign-in throttle.
struct Newsroom: Sendable {
    let site: Site
    let templates: NewsroomTemplates
    let throttle: SignInThrottle

    var store: Store { site.store }
    var now: Date { site.clock.now }
    var accounts: StaffAccountActions { store.accountActions(passwordCost: site.passwordCost) }

    func layout(_ title: String, _ context: NewsroomRequestContext, notice: String? = nil) -> NewsroomLayout {
        NewsroomLayout(
            title: title, siteName: site.settings.name, account: context.account,
            csrfToken: context.sessions.session?.csrfToken ?? "", notice: notice,
            stylesheetURL: templates.theme.assets.url(for: "newsroom.css"),
            scriptURL: templates.theme.assets.url(for: "newsroom.js"))
    }

    func html(_ page: some PageContext, status: HTTPResponse.Status = .ok) -> Response {
        templates.html(page, status: status)
    }

    /// "14 Feb 2025, 12:00" in the site's time zone.
    func timeLabel(_ date: Date?) -> String {
        guard let date else { return "" }
        return date.formatted(
            Date.FormatStyle(
                date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_GB"),
                timeZone: site.settings.timeZone))
    }

    /// The value a `datetime-local` field shows for `date`, in the site's time zone.
    func fieldValue(_ date: Date?) -> String {
        guard let date else { return "" }
        return Self.localFormatter(site.settings.timeZone).string(from: date)
    }

    /// A `datetime-local` field's value read in the site's time zone; nil when empty or malformed.
    func date(fromField text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return Self.localFormatter(site.settings.timeZone).date(from: String(trimmed.prefix(16)))
    }

    private static func localFormatter(_ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter
    }

    /// Where to go after an action, with a word for the notice the next page shows.
    func redirect(_ route: NewsroomRoute, done: String? = nil) -> Response {
        let path = route.path
        guard let done else { return Response.redirect(to: path, type: .normal) }
        return Response.redirect(to: path + (path.contains("?") ? "&" : "?") + "done=\(done)", type: .normal)
    }

    /// The sentence for `?done=` after a redirect; only known words, so a link cannot put text on the page.
    static func notice(_ request: Request) -> String? {
        guard let done = request.uri.queryParameters.get("done") else { return nil }
        return [
            "saved": "Saved.", "created": "Story created as a draft.", "moved": "Done.",
            "embargo": "Embargo saved.", "updated": "Marked as updated.", "corrected": "Correction added.",
            "restored": "Revision restored as the newest version.", "renamed": "Topic renamed.",
            "merged": "Topics merged; the old address now leads to the topic kept.", "account": "Account saved.",
            "password": "Password changed.", "settings": "Settings saved.", "author": "Profile saved.",
            "revoked": "Key revoked: requests with it are refused from now on.",
            "webhook-removed": "Webhook removed; its pending deliveries went with it.",
            "conversation": "Comment settings saved.", "approved": "Comment published.",
            "rejected": "Comment rejected.", "entity": "Entity saved.", "moderated": "Done.",
            "banned": "Ban saved.", "premoderation": "Pre-moderation saved.",
            "entities-merged": "Merged; stories and statements now belong to the one kept.",
            "account-removed": "Account removed; its sessions have ended.",
        ][done]
    }
}

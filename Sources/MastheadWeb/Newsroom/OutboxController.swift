import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The site's outgoing mail, newest first, for administrators: in development, where no relay is set,
/// this is where verification links are read.
struct OutboxController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.outbox, use: outbox)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.outbox)
    }

    func outbox(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try context.staff(allowedTo: .openArea(.outbox))
        let mail = try await newsroom.store.outbox.recent()
        let zone = newsroom.site.settings.timeZone
        return newsroom.html(
            OutboxPage(
                layout: newsroom.layout("Outbox", context),
                mail: mail.map {
                    OutboxPage.Item(
                        recipient: $0.recipient, subject: $0.subject, body: $0.body,
                        at: TimeLabel.full(for: $0.createdAt, timeZone: zone),
                        state: $0.sentAt != nil ? "sent" : ($0.lastError.map { "not sent: \($0)" } ?? "waiting"))
                }, hasMail: !mail.isEmpty))
    }
}

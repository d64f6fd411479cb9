import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Webhooks in the newsroom: register an endpoint (its secret shown once), remove one, and read the
/// delivery log.
struct WebhooksController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.webhooks, use: list)
        group.post(NewsroomRoute.Pattern.webhooks, use: add)
        group.post(NewsroomRoute.Pattern.removeWebhook, use: remove)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.webhooks)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.removeWebhook)
    }

    func list(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try await page(context, notice: Newsroom.notice(request), secret: nil, problems: [], url: "", status: .ok)
    }

    func add(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let admin = try context.staff()
        let fields = try await context.form(request)
        let events = fields.all("events").compactMap(DomainEvent.Name.init(rawValue:))
        do {
            let (endpoint, secret) = try await newsroom.store.webhooks.add(
                url: fields["url"], events: events, by: admin, now: newsroom.now)
            return try await page(
                context, notice: "Webhook to \(endpoint.url) registered. Copy its secret now: it is not shown again.",
                secret: secret, problems: [], url: "", status: .created)
        } catch ActionError.invalid(let problems) {
            return try await page(
                context, notice: nil, secret: nil, problems: problems, url: fields["url"], status: .unprocessableContent
            )
        }
    }

    func remove(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let admin = try context.staff()
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        _ = try await context.form(request)
        try await newsroom.store.webhooks.remove(id, by: admin, now: newsroom.now)
        return newsroom.redirect(.webhooks, done: "webhook-removed")
    }

    private func page(
        _ context: NewsroomRequestContext, notice: String?, secret: String?, problems: [String], url: String,
        status: HTTPResponse.Status
    ) async throws -> Response {
        try context.staff(allowedTo: .openArea(.webhooks))
        let endpoints = try await newsroom.store.webhooks.endpoints()
        let deliveries = try await newsroom.store.webhooks.recentDeliveries(limit: 50)
        return newsroom.html(
            WebhooksPage(
                layout: newsroom.layout("Webhooks", context, notice: notice), secret: secret,
                endpoints: endpoints.map {
                    WebhooksPage.Endpoint(
                        url: $0.url, events: $0.events.map(\.rawValue).joined(separator: ", "),
                        removeAction: NewsroomRoute.removeWebhook($0.id).path)
                },
                deliveries: deliveries.map {
                    WebhooksPage.Delivery(
                        event: $0.eventName, url: $0.url, status: $0.status.rawValue, attempts: $0.attempts,
                        result: $0.lastStatus.map { "HTTP \($0)" } ?? $0.lastError ?? "",
                        created: newsroom.timeLabel($0.createdAt),
                        next: $0.status == .pending ? newsroom.timeLabel($0.nextAttemptAt) : "")
                },
                hasDeliveries: !deliveries.isEmpty, addAction: NewsroomRoute.webhooks.path,
                events: WebhookEndpoint.deliverable.map {
                    Option(value: $0.rawValue, label: $0.rawValue, selected: true)
                },
                url: url, problems: problems, hasProblems: !problems.isEmpty),
            status: status)
    }
}

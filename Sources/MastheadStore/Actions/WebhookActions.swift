import FluentKit
import Foundation
import MastheadCore

/// Webhooks: admins register endpoints; every deliverable event becomes a delivery row in the
/// transaction that recorded it (``WebhookDeliveryQueue``); the deliverer takes due rows and records each
/// attempt here.
public struct WebhookActions: Sendable {
    let store: Store

    /// Registers an endpoint and returns it with its signing secret, shown once.
    public func add(url: String, events: [DomainEvent.Name], by admin: StaffAccount, now: Date) async throws -> (
        WebhookEndpoint, String
    ) {
        try admin.policy.require(.addWebhook)
        var problems: [String] = []
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if let parsed = URLComponents(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            !(parsed.host ?? "").isEmpty, parsed.user == nil, parsed.password == nil, url.count <= 2_000
        {
        } else {
            problems.append("The address must be an http:// or https:// URL, without a user name or password.")
        }
        let events = events.filter { WebhookEndpoint.deliverable.contains($0) }
        if events.isEmpty { problems.append("Choose at least one event to send.") }
        guard problems.isEmpty else { throw ActionError.invalid(problems) }
        var generator = SystemRandomNumberGenerator()
        let secret = Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let record = WebhookEndpointRecord()
        record.id = UUID()
        record.url = url
        record.events = events.map(\.rawValue).joined(separator: ",")
        record.secret = secret
        record.createdAt = now.wholeSeconds
        try await store.transaction { tx in
            try await record.create(on: tx.database)
            try await tx.record(
                DomainEvent(name: .settingsChanged, subjectID: record.id, actorID: admin.id, occurredAt: now))
        }
        guard let endpoint = record.endpoint else { throw StoreError.vanished("webhook \(url)") }
        return (endpoint, secret)
    }

    public func remove(_ id: UUID, by admin: StaffAccount, now: Date) async throws {
        try admin.policy.require(.removeWebhook)
        try await store.transaction { tx in
            try await WebhookEndpointRecord.query(on: tx.database).filter(\.$id == id).delete()
            try await tx.record(DomainEvent(name: .settingsChanged, subjectID: id, actorID: admin.id, occurredAt: now))
        }
    }

    public func endpoints() async throws -> [WebhookEndpoint] {
        try await WebhookEndpointRecord.query(on: store.database).sort(\.$createdAt).all().compactMap(\.endpoint)
    }

    /// The newest deliveries, for the newsroom's log.
    public func recentDeliveries(limit: Int) async throws -> [WebhookDelivery] {
        try await WebhookDeliveryRecord.query(on: store.database).with(\.$endpoint)
            .sort(\.$createdAt, .descending).limit(limit).all()
            .compactMap { $0.delivery(url: $0.endpoint.url) }
    }

    /// Deliveries due now, oldest first, with the secret each is signed with.
    public func due(now: Date, limit: Int) async throws -> [(delivery: WebhookDelivery, secret: String)] {
        try await WebhookDeliveryRecord.query(on: store.database).with(\.$endpoint)
            .filter(\.$status == WebhookDelivery.Status.pending.rawValue).filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt).limit(limit).all()
            .compactMap { record in record.delivery(url: record.endpoint.url).map { ($0, record.endpoint.secret) } }
    }

    /// Records one attempt: delivered on a 2xx, otherwise retried after the next delay, or failed for
    /// good once the delays run out.
    public func recordAttempt(_ id: UUID, status: Int?, error: String?, now: Date) async throws {
        guard let record = try await WebhookDeliveryRecord.find(id, on: store.database) else { return }
        record.attempts += 1
        record.lastStatus = status
        record.lastError = error.map { String($0.prefix(500)) }
        if let status, (200..<300).contains(status) {
            record.status = WebhookDelivery.Status.delivered.rawValue
            record.deliveredAt = now.wholeSeconds
        } else if record.attempts > WebhookEndpoint.retryDelays.count {
            record.status = WebhookDelivery.Status.failed.rawValue
        } else {
            record.nextAttemptAt = now.addingTimeInterval(WebhookEndpoint.retryDelays[record.attempts - 1]).wholeSeconds
        }
        try await record.update(on: store.database)
    }
}

/// Writes a delivery for every endpoint that wants an event, in the event's own transaction.
enum WebhookDeliveryQueue {
    static func enqueue(_ event: DomainEvent, on database: any Database) async throws {
        try await enqueue([event], on: database)
    }

    /// Deliveries for several events, reading the endpoints once.
    static func enqueue(_ events: [DomainEvent], on database: any Database) async throws {
        let deliverable = events.filter { WebhookEndpoint.deliverable.contains($0.name) }
        guard !deliverable.isEmpty else { return }
        let all = try await WebhookEndpointRecord.query(on: database).all()
        guard !all.isEmpty else { return }
        for event in deliverable {
            try await enqueue(event, to: all, on: database)
        }
    }

    private static func enqueue(_ event: DomainEvent, to all: [WebhookEndpointRecord], on database: any Database)
        async throws
    {
        let endpoints = all.filter { $0.events.split(separator: ",").contains(Substring(event.name.rawValue)) }
        guard !endpoints.isEmpty else { return }
        let payload = Self.payload(event)
        for endpoint in endpoints {
            let record = WebhookDeliveryRecord()
            record.id = UUID()
            record.$endpoint.id = try endpoint.requireID()
            record.eventID = event.id
            record.eventName = event.name.rawValue
            record.payload = payload
            record.status = WebhookDelivery.Status.pending.rawValue
            record.attempts = 0
            record.nextAttemptAt = event.occurredAt.wholeSeconds
            record.createdAt = event.occurredAt.wholeSeconds
            try await record.create(on: database)
        }
    }

    /// The body every endpoint receives: what happened, when, and to what.
    static func payload(_ event: DomainEvent) -> String {
        let object: [String: Any] = [
            "id": event.id.lowercasedString, "type": event.name.rawValue,
            "occurredAt": TimeLabel.iso8601(event.occurredAt),
            "subjectId": event.subjectID?.lowercasedString ?? NSNull(),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension Store {
    public var webhooks: WebhookActions { WebhookActions(store: self) }
}

import FluentKit
import Foundation
import MastheadCore

final class WebhookEndpointRecord: Model, @unchecked Sendable {
    static let schema = "webhook_endpoints"

    @ID(key: .id) var id: UUID?
    @Field(key: "url") var url: String
    /// Event names, comma-separated.
    @Field(key: "events") var events: String
    @Field(key: "secret") var secret: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var endpoint: WebhookEndpoint? {
        guard let id else { return nil }
        return WebhookEndpoint(
            id: id, url: url,
            events: events.split(separator: ",").compactMap { DomainEvent.Name(rawValue: String($0)) },
            createdAt: createdAt)
    }
}

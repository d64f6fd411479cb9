import FluentKit
import Foundation
import MastheadCore

final class WebhookDeliveryRecord: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "endpoint_id") var endpoint: WebhookEndpointRecord
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "event_name") var eventName: String
    @Field(key: "payload") var payload: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "last_status") var lastStatus: Int?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?

    init() {}

    func delivery(url: String) -> WebhookDelivery? {
        guard let id, let status = WebhookDelivery.Status(rawValue: status) else { return nil }
        return WebhookDelivery(
            id: id, endpointID: $endpoint.id, url: url, eventName: eventName, payload: payload, status: status,
            attempts: attempts, nextAttemptAt: nextAttemptAt, lastStatus: lastStatus, lastError: lastError,
            createdAt: createdAt, deliveredAt: deliveredAt)
    }
}

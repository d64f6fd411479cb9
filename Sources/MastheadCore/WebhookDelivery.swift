import Foundation

/// One event on its way to one endpoint, and how that has gone.
public struct WebhookDelivery: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable, Codable {
        case pending
        case delivered
        case failed
    }

    public var id: UUID
    public var endpointID: UUID
    public var url: String
    public var eventName: String
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(
        id: UUID, endpointID: UUID, url: String, eventName: String, payload: String, status: Status, attempts: Int,
        nextAttemptAt: Date, lastStatus: Int?, lastError: String?, createdAt: Date, deliveredAt: Date?
    ) {
        self.id = id
        self.endpointID = endpointID
        self.url = url
        self.eventName = eventName
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}

import Foundation

/// An address a newsroom registered to be told of events, with the secret its deliveries are signed
/// with.
public struct WebhookEndpoint: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var url: String
    public var events: [DomainEvent.Name]
    public var createdAt: Date

    public init(id: UUID, url: String, events: [DomainEvent.Name], createdAt: Date) {
        self.id = id
        self.url = url
        self.events = events
        self.createdAt = createdAt
    }

    /// The events a site may subscribe to.
    public static let deliverable: [DomainEvent.Name] = [
        .articlePublished, .articleUpdated, .articleUnpublished, .articleCorrected, .commentPublished, .commentHeld,
    ]

    /// Waits after each failed attempt; after the last, the delivery is given up as failed.
    public static let retryDelays: [TimeInterval] = [30, 120, 600, 3_600, 6 * 3_600]
}

import Foundation

/// An editor's note that something published was wrong, shown under the story and in its feeds.
public struct Correction: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var text: String
    public var createdAt: Date

    public init(id: UUID, text: String, createdAt: Date) {
        self.id = id
        self.text = text
        self.createdAt = createdAt
    }
}

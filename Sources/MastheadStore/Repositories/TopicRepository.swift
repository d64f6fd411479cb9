import FluentKit
import Foundation
import MastheadCore

public struct TopicRepository: Sendable {
    let store: Store

    public func create(_ topic: Topic) async throws {
        try await TopicRecord(topic).create(on: store.database)
    }

    public func find(slug: Slug) async throws -> Topic? {
        try await TopicRecord.query(on: store.database).filter(\.$slug == slug.value).first()?.topic
    }
}

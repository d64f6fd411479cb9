import FluentKit
import Foundation
import MastheadCore

public struct AuthorRepository: Sendable {
    let store: Store

    public func create(_ author: Author) async throws {
        try await AuthorRecord(author).create(on: store.database)
    }

    public func find(slug: Slug) async throws -> Author? {
        try await AuthorRecord.query(on: store.database).filter(\.$slug == slug.value).first()?.author
    }
}

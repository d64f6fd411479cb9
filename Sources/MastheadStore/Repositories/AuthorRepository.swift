import FluentKit
import Foundation
import MastheadCore

public struct AuthorRepository: Sendable {
    let database: any Database

    public func create(_ author: Author) async throws {
        try await AuthorRecord(author).create(on: database)
    }

    public func find(slug: Slug) async throws -> Author? {
        try await AuthorRecord.query(on: database).filter(\.$slug == slug.value).first()?.author
    }

    public func find(id: UUID) async throws -> Author? {
        try await AuthorRecord.find(id, on: database)?.author
    }

    /// Every author, by name.
    public func all() async throws -> [Author] {
        try await AuthorRecord.query(on: database).sort(\.$name).all().compactMap(\.author)
    }

    func update(_ author: Author) async throws {
        try await AuthorRecord.query(on: database).filter(\.$id == author.id)
            .set(\.$name, to: author.name).set(\.$bio, to: author.bio).update()
    }
}

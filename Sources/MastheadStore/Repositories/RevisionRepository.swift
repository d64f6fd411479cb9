import FluentKit
import Foundation
import MastheadCore

public struct RevisionRepository: Sendable {
    let database: any Database

    func add(_ revision: Revision) async throws {
        try await RevisionRecord(revision).create(on: database)
    }

    /// A story's revisions, newest first.
    public func all(ofArticle articleID: UUID) async throws -> [Revision] {
        try await RevisionRecord.query(on: database).filter(\.$articleID == articleID)
            .sort(\.$version, .descending).all().compactMap(\.revision)
    }

    public func find(id: UUID) async throws -> Revision? {
        try await RevisionRecord.find(id, on: database)?.revision
    }

    public func latest(ofArticle articleID: UUID) async throws -> Revision? {
        try await RevisionRecord.query(on: database).filter(\.$articleID == articleID)
            .sort(\.$version, .descending).first()?.revision
    }
}

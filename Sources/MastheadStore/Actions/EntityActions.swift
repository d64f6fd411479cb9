import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Editors' corrections to the site's list of entities. Each is kept by later indexing: a renamed or
/// merged-away name becomes an alias of the entity it now means, and a name marked "not an entity"
/// is never found again.
public struct EntityActions: Sendable {
    let store: Store

    public func rename(_ id: UUID, to name: String, kind: EntityKind, by account: StaffAccount, now: Date)
        async throws
    {
        try Self.checkEditor(account)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let slug = Slug(making: name), name.unicodeScalars.count <= SiteActions.maximumNameLength else {
            throw ActionError.invalid([
                "Give the entity a name with letters or digits, up to \(SiteActions.maximumNameLength) characters."
            ])
        }
        try await store.transaction { tx in
            let sql = try Self.sql(tx)
            guard let entity = try await tx.entities.find(id: id) else {
                throw ActionError.notFound("That entity does not exist.")
            }
            let key = NamedEntities.key(name)
            if let other = try await Self.entityID(forKey: key, on: sql), other != id {
                throw ActionError.invalid(["“\(name)” is already an entity; merge the two instead."])
            }
            let taken = try await sql.select().column("id").from("entities").where("kind", .equal, kind.rawValue)
                .where("slug", .equal, slug.value).where("id", .notEqual, id).first()
            guard taken == nil else {
                throw ActionError.invalid([
                    "Another \(kind.singularLabel.lowercased()) has that address; merge the two."
                ])
            }
            try await Self.addAlias(NamedEntities.key(entity.name), for: id, on: sql)
            try await sql.delete(from: "entity_aliases").where("alias_key", .equal, key).run()
            try await sql.update("entities").set("name", to: name).set("slug", to: slug.value)
                .set("kind", to: kind.rawValue).set("name_key", to: key).where("id", .equal, id).run()
            try await tx.record(DomainEvent(name: .entityChanged, subjectID: id, actorID: account.id, occurredAt: now))
        }
    }

    /// Folds `sourceID` into `targetID`: its stories, statements and names now belong to the target.
    public func merge(_ sourceID: UUID, into targetID: UUID, by account: StaffAccount, now: Date) async throws {
        try Self.checkEditor(account)
        guard sourceID != targetID else { throw ActionError.invalid(["Choose two different entities to merge."]) }
        try await store.transaction { tx in
            let sql = try Self.sql(tx)
            guard let source = try await tx.entities.find(id: sourceID), try await tx.entities.find(id: targetID) != nil
            else { throw ActionError.notFound("That entity does not exist.") }
            // A story naming both keeps one link, with both counts of mentions.
            try await sql.raw(
                """
                UPDATE article_entities SET mentions = mentions + \
                (SELECT s.mentions FROM article_entities s WHERE s.entity_id = \(bind: sourceID) \
                AND s.article_id = article_entities.article_id) \
                WHERE entity_id = \(bind: targetID) AND article_id IN \
                (SELECT article_id FROM article_entities WHERE entity_id = \(bind: sourceID))
                """
            ).run()
            try await sql.raw(
                """
                DELETE FROM article_entities WHERE entity_id = \(bind: sourceID) AND article_id IN \
                (SELECT article_id FROM article_entities WHERE entity_id = \(bind: targetID))
                """
            ).run()
            for table in ["article_entities", "statements", "entity_aliases"] {
                try await sql.update(table).set("entity_id", to: targetID).where("entity_id", .equal, sourceID).run()
            }
            try await sql.delete(from: "entities").where("id", .equal, sourceID).run()
            try await Self.addAlias(NamedEntities.key(source.name), for: targetID, on: sql)
            try await tx.record(
                DomainEvent(name: .entityChanged, subjectID: targetID, actorID: account.id, occurredAt: now))
        }
    }

    /// Removes the entity and its links; a later story naming it adds it again (unlike ``ruleOut``).
    public func delete(_ id: UUID, by account: StaffAccount, now: Date) async throws {
        try Self.checkEditor(account)
        try await store.transaction { tx in
            let sql = try Self.sql(tx)
            guard try await tx.entities.find(id: id) != nil else {
                throw ActionError.notFound("That entity does not exist.")
            }
            for table in ["article_entities", "statements", "entity_aliases"] {
                try await sql.delete(from: table).where("entity_id", .equal, id).run()
            }
            try await sql.delete(from: "entities").where("id", .equal, id).run()
            try await tx.record(DomainEvent(name: .entityChanged, subjectID: id, actorID: account.id, occurredAt: now))
        }
    }

    /// Marks the name as not an entity ("Breaking News"): its links go, and indexing skips it from now
    /// on. `ruledOut: false` undoes it; the name returns as stories are indexed again.
    public func ruleOut(_ id: UUID, _ ruledOut: Bool = true, by account: StaffAccount, now: Date) async throws {
        try Self.checkEditor(account)
        try await store.transaction { tx in
            let sql = try Self.sql(tx)
            guard
                try await sql.select().column("id").from("entities").where("id", .equal, id).first() != nil
            else { throw ActionError.notFound("That entity does not exist.") }
            if ruledOut {
                for table in ["article_entities", "statements", "entity_aliases"] {
                    try await sql.delete(from: table).where("entity_id", .equal, id).run()
                }
            }
            try await sql.update("entities").set("ignored", to: SQLLiteral.boolean(ruledOut)).where("id", .equal, id)
                .run()
            try await tx.record(DomainEvent(name: .entityChanged, subjectID: id, actorID: account.id, occurredAt: now))
        }
    }

    private static func checkEditor(_ account: StaffAccount) throws {
        try account.policy.require(.correctEntities)
    }

    private static func sql(_ tx: StoreTransaction) throws -> any SQLDatabase {
        guard let sql = tx.database as? any SQLDatabase else { throw StoreError.notSQL }
        return sql
    }

    private static func entityID(forKey key: String, on sql: any SQLDatabase) async throws -> UUID? {
        if let row = try await sql.select().column("id").from("entities").where("name_key", .equal, key).first() {
            return try row.decode(column: "id", as: UUID.self)
        }
        return try await sql.select().column("entity_id").from("entity_aliases").where("alias_key", .equal, key)
            .first()?.decode(column: "entity_id", as: UUID.self)
    }

    private static func addAlias(_ key: String, for id: UUID, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "entity_aliases").where("alias_key", .equal, key).run()
        try await sql.insert(into: "entity_aliases").columns("alias_key", "entity_id").values(SQLBind(key), SQLBind(id))
            .run()
    }
}

extension Store {
    public var entityActions: EntityActions { EntityActions(store: self) }
}

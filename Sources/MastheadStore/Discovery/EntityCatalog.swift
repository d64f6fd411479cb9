import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// The site's entities in memory while stories are indexed: what a name (or an editor's alias) means,
/// which names editors ruled out, and which page addresses are taken. Loaded once per indexing run, so
/// a rebuild of a large archive reads the list once rather than once per story.
struct EntityCatalog {
    private struct Entry {
        var id: UUID
        var kind: EntityKind
        var name: String
        var aliases: [String] = []
    }

    private var byKey: [String: UUID] = [:]
    private var entries: [UUID: Entry] = [:]
    private var ignoredNames: [String] = []
    private var ignoredKeys: Set<String> = []
    private var takenSlugs: Set<String> = []
    private var cachedDirectory: EntityDirectory?

    static func load(from sql: any SQLDatabase) async throws -> EntityCatalog {
        var catalog = EntityCatalog()
        for row in try await sql.select().columns("id", "kind", "name", "slug", "name_key", "ignored").from("entities")
            .all()
        {
            let id = try row.decode(column: "id", as: UUID.self)
            let name = try row.decode(column: "name", as: String.self)
            let kind = EntityKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .person
            catalog.takenSlugs.insert("\(kind.rawValue)/\(try row.decode(column: "slug", as: String.self))")
            if try row.decode(column: "ignored", as: Bool.self) {
                catalog.ignoredNames.append(name)
                catalog.ignoredKeys.insert(try row.decode(column: "name_key", as: String.self))
            } else {
                catalog.entries[id] = Entry(id: id, kind: kind, name: name)
                catalog.byKey[try row.decode(column: "name_key", as: String.self)] = id
            }
        }
        for row in try await sql.select().columns("alias_key", "entity_id").from("entity_aliases").all() {
            let id = try row.decode(column: "entity_id", as: UUID.self)
            let alias = try row.decode(column: "alias_key", as: String.self)
            guard catalog.entries[id] != nil else { continue }
            catalog.byKey[alias] = catalog.byKey[alias] ?? id
            catalog.entries[id]?.aliases.append(alias)
        }
        return catalog
    }

    /// What the extractor is told: the known entities with their aliases, and the ruled-out names.
    mutating func directory() -> EntityDirectory {
        if let cachedDirectory { return cachedDirectory }
        let directory = EntityDirectory(
            known: entries.values.map { KnownEntity(name: $0.name, kind: $0.kind, aliases: $0.aliases) },
            notEntities: ignoredNames)
        cachedDirectory = directory
        return directory
    }

    /// The entity a found name means, created (with a free page address) when the site has none yet;
    /// nil for a name editors ruled out.
    mutating func resolve(_ found: FoundEntity, on sql: any SQLDatabase) async throws -> UUID? {
        let key = NamedEntities.key(found.name)
        if let id = byKey[key] { return id }
        if ignoredKeys.contains(key) { return nil }
        let base = Slug(making: found.name)?.value ?? "entity"
        var slug = base
        var suffix = 2
        while takenSlugs.contains("\(found.kind.rawValue)/\(slug)") {
            slug = "\(base)-\(suffix)"
            suffix += 1
        }
        // Another node may have added the same name a moment ago: keep its row and use its id.
        try await sql.raw(
            """
            INSERT INTO entities (id, kind, name, slug, name_key, ignored) VALUES \
            (\(bind: UUID()), \(bind: found.kind.rawValue), \(bind: found.name), \(bind: slug), \(bind: key), \
            \(SQLLiteral.boolean(false))) ON CONFLICT (name_key) DO NOTHING
            """
        ).run()
        guard
            let id = try await sql.select().column("id").from("entities").where("name_key", .equal, key).first()?
                .decode(column: "id", as: UUID.self)
        else { throw StoreError.vanished("entity \(found.name)") }
        byKey[key] = id
        entries[id] = Entry(id: id, kind: found.kind, name: found.name)
        takenSlugs.insert("\(found.kind.rawValue)/\(slug)")
        cachedDirectory = nil
        return id
    }
}

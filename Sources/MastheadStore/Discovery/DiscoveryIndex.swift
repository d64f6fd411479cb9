import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import MastheadCore
import SQLKit

/// Keeps what discovery knows of each story: its named entities, who said what in it, its weighted
/// terms, and its Read next rail, stored so a page serves the rail in one indexed query. It follows
/// the write layer's change feed: a saved story is read again, and a story that goes live, changes or
/// leaves gets a new rail, as do the stories its rail names and the stories whose rails name it.
/// `masthead reindex` rebuilds it all.
public struct DiscoveryIndex: Sendable {
    let database: any Database
    /// The store's one writer on SQLite (``WriterLock``): indexing reads a story's version, then writes.
    let writer: WriterLock?

    /// A few more than a page shows, so the rail stays full when one of them is embargoed or
    /// unpublished before the rails are worked out again.
    static let storedRailLength = ReadNext.railLength + 3
    /// How many stories a rail is chosen from: those sharing the most distinctive terms, entities or
    /// topics. The ranking itself is ``RelatedArticles``.
    static let candidatesPerSource = 40
    static let distinctiveTerms = 8
    static let maximumTermDocuments = 1_000
    /// Topics and entities followed for candidates, and how many newest stories each.
    static let linksFollowed = 4
    static let storiesPerLink = 10
    static let railsRefreshedPerChange = 10

    public init(store: Store) {
        database = store.database
        writer = store.writer
    }

    var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
            return sql
        }
    }

    /// The events table's listener that keeps the index (``EventFollower``), registered by migration 032.
    static let followerName = "discovery"

    /// Applies each article event, once per site, from the events table (``EventFollower``): what was not
    /// done when a node stopped is done when one starts again. A story that fails is logged, never
    /// thrown back into the action that already committed, nor allowed to hold up the stories after
    /// it; `masthead reindex` repairs what was missed.
    static func follow(_ store: Store, logger: Logger) {
        let index = DiscoveryIndex(store: store)
        let follower = EventFollower(name: followerName, store: store, logger: logger) { events in
            guard let changed = try await apply(events, with: index.apply, logger: logger) else { return }
            // Every node's cached pages showing rails go, now that the new rails are stored.
            try await store.transaction { tx in
                try await tx.record(
                    DomainEvent(name: .readNextChanged, subjectID: nil, actorID: nil, occurredAt: changed.occurredAt))
            }
        }
        store.changeFeed.keep(follower)
    }

    /// Applies a batch of events with `apply`, and answers the last one that changed rails. A story that
    /// would fail every time is logged and skipped; a failure that passes (the task cancelled, the
    /// database busy or unreachable) is thrown, so that the follower tries the batch again rather than
    /// moving past it.
    static func apply(
        _ events: [DomainEvent], with apply: (DomainEvent) async throws -> Bool, logger: Logger
    ) async throws -> DomainEvent? {
        var changed: DomainEvent?
        for event in events {
            do {
                if try await apply(event) { changed = event }
            } catch {
                if isPassing(error) { throw error }
                logger.error("discovery index: \(event.name.rawValue) \(event.subjectID?.uuidString ?? ""): \(error)")
            }
        }
        return changed
    }

    /// Whether trying again later may succeed: cancellation, a database that cannot be reached, or a
    /// write that lost to another (SQLite busy or locked; a PostgreSQL serialization failure, deadlock
    /// or lock timeout).
    static func isPassing(_ error: any Error) -> Bool {
        // A statement timeout (57014) recurs for the same story: retried, it would hold up every event
        // after it.
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "57014" { return false }
        if error is CancellationError || DatabaseUnavailable.matches(error) { return true }
        // Our own SQLite reads give up on the writer's lock with SQLite's code, not the driver's error.
        if let error = error as? SQLiteReadConnection.Failure {
            return [5, 6].contains(error.code & 0xFF)  // SQLITE_BUSY, SQLITE_LOCKED
        }
        if let error = error as? SQLiteError {
            switch error.reason {
            case .busy, .locked, .busyInRecovery, .busyInSnapshot, .busyTimeout, .lockedBySharedCache: return true
            default: return false
            }
        }
        if let error = error as? PSQLError, error.code == .server {
            return ["40001", "40P01", "55P03"].contains(error.serverInfo?[.sqlState] ?? "")
        }
        return false
    }

    /// Answers whether Read next rails were worked out again.
    @discardableResult
    func apply(_ event: DomainEvent) async throws -> Bool {
        guard event.name.isAboutAnArticle, let articleID = event.subjectID else { return false }
        switch event.name {
        case .articleCreated, .articleSaved, .articleRestored:
            try await refresh(articleID, now: event.occurredAt)
        case .articleConversationChanged, .articleUpdated, .articleCorrected, .articleSubmitted:
            // Nothing discovery reads has changed.
            return false
        default:
            try await refreshRails(around: articleID, now: event.occurredAt)
        }
        return true
    }

    /// What a story's change costs: the story read again, then its rail and the rails it touches.
    public func refresh(_ articleID: UUID, now: Date) async throws {
        var catalog = try await EntityCatalog.load(from: sql)
        try await indexContent(of: articleID, catalog: &catalog)
        try await refreshRails(around: articleID, now: now)
    }

    /// The newest live stories, for timing ``refresh(_:now:)`` on a real archive.
    public func newestLive(_ count: Int) async throws -> [UUID] {
        try await sql.select().column("id").from("articles").where("live", .equal, SQLLiteral.boolean(true))
            .orderBy("published_at", .descending).limit(count).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// The story's rail, and the rails of the stories it touches, worked out again.
    func refreshRails(around articleID: UUID, now: Date) async throws {
        // A popular story can sit in many rails; a few are worked out again now. The rest still serve
        // correctly, since every rail entry passes the visibility rule when a page is served.
        let pointingHere = try await sql.select().column("article_id").from("read_next")
            .where("related_id", .equal, articleID).limit(Self.railsRefreshedPerChange).all()
            .map { try $0.decode(column: "article_id", as: UUID.self) }
        let counts = try await CorpusCounts.onDemand(on: sql)
        let rail = try await updateRail(of: articleID, now: now, counts: counts)
        var seen: Set<UUID> = [articleID]
        for other in pointingHere + rail.prefix(ReadNext.railLength) where seen.insert(other).inserted {
            try await updateRail(of: other, now: now, counts: counts)
        }
    }

    // MARK: - A story's entities, statements and terms

    /// Reads the story again: its entities (new names join the site's list), what its people said,
    /// and its terms, replacing what was stored.
    func indexContent(of articleID: UUID, catalog: inout EntityCatalog) async throws {
        let sql = try self.sql
        guard
            let row = try await sql.select().columns("headline", "lede", "body_html", "version").from("articles")
                .where("id", .equal, articleID).first()
        else { return }
        let version = try row.decode(column: "version", as: Int.self)
        let headline = try row.decode(column: "headline", as: String.self)
        let lede = try row.decode(column: "lede", as: String.self)
        let paragraphs = ArticleText.paragraphs(ofHTML: try row.decode(column: "body_html", as: String.self))
        let text = ([headline, lede] + paragraphs).joined(separator: "\n\n")

        let found = NamedEntities.extract(from: text, directory: catalog.directory())
        var entityIDs: [String: UUID] = [:]
        var mentions: [UUID: Int] = [:]
        for entity in found {
            guard let id = try await catalog.resolve(entity, on: sql) else { continue }
            entityIDs[entity.name] = id
            mentions[id, default: 0] += entity.mentions
        }
        let statements = WhoSaidWhat.statements(in: text, entities: found).compactMap { statement in
            entityIDs[statement.speaker].map { (entityID: $0, statement: statement) }
        }
        let terms = ArticleTerms.weights(
            headline: headline, lede: lede, body: paragraphs.joined(separator: "\n\n"))
        let linked = mentions

        try await WriterLock.holding(writer) {
            try await database.transaction { database in
                guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
                // Two saves of one story in quick succession (or on two nodes) index it at the same time: one
                // at a time, and a run that read an older version leaves the newer one's results alone.
                try await Self.lock(articleID, on: sql)
                let current = try await sql.select().column("version").from("articles").where("id", .equal, articleID)
                    .first()?.decode(column: "version", as: Int.self)
                guard current == version else { return }
                try await sql.delete(from: "article_entities").where("article_id", .equal, articleID).run()
                if !linked.isEmpty {
                    var insert = sql.insert(into: "article_entities").columns(
                        "article_id", "entity_id", "mentions", "live", "published_at")
                    for (entityID, count) in linked.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                        insert = insert.values(
                            SQLBind(articleID), SQLBind(entityID), SQLBind(count), SQLLiteral.boolean(false),
                            SQLLiteral.null)
                    }
                    try await insert.run()
                }
                try await sql.delete(from: "statements").where("article_id", .equal, articleID).run()
                if !statements.isEmpty {
                    var insert = sql.insert(into: "statements").columns(
                        "id", "article_id", "entity_id", "text", "position", "live", "published_at")
                    for (entityID, statement) in statements {
                        insert = insert.values(
                            SQLBind(UUID()), SQLBind(articleID), SQLBind(entityID), SQLBind(statement.text),
                            SQLBind(statement.position), SQLLiteral.boolean(false), SQLLiteral.null)
                    }
                    try await insert.run()
                }
                try await Self.replaceTerms(of: articleID, with: terms, on: sql)
                try await DiscoveryLinks.copyVisibility(of: articleID, on: database)
            }
        }
    }

    /// Holds the story's discovery rows for the rest of the transaction. PostgreSQL takes an advisory
    /// lock on the story; SQLite already lets one transaction write at a time.
    static func lock(_ articleID: UUID, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: articleID.uuidString), 0))").run()
    }

    /// The story's terms, with the number of stories having each term kept in step.
    static func replaceTerms(of articleID: UUID, with terms: [String: Double], on sql: any SQLDatabase) async throws {
        let old = try await sql.select().column("term").from("article_terms").where("article_id", .equal, articleID)
            .all().map { try $0.decode(column: "term", as: String.self) }
        if !old.isEmpty {
            try await sql.update("term_stats").set(SQLIdentifier("documents"), to: SQLRaw("documents - 1"))
                .where("term", .in, SQLBind.group(old)).run()
            try await sql.delete(from: "article_terms").where("article_id", .equal, articleID).run()
        }
        guard !terms.isEmpty else { return }
        let sorted = terms.sorted { $0.key < $1.key }
        var insert = sql.insert(into: "article_terms").columns("article_id", "term", "weight")
        var stats = sql.insert(into: "term_stats").columns("term", "documents")
        for (term, weight) in sorted {
            insert = insert.values(SQLBind(articleID), SQLBind(term), SQLBind(weight))
            stats = stats.values(SQLBind(term), SQLLiteral.numeric("1"))
        }
        try await insert.run()
        try await stats.onConflict(with: ["term"]) {
            $0.set(SQLIdentifier("documents"), to: SQLRaw("term_stats.documents + 1"))
        }.run()
    }

    // MARK: - Read next rails

    /// Works out and stores the story's rail; a story that is not live has none. Returns the rail.
    @discardableResult
    func updateRail(of articleID: UUID, now: Date, counts: CorpusCounts) async throws -> [UUID] {
        let ranked = try await rank(articleID, now: now, counts: counts)
        let rail = ranked?.live == true ? ranked?.rail ?? [] : []
        try await WriterLock.holding(writer) {
            try await database.transaction { database in
                guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
                try await Self.lock(articleID, on: sql)
                try await sql.delete(from: "read_next").where("article_id", .equal, articleID).run()
                guard !rail.isEmpty else { return }
                var insert = sql.insert(into: "read_next").columns("article_id", "position", "related_id", "score")
                for (position, entry) in rail.enumerated() {
                    insert = insert.values(
                        SQLBind(articleID), SQLBind(position), SQLBind(entry.id), SQLBind(entry.score))
                }
                try await insert.run()
            }
        }
        return rail.map(\.id)
    }

    /// Topics to suggest for a story, draft or not: from its entities and its nearest live stories.
    public func suggestedTopics(for articleID: UUID, now: Date) async throws -> [String] {
        let sql = try self.sql
        guard let ranked = try await rank(articleID, now: now, counts: try await CorpusCounts.onDemand(on: sql)) else {
            return []
        }
        let related = ranked.rail.filter { $0.score > 0 }
        var topicsOf: [UUID: [String]] = [:]
        if !related.isEmpty {
            for row in try await sql.select().column(SQLColumn("article_id", table: "article_topics"))
                .column(SQLColumn("name", table: "topics")).from("article_topics")
                .join(
                    "topics", on: SQLColumn("id", table: "topics"), .equal,
                    SQLColumn("topic_id", table: "article_topics")
                )
                .where(SQLColumn("article_id", table: "article_topics"), .in, SQLBind.group(related.map(\.id))).all()
            {
                topicsOf[try row.decode(column: "article_id", as: UUID.self), default: []].append(
                    try row.decode(column: "name", as: String.self))
            }
        }
        let entityNames = try await sql.select().column(SQLColumn("name", table: "entities")).from("article_entities")
            .join(
                "entities", on: SQLColumn("id", table: "entities"), .equal,
                SQLColumn("entity_id", table: "article_entities")
            )
            .where(SQLColumn("article_id", table: "article_entities"), .equal, SQLBind(articleID)).all()
            .map { try $0.decode(column: "name", as: String.self) }
        let current = try await sql.select().column(SQLColumn("name", table: "topics")).from("article_topics")
            .join(
                "topics", on: SQLColumn("id", table: "topics"), .equal, SQLColumn("topic_id", table: "article_topics")
            )
            .where(SQLColumn("article_id", table: "article_topics"), .equal, SQLBind(articleID)).all()
            .map { try $0.decode(column: "name", as: String.self) }
        let existing = try await sql.select().column("name").from("topics").all()
            .map { try $0.decode(column: "name", as: String.self) }
        return TopicSuggestions.suggest(
            entityNames: entityNames,
            nearest: related.map { (topicNames: topicsOf[$0.id] ?? [], relatedness: $0.score) },
            existingTopics: existing, current: current)
    }

    /// The story's rail as ``RelatedArticles`` ranks it now, and whether the story is live; nil for a
    /// story that does not exist.
    func rank(_ articleID: UUID, now: Date, counts: CorpusCounts) async throws -> (live: Bool, rail: [RelatedScore])? {
        let sql = try self.sql
        guard let story = try await RelatedProfiles.load([articleID], on: sql).first else { return nil }
        let termCounts = try await counts.termFrequencies(Set(story.profile.terms.keys), on: sql)
        let documents = Double(max(counts.documents, 1) + 1)
        // Candidates come from the story's most telling terms, and only from terms rare enough that the
        // stories having them are few: a word in half the archive costs a scan and tells little.
        let distinctive = story.profile.terms.filter { (termCounts[$0.key] ?? 0) <= Self.maximumTermDocuments }
            .map { term, weight in (term, weight * log(documents / Double((termCounts[term] ?? 0) + 1))) }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(Self.distinctiveTerms).map(\.0)

        var candidateIDs = Set<UUID>()
        for id in try await candidates(sharingTerms: distinctive, with: articleID, on: sql) { candidateIDs.insert(id) }
        for id in try await candidates(sharingLinksOf: articleID, on: sql) { candidateIDs.insert(id) }
        let latest = try await sql.select().column("id").from("articles")
            .where(VisibleArticles.released(now: now, table: "articles"))
            .orderBy("published_at", .descending).orderBy("id", .descending)
            .limit(Self.storedRailLength + 1).all().map { try $0.decode(column: "id", as: UUID.self) }
        candidateIDs.remove(articleID)

        let candidates = try await RelatedProfiles.load(Array(candidateIDs), on: sql).filter(\.live).map(\.profile)
        var allTerms = Set(story.profile.terms.keys)
        for candidate in candidates { allTerms.formUnion(candidate.terms.keys) }
        let statistics = CorpusStatistics(
            documentCount: counts.documents,
            termFrequency: try await counts.termFrequencies(allTerms, on: sql),
            entityFrequency: try await counts.entityFrequencies(story.profile.entityKeys, on: sql))
        let rail = RelatedArticles.rail(
            for: story.profile, candidates: candidates, latest: latest, statistics: statistics,
            limit: Self.storedRailLength)
        return (story.live, rail)
    }

    /// Live stories sharing the most of these terms, heaviest overlap first.
    private func candidates(sharingTerms terms: [String], with articleID: UUID, on sql: any SQLDatabase) async throws
        -> [UUID]
    {
        guard !terms.isEmpty else { return [] }
        // Read from the term index alone; stories that are not live drop out when profiles are loaded.
        return try await sql.select().column("article_id").from("article_terms")
            .where("term", .in, SQLBind.group(terms))
            .where("article_id", .notEqual, SQLBind(articleID))
            .groupBy("article_id")
            .orderBy(SQLFunction("SUM", args: SQLColumn("weight")), SQLDirection.descending)
            .limit(Self.candidatesPerSource)
            .all().map { try $0.decode(column: "article_id", as: UUID.self) }
    }

    /// The newest live stories sharing each of the story's topics and its most-named entities, walked
    /// from the link tables' own indexes.
    private func candidates(sharingLinksOf articleID: UUID, on sql: any SQLDatabase) async throws -> [UUID] {
        var found: [UUID] = []
        let links: [(table: String, column: String, order: String)] = [
            ("article_topics", "topic_id", "topic_id"), ("article_entities", "entity_id", "mentions"),
        ]
        for link in links {
            let subjects = try await sql.select().column(link.column).from(link.table)
                .where("article_id", .equal, articleID).orderBy(link.order, .descending).limit(Self.linksFollowed)
                .all().map { try $0.decode(column: link.column, as: UUID.self) }
            for subject in subjects {
                found += try await sql.select().column("article_id").from(link.table)
                    .where(link.column, .equal, subject).where("live", .equal, SQLLiteral.boolean(true))
                    .orderBy("published_at", .descending).orderBy("article_id", .descending)
                    .limit(Self.storiesPerLink)
                    .all().map { try $0.decode(column: "article_id", as: UUID.self) }
            }
        }
        return found
    }

    // MARK: - Rebuilding everything

    /// What is worked out from the stories, as opposed to what editors decided about entities.
    static let derivedTables = ["read_next", "article_terms", "term_stats", "statements", "article_entities"]

    /// Everything discovery stores, editors' entity corrections included, for a site that deletes all
    /// its content.
    static func removeAll(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        for table in derivedTables + ["entity_aliases", "entities"] { try await sql.delete(from: table).run() }
    }

    public enum Stage: String, Sendable {
        case stories = "Reading stories"
        case rails = "Working out Read next"
    }

    /// Rebuilds entities' links, statements, terms and rails from every story. Editors' corrections
    /// (renamed, merged and ruled-out entities) are kept and applied. `railsForNewest` limits the rails
    /// worked out to the newest live stories (every other story then offers the latest stories until
    /// it changes or a full reindex runs), for a large archive that must be ready fast. `progress`
    /// hears each story done.
    public func rebuild(now: Date, railsForNewest: Int? = nil, progress: @Sendable (Stage, Int, Int) -> Void)
        async throws
    {
        let sql = try self.sql
        for table in Self.derivedTables { try await sql.delete(from: table).run() }
        let all = try await sql.select().column("id").from("articles").orderBy("id").all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        var catalog = try await EntityCatalog.load(from: sql)
        for (done, id) in all.enumerated() {
            // One story that cannot be indexed (an entity merged away mid-run, say) is logged and skipped,
            // never the end of the rebuild.
            do {
                try await indexContent(of: id, catalog: &catalog)
            } catch {
                database.logger.warning("reindex: story \(id) skipped: \(error)")
                catalog = try await EntityCatalog.load(from: sql)
            }
            progress(.stories, done + 1, all.count)
        }
        var liveQuery = sql.select().column("id").from("articles").where("live", .equal, SQLLiteral.boolean(true))
            .orderBy("published_at", .descending).orderBy("id", .descending)
        if let railsForNewest { liveQuery = liveQuery.limit(railsForNewest) }
        let live = try await liveQuery.all().map { try $0.decode(column: "id", as: UUID.self) }
        let counts = try await CorpusCounts.all(on: sql)
        for (done, id) in live.enumerated() {
            try await updateRail(of: id, now: now, counts: counts)
            progress(.rails, done + 1, live.count)
        }
    }
}

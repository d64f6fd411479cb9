import FluentKit
import Foundation
import MastheadCore
import MastheadTesting
import SQLKit
import Synchronization
import Testing

@testable import MastheadStore

/// Discovery on a real database: the reference page's stories indexed, rails stored and kept by the
/// change feed, entities and who said what, editors' corrections surviving a reindex.
@Suite struct DiscoveryIndexTests {
    static let main = "us-envoy-says-ukraine-nato-membership-still-possible"
    static let bessent = "bessent-visits-ukraine"
    static let trumpModi = "trump-and-modi-reaffirm-partnership"
    static let modiTrump = "modi-meets-trump-on-tariffs-and-trade"
    static let now = TestSite.referenceNow

    static func seeded(_ body: (Store) async throws -> Void) async throws {
        try await FreshDatabase.with { store in
            try await TestSite.seedReference(store)
            await store.changeFeed.settled()
            try await body(store)
        }
    }

    static func id(_ slug: String, _ store: Store) async throws -> UUID {
        try #require(try await store.articles.find(slug: Slug(slug)!)).id
    }

    /// What the article page shows around a story: its rail, entities and who said what.
    static func around(_ slug: String, _ store: Store) async throws -> ArticleSurroundings {
        try await store.articles.surroundings(
            of: try await id(slug, store), readNext: .related, now: now, entityLimit: 50)
    }

    /// The entities and statements of a story read here the plain way, as the page must order them:
    /// entities most mentioned first then by name, statements in the story's order.
    static func expectedDiscovery(_ id: UUID, _ store: Store) async throws -> (entities: [String], said: [String]) {
        let sql = try #require(store.database as? any SQLDatabase)
        let entities = try await sql.raw(
            """
            SELECT e.name FROM article_entities l JOIN entities e ON e.id = l.entity_id \
            WHERE l.article_id = \(bind: id) AND e.ignored = \(false) ORDER BY l.mentions DESC, e.name
            """
        ).all().map { try $0.decode(column: "name", as: String.self) }
        let said = try await sql.raw(
            """
            SELECT e.name, s.text FROM statements s JOIN entities e ON e.id = s.entity_id \
            WHERE s.article_id = \(bind: id) AND e.ignored = \(false) ORDER BY s.position
            """
        ).all().map {
            "\(try $0.decode(column: "name", as: String.self)): \(try $0.decode(column: "text", as: String.self))"
        }
        return (entities, said)
    }

    static func rail(_ slug: String, _ store: Store) async throws -> [String] {
        try await store.articles.readNext(for: try await id(slug, store), mode: .related, now: now).map(\.slug.value)
    }

    @Test func theBessentStoryLeadsTheMainArticlesRailAndTheModiStoriesPointToEachOther() async throws {
        try await Self.seeded { store in
            let rail = try await Self.rail(Self.main, store)
            #expect(rail.first == Self.bessent, "\(rail)")
            #expect(rail.count == ReadNext.railLength)
            #expect(!rail.contains(Self.main))
            #expect(try await Self.rail(Self.trumpModi, store).first == Self.modiTrump)
            #expect(try await Self.rail(Self.modiTrump, store).first == Self.trumpModi)

            let latest = try await store.articles.readNext(
                for: try await Self.id(Self.main, store), mode: .latest, now: Self.now)
            #expect(latest.first?.slug.value == "trump-orders-plan-for-reciprocal-tariffs", "newest first")
        }
    }

    @Test func servingARailIsOneStatement() async throws {
        try await Self.seeded { store in
            let id = try await Self.id(Self.main, store)
            let log = QueryLog()
            _ = try await store.recordingQueries(into: log).articles.readNext(for: id, mode: .related, now: Self.now)
            #expect(log.statements.count == 1, "\(log.statements)")
        }
    }

    /// The article page reads its rail, entities and statements in one statement; each part must be what
    /// its own query gives, in both Read next modes, for every story of the demo.
    @Test func theArticlePagesSurroundingsAreOneStatementAndTheSameAsEachPartsOwnQuery() async throws {
        try await Self.seeded { store in
            for slug in [Self.main, Self.bessent, Self.trumpModi, Self.modiTrump] {
                let id = try await Self.id(slug, store)
                for mode in [ReadNextMode.related, .latest] {
                    let log = QueryLog()
                    let around = try await store.recordingQueries(into: log).articles.surroundings(
                        of: id, readNext: mode, now: Self.now, entityLimit: 5)
                    #expect(log.statements.count == (mode == .related ? 1 : 2), "\(log.statements)")
                    #expect(around.readNext == (try await store.articles.readNext(for: id, mode: mode, now: Self.now)))
                    let expected = try await Self.expectedDiscovery(id, store)
                    #expect(around.entities.map(\.name) == Array(expected.entities.prefix(5)))
                    #expect(around.statements.map { "\($0.speaker.name): \($0.text)" } == expected.said)
                    #expect(!around.entities.isEmpty && !around.readNext.isEmpty)
                }
            }
        }
    }

    /// The rail is read from the story's own `read_next` rows, never by walking every live story: the
    /// plan SQLite chose for the plain join at 100,000 stories. (PostgreSQL plans from statistics.)
    @Test func theSurroundingsStartFromTheStorysOwnRows() async throws {
        try await FreshDatabase.with { store in
            let sql = try #require(store.database as? any SQLDatabase)
            let plan = try await QueryPlan.explain(
                ArticleRepository.surroundingsQuery(of: UUID(), now: Self.now), on: sql)
            if sql.dialect.name == "sqlite" {
                #expect(plan.contains("SEARCH r USING INDEX sqlite_autoindex_read_next_1 (article_id=?)"), "\(plan)")
                #expect(!plan.contains("articles_live_published_at"), "\(plan)")
            }
            #expect(!plan.contains("SCAN articles") && !plan.contains("Seq Scan on articles"), "\(plan)")
        }
    }

    @Test func entitiesAndWhoSaidWhatOfTheMainArticle() async throws {
        try await Self.seeded { store in
            let around = try await Self.around(Self.main, store)
            let entities = around.entities
            let byName = Dictionary(entities.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
            for person in ["John Coale", "Donald Trump", "Pete Hegseth", "Steve Witkoff"] {
                #expect(byName[person] == .person, "\(person) in \(byName)")
            }
            for name in ["Ukraine", "NATO", "Russia", "Europe"] { #expect(byName[name] != nil, "\(name)") }
            #expect(byName["Trump"] == nil, "the short name is the same person")

            let said = around.statements
            #expect(said.contains { $0.speaker.name == "John Coale" && $0.text.contains("nothing has been ruled out") })
            #expect(said.contains { $0.speaker.name == "Pete Hegseth" })

            let coale = try #require(try await store.entities.find(kind: .person, slug: Slug("john-coale")!))
            let statements = try await store.entities.statements(of: coale, now: Self.now)
            #expect(statements.count >= 2)
            #expect(statements.allSatisfy { $0.story.slug.value == Self.main })
            let ukraine = try #require(try await store.entities.find(kind: .place, slug: Slug("ukraine")!))
            let stories = try await store.articles.latest(naming: ukraine.id, now: Self.now, limit: 20).articles
            #expect(Set(stories.map(\.slug.value)).isSuperset(of: [Self.main, Self.bessent]))
        }
    }

    @Test func aStoryPublishedThroughTheWriteLayerJoinsTheRailsItBelongsToAndLeavesWhenUnpublished() async throws {
        try await Self.seeded { store in
            let editor = try await store.accountActions(passwordCost: 4).create(
                email: "editor@example.com", name: "Editor", role: .editor, password: "correct horse battery",
                by: nil, now: Self.now)
            let ukraine = try #require(try await store.topics.find(slug: Slug("ukraine")!))
            let content = ArticleContent(
                slug: Slug("hegseth-and-coale-on-nato")!,
                headline: "Hegseth and Coale differ on Ukraine’s NATO hopes",
                lede: "Pete Hegseth and John Coale gave different answers on Ukraine’s NATO membership.",
                bodyMarkdown:
                    "John Coale said NATO membership for Ukraine remains possible. Pete Hegseth said it was not viable.",
                primaryTopic: ukraine, topics: [ukraine])
            let created = try await store.articleActions.create(content, by: editor, now: Self.now)
            await store.changeFeed.settled()
            #expect(!(try await Self.rail(Self.main, store)).contains("hegseth-and-coale-on-nato"), "a draft")
            _ = try await store.articleActions.move(created.id, .publish, by: editor, now: Self.now)
            await store.changeFeed.settled()
            #expect(try await Self.rail(Self.main, store).prefix(2).contains("hegseth-and-coale-on-nato"))
            #expect(try await Self.rail("hegseth-and-coale-on-nato", store).first == Self.main)

            _ = try await store.articleActions.move(created.id, .unpublish, by: editor, now: Self.now)
            await store.changeFeed.settled()
            #expect(!(try await Self.rail(Self.main, store)).contains("hegseth-and-coale-on-nato"))
            let sql = try #require(store.database as? any SQLDatabase)
            let stored = try await sql.select().column("article_id").from("read_next")
                .where("related_id", .equal, created.id).all()
            #expect(stored.isEmpty, "no stored rail still names the unpublished story")
        }
    }

    @Test func editorsCorrectionsSurviveAReindex() async throws {
        try await Self.seeded { store in
            let editor = try await store.accountActions(passwordCost: 4).create(
                email: "editor@example.com", name: "Editor", role: .editor, password: "correct horse battery",
                by: nil, now: Self.now)
            let actions = store.entityActions
            let europe = try #require(try await store.entities.find(kind: .place, slug: Slug("europe")!))
            try await actions.ruleOut(europe.id, by: editor, now: Self.now)
            let witkoff = try #require(try await store.entities.find(kind: .person, slug: Slug("steve-witkoff")!))
            try await actions.rename(witkoff.id, to: "Steven Witkoff", kind: .person, by: editor, now: Self.now)
            let coale = try #require(try await store.entities.find(kind: .person, slug: Slug("john-coale")!))
            let hegseth = try #require(try await store.entities.find(kind: .person, slug: Slug("pete-hegseth")!))
            try await actions.merge(hegseth.id, into: coale.id, by: editor, now: Self.now)

            try await DiscoveryIndex(store: store).rebuild(now: Self.now) { _, _, _ in }

            let names = try await Self.around(Self.main, store).entities.map(\.name)
            #expect(!names.contains("Europe"), "ruled out stays out")
            #expect(names.contains("Steven Witkoff") && !names.contains("Steve Witkoff"), "\(names)")
            #expect(names.contains("John Coale") && !names.contains("Pete Hegseth"), "merged stays merged")
            #expect(try await store.entities.find(kind: .person, slug: Slug("steven-witkoff")!) != nil)

            let author = try await store.accountActions(passwordCost: 4).create(
                email: "author@example.com", name: "Author", role: .author, password: "correct horse battery",
                by: nil, now: Self.now)
            await #expect(throws: ActionError.self) {
                try await actions.delete(coale.id, by: author, now: Self.now)
            }
        }
    }

    @Test func aStoryIndexedSeveralTimesAtOnceEndsWithOneSetOfRows() async throws {
        try await Self.seeded { store in
            let id = try await Self.id(Self.main, store)
            let index = DiscoveryIndex(store: store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { try await index.refresh(id, now: Self.now) } }
                try await group.waitForAll()
            }
            let sql = try #require(store.database as? any SQLDatabase)
            let links = try await sql.select().column("entity_id").from("article_entities")
                .where("article_id", .equal, id).all().map { try $0.decode(column: "entity_id", as: UUID.self) }
            #expect(links.count == Set(links).count && links.count >= 8)
            let terms = try await sql.select().column("documents").from("term_stats").where("term", .equal, "coale")
                .first()?.decode(column: "documents", as: Int.self)
            #expect(terms == 1, "the story counted once for its terms")
            #expect(try await Self.rail(Self.main, store).first == Self.bessent)
        }
    }

    /// A topic with three stories among many answers from its own index, newest first, without a sort
    /// and without walking the archive: the plan says so on both databases.
    @Test func aRareTopicsPageWalksItsOwnIndex() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            let rare = Topic(id: UUID(), name: "Greenland", slug: Slug("greenland")!)
            try await store.topics.create(rare)
            for index in 1...300 {
                try await newsroom.article(index, topic: index % 100 == 0 ? rare : newsroom.topic)
            }
            let page = try await store.articles.latest(inTopic: rare.id, now: newsroom.now, limit: 20)
            #expect(page.articles.map(\.slug.value) == ["story-100", "story-200", "story-300"])

            let sql = try #require(store.database as? any SQLDatabase)
            let query = ArticleListQuery(scope: .topic(rare.id), now: newsroom.now, cursor: nil, limit: 20)
            let plan = try await QueryPlan.explain(query.select(on: sql), on: sql)
            #expect(plan.contains("article_topics_topic_live_published"), "\(plan)")
            #expect(!plan.contains("TEMP B-TREE") && !plan.contains("Sort"), "no sort: \(plan)")
        }
    }
}

/// How the database means to run a query: SQLite's `EXPLAIN QUERY PLAN`, PostgreSQL's `EXPLAIN` with
/// sequential scans priced out, so a tiny test table still shows the plan a large archive gets.
enum QueryPlan {
    struct Prefixed: SQLExpression {
        let prefix: String
        let query: any SQLExpression

        func serialize(to serializer: inout SQLSerializer) {
            serializer.write(prefix)
            query.serialize(to: &serializer)
        }
    }

    static func explain(_ select: SQLSelectBuilder, on sql: any SQLDatabase) async throws -> String {
        try await explain(select.select, on: sql)
    }

    static func explain(_ query: any SQLExpression, on sql: any SQLDatabase) async throws -> String {
        let postgres = sql.dialect.name == "postgresql"
        let explained = Prefixed(prefix: postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ", query: query)
        // SQLite: on its own, so the plan is the one the store's reads get (``SQLiteReads``).
        guard postgres else { return try await lines(of: explained, column: "detail", on: sql) }
        guard let database = sql as? any Database else { throw StoreError.notSQL }
        return try await database.transaction { database in
            guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
            try await sql.raw("SET LOCAL enable_seqscan = off").run()
            return try await lines(of: explained, column: "QUERY PLAN", on: sql)
        }
    }

    private static func lines(of explained: Prefixed, column: String, on sql: any SQLDatabase) async throws -> String {
        let lines = Mutex<[String]>([])
        try await sql.execute(sql: explained) { row in
            if let line = try? row.decode(column: column, as: String.self) { lines.withLock { $0.append(line) } }
        }
        return lines.withLock { $0.joined(separator: "\n") }
    }
}

@Suite struct NextVisibilityChangeTests {
    @Test func theNextScheduledStoryAndEmbargoAreReadThroughIndexes() async throws {
        try await FreshDatabase.with { store in
            let sql = try #require(store.database as? any SQLDatabase)
            // Each time through its own index: walking every live story by its publication time to
            // read embargoes is what a start-up on 100,000 stories was caught doing.
            for (column, index) in zip(
                ArticleRepository.visibilityTimes, ["articles_live_published_at", "articles_embargo_until"])
            {
                let plan = try await QueryPlan.explain(
                    ArticleRepository.nextDue(column, after: Date(), on: sql), on: sql)
                #expect(plan.contains(index), "\(plan)")
                #expect(
                    !plan.contains("SCAN articles\n") && !plan.hasSuffix("SCAN articles") && !plan.contains("Seq Scan"),
                    "\(plan)")
            }
        }
    }
}

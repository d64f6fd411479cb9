import FluentKit
import Foundation
import MastheadTesting
import SQLKit
import Testing

@testable import MastheadStore

/// On PostgreSQL a read on its own runs as a named prepared statement on the store's own connection
/// (``PostgresReads``); everything else goes to the driver as before. On SQLite the store has no such
/// road, and the tests that need a server check only that.
@Suite struct PostgresReadsTests {
    struct Sample: Codable, Equatable {
        var id: UUID
        var name: String
        var count: Int
        var ratio: Double
        var flag: Bool
        var at: Date
        var note: String?
    }

    static let sample = Sample(
        id: UUID(), name: "Zażółć gęślą jaźń ✓", count: 42, ratio: 0.25, flag: true,
        at: Date(timeIntervalSince1970: 1_739_530_800.123456789), note: nil)

    /// A fresh store with one table, `samples`, written through the driver; nothing on SQLite.
    static func withStore(_ body: (Store, PostgresReads, any SQLDatabase) async throws -> Void) async throws {
        try await FreshDatabase.with { store in
            guard case .postgres = store.location else {
                #expect(store.postgresReads == nil)
                return
            }
            let sql = try #require(store.database as? any SQLDatabase)
            try await sql.raw(
                """
                CREATE TABLE samples (id UUID, name TEXT, count BIGINT, ratio DOUBLE PRECISION, flag BOOLEAN, \
                at TIMESTAMPTZ, note TEXT)
                """
            ).run()
            try await sql.insert(into: "samples").model(Self.sample).run()
            try await body(store, try #require(store.postgresReads), sql)
        }
    }

    static func counts(_ reads: PostgresReads) -> (ran: Int, passed: Int) {
        (reads.ranHere.load(ordering: .relaxed), reads.passedOn.load(ordering: .relaxed))
    }

    @Test func aReadRunsHereWithEveryKindOfBindAndDecodesAsTheDriverDoes() async throws {
        try await Self.withStore { store, reads, sql in
            let driver = try #require(
                store.databases.database(logger: testLogger, on: store.databases.eventLoopGroup.any())
                    as? any SQLDatabase)
            let sample = Self.sample
            // The time is bound to the microsecond as the driver stored it, or it would match no row.
            let query = sql.select().column("*").from("samples")
                .where("id", .equal, SQLBind(sample.id)).where("name", .equal, SQLBind(sample.name))
                .where("count", .equal, SQLBind(sample.count)).where("ratio", .equal, SQLBind(sample.ratio))
                .where("flag", .equal, SQLBind(sample.flag)).where("at", .equal, SQLBind(sample.at))
                .where(SQLFunction("coalesce", args: SQLColumn("note"), SQLBind(sample.note)), .is, SQLLiteral.null)
            let before = Self.counts(reads)
            let here = try #require(try await query.first())
            // The second time the statement is only bound and executed.
            let again = try await query.first()
            #expect(again != nil)
            #expect(Self.counts(reads) == (before.ran + 2, before.passed))

            let there = try #require(try await driver.raw("SELECT * FROM samples").first())
            let decodedHere = try here.decode(model: Sample.self)
            let decodedThere = try there.decode(model: Sample.self)
            #expect(decodedHere == decodedThere)
            #expect(decodedHere.id == sample.id && decodedHere.name == sample.name)
            #expect(here.allColumns == there.allColumns)
        }
    }

    @Test func aReadSeesWhatTheDriverJustWrote() async throws {
        try await Self.withStore { store, reads, sql in
            func count() async throws -> Int? {
                try await sql.raw("SELECT COUNT(*) AS n FROM samples").first()?.decode(column: "n", as: Int.self)
            }
            let one = try await count()
            #expect(one == 1)
            var another = Self.sample
            another.id = UUID()
            try await sql.insert(into: "samples").model(another).run()
            let two = try await count()
            #expect(two == 2)
            #expect(Self.counts(reads).ran >= 2)
        }
    }

    @Test func whatCannotBePreparedOrBoundHereGoesToTheDriver() async throws {
        struct Tag: Codable, Sendable { var name: String }
        try await Self.withStore { store, reads, sql in
            // The server cannot tell the type of a parameter that is only compared with NULL, and
            // the driver sends this one with no type.
            var before = Self.counts(reads)
            let unknown = try await sql.raw("SELECT name FROM samples WHERE \(bind: String?.none) IS NULL").all()
            #expect(unknown.count == 1)
            #expect(Self.counts(reads) == (before.ran, before.passed + 1))
            // Refused once, it goes straight to the driver.
            _ = try await sql.raw("SELECT name FROM samples WHERE \(bind: String?.none) IS NULL").all()
            #expect(Self.counts(reads) == (before.ran, before.passed + 2))

            // A value the driver encodes through Codable.
            before = Self.counts(reads)
            let codable = try await sql.raw("SELECT name FROM samples WHERE \(bind: Tag(name: "x"))::jsonb IS NOT NULL")
                .all()
            #expect(codable.count == 1)
            #expect(Self.counts(reads) == (before.ran, before.passed + 1))

            // An array PostgresNIO encodes runs here.
            before = Self.counts(reads)
            let array = try await sql.raw("SELECT name FROM samples WHERE name = ANY(\(bind: ["a", Self.sample.name]))")
                .all()
            #expect(array.count == 1)
            #expect(Self.counts(reads) == (before.ran + 1, before.passed))

            // A write.
            before = Self.counts(reads)
            try await sql.raw("UPDATE samples SET count = 43").run()
            #expect(Self.counts(reads) == (before.ran, before.passed + 1))

            // A statement that fails is reported as the driver reports it.
            await #expect(throws: (any Error).self) {
                try await sql.raw("SELECT * FROM no_such_table").all()
            }
        }
    }

    @Test func aStoreClosesItsReadConnections() async throws {
        try await Self.withStore { store, reads, sql in
            func one() async throws -> Int? {
                try await sql.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self)
            }
            let before = try await one()
            #expect(before == 1)
            await reads.close()
            // Closed, the road passes every read on to the driver.
            let counted = Self.counts(reads)
            let after = try await one()
            #expect(after == 1)
            #expect(Self.counts(reads) == (counted.ran, counted.passed + 1))
        }
    }
}

import FluentKit
import Foundation
import MastheadTesting
import SQLKit
import Synchronization
import Testing

@testable import MastheadStore

/// On SQLite a read on its own runs on the caller's thread with a kept prepared statement
/// (``SQLiteReads``); everything else goes to the driver as before. These tests hold on either server:
/// they open a SQLite file of their own.
@Suite struct SQLiteReadsTests {
    struct Sample: Codable, Equatable {
        var id: UUID
        var name: String
        var count: Int
        var ratio: Double
        var flag: Bool
        var at: Date
        var note: String?
        var tags: [String]
    }

    static let sample = Sample(
        id: UUID(), name: "Zażółć gęślą jaźń ✓", count: 42, ratio: 0.25, flag: true,
        at: Date(timeIntervalSince1970: 1_739_530_800.123456), note: nil, tags: ["US Tariffs", "Greenland"])

    /// A store on a new SQLite file with one table, `samples`, written through the driver.
    static func withStore(_ body: (Store, SQLiteReads) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-reads-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Store.using(.sqlite(path: folder + "/site.sqlite"), logger: testLogger) { store in
            try await store.migrate()
            let sql = try #require(store.database as? any SQLDatabase)
            try await sql.raw(
                """
                CREATE TABLE samples (id TEXT, name TEXT, count INTEGER, ratio REAL, flag INTEGER, at REAL, \
                note TEXT, tags TEXT)
                """
            ).run()
            try await body(store, try #require(store.reads))
        }
    }

    static func insert(_ sample: Sample, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "samples").model(sample).run()
    }

    @Test func aReadRunsHereAndDecodesAsTheDriverDoes() async throws {
        try await Self.withStore { store, reads in
            let sql = try #require(store.database as? any SQLDatabase)
            try await Self.insert(Self.sample, on: sql)
            let driver = try #require(
                store.databases.database(logger: testLogger, on: store.databases.eventLoopGroup.any())
                    as? any SQLDatabase)

            let (ranBefore, passedBefore) = (
                reads.ranHere.load(ordering: .relaxed), reads.passedOn.load(ordering: .relaxed)
            )
            let here = try #require(try await sql.raw("SELECT * FROM samples").first())
            #expect(reads.ranHere.load(ordering: .relaxed) == ranBefore + 1)
            #expect(reads.passedOn.load(ordering: .relaxed) == passedBefore)
            let there = try #require(try await driver.raw("SELECT * FROM samples").first())

            #expect(try here.decode(model: Sample.self) == Self.sample)
            #expect(try here.decode(model: Sample.self) == there.decode(model: Sample.self))
            #expect(here.allColumns == there.allColumns)
            #expect(try here.decode(column: "id", as: UUID.self) == Self.sample.id)
            #expect(try here.decode(column: "count", as: Int64.self) == 42)
            #expect(try here.decode(column: "count", as: String.self) == there.decode(column: "count", as: String.self))
            #expect(try here.decodeNil(column: "note"))
            #expect(try !here.decodeNil(column: "name"))
            #expect(try here.decode(column: "note", as: String?.self) == nil)
            #expect(here.contains(column: "tags") && !here.contains(column: "nothing"))
            #expect(throws: (any Error).self) { try here.decode(column: "nothing", as: String.self) }
            #expect(throws: (any Error).self) { try here.decode(column: "name", as: UUID.self) }

            let lower = try #require(
                try await sql.raw("SELECT lower(id) AS id FROM samples").first()?.decode(column: "id", as: UUID.self))
            #expect(lower == Self.sample.id)
        }
    }

    @Test func writesTransactionsAndStatementsThatAreNotQueriesGoToTheDriver() async throws {
        try await Self.withStore { store, reads in
            let sql = try #require(store.database as? any SQLDatabase)
            let ran = reads.ranHere.load(ordering: .relaxed)
            try await Self.insert(Self.sample, on: sql)
            try await sql.raw("UPDATE samples SET count = count + 1").run()
            _ = try await sql.raw("PRAGMA user_version").all()
            try await store.transaction { transaction in
                let inside = try #require(transaction.database as? any SQLDatabase)
                _ = try await inside.raw("SELECT count FROM samples").all()
            }
            #expect(reads.ranHere.load(ordering: .relaxed) == ran)

            // A statement SQLite cannot prepare goes to the driver, which reports it as it always has.
            let passed = reads.passedOn.load(ordering: .relaxed)
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT * FROM no_such_table").all() }
            #expect(reads.passedOn.load(ordering: .relaxed) == passed + 1)
            #expect(try await sql.raw("SELECT count FROM samples").first()?.decode(column: "count", as: Int.self) == 43)
        }
    }

    @Test func aReadSeesEachWriteCommittedBeforeIt() async throws {
        try await Self.withStore { store, _ in
            let sql = try #require(store.database as? any SQLDatabase)
            for expected in 1...30 {
                var fresh = Self.sample
                fresh.id = UUID()
                let sample = fresh
                try await store.transaction { transaction in
                    try await Self.insert(sample, on: try #require(transaction.database as? any SQLDatabase))
                }
                let count = try await sql.raw("SELECT count(*) AS n FROM samples").first()?.decode(
                    column: "n", as: Int.self)
                #expect(count == expected)
            }
        }
    }

    @Test func aKeptStatementFollowsAChangedTable() async throws {
        try await Self.withStore { store, reads in
            let sql = try #require(store.database as? any SQLDatabase)
            try await Self.insert(Self.sample, on: sql)
            #expect(try await sql.raw("SELECT * FROM samples").first()?.allColumns.contains("edition") == false)
            try await sql.raw("ALTER TABLE samples ADD COLUMN edition TEXT DEFAULT 'late'").run()
            // The kept statement fails against the new schema, so the driver answers once and the
            // statement is prepared afresh for the next read.
            let (ran, passed) = (reads.ranHere.load(ordering: .relaxed), reads.passedOn.load(ordering: .relaxed))
            for _ in 0..<2 {
                let row = try #require(try await sql.raw("SELECT * FROM samples").first())
                #expect(row.allColumns.last == "edition")
                #expect(try row.decode(column: "edition", as: String.self) == "late")
            }
            #expect(reads.passedOn.load(ordering: .relaxed) == passed + 1)
            #expect(reads.ranHere.load(ordering: .relaxed) == ran + 1)
        }
    }

    @Test func aReadThatTakesLongRunsOnTheThreadPoolFromThenOn() async throws {
        try await Self.withStore { store, reads in
            let sql = try #require(store.database as? any SQLDatabase)
            let slow = SQLQueryString(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c"
            )
            let (ran, passed) = (reads.ranHere.load(ordering: .relaxed), reads.passedOn.load(ordering: .relaxed))
            let started = ContinuousClock.now
            #expect(try await sql.raw(slow).first()?.decode(column: "n", as: Int.self) == 3_000_000)
            let took = started.duration(to: .now)
            try #require(took > SQLiteReadConnection.slowStatement, "the statement must be slow for this test")
            #expect(reads.ranHere.load(ordering: .relaxed) == ran + 1)
            // Slow by the clock once; measured by its CPU the second time; on the thread pool from then
            // on, with its kept statement, Fluent's reads as SQLKit's.
            #expect(try await sql.raw(slow).first()?.decode(column: "n", as: Int.self) == 3_000_000)
            #expect(reads.ranHere.load(ordering: .relaxed) == ran + 2)
            let onPool = reads.ranOnPool.load(ordering: .relaxed)
            for _ in 0..<2 {
                #expect(try await sql.raw(slow).first()?.decode(column: "n", as: Int.self) == 3_000_000)
            }
            #expect(reads.ranHere.load(ordering: .relaxed) == ran + 2)
            #expect(reads.ranOnPool.load(ordering: .relaxed) == onPool + 2)
            #expect(reads.passedOn.load(ordering: .relaxed) == passed)
        }
    }

    /// A read that finds the file locked waits for it on the thread pool, never on the caller's thread
    /// (an event loop), and then reads what the lock's holder committed. The store is left in SQLite's
    /// default rollback mode, where a writer's exclusive lock keeps readers out (in WAL mode nothing
    /// of the store's own does, so nothing here could hold one).
    @Test func aReadThatFindsTheFileLockedWaitsOnTheThreadPool() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-reads-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/site.sqlite"
        try await Store.using(.sqlite(path: path), logger: testLogger) { store in
            let reads = try #require(store.reads)
            let sql = try #require(store.database as? any SQLDatabase)
            try await sql.raw("CREATE TABLE samples (name TEXT)").run()
            try await sql.raw("INSERT INTO samples VALUES ('first')").run()
            let count = SQLQueryString("SELECT count(*) AS n FROM samples")
            #expect(try await sql.raw(count).first()?.decode(column: "n", as: Int.self) == 1)
            let (ran, onPool) = (reads.ranHere.load(ordering: .relaxed), reads.ranOnPool.load(ordering: .relaxed))
            try #require(reads.idleConnections == 1)

            // One of the driver's connections holds the file while it writes.
            let driver = try #require(
                store.databases.database(logger: testLogger, on: store.databases.eventLoopGroup.any())
                    as? any SQLDatabase)
            let counted = try await driver.withSession { holder in
                try await holder.raw("BEGIN EXCLUSIVE").run()
                try await holder.raw("INSERT INTO samples VALUES ('second')").run()
                async let counted = sql.raw(count).first()?.decode(column: "n", as: Int.self)
                // The read has started once it holds a connection; with the file locked it cannot finish.
                while reads.idleConnections > 0 { try await Task.sleep(for: .milliseconds(5)) }
                try await holder.raw("COMMIT").run()
                return try await counted
            }
            #expect(counted == 2)
            #expect(reads.ranHere.load(ordering: .relaxed) == ran)
            #expect(reads.ranOnPool.load(ordering: .relaxed) == onPool + 1)
        }
    }

    /// Fluent's reads take the same road as SQLKit's and decode the same; its writes go to the driver.
    @Test func fluentReadsRunHereAndDecodeAsTheDriverDoes() async throws {
        try await Self.withStore { store, reads in
            let sql = try #require(store.database as? any SQLDatabase)
            try await Self.insert(Self.sample, on: sql)
            var other = Self.sample
            (other.id, other.name, other.count, other.note) = (UUID(), "Other", 7, "noted")
            try await Self.insert(other, on: sql)
            let driver = try #require(
                store.databases.database(logger: testLogger, on: store.databases.eventLoopGroup.any()))

            let ran = reads.ranHere.load(ordering: .relaxed)
            let here = try await SampleRecord.query(on: store.database).sort(\.$count).all()
            let counted = try await SampleRecord.query(on: store.database).filter(\.$count > 10).count()
            let found = try await SampleRecord.find(other.id, on: store.database)
            #expect(reads.ranHere.load(ordering: .relaxed) == ran + 3)
            let there = try await SampleRecord.query(on: driver).sort(\.$count).all()

            #expect(here.map(\.snapshot) == there.map(\.snapshot))
            #expect(here.map(\.name) == ["Other", Self.sample.name])
            #expect(here.map(\.note) == ["noted", nil])
            #expect(counted == 1)
            #expect(found?.snapshot == there.first?.snapshot)

            let record = try #require(found)
            record.count = 8
            try await record.save(on: store.database)
            try await SampleRecord(id: UUID(), name: "New", count: 1).create(on: store.database)
            #expect(reads.ranHere.load(ordering: .relaxed) == ran + 3)
            #expect(try await SampleRecord.find(other.id, on: store.database)?.count == 8)
            #expect(try await SampleRecord.query(on: store.database).count() == 3)
        }
    }

    @Test func concurrentReadsEachGetTheirOwnRows() async throws {
        try await Self.withStore { store, _ in
            let sql = try #require(store.database as? any SQLDatabase)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        let rows = try await sql.raw("SELECT \(bind: index) AS n, \(bind: "reader \(index)") AS who")
                            .all()
                        #expect(rows.count == 1)
                        #expect(try rows[0].decode(column: "n", as: Int.self) == index)
                        #expect(try rows[0].decode(column: "who", as: String.self) == "reader \(index)")
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func columnsAreFoundInAnyOrderAndARepeatedNameMeansItsFirstColumn() async throws {
        try await Self.withStore { store, reads in
            let sql = try #require(store.database as? any SQLDatabase)
            let ran = reads.ranHere.load(ordering: .relaxed)
            let row = try #require(try await sql.raw("SELECT 1 AS a, 2 AS b, 3 AS c, 4 AS a").first())
            #expect(reads.ranHere.load(ordering: .relaxed) == ran + 1)
            for _ in 0..<3 {
                #expect(try row.decode(column: "c", as: Int.self) == 3)
                #expect(try row.decode(column: "a", as: Int.self) == 1)
                #expect(try row.decode(column: "b", as: Int.self) == 2)
            }
            let plain = try #require(try await sql.raw("SELECT 1 AS a, 2 AS b, 3 AS c").first())
            for name in ["b", "c", "a", "a", "c", "b", "b"] {
                #expect(try plain.decode(column: name, as: Int.self) == ["a": 1, "b": 2, "c": 3][name])
            }
        }
    }
}

extension SQLiteReadsTests {
    /// The tests' `samples` table as a Fluent model.
    final class SampleRecord: Model, @unchecked Sendable {
        static let schema = "samples"

        @ID(key: .id) var id: UUID?
        @Field(key: "name") var name: String
        @Field(key: "count") var count: Int
        @OptionalField(key: "note") var note: String?
        @OptionalField(key: "at") var at: Date?

        init() {}

        init(id: UUID, name: String, count: Int) {
            self.id = id
            self.name = name
            self.count = count
        }

        var snapshot: String {
            "\(id?.uuidString ?? "-") \(name) \(count) \(note ?? "-") \(at?.timeIntervalSince1970 ?? 0)"
        }
    }
}

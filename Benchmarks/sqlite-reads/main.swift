// The driver Benchmarks/sqlite-reads.sh builds against the sqlite-nio the store links: what one read costs
// on each road SQLite reads can take, on the article page's two shapes (a story's 20 comments, and one row
// by its key), in wall-clock and in CPU of the whole process (the hand-offs' other threads included).
//
// Roads: SQLiteNIO as SQLiteKit calls it (the thread pool, a fresh parse, each row handed to the event
// loop); SQLiteNIO's public async query on its connection (the pool and a fresh parse, no per-row hop);
// a kept prepared statement on the caller's thread (SQLiteReads) and on the thread pool (where a read that
// must wait for a lock goes); and a fresh parse on the caller's thread, which isolates parsing.
import Foundation
import NIOCore
import NIOPosix
import SQLiteNIO
import Synchronization
import VaporCSQLite

let arguments = CommandLine.arguments
guard arguments.count == 3, let reads = Int(arguments[1]), let rounds = Int(arguments[2]) else {
    fatalError("usage: bench READS ROUNDS")
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-reads-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let path = folder.appendingPathComponent("bench.sqlite").path

let threadPool = NIOThreadPool.singleton
let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
let opening: EventLoopFuture<SQLiteConnection> = SQLiteConnection.open(
    storage: .file(path: path), threadPool: threadPool, logger: .init(label: "bench"), on: eventLoop)
let connection = try await opening.get()
for statement in [
    "PRAGMA journal_mode = WAL", "PRAGMA mmap_size = 268435456",
    "CREATE TABLE comments (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, author TEXT NOT NULL, body TEXT NOT NULL, created_at REAL NOT NULL, likes INTEGER NOT NULL)",
    "CREATE INDEX comments_article ON comments (article_id, created_at)",
] {
    _ = try await connection.query(statement, [])
}
let articles = (0..<500).map { _ in UUID().uuidString }
let commentIDs = try await {
    var ids: [String] = []
    _ = try await connection.query("BEGIN", [])
    for (index, article) in articles.enumerated() {
        for comment in 0..<20 {
            let id = UUID().uuidString
            ids.append(id)
            _ = try await connection.query(
                "INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?)",
                [
                    .text(id), .text(article), .text("Reader \(comment)"),
                    .text(String(repeating: "A reasonable comment about the story. ", count: 8)),
                    .float(1_739_530_800 + Double(index * 20 + comment)), .integer(comment),
                ])
        }
    }
    _ = try await connection.query("COMMIT", [])
    return ids
}()

let listSQL =
    "SELECT id, author, body, created_at, likes FROM comments WHERE article_id = ? ORDER BY created_at LIMIT 20"
let oneSQL = "SELECT id, author, body, created_at, likes FROM comments WHERE id = ?"

/// Masthead's own connection in miniature: prepared once, bound, stepped, values read as SQLiteReadConnection
/// reads them, reset.
final class KeptStatements: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) {
        var opened: OpaquePointer?
        precondition(
            sqlite_nio_sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK)
        handle = opened!
        sqlite_nio_sqlite3_exec(handle, "PRAGMA mmap_size = 268435456", nil, nil, nil)
    }

    func run(_ sql: String, _ key: String, keep: Bool) -> Int {
        let statement: OpaquePointer
        if keep, let kept = statements[sql] {
            statement = kept
        } else {
            var prepared: OpaquePointer?
            precondition(sqlite_nio_sqlite3_prepare(handle, sql, -1, &prepared, nil) == SQLITE_OK)
            statement = prepared!
            if keep { statements[sql] = statement }
        }
        defer {
            if keep { sqlite_nio_sqlite3_reset(statement) } else { sqlite_nio_sqlite3_finalize(statement) }
        }
        sqlite_nio_sqlite3_bind_text64(
            statement, 1, key, UInt64(key.utf8.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self),
            UInt8(SQLITE_UTF8))
        var rows = 0
        let count = sqlite_nio_sqlite3_column_count(statement)
        while sqlite_nio_sqlite3_step(statement) == SQLITE_ROW {
            let values: [SQLiteData] = (0..<count).map { column in
                switch sqlite_nio_sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
                case SQLITE_TEXT:
                    let text = sqlite_nio_sqlite3_column_text(statement, column)!
                    let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                    return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
                default: return .null
                }
            }
            rows += values.isEmpty ? 0 : 1
        }
        return rows
    }
}

let kept = KeptStatements(path: path)
let driver: any SQLiteDatabase = connection

/// Counts the rows a road passes on, from whichever thread it passes them.
final class RowCount: Sendable {
    private let count = Atomic(0)
    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

typealias Road = @Sendable (String, String) async throws -> Int
let roads: [(String, Road)] = [
    (
        "SQLiteKit's road (pool, parse, hop/row)",
        { sql, key in
            let count = RowCount()
            try await driver.query(sql, [.text(key)], logger: connection.logger) { _ in count.add() }.get()
            return count.value
        }
    ),
    (
        "SQLiteNIO public async (pool, parse)",
        { sql, key in
            let count = RowCount()
            try await connection.query(sql, [.text(key)]) { _ in count.add() }
            return count.value
        }
    ),
    ("kept statement, pool", { sql, key in try await threadPool.runIfActive { kept.run(sql, key, keep: true) } }),
    ("fresh parse, caller's thread", { sql, key in kept.run(sql, key, keep: false) }),
    ("kept statement, caller's thread", { sql, key in kept.run(sql, key, keep: true) }),
]

func cpuNow() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1e6 + Double(now.tv_nsec) / 1e3
}

func left(_ text: String) -> String { text + String(repeating: " ", count: max(0, 42 - text.count)) }
func right(_ text: String) -> String { String(repeating: " ", count: max(0, 15 - text.count)) + text }
print(left("road") + ["20 rows wall", "20 rows CPU", "1 row wall", "1 row CPU"].map(right).joined())
let shapes = [(listSQL, articles, 20), (oneSQL, commentIDs, 1)]
// samples[road][shape] holds (wall, CPU) per read of each round. The roads take turns within a round, so
// a burst of load elsewhere on the machine falls on all of them alike.
var samples = Array(repeating: Array(repeating: [(Double, Double)](), count: shapes.count), count: roads.count)
for round in 0...rounds {
    for (roadIndex, (name, road)) in roads.enumerated() {
        for (shapeIndex, (sql, keys, expected)) in shapes.enumerated() {
            let started = ContinuousClock.now
            let startedCPU = cpuNow()
            for read in 0..<reads {
                let rows = try await road(sql, keys[(read &* 7919 &+ round) % keys.count])
                precondition(rows == expected, "\(name): \(rows) rows")
            }
            let elapsed = started.duration(to: .now).components
            // Round 0 warms the caches and the threads up.
            guard round > 0 else { continue }
            let wall = (Double(elapsed.seconds) * 1e6 + Double(elapsed.attoseconds) / 1e12) / Double(reads)
            samples[roadIndex][shapeIndex].append((wall, (cpuNow() - startedCPU) / Double(reads)))
        }
    }
}
for (roadIndex, (name, _)) in roads.enumerated() {
    let cells = samples[roadIndex].flatMap { shape in
        [shape.map(\.0).sorted()[rounds / 2], shape.map(\.1).sorted()[rounds / 2]].map { String(format: "%.1f µs", $0) }
    }
    print(left(name) + cells.map(right).joined())
}
try await connection.close().get()

import FluentKit
import Foundation
import Logging
import NIOCore
import SQLKit

/// How Masthead runs SQLite, chosen rather than inherited:
///
/// - `journal_mode = WAL`: readers never block the writer nor each other, and a commit appends to the
///   log instead of copying pages to a rollback journal and re-validating every connection's page
///   cache (in the default `DELETE` mode that re-validation took a third of the comment-posting time).
///   The mode is stored in the database file, so setting it once holds for every connection.
/// - `synchronous = NORMAL`: in WAL mode a commit is written to the log without an fsync; the log is
///   synced at each checkpoint. What "durable when acknowledged" then means: a crash of the process
///   loses nothing acknowledged (the log is in the operating system's hands once `write` returns); a
///   power cut or kernel crash can lose the transactions acknowledged since the last checkpoint, and
///   never corrupts the database. A site that needs every acknowledged write to survive a power cut
///   runs on PostgreSQL (or SQLite with `synchronous = FULL`, at an fsync per commit).
/// - `cache_size = -65536` and `mmap_size = 268435456`: each connection keeps 64 MiB of pages and reads
///   the file through a 256 MiB memory map, rather than asking the kernel for every page with `pread`,
///   which dominated the profile of rebuilding Read next over a large archive.
/// - `wal_autocheckpoint = 10000`: the log is copied back into the database every 10,000 pages (about
///   40 MiB) rather than SQLite's 1,000. Comments land on the same few pages again and again, so a
///   longer interval copies each page once for many writes; under a stream of comments checkpoints
///   took 6% of the time at the default.
/// - `temp_store = MEMORY`: a statement that writes many rows (a batch of comments in one insert) keeps
///   its statement journal in memory instead of a temporary file; with the default, writing that journal
///   took a tenth of the time of posting comments under load.
/// - `busy_timeout = 5000`: a writer waiting for the one write lock waits up to five seconds, then the
///   request fails with a clear error instead of spinning for ever (SQLiteNIO's own handler never gives
///   up).
///
/// The driver keeps one connection per event loop (FluentSQLiteDriver's default), so there are as many
/// connections as cores, and SQLite itself lets one of them write at a time: one writer. The
/// per-connection settings are applied to each of those connections when the store starts.
enum SQLiteTuning {
    static func apply(to databases: Databases, logger: Logger) async throws {
        guard let any = databases.database(logger: logger, on: databases.eventLoopGroup.any()) as? any SQLDatabase,
            any.dialect.name == "sqlite"
        else { return }
        try await any.raw("PRAGMA journal_mode = WAL").run()
        for eventLoop in databases.eventLoopGroup.makeIterator() {
            guard let sql = databases.database(logger: logger, on: eventLoop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA synchronous = NORMAL").run()
            try await sql.raw("PRAGMA busy_timeout = 5000").run()
            try await sql.raw("PRAGMA wal_autocheckpoint = 10000").run()
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
            try await sql.raw("PRAGMA cache_size = -65536").run()
            try await sql.raw("PRAGMA mmap_size = 268435456").run()
        }
    }
}

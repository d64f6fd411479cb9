import Logging
import Synchronization

/// The SQL statements a store ran, as its drivers log them: how tests prove that a page costs a fixed
/// number of queries, however long its lists. Fluent queries and hand-written SQLKit ones alike.
public final class QueryLog: Sendable {
    private let recorded = Mutex<[String]>([])

    public init() {}

    public var statements: [String] { recorded.withLock { $0 } }

    func record(_ sql: String) {
        recorded.withLock { $0.append(sql) }
    }
}

/// Picks the "Executing query" lines that both drivers log at the store's SQL log level.
struct QueryLogHandler: LogHandler {
    let queries: QueryLog
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        if event.message.description == "Executing query", case .string(let sql)? = event.metadata?["sql"] {
            queries.record(sql)
        }
    }
}

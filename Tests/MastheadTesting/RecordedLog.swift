import Logging
import Synchronization

/// A logger that keeps what it is told, so a test can check that nothing was logged as an error.
public final class RecordedLog: Sendable {
    private let entries = Mutex<[(Logger.Level, String)]>([])

    public init() {}

    public var logger: Logger {
        var logger = Logger(label: "masthead-tests") { _ in Handler(log: self) }
        logger.logLevel = .debug
        return logger
    }

    /// Messages at `error` level or above.
    public var errors: [String] {
        entries.withLock { $0.filter { $0.0 >= .error }.map(\.1) }
    }

    /// Messages at `warning` level.
    public var warnings: [String] {
        entries.withLock { $0.filter { $0.0 == .warning }.map(\.1) }
    }

    fileprivate func append(_ level: Logger.Level, _ message: String) {
        entries.withLock { $0.append((level, message)) }
    }

    private struct Handler: LogHandler {
        let log: RecordedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.append(event.level, "\(event.message)")
        }
    }
}

import AsyncKit
import FluentPostgresDriver
import NIOCore
import NIOPosix

/// Whether an error means the database could not be reached (down, restarting, refusing connections),
/// as opposed to a query that failed: the first is worth a `503` and a try-again-later, and goes away
/// by itself when the database returns.
public enum DatabaseUnavailable {
    /// What a reader or editor is told.
    public static let message =
        "The site's database is not answering just now, so nothing was saved. Please try again in a minute."
    /// Seconds a client is asked to wait (`Retry-After`).
    public static let retryAfter = 30

    public static func matches(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return true
            case .server:
                // Class 08 is a connection exception, class 57 an operator intervention (a shutdown, a
                // server still starting up).
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || state.hasPrefix("57")
            default:
                return false
            }
        }
        if error is ConnectionPoolTimeoutError || error is NIOConnectionError { return true }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout, .ioOnClosedChannel, .alreadyClosed, .eof: return true
            default: return false
            }
        }
        if let error = error as? IOError {
            return [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT].contains(error.errnoCode)
        }
        return false
    }
}

import Foundation

/// Which database a site runs on, parsed from `DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file; its folder is created when the store opens.
    case sqlite(path: String)
    /// A PostgreSQL server, as a `postgres://user:password@host:port/database` URL.
    case postgres(url: String)

    public static let defaultSQLitePath = "./data/masthead.sqlite"

    /// Parses `sqlite:PATH`, `postgres://…` or `postgresql://…`; unset means the default SQLite file.
    public init(databaseURL: String?) throws(DatabaseLocationError) {
        guard let raw = databaseURL?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            self = .sqlite(path: Self.defaultSQLitePath)
            return
        }
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: raw), components.host?.isEmpty == false,
                components.path.count > 1
            else {
                throw DatabaseLocationError(
                    message: "DATABASE_URL \"\(Self.redacted(raw))\" needs a host and a database name, "
                        + "as in postgres://user:password@localhost:5432/masthead")
            }
            self = .postgres(url: raw)
            return
        }
        if raw.hasPrefix("sqlite:") {
            var path = String(raw.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                throw DatabaseLocationError(
                    message: "DATABASE_URL \"\(raw)\" names no file; write sqlite:./data/masthead.sqlite")
            }
            self = .sqlite(path: path)
            return
        }
        throw DatabaseLocationError(
            message: "DATABASE_URL \"\(Self.redacted(raw))\" is neither sqlite:PATH nor postgres://…")
    }

    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url): return "PostgreSQL \(Self.redacted(url))"
        }
    }

    /// The URL with its credentials hidden, for logs and error messages. Cut by hand rather than parsed,
    /// so that a URL too broken to parse still never shows its password.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@") else {
            return url
        }
        let credentials = url[scheme.upperBound..<at]
        let user = credentials.prefix { $0 != ":" }
        return url[..<scheme.upperBound] + user + (user.count < credentials.count ? ":***" : "") + url[at...]
    }
}

public struct DatabaseLocationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

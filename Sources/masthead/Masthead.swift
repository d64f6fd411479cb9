import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MastheadCore
import MastheadStore
import MastheadWeb

@main
struct Masthead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "masthead",
        abstract: "A self-hostable news publishing platform.",
        discussion: """
            Configuration comes from the environment: DATABASE_URL (sqlite:PATH or postgres://…; \
            default sqlite:./data/masthead.sqlite), MASTHEAD_BASE_URL, MASTHEAD_SITE_NAME, \
            MASTHEAD_TIME_ZONE, THEME_DIR. See .env.example.
            """,
        subcommands: [
            Serve.self, Migrate.self, Demo.self, User.self, APIKeyCommand.self, MarkdownCommand.self, Rerender.self,
            Reindex.self, ThemeCommand.self,
        ],
        defaultSubcommand: Serve.self
    )
}

/// Exits with the configuration's own message rather than a Swift error dump (status 78, EX_CONFIG).
func loadConfig(hostname: String? = nil, port: Int? = nil) throws -> AppConfig {
    do {
        return try AppConfig.parse(environment: ProcessInfo.processInfo.environment, hostname: hostname, port: port)
    } catch {
        fail(error.description, status: 78)
    }
}

/// Prints a message meant for the operator to standard error and exits.
func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

/// Text lines by default; one JSON object per line with `MASTHEAD_LOG_FORMAT=json`.
func makeLogger() -> Logger {
    var logger =
        ProcessInfo.processInfo.environment["MASTHEAD_LOG_FORMAT"]?.lowercased() == "json"
        ? Logger(label: "masthead") { JSONLogHandler(label: $0) } : Logger(label: "masthead")
    logger.logLevel = .info
    return logger
}

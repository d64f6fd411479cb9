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
        subcommands: [Serve.self, Migrate.self, Demo.self],
        defaultSubcommand: Serve.self
    )
}

/// Exits with the configuration's own message rather than a Swift error dump.
func loadConfig(hostname: String? = nil, port: Int? = nil) throws -> AppConfig {
    do {
        return try AppConfig.parse(environment: ProcessInfo.processInfo.environment, hostname: hostname, port: port)
    } catch {
        throw ValidationError(error.description)
    }
}

func makeLogger() -> Logger {
    var logger = Logger(label: "masthead")
    logger.logLevel = .info
    return logger
}

import ArgumentParser
import MastheadStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring the database schema up to date, then exit.")

    func run() async throws {
        let config = try loadConfig()
        let logger = makeLogger()
        try await Store.using(config.database, logger: logger) { try await $0.migrate() }
        print("\(config.database) is up to date.")
    }
}

import ArgumentParser
import MastheadStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring the database schema up to date, then exit.")

    @Flag(help: "Undo the most recent migration run instead, deleting what it created.")
    var revertLast = false

    func run() async throws {
        let config = try loadConfig()
        let logger = makeLogger()
        if revertLast {
            try await Store.using(config.database, logger: logger) { try await $0.revertLastMigration() }
            print("Reverted the last migration run on \(config.database).")
        } else {
            try await Store.using(config.database, logger: logger) { try await $0.migrate() }
            print("\(config.database) is up to date.")
        }
    }
}

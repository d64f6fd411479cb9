import ArgumentParser
import MastheadStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring the database schema up to date, then exit.")

    func run() async throws {
        let config = try loadConfig()
        let logger = makeLogger()
        let store = try Store.open(config.database, logger: logger)
        do {
            try await store.migrate()
            await store.close()
        } catch {
            await store.close()
            throw error
        }
        print("\(config.database) is up to date.")
    }
}

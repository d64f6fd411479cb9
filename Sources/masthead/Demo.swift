import ArgumentParser
import Foundation
import MastheadCore
import MastheadStore

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo edition: the reference page's six stories, published over the last eight hours.",
        discussion: "Refuses a database that already holds articles unless --replace-existing is given.")

    @Flag(help: "Delete every article, topic, author and comment first, then load the demo.")
    var replaceExisting = false

    @Option(help: "Also load this many generated older stories, for load tests.")
    var generated = 0

    func validate() throws {
        guard (0...1_000_000).contains(generated) else {
            throw ValidationError("--generated takes a number of stories from 0 to 1000000")
        }
    }

    func run() async throws {
        let config = try loadConfig()
        let logger = makeLogger()
        let edition = DemoEdition(now: Date(), baseURL: config.baseURL ?? "http://127.0.0.1:8080")
        do {
            try await Store.using(config.database, logger: logger) { store in
                try await store.migrate()
                try await DemoLoader(store: store).load(
                    edition, replacingExisting: replaceExisting, generated: generated)
                try await DemoConversation(store: store).load(now: Date())
            }
        } catch let error as DemoError {
            fail(error.description)
        }
        print("Loaded the demo edition (\(edition.articles.count + generated) stories) into \(config.database).")
    }
}

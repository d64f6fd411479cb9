import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MastheadCore
import MastheadStore
import MastheadWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate the database, then serve the site.")

    @Option(help: "The address to listen on.")
    var hostname: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Flag(help: "Load the demo edition first when the database has no articles yet.")
    var demo = false

    func run() async throws {
        let config = try loadConfig(hostname: hostname, port: port)
        let logger = makeLogger()
        let store = try Store.open(config.database, logger: logger)
        if demo {
            do {
                try await loadDemoIfEmpty(into: store, config: config, logger: logger)
            } catch {
                await store.close()
                throw error
            }
        }
        let app = try await buildApplication(config: config, store: store, logger: logger)
        try await app.runService()
    }

    /// The address a browser on this machine can open, when listening on every interface.
    private var reachableHost: String {
        ["0.0.0.0", "::", "[::]"].contains(hostname) ? "127.0.0.1" : hostname
    }

    private func loadDemoIfEmpty(into store: Store, config: AppConfig, logger: Logger) async throws {
        try await store.migrate()
        guard try await store.articles.isEmpty() else {
            logger.info("\(config.database) already holds articles; serving them instead of the demo")
            return
        }
        try await DemoLoader(store: store).load(
            DemoEdition(now: Date(), baseURL: config.baseURL ?? "http://\(reachableHost):\(port)"),
            replacingExisting: false)
        try await DemoConversation(store: store).load(now: Date())
        logger.info("Loaded the demo edition into \(config.database)")
    }
}

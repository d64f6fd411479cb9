import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MastheadCore
import MastheadStore
import MastheadWeb
import ServiceLifecycle

/// The whole site on a fresh database, driven through the real `buildApplication` and router.
public enum TestSite {
    /// 14 February 2025, 12:00 in Europe/Warsaw: the moment the reference page was captured.
    public static let referenceNow = Date(timeIntervalSince1970: 1_739_530_800)

    /// Seeds a fresh database, builds the application on it, and runs `test` against its router, or
    /// against a real socket with `setup: .live` (the client's `port` then names it).
    /// The store stays open for the test to check what was written.
    public static func run(
        clock: NewsClock = .fixed(referenceNow),
        config: (DatabaseLocation) -> AppConfig = { AppConfig(database: $0) },
        seed: (Store) async throws -> Void = { _ in },
        recordingInto history: QueryLog? = nil,
        setup: TestingSetup = .router,
        logger: Logger = testLogger,
        _ test: @escaping @Sendable (any TestClientProtocol, Store) async throws -> Void
    ) async throws {
        let fresh = try await FreshDatabase.make()
        do {
            let store = try Store.open(fresh.location, logger: logger, connectionWait: FreshDatabase.connectionWait)
            do {
                try await seed(store)
                await store.changeFeed.settled()
            } catch {
                await store.close()
                throw error
            }
            let app = try await buildApplication(
                config: config(fresh.location), store: history.map { store.recordingQueries(into: $0) } ?? store,
                clock: clock, logger: logger)
            try await app.test(setup) { client in
                try await test(client, store)
            }
        } catch {
            try? await fresh.drop()
            throw error
        }
        try await fresh.drop()
    }

    /// Serves the site on a real socket at `hostname` (such as `::`, which HummingbirdTesting's `.live`
    /// cannot bind) and runs `test` with the port, then stops the server.
    public static func serve(
        hostname: String,
        config: @escaping (DatabaseLocation, _ hostname: String, _ port: Int) -> AppConfig,
        seed: (Store) async throws -> Void = { _ in },
        _ test: @escaping @Sendable (_ port: Int) async throws -> Void
    ) async throws {
        let fresh = try await FreshDatabase.make()
        do {
            let store = try Store.open(fresh.location, logger: testLogger, connectionWait: FreshDatabase.connectionWait)
            do {
                try await seed(store)
                await store.changeFeed.settled()
            } catch {
                await store.close()
                throw error
            }
            let port = try RawHTTP.freePort(host: hostname)
            let app = try await buildApplication(
                config: config(fresh.location, hostname, port), store: store, clock: .fixed(referenceNow),
                logger: testLogger)
            // Stopped the way a signal stops it: cancelling the server's task instead trips an assertion
            // in swift-nio 2.101 about connections still queued for accepting.
            let services = ServiceGroup(configuration: .init(services: [app], logger: testLogger))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await services.run() }
                do {
                    var waited = 0
                    while !RawHTTP.isListening(host: hostname, port: port) {
                        guard waited < 200 else { throw RawHTTP.Failure(description: "the server did not start") }
                        try await Task.sleep(for: .milliseconds(50))
                        waited += 1
                    }
                    try await test(port)
                } catch {
                    await services.triggerGracefulShutdown()
                    throw error
                }
                await services.triggerGracefulShutdown()
            }
        } catch {
            try? await fresh.drop()
            throw error
        }
        try await fresh.drop()
    }

    /// Seeds the reference page's stories at their page times (the demo edition at `referenceNow`).
    public static func seedReference(_ store: Store) async throws {
        try await DemoLoader(store: store).load(DemoEdition(now: referenceNow), replacingExisting: false)
    }
}

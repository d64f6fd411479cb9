import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadWeb

/// The whole site on a fresh database, driven through the real `buildApplication` and router.
public enum TestSite {
    /// 14 February 2025, 12:00 in Europe/Warsaw: the moment the reference page was captured.
    public static let referenceNow = Date(timeIntervalSince1970: 1_739_530_800)

    /// Seeds a fresh database, builds the application on it, and runs `test` against its router.
    /// The store stays open for the test to check what was written.
    public static func run(
        clock: NewsClock = .fixed(referenceNow),
        config: (DatabaseLocation) -> AppConfig = { AppConfig(database: $0) },
        seed: (Store) async throws -> Void = { _ in },
        recordingInto history: QueryLog? = nil,
        _ test: @escaping @Sendable (any TestClientProtocol, Store) async throws -> Void
    ) async throws {
        let fresh = try await FreshDatabase.make()
        do {
            let store = try Store.open(fresh.location, logger: testLogger)
            do {
                try await seed(store)
            } catch {
                await store.close()
                throw error
            }
            let app = try await buildApplication(
                config: config(fresh.location), store: history.map { store.recordingQueries(into: $0) } ?? store,
                clock: clock, logger: testLogger)
            try await app.test(.router) { client in
                try await test(client, store)
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

import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@Suite struct MigrationTests {
    @Test func migratingTwiceChangesNothing() async throws {
        try await FreshDatabase.with { store in
            try await store.migrate()
            #expect(try await store.articles.isEmpty())
        }
    }

    @Test func everyMigrationRevertsAndRunsAgain() async throws {
        try await FreshDatabase.with { store in
            try await DemoLoader(store: store).load(DemoEdition(now: Date()), replacingExisting: false)
            try await store.revertLastMigration()
            await #expect(throws: (any Error).self) { try await store.articles.isEmpty() }
            try await store.migrate()
            #expect(try await store.articles.isEmpty())
            try await DemoLoader(store: store).load(DemoEdition(now: Date()), replacingExisting: false)
            #expect(try await !store.articles.isEmpty())
        }
    }
}

import FluentKit
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
}

import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import SQLKit
import Testing

/// The store counts what holds its connections: a statement while it runs, a transaction for as long
/// as it is open, counted once however many statements it runs.
@Suite struct DatabaseMeterTests {
    @Test func aTransactionHoldsOneConnectionUntilItEndsAndStatementsAreCounted() async throws {
        try await FreshDatabase.with { store in
            let meter = store.meter
            #expect(meter.capacity >= 1)
            #expect(meter.busy == 0)
            let before = meter.operations
            _ = try await store.articles.latest(now: Date(), limit: 5)
            #expect(meter.operations == before + 1)
            #expect(meter.busy == 0)

            let (entered, inside) = AsyncStream.makeStream(of: Void.self)
            let (released, release) = AsyncStream.makeStream(of: Void.self)
            let transaction = Task {
                try await store.transaction { transaction in
                    _ = try await transaction.articles.find(slug: Slug("nothing-here")!)
                    _ = try await transaction.articles.find(slug: Slug("nothing-here-either")!)
                    inside.yield()
                    for await _ in released { break }
                }
            }
            for await _ in entered { break }
            #expect(meter.busy == 1)
            #expect(meter.operations == before + 2)
            let heldBefore = meter.busySeconds
            release.yield()
            try await transaction.value
            #expect(meter.busy == 0)
            #expect(meter.busySeconds > heldBefore)
        }
    }
}

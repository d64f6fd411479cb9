import Foundation
import MastheadTesting
import SQLKit
import Synchronization
import Testing

@testable import MastheadStore

/// bcrypt has threads of its own, so passwords being checked never hold up the database.
@Suite struct PasswordHashingTests {
    /// Hashes at the production cost fill the password threads; a write transaction started after
    /// them (on SQLite it runs on the driver's thread pool, where bcrypt used to run too, first come
    /// first served) must finish while they are still going, not after the last of them.
    @Test func writesDoNotWaitForPasswords() async throws {
        try await FreshDatabase.with { store in
            let hashes = 4
            let finished = Finished()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<hashes {
                    group.addTask {
                        _ = try await PasswordHashing.hash("password \(index)", cost: 12)
                        finished.count.add(1, ordering: .relaxed)
                    }
                }
                try await Task.sleep(for: .milliseconds(50))
                for _ in 0..<5 {
                    try await store.transaction { tx in
                        guard let sql = tx.database as? any SQLDatabase else { throw StoreError.notSQL }
                        try await sql.raw("SELECT 1").run()
                    }
                }
                #expect(finished.count.load(ordering: .relaxed) < hashes, "the writes waited for every password")
                try await group.waitForAll()
            }
        }
    }

    final class Finished: Sendable {
        let count = Atomic<Int>(0)
    }
}

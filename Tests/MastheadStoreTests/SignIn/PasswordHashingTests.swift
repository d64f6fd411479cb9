import Dispatch
import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import MastheadStore

/// bcrypt has threads of its own (``PasswordHashing``): the shared NIO pool, where the SQLite driver
/// runs every statement, must not wait behind passwords, nor passwords behind it.
@Suite struct PasswordHashingTests {
    /// Every thread of the shared pool is held; a password is hashed all the same. When bcrypt ran on
    /// that pool, the hash waited for the threads to be let go.
    @Test func passwordsAreHashedWhileTheSharedPoolIsBusy() async throws {
        let release = DispatchSemaphore(value: 0)
        let threads = System.coreCount
        let holding = Finished()
        let holders = (0..<threads).map { _ in
            Task {
                try await NIOThreadPool.singleton.runIfActive {
                    holding.count.add(1, ordering: .relaxed)
                    release.wait()
                }
            }
        }
        let startBy = ContinuousClock.now + .seconds(20)
        while holding.count.load(ordering: .relaxed) < threads, ContinuousClock.now < startBy {
            try await Task.sleep(for: .milliseconds(5))
        }
        try #require(holding.count.load(ordering: .relaxed) == threads, "the shared pool's threads were not all held")
        let finished = Finished()
        let hashing = Task {
            _ = try await PasswordHashing.hash("correct horse battery", cost: 4)
            finished.count.add(1, ordering: .relaxed)
        }
        // A bound for a failure only: a cost-4 hash takes about a millisecond.
        let deadline = ContinuousClock.now + .seconds(20)
        while finished.count.load(ordering: .relaxed) == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        let hashedWhileHeld = finished.count.load(ordering: .relaxed) == 1
        for _ in 0..<threads { release.signal() }
        try await hashing.value
        for holder in holders { try await holder.value }
        #expect(hashedWhileHeld, "the hash waited for the shared pool")
    }

    final class Finished: Sendable {
        let count = Atomic<Int>(0)
    }
}

import Synchronization

/// One write transaction at a time in this process, for SQLite.
///
/// SQLite lets one connection write at a time. A transaction that reads first and writes afterwards
/// (posting a comment reads its rate limits, then inserts) starts as a reader; if another connection
/// commits a write meanwhile, SQLite cannot let it upgrade and answers `SQLITE_BUSY` at once, without
/// waiting on the busy timeout. Queueing write transactions here, first come first served, makes that
/// impossible within a node and costs nothing SQLite did not already serialise. PostgreSQL needs none.
final class WriterLock: Sendable {
    private struct State {
        var held = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func lock() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state -> Bool in
                guard state.held else {
                    state.held = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    /// Hands the lock to the next waiting transaction, or frees it.
    func unlock() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.held = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }

    /// Runs `body` holding `lock` when there is one (SQLite), and simply runs it when there is none.
    static func holding<T: Sendable>(_ lock: WriterLock?, _ body: () async throws -> T) async throws -> T {
        guard let lock else { return try await body() }
        await lock.lock()
        do {
            let result = try await body()
            lock.unlock()
            return result
        } catch {
            lock.unlock()
            throw error
        }
    }
}

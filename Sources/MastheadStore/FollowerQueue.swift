import MastheadCore
import Synchronization

/// One listener's events waiting to run after the answer (``ChangeFeed``): handed over without
/// waiting, run one at a time in the order they were handed over, so events about one subject reach
/// the listener in the order they were recorded. A worker task runs while there are events and ends
/// when there are none.
final class FollowerQueue: Sendable {
    private struct State {
        var pending: [DomainEvent] = []
        var running = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let handler: ChangeFeed.Handler
    private let state = Mutex(State())

    init(_ handler: @escaping ChangeFeed.Handler) {
        self.handler = handler
    }

    func enqueue(_ events: [DomainEvent]) {
        let start = state.withLock { state in
            state.pending += events
            defer { state.running = true }
            return !state.running
        }
        // Detached: the work belongs to no request, and must not take on the poster's priority or
        // task-local values.
        if start { Task.detached { [self] in await work() } }
    }

    private func work() async {
        while let batch = next() {
            for event in batch { await handler(event) }
        }
    }

    /// The events handed over since the last batch; nil, and the worker stops, when there are none.
    private func next() -> [DomainEvent]? {
        let (batch, done) = state.withLock { state -> ([DomainEvent]?, [CheckedContinuation<Void, Never>]) in
            guard state.pending.isEmpty else {
                defer { state.pending.removeAll() }
                return (state.pending, [])
            }
            state.running = false
            defer { state.waiting.removeAll() }
            return (nil, state.waiting)
        }
        for continuation in done { continuation.resume() }
        return batch
    }

    var isIdle: Bool { state.withLock { !$0.running } }

    /// Returns once the queue has run everything handed to it so far.
    func idle() async {
        await withCheckedContinuation { continuation in
            let now = state.withLock { state in
                guard state.running else { return true }
                state.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }
}

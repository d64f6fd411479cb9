import Logging
import MastheadCore
import Synchronization

/// One listener's events waiting to run after the answer (``ChangeFeed``): handed over without
/// waiting, run one at a time in the order they were handed over, so events about one subject reach
/// the listener in the order they were recorded. A worker task runs while there are events and ends
/// when there are none.
///
/// The queue holds at most `limit` events: a listener that falls that far behind must not cost the
/// server its memory. Past the limit, newer events are dropped, counted (``dropped``) and logged,
/// once when the queue starts dropping and once, with the count, when the listener has caught up.
/// What is dropped is lost to this listener: one that must not lose events reads the events table
/// (``EventFollower``) instead.
final class FollowerQueue: Sendable {
    private struct State {
        var pending: [DomainEvent] = []
        var running = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var dropped = 0
        var droppedSinceCaughtUp = 0
    }

    static let logger = Logger(label: "masthead.change-feed")

    let name: String
    let limit: Int
    private let handler: ChangeFeed.Handler
    private let state = Mutex(State())

    init(_ name: String, limit: Int = ChangeFeed.queueLimit, _ handler: @escaping ChangeFeed.Handler) {
        self.name = name
        self.limit = limit
        self.handler = handler
    }

    func enqueue(_ events: [DomainEvent]) {
        let (start, startedDropping) = state.withLock { state in
            let room = max(0, limit - state.pending.count)
            state.pending += events.prefix(room)
            let dropped = max(0, events.count - room)
            let startedDropping = dropped > 0 && state.droppedSinceCaughtUp == 0
            state.dropped += dropped
            state.droppedSinceCaughtUp += dropped
            defer { state.running = true }
            return (!state.running, startedDropping)
        }
        if startedDropping {
            Self.logger.error("\(name) is \(limit) events behind; dropping its newer events until it catches up")
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
        let (batch, done, dropped) = state.withLock {
            state -> ([DomainEvent]?, [CheckedContinuation<Void, Never>], Int) in
            guard state.pending.isEmpty else {
                defer { state.pending.removeAll() }
                return (state.pending, [], 0)
            }
            state.running = false
            defer {
                state.waiting.removeAll()
                state.droppedSinceCaughtUp = 0
            }
            return (nil, state.waiting, state.droppedSinceCaughtUp)
        }
        if dropped > 0 { Self.logger.error("\(name) has caught up, having dropped \(dropped) events") }
        for continuation in done { continuation.resume() }
        return batch
    }

    var isIdle: Bool { state.withLock { !$0.running } }

    /// Events dropped since the queue was made, because the listener was `limit` events behind.
    var dropped: Int { state.withLock { $0.dropped } }

    /// Events waiting, not counting those the listener is running now.
    var backlog: Int { state.withLock { $0.pending.count } }

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

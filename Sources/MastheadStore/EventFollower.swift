import Foundation
import Logging
import MastheadCore
import Synchronization

/// A listener that runs once per site, from the events table rather than from memory (issue 20): it hears
/// every node's changes, at least once, in commit order, across restarts. Its position is kept in the
/// database (``EventCursors``); at start it catches up from there. One node at a time holds it, and
/// renews its claim while a batch runs, however long; the others stand by and take over when that node
/// stops or its claim lapses. A batch that fails is tried again, waiting longer each time, from the
/// same position.
///
/// `run()` works until its task is cancelled; a listener kept with the store (``ChangeFeed/keep(_:)``)
/// is run by ``start()`` and ``stop()`` instead. This node's changes wake it at once (``ChangeFeed``);
/// other nodes' and commands' are found within ``pollInterval``.
public final class EventFollower: Sendable {
    public typealias Handler = @Sendable ([DomainEvent]) async throws -> Void
    public let name: String
    let store: Store
    let logger: Logger
    let handler: Handler
    let startsAtNewest: Bool
    /// How long a claim lasts without being renewed: a node that dies holding the listener holds up
    /// its events that long.
    public static let lease: TimeInterval = 30
    /// This listener's lease (shorter in tests).
    let lease: TimeInterval
    static let batchSize = 100
    static let pollInterval: Duration = .seconds(1)
    private let wakeUps: AsyncStream<Void>
    private let waker: AsyncStream<Void>.Continuation

    /// Where this node stands with the listener, for ``caughtUp()``.
    private enum Standing {
        /// Not run yet, or between its start and its first claim.
        case unknown
        /// This node holds it and has handled everything up to `position`.
        case holding(position: Int64)
        /// Another node holds it, or its last batch failed: nothing here to wait for.
        case idle
    }

    private struct State {
        var standing = Standing.unknown
        /// Until when this node's last claim holds.
        var heldUntil: Date?
        var task: Task<Void, Never>?
        var stopped = false
    }

    private let state = Mutex(State())

    /// `startsAtNewest`: a listener seen for the first time skips what happened before it
    /// (``EventCursors/register(_:startsAtNewest:)``).
    public init(
        name: String, store: Store, startsAtNewest: Bool = false, lease: TimeInterval = EventFollower.lease,
        logger: Logger, handler: @escaping Handler
    ) {
        self.name = name
        self.startsAtNewest = startsAtNewest
        self.lease = lease
        self.store = store
        self.logger = logger
        self.handler = handler
        (wakeUps, waker) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        store.changeFeed.wakes(self)
    }

    /// Below the lease, so that a node waiting to try again still holds the listener when it does.
    var longestWait: Duration { .milliseconds(Int64(lease * 500)) }

    /// Fixes where a new listener starts, before the site takes a request: a change made before the
    /// first claim is then not skipped by a listener that starts at the newest.
    public func register() async throws {
        try await EventCursors(store: store).register(name, startsAtNewest: startsAtNewest)
    }

    /// This node recorded a change: look for it now rather than at the next poll.
    func wake() {
        waker.yield()
    }

    public func run() async {
        let cursors = EventCursors(store: store)
        waker.yield()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [waker] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.pollInterval)
                    waker.yield()
                }
            }
            for await _ in wakeUps {
                if Task.isCancelled { break }
                await catchUp(cursors)
            }
            group.cancelAll()
        }
        try? await cursors.release(name, for: store.node)
    }

    /// Runs the listener in a task of its own, once; for a listener kept with the store.
    func start() {
        state.withLock { state in
            guard state.task == nil, !state.stopped else { return }
            state.task = Task.detached { [self] in await run() }
        }
    }

    /// Ends the task ``start()`` began, giving the listener back; it is not started again.
    func stop() async {
        let task = state.withLock { state in
            state.stopped = true
            return state.task
        }
        task?.cancel()
        await task?.value
    }

    /// Waits until the listener, running on this node, has handled every event recorded so far, or
    /// until it is clear that it will not here (another node holds it, or it is failing). Answers
    /// whether it already had.
    func caughtUp() async -> Bool {
        guard let newest = try? await EventCursors(store: store).newest() else { return true }
        var waited = false
        while true {
            let (running, standing) = state.withLock { ($0.task != nil && !$0.stopped, $0.standing) }
            guard running else { return !waited }
            switch standing {
            case .idle: return !waited
            case .holding(let position) where position >= newest: return !waited
            case .unknown, .holding: break
            }
            waited = true
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    private func stand(_ standing: Standing) {
        state.withLock { state in
            state.standing = standing
            if case .idle = standing { state.heldUntil = nil }
        }
    }

    /// Claims the listener, or renews the claim, and answers its position; nil while another node holds it.
    private func claim(_ cursors: EventCursors) async throws -> Int64? {
        let now = Date()
        let position = try await cursors.claim(
            name, for: store.node, startsAtNewest: startsAtNewest, now: now, lease: lease)
        if position != nil { state.withLock { $0.heldUntil = now.addingTimeInterval(lease) } }
        return position
    }

    /// Extends this node's claim while a batch runs; a claim already lost stays lost.
    private func renew(_ cursors: EventCursors) async throws {
        let now = Date()
        guard try await cursors.renew(name, for: store.node, now: now, lease: lease) else { return }
        state.withLock { $0.heldUntil = now.addingTimeInterval(lease) }
    }

    /// The position this node holds the listener at, when its claim has more than half its lease to
    /// run: a wake with nothing new then costs one read, not a write.
    private var position: Int64? {
        state.withLock { state in
            guard case .holding(let position) = state.standing, let until = state.heldUntil,
                until.timeIntervalSinceNow > lease / 2
            else { return nil }
            return position
        }
    }

    /// Handles every event after the listener's position, if this node holds it; a failure is tried
    /// again from the same position after a wait that doubles each time, up to ``longestWait``.
    private func catchUp(_ cursors: EventCursors) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                guard try await handleBatch(cursors) else { return }
                failures = 0
            } catch {
                if Task.isCancelled { return }
                stand(.idle)
                failures += 1
                let wait = min(Self.pollInterval * (1 << min(failures, 6)), longestWait)
                logger.warning("\(name) failed; trying again from the same event in \(wait): \(error)")
                try? await Task.sleep(for: wait)
            }
        }
    }

    /// Handles one batch, if this node holds the listener; answers whether there may be more. The
    /// claim is timed by the wall clock, which every node shares, and renewed while the batch runs.
    private func handleBatch(_ cursors: EventCursors) async throws -> Bool {
        var held = self.position
        if held == nil { held = try await claim(cursors) }
        guard let position = held else {
            stand(.idle)
            return false
        }
        let batch = try await cursors.events(after: position, limit: Self.batchSize)
        guard let last = batch.last?.position else {
            stand(.holding(position: position))
            return false
        }
        let renewal = Task { [lease] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int64(lease * 250)))
                guard !Task.isCancelled else { return }
                try? await renew(cursors)
            }
        }
        // A renewal still under way when the batch ends must land before the position moves or the
        // listener is given back, never after.
        do {
            try await handler(batch.compactMap(\.event))
        } catch {
            renewal.cancel()
            await renewal.value
            throw error
        }
        renewal.cancel()
        await renewal.value
        try await cursors.advance(name, to: last, for: store.node)
        stand(.holding(position: last))
        return batch.count == Self.batchSize
    }
}

import Foundation
import Logging
import MastheadCore

/// A listener that runs once per site, from the events table rather than from memory (issue 20): it hears
/// every node's changes, at least once, in commit order, across restarts. Its position is kept in the
/// database (``EventCursors``); at start it catches up from there. One node at a time holds it; the
/// others stand by and take over when that node stops or its claim lapses. A batch that fails is
/// tried again, waiting longer each time, from the same position.
///
/// `run()` works until its task is cancelled. This node's changes wake it at once (``ChangeFeed``);
/// other nodes' and commands' are found within ``pollInterval``.
public final class EventFollower: Sendable {
    public typealias Handler = @Sendable ([DomainEvent]) async throws -> Void
    public let name: String
    let store: Store
    let logger: Logger
    let handler: Handler
    let startsAtNewest: Bool
    static let batchSize = 100
    static let pollInterval: Duration = .seconds(1)
    /// Below the lease, so that a node waiting to try again still holds the listener when it does.
    static let longestWait: Duration = .seconds(Int64(EventCursors.lease / 2))
    private let wake: AsyncStream<Void>
    private let waker: AsyncStream<Void>.Continuation

    /// `startsAtNewest`: a listener seen for the first time skips what happened before it
    /// (``EventCursors/register(_:startsAtNewest:)``).
    public init(
        name: String, store: Store, startsAtNewest: Bool = false, logger: Logger, handler: @escaping Handler
    ) {
        self.name = name
        self.startsAtNewest = startsAtNewest
        self.store = store
        self.logger = logger
        self.handler = handler
        (wake, waker) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        store.changeFeed.subscribe { [waker] _ in waker.yield() }
    }

    /// Fixes where a new listener starts, before the site takes a request: a change made before the
    /// first claim is then not skipped by a listener that starts at the newest.
    public func register() async throws {
        try await EventCursors(store: store).register(name, startsAtNewest: startsAtNewest)
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
            for await _ in wake {
                await catchUp(cursors)
            }
            group.cancelAll()
        }
        try? await cursors.release(name, for: store.node)
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
                failures += 1
                let wait = min(Self.pollInterval * (1 << min(failures, 6)), Self.longestWait)
                logger.warning("\(name) failed; trying again from the same event in \(wait): \(error)")
                try? await Task.sleep(for: wait)
            }
        }
    }

    /// Handles one batch, if this node holds the listener; answers whether there may be more. The
    /// claim is timed by the wall clock, which every node shares.
    private func handleBatch(_ cursors: EventCursors) async throws -> Bool {
        guard
            let position = try await cursors.claim(
                name, for: store.node, startsAtNewest: startsAtNewest, now: Date())
        else { return false }
        let batch = try await cursors.events(after: position, limit: Self.batchSize)
        guard let last = batch.last?.position else { return false }
        try await handler(batch.compactMap(\.event))
        try await cursors.advance(name, to: last, for: store.node)
        return batch.count == Self.batchSize
    }
}

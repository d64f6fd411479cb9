import Logging
import MastheadStore
import ServiceLifecycle
import Synchronization

/// Keeps this node hearing the changes other nodes make on the same PostgreSQL (``ChangeRelay``):
/// listens, and when the connection drops (the database restarting, a network cut), tries again every
/// second. Once it listens again, followers are told they may have missed changes meanwhile, so caches
/// start afresh; until then the node keeps serving what it holds.
struct ChangeRelayService: Service {
    let store: Store
    let logger: Logger

    func run() async throws {
        let missed = Atomic(false)
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await store.followOtherNodes {
                        if missed.exchange(false, ordering: .relaxed) {
                            logger.info("Hearing other nodes' changes again; caches start afresh")
                            await store.changeFeed.followInterrupted()
                        }
                    }
                } catch {
                    if Task.isCancelled { break }
                    if !missed.exchange(true, ordering: .relaxed) {
                        logger.warning("Lost other nodes' changes; retrying every second: \(error)")
                    }
                }
                missed.store(true, ordering: .relaxed)
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}

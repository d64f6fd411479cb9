import Foundation
import MastheadCore
import Synchronization

/// Group commit for new comments. Posts that arrive while a batch is being written wait, and are then
/// decided and written together in the next transaction (``CommentBatch``); each poster is answered
/// once that transaction has committed, so an acknowledged comment is on disk as before. Under no load
/// a batch is one post, written at once: nothing waits for a timer.
final class CommentBatcher: Sendable {
    /// The most posts written in one transaction; more wait for the next.
    static let maximumBatch = 256

    private struct Waiting {
        let post: CommentBatch.Post
        let answer: CheckedContinuation<CommentActions.Outcome, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
    }

    private let state = Mutex(State())

    func post(_ post: CommentBatch.Post, store: Store) async throws -> CommentActions.Outcome {
        try await withCheckedThrowingContinuation { answer in
            let start = state.withLock { state -> Bool in
                state.waiting.append(Waiting(post: post, answer: answer))
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            if start { Task { await self.drain(store) } }
        }
    }

    private func drain(_ store: Store) async {
        while true {
            let batch = state.withLock { state -> [Waiting] in
                let taken = Array(state.waiting.prefix(Self.maximumBatch))
                state.waiting.removeFirst(taken.count)
                if taken.isEmpty { state.writing = false }
                return taken
            }
            guard !batch.isEmpty else { return }
            await write(batch, store: store)
        }
    }

    /// Writes a batch. Should the transaction fail as a whole (the database went away, a constraint no
    /// check foresaw), each post is tried again on its own, so one bad comment cannot lose the others.
    private func write(_ batch: [Waiting], store: Store) async {
        do {
            let results = try await store.transaction { tx in
                try await CommentBatch(posts: batch.map(\.post)).write(tx)
            }
            for (waiting, result) in zip(batch, results) { waiting.answer.resume(with: result.mapError { $0 }) }
        } catch {
            guard batch.count > 1 else {
                batch.first?.answer.resume(throwing: error)
                return
            }
            for waiting in batch { await write([waiting], store: store) }
        }
    }
}

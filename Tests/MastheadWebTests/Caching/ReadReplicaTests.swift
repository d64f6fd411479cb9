import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import NIOCore
import SQLKit
import Testing

@testable import MastheadWeb

/// Reader pages on a real streaming replica (`scripts/start-postgres-replica.sh`, which the test
/// script starts beside the primary). Replay is paused on the replica to make it lag on purpose.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MASTHEAD_TEST_POSTGRES_REPLICA_URL"] != nil))
struct ReadReplicaTests {
    /// The same database on the replica's server.
    static func onReplica(_ primary: DatabaseLocation) throws -> DatabaseLocation {
        guard case .postgres(let url) = primary,
            let replicaURL = ProcessInfo.processInfo.environment["MASTHEAD_TEST_POSTGRES_REPLICA_URL"],
            var components = URLComponents(string: url), let replica = URLComponents(string: replicaURL)
        else { throw RawHTTP.Failure(description: "no replica for \(primary)") }
        components.host = replica.host
        components.port = replica.port
        return .postgres(url: components.string!)
    }

    /// Waits until the replica has replayed the primary's stories.
    static func caughtUp(_ replica: Store, with primary: Store) async throws {
        let expected = try await primary.articles.visibleCount(now: TestSite.referenceNow)
        for _ in 0..<1_500 {
            if let count = try? await replica.articles.visibleCount(now: TestSite.referenceNow), count == expected {
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the replica never caught up")
    }

    @Test func readersReadFromTheReplicaAndWhoeverJustWroteSeesTheirChange() async throws {
        let fresh = try await FreshDatabase.make()
        let replicaLocation = try Self.onReplica(fresh.location)
        let replicaSQL = try Store.open(replicaLocation, logger: testLogger)
        do {
            let store = try Store.open(fresh.location, logger: testLogger)
            try await NewsroomClient.seedAccounts(store)
            try await Self.caughtUp(replicaSQL, with: store)
            var config = NewsroomClient.config(fresh.location)
            config.replicaDatabase = replicaLocation
            config.replicaMaxLag = 2
            let app = try await buildApplication(
                config: config, store: store, clock: .fixed(TestSite.referenceNow), logger: testLogger)
            let sql = try #require(replicaSQL.database as? any SQLDatabase)
            try await app.test(.router) { client in
                _ = try await client.execute(uri: "/", method: .get)
                try await sql.raw("SELECT pg_wal_replay_pause()").run()
                do {
                    let story = try await SchedulingTests.article(store, slug: "lagging-story")
                    _ = try await store.articleActions.move(
                        story.id, .publish, by: try await PageCacheTests.editor(store), now: TestSite.referenceNow)
                    let fromReplica = try await client.execute(uri: "/", method: .get)
                    #expect(
                        !fromReplica.text.contains("/articles/lagging-story\""), "the home page came from the primary")

                    let fields = ByteBuffer(string: formBody([("display_name", "Ola"), ("body", "Just wrote this.")]))
                    let posted = try await client.execute(
                        uri: CommentPostingTests.action, method: .post,
                        headers: [
                            .contentType: "application/x-www-form-urlencoded",
                            HTTPField.Name("Sec-Fetch-Site")!: "same-origin",
                        ], body: fields)
                    #expect(posted.status == .seeOther)
                    let cookie = try #require(posted.cookie(named: Site.freshWriteCookie))
                    let own = try await client.execute(
                        uri: "/", method: .get, headers: [.cookie: "\(Site.freshWriteCookie)=\(cookie)"])
                    #expect(own.text.contains("/articles/lagging-story\""), "a writer read a lagging replica")
                } catch {
                    try? await sql.raw("SELECT pg_wal_replay_resume()").run()
                    throw error
                }
                try await sql.raw("SELECT pg_wal_replay_resume()").run()
                // Replay resumes with whatever the other tests wrote meanwhile; once it has caught up, the
                // page rendered from the lagging replica must not still be served from the cache.
                try await Self.caughtUp(replicaSQL, with: store)
                var seen = false
                for _ in 0..<250 where !seen {
                    seen = try await client.execute(uri: "/", method: .get).text.contains("/articles/lagging-story\"")
                    if !seen { try await Task.sleep(for: .milliseconds(20)) }
                }
                #expect(seen, "a page read from the lagging replica stayed cached")
            }
        } catch {
            await replicaSQL.close()
            try? await fresh.drop()
            throw error
        }
        await replicaSQL.close()
        try await fresh.drop()
    }
}

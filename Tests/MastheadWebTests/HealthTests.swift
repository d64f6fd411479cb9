import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import SQLKit
import Testing

@testable import MastheadWeb

@Suite struct HealthTests {
    @Test func healthSaysTheProcessIsUpAndReadinessThatTheDatabaseIsCurrent() async throws {
        try await TestSite.run { client, store in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(health.text == "ok\n")
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)

            let sql = try #require(store.database as? any SQLDatabase)
            try await sql.delete(from: "_fluent_migrations").where("name", .equal, SQLBind("025-create-community"))
                .run()
            let behind = try await client.execute(uri: "/readyz", method: .get)
            #expect(behind.status == .serviceUnavailable)
            #expect(behind.text.contains("025-create-community"))
            #expect(behind.text.contains("masthead migrate"))
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    @Test func metricsCountRequestsByRouteAndCommentsByOutcome() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            _ = try await client.execute(uri: ReferencePageTests.mainArticle, method: .get)
            _ = try await client.execute(uri: "/no/such/page/\"quoted\"", method: .get)
            let (cookie, token) = try await CommentPostingTests.openForm(client)
            _ = try await CommentPostingTests.post(client, name: "Guest", body: "Held.", token: token, cookie: cookie)
            // Comments are counted after the answer.
            await store.changeFeed.settled()
            let text = try await client.execute(uri: "/metrics", method: .get).text
            #expect(text.contains(#"masthead_http_requests_total{route="/articles/{slug}",status="200"} 1"#))
            #expect(text.contains(#"masthead_http_requests_total{route="/articles/{slug}/comments",status="303"} 1"#))
            #expect(text.contains(#"masthead_http_requests_total{route="NotFound",status="404"} 1"#))
            #expect(text.contains(#"masthead_http_request_duration_seconds_count{route="/articles/{slug}"} 1"#))
            #expect(text.contains(#"masthead_page_cache_requests_total{result="miss"} "#))
            #expect(text.contains("masthead_page_cache_entries "))
            #expect(text.contains(#"le="+Inf"}"#))
            #expect(text.contains(#"masthead_comments_total{outcome="held"} 1"#))
            #expect(text.contains("masthead_live_streams 0"))
            let operations = text.split(separator: "\n").first {
                $0.hasPrefix(#"masthead_db_operations_total{database="primary"} "#)
            }
            #expect(Int(operations?.split(separator: " ").last ?? "") ?? 0 > 5, "\(operations ?? "none")")
            // Background work (the scheduler, the webhook outbox) may hold a connection at any moment.
            #expect(text.contains(#"masthead_db_pool_busy{database="primary"} "#))
            #expect(text.contains(#"masthead_db_pool_busy_seconds_total{database="primary"} "#))
            #expect(text.contains(#"masthead_db_pool_connections{database="primary"} "#))
        }
    }
}

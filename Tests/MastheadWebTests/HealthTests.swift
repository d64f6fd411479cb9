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
}

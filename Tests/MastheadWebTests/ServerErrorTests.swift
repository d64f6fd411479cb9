import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadStore
import MastheadTesting
import SQLKit
import Testing

@Suite struct ServerErrorTests {
    @Test func aFailureOnOurSideShowsAThemedPageAndNoInternals() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let sql = try #require(store.database as? any SQLDatabase)
            // Renamed rather than dropped: other tables refer to it, and PostgreSQL would refuse.
            try await sql.raw("ALTER TABLE comments RENAME TO comments_elsewhere").run()
            let response = try await client.execute(uri: ReferencePageTests.mainArticle, method: .get)
            #expect(response.status == .internalServerError)
            #expect(response.text.contains("Something went wrong on our side"))
            #expect(!response.text.lowercased().contains("comments"))
            #expect(!response.text.contains("SQL"))
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// The sign-up form counts mail by the client's address: a stranger re-submitting someone's address
/// does not hold back the link its owner asks for from elsewhere (issue 19, review of defect 4).
@Suite struct SignUpFromTwoAddressesTests {
    static func config(_ location: DatabaseLocation) -> AppConfig {
        var config = NewsroomClient.config(location)
        config.clientAddressHeader = "X-Forwarded-For"
        return config
    }

    @Test func theOwnerSigningUpFromAnotherAddressGetsAWorkingLink() async throws {
        try await TestSite.run(config: Self.config, seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await ReaderAccountPagesTests.form(client, "/account/sign-up")
            func post(_ path: String, _ fields: [(String, String)], from address: String) async throws -> TestResponse {
                try await client.execute(
                    uri: path, method: .post,
                    headers: [
                        .cookie: "masthead_csrf=\(cookie)", .contentType: "application/x-www-form-urlencoded",
                        HTTPField.Name("X-Forwarded-For")!: address,
                    ],
                    body: ByteBuffer(string: formBody([("csrf_token", token)] + fields)))
            }
            for _ in 0..<2 {
                let stranger = try await post(
                    "/account/sign-up",
                    [("display_name", "Stranger"), ("email", "ola@example.com"), ("password", "the stranger's pass")],
                    from: "203.0.113.9")
                #expect(stranger.status == .ok)
            }
            #expect(try await store.outbox.recent().count == 1)
            let ola = try await post(
                "/account/sign-up",
                [("display_name", "Ola"), ("email", "ola@example.com"), ("password", "ola's own password")],
                from: "198.51.100.4")
            #expect(ola.status == .ok)
            #expect(ola.text.contains("We sent a link to <strong>ola@example.com</strong>"))

            let mail = try #require(try await store.outbox.recent().first)
            #expect(mail.body.contains("Hello Ola,"))
            let line = try #require(mail.body.split(separator: "\n").first { $0.contains("/account/verify/") })
            let path = String(line[line.range(of: "/account/verify/")!.lowerBound...])
            let confirmed = try await post(path, [("password", "ola's own password")], from: "198.51.100.4")
            #expect(confirmed.status == .seeOther)
            let account = try #require(try await store.commenters.find(email: "ola@example.com"))
            #expect(account.isVerified)
            #expect(account.displayName == "Ola")
        }
    }
}

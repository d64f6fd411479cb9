import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// A second sign-up for an unconfirmed address, through the pages (issue 19, defect 4).
@Suite struct SignUpTakeoverTests {
    typealias Pages = ReaderAccountPagesTests

    static func signIn(_ client: any TestClientProtocol, email: String, password: String) async throws -> TestResponse {
        let (cookie, token) = try await Pages.form(client, ReaderRoute.signIn(next: nil).path)
        return try await Pages.submit(
            client, ReaderRoute.signIn(next: nil).path,
            [("csrf_token", token), ("email", email), ("password", password)], cookies: "masthead_csrf=\(cookie)")
    }

    /// As the issue tells it: a stranger signs up again with Ola's address and their own
    /// password before Ola confirms.
    @Test func aSecondSignUpCannotTakeOverOrBlockAnUnconfirmedAddress() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: TestSite.seedReference) { client, store in
            func signUp(_ name: String, _ password: String) async throws {
                let (cookie, token) = try await Pages.form(client, ReaderRoute.signUp(next: nil).path)
                let answer = try await Pages.submit(
                    client, ReaderRoute.signUp(next: nil).path,
                    [
                        ("csrf_token", token), ("display_name", name), ("email", "ola@example.com"),
                        ("password", password),
                    ],
                    cookies: "masthead_csrf=\(cookie)")
                #expect(answer.status == .ok)
            }
            try await signUp("Ola", "ola's own password")
            let mail = try #require(try await store.outbox.recent().first)
            let line = try #require(mail.body.split(separator: "\n").first { $0.contains("/account/verify/") })
            let link = String(line[line.range(of: "/account/verify/")!.lowerBound...])
            try await signUp("Stranger", "the stranger's pass")
            try await signUp("Stranger", "the stranger's pass")

            #expect(
                try await Self.signIn(
                    client, email: "ola@example.com", password: "the stranger's pass"
                ).status
                    == .unprocessableContent)
            let olaBefore = try await Self.signIn(
                client, email: "ola@example.com", password: "ola's own password")
            #expect(olaBefore.status == .seeOther)

            let (cookie, token) = try await Pages.form(client, link)
            let confirmed = try await Pages.submit(
                client, link, [("csrf_token", token), ("password", "ola's own password")],
                cookies: "masthead_csrf=\(cookie)")
            #expect(confirmed.status == .seeOther)
            let account = try #require(try await store.commenters.find(email: "ola@example.com"))
            #expect(account.isVerified)
            #expect(account.displayName == "Ola")
            #expect(
                try await Self.signIn(
                    client, email: "ola@example.com", password: "ola's own password"
                ).status
                    == .seeOther)
            #expect(
                try await Self.signIn(
                    client, email: "ola@example.com", password: "the stranger's pass"
                ).status
                    == .unprocessableContent)
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Wrong passwords sent all at once to the real sign-in forms: however many arrive together, at most
/// five are checked (422) and the rest are refused unchecked (429).
@Suite struct SignInRaceTests {
    static let forwarded = HTTPField.Name("X-Forwarded-For")!

    static func config(_ location: DatabaseLocation) -> AppConfig {
        var config = NewsroomClient.config(location)
        config.clientAddressHeader = "X-Forwarded-For"
        return config
    }

    /// Posts every form at once, each from its address, with one form's CSRF cookie and token.
    static func together(
        _ client: any TestClientProtocol, form path: String, email: String, from addresses: [String]
    ) async throws -> [HTTPResponse.Status] {
        let form = try await client.execute(uri: path, method: .get)
        let cookie = try #require(form.cookie(named: "masthead_csrf"))
        let token = try #require(PageText.csrfField(form.text))
        let body = formBody([("email", email), ("password", "wrong password!"), ("csrf_token", token)])
        return try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
            for address in addresses {
                group.addTask {
                    try await client.execute(
                        uri: path, method: .post,
                        headers: [
                            .contentType: "application/x-www-form-urlencoded", .cookie: "masthead_csrf=\(cookie)",
                            forwarded: address,
                        ],
                        body: ByteBuffer(string: body)
                    ).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func thirtyGuessesAtOneNewsroomAccountFromThirtyAddressesAreCheckedFiveTimes() async throws {
        try await TestSite.run(config: Self.config, seed: NewsroomClient.seedAccounts) { client, _ in
            let statuses = try await Self.together(
                client, form: NewsroomRoute.signIn.path, email: "editor@example.com",
                from: (1...30).map { "198.51.100.\($0)" })
            #expect(statuses.filter { $0 == .unprocessableContent }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 25, "\(statuses)")
        }
    }

    @Test func twentyGuessesAtOneReaderAccountFromOneAddressAreCheckedFiveTimes() async throws {
        try await TestSite.run(config: Self.config, seed: TestSite.seedReference) { client, store in
            _ = try await store.commenterAccountActions(passwordCost: 4).createVerified(
                displayName: "Ola", email: "ola@example.com", password: TestReaders.password, now: TestSite.referenceNow
            )
            let statuses = try await Self.together(
                client, form: "/account/sign-in", email: "ola@example.com",
                from: Array(repeating: "203.0.113.7", count: 20))
            #expect(statuses.filter { $0 == .unprocessableContent }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 15, "\(statuses)")
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

@Suite struct RateLimitTests {
    @Test func clientsAreKnownByTheProxysLastEntryAndIPv6ByTheirBlock() {
        #expect(ClientAddress.key(peer: "10.0.0.1", forwardedHeader: nil) == "10.0.0.1")
        #expect(ClientAddress.key(peer: "10.0.0.1", forwardedHeader: "1.2.3.4, 5.6.7.8") == "5.6.7.8")
        #expect(ClientAddress.key(peer: nil, forwardedHeader: nil) == "unknown")
        let one = ClientAddress.key(peer: "2001:db8:1:2:aaaa::1", forwardedHeader: nil)
        let sameBlock = ClientAddress.key(peer: "2001:db8:1:2:bbbb:cccc:dddd:eeee", forwardedHeader: nil)
        let otherBlock = ClientAddress.key(peer: "2001:db8:1:3::1", forwardedHeader: nil)
        #expect(one == sameBlock)
        #expect(one != otherBlock)
        #expect(one == "20010db800010002::/64")
    }

    @Test func behindAProxyEachReaderHasTheirOwnLimit() async throws {
        try await TestSite.run(
            config: { AppConfig(database: $0, clientAddressHeader: "X-Forwarded-For") },
            seed: TestSite.seedReference
        ) { client, _ in
            let (cookie, token) = try await CommentPostingTests.openForm(client)
            func post(from address: String, _ body: String) async throws -> HTTPResponse.Status {
                var headers = HTTPFields()
                headers[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.9, \(address)"
                return try await CommentPostingTests.post(
                    client, name: "Ola", body: body, token: token, cookie: cookie, extraHeaders: headers
                ).status
            }
            // Guests are counted by their hashed address: twenty in ten minutes (ModerationPolicy).
            for index in 1...20 { #expect(try await post(from: "198.51.100.1", "First reader \(index)") == .seeOther) }
            #expect(try await post(from: "198.51.100.1", "First reader again") == .tooManyRequests)
            #expect(try await post(from: "198.51.100.2", "Second reader") == .seeOther)
        }
    }
}

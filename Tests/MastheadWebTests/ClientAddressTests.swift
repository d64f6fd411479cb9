import Foundation
import HTTPTypes
import MastheadTesting
import Testing

@testable import MastheadWeb

@Suite struct ClientAddressTests {
    @Test func oneAddressWrittenManyWaysIsOneReader() {
        let v4 = [
            "203.0.113.50", "203.0.113.50:1111", "203.0.113.50:2222", " 203.0.113.50 ", "::ffff:203.0.113.50",
            "[::ffff:203.0.113.50]:443", "::FFFF:cb00:7132",
        ]
        for form in v4 { #expect(ClientAddress.group(form) == "203.0.113.50", "\(form)") }
        let v6 = ["[2001:db8:1:2::5]", "[2001:db8:1:2::6]:443", "2001:db8:1:2::7%eth0", "2001:0DB8:1:2:ffff::1"]
        for form in v6 { #expect(ClientAddress.group(form) == "20010db800010002::/64", "\(form)") }
    }

    @Test func mappedIPv4ReadersDoNotShareTheZeroBlock() {
        #expect(ClientAddress.group("::ffff:198.51.100.1") != ClientAddress.group("::ffff:198.51.100.2"))
    }

    @Test func aHeaderThatIsNotAnAddressCountsAsTheConnection() {
        for junk in ["unknown", "", "evil.example", "1.2.3", "[::1", "2001:db8::1::2"] {
            #expect(ClientAddress.key(peer: "::ffff:10.0.0.9", forwardedHeader: junk) == "10.0.0.9", "\(junk)")
        }
        #expect(ClientAddress.key(peer: "10.0.0.1", forwardedHeader: "1.2.3.4, 5.6.7.8:9") == "5.6.7.8")
        #expect(ClientAddress.key(peer: nil, forwardedHeader: nil) == "unknown")
    }

    @Test func aProxyThatAddsItsOwnHeaderLineIsReadToTheLastEntry() async throws {
        try await TestSite.run(
            config: { AppConfig(database: $0, clientAddressHeader: "X-Forwarded-For") }, seed: TestSite.seedReference
        ) { client, _ in
            let (cookie, token) = try await CommentPostingTests.openForm(client)
            func post(_ body: String, lines: [String]) async throws -> HTTPResponse.Status {
                var headers = HTTPFields()
                for line in lines { headers.append(HTTPField(name: HTTPField.Name("X-Forwarded-For")!, value: line)) }
                return try await CommentPostingTests.post(
                    client, name: "Ola", body: body, token: token, cookie: cookie, extraHeaders: headers
                ).status
            }
            // The client writes its own first line; the proxy adds the address it saw as a second.
            for index in 1...20 {
                #expect(try await post("Spoofed \(index)", lines: ["198.51.100.\(index)", "203.0.113.5"]) == .seeOther)
            }
            #expect(try await post("Spoofed again", lines: ["198.51.100.99", "203.0.113.5"]) == .tooManyRequests)
        }
    }

    @Test func behindAProxyThatWritesMappedAddressesOrPortsEachReaderKeepsTheirOwnLimit() async throws {
        try await TestSite.run(
            config: { AppConfig(database: $0, clientAddressHeader: "X-Forwarded-For") },
            seed: TestSite.seedReference
        ) { client, _ in
            let (cookie, token) = try await CommentPostingTests.openForm(client)
            func post(from address: String, _ body: String) async throws -> HTTPResponse.Status {
                try await CommentPostingTests.post(
                    client, name: "Ola", body: body, token: token, cookie: cookie,
                    extraHeaders: [HTTPField.Name("X-Forwarded-For")!: address]
                ).status
            }
            for index in 1...20 { #expect(try await post(from: "::ffff:198.51.100.1", "First \(index)") == .seeOther) }
            #expect(try await post(from: "198.51.100.1:4444", "First again, another port") == .tooManyRequests)
            #expect(try await post(from: "::ffff:198.51.100.2", "Second reader") == .seeOther)
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// What only a real socket shows: bytes on a kept-alive connection, bodies the HTTP parser rejects,
/// and the addresses a dual-stack listener reports.
@Suite struct LiveSocketTests {
    static let commentsPath = CommentPostingTests.action

    @Test func refusedRangesLeaveAKeptAliveConnectionIntact() async throws {
        try await TestSite.run(setup: .live) { client, _ in
            let port = try #require(client.port)
            let css = "GET /assets/masthead.css HTTP/1.1\r\nHost: x\r\n"
            let raw = try await RawHTTP.exchangeWithLocalhost(
                port: port,
                request: css + "Range: bytes=99999-\r\n\r\n" + css + "Range: bytes=-0\r\n\r\n" + css
                    + "Range: bytes=0-3\r\nConnection: close\r\n\r\n")
            let responses = RawHTTP.responses(in: raw)
            #expect(responses.count == 3, "\(raw.debugDescription)")
            guard responses.count == 3 else { return }
            #expect(responses[0].head.hasPrefix("HTTP/1.1 416"))
            #expect(responses[0].body.isEmpty)
            #expect(responses[1].head.hasPrefix("HTTP/1.1 416"))
            #expect(responses[2].head.hasPrefix("HTTP/1.1 206"))
            #expect(responses[2].body == ":roo" || responses[2].body.count == 4)
        }
    }

    @Test func aMalformedChunkedBodyGets400AndNoErrorInTheLog() async throws {
        let log = RecordedLog()
        try await TestSite.run(seed: TestSite.seedReference, setup: .live, logger: log.logger) { client, _ in
            let port = try #require(client.port)
            let raw = try await RawHTTP.exchangeWithLocalhost(
                port: port,
                request: "POST \(Self.commentsPath) HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n")
            #expect(raw.hasPrefix("HTTP/1.1 400"), "\(raw.prefix(200).debugDescription)")
        }
        #expect(log.errors.isEmpty, "\(log.errors)")
    }

    @Test func aClientThatGivesUpMidBodyIsNotAnError() async throws {
        let log = RecordedLog()
        try await TestSite.run(seed: TestSite.seedReference, setup: .live, logger: log.logger) { client, _ in
            let port = try #require(client.port)
            _ = try await RawHTTP.exchangeWithLocalhost(
                port: port,
                request: "POST \(Self.commentsPath) HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nbody=only",
                endWriting: true)
        }
        #expect(log.errors.isEmpty, "\(log.errors)")
    }

    @Test func aRequestTheParserRejectsGets400WithTheSecurityHeadersAndAReason() async throws {
        try await TestSite.run(setup: .live) { client, _ in
            let port = try #require(client.port)
            let raw = try await RawHTTP.exchangeWithLocalhost(port: port, request: "GET / HTTP/1.1\r\nHost x\r\n\r\n")
            let response = try #require(RawHTTP.responses(in: raw).first)
            #expect(response.head.hasPrefix("HTTP/1.1 400"))
            let head = response.head.lowercased()
            #expect(head.contains("content-security-policy: \(SecurityPolicyTests.policy.lowercased())"))
            #expect(head.contains("x-content-type-options: nosniff"))
            #expect(head.contains("content-type: text/plain"))
            #expect(response.body == ParserErrorResponseHandler.explanation)
        }
    }

    @Test func onADualStackSocketEachIPv4ReaderHasTheirOwnLimit() async throws {
        try await TestSite.serve(
            hostname: "::", config: { AppConfig(hostname: $1, port: $2, database: $0) }, seed: TestSite.seedReference
        ) { port in
            func post(from source: String, _ text: String) async throws -> String {
                let page = try await RawHTTP.exchange(
                    host: "127.0.0.1", port: port, source: source,
                    request: "GET /account/sign-in HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                let cookie = try #require(PageText.captures(page, "masthead_csrf=([0-9a-f]{64})").first)
                let token = try #require(PageText.csrfField(page))
                let body = formBody([("display_name", "Ola"), ("body", text), ("csrf_token", token)])
                let response = try await RawHTTP.exchange(
                    host: "127.0.0.1", port: port, source: source,
                    request: "POST \(Self.commentsPath) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                        + "Cookie: masthead_csrf=\(cookie)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
                return String(response.prefix(12))
            }
            var statuses: [String] = []
            // Twenty comments from one address in ten minutes (ModerationPolicy), then a wait.
            for index in 1...21 { statuses.append(try await post(from: "127.0.0.1", "First reader \(index)")) }
            statuses.append(try await post(from: "127.0.0.2", "Second reader"))
            #expect(statuses == Array(repeating: "HTTP/1.1 303", count: 20) + ["HTTP/1.1 429", "HTTP/1.1 303"])
        }
    }
}

import Foundation
import MastheadTesting
import Testing

@testable import MastheadWeb

/// A hit answered in the channel pipeline, on a real socket: the same head as the miss that filled it
/// (`Date` and `Server` included, security headers and validators alike), a `HEAD` without the body,
/// a `304` for a client that holds the page, and answers in order on a kept-alive connection.
@Suite struct PageCacheChannelHitTests {
    static let article = ReferencePageTests.mainArticle

    static func get(_ path: String, _ extra: String = "") -> String {
        "GET \(path) HTTP/1.1\r\nHost: x\r\n\(extra)\r\n"
    }

    /// The head's field lines but `Date`, which may tick between two responses, and `Connection`, which
    /// answers the request's.
    static func fields(_ head: String) -> [String] {
        head.split(separator: "\r\n").dropFirst().map(String.init).filter {
            !$0.hasPrefix("Date: ") && !$0.lowercased().hasPrefix("connection: ")
        }
    }

    @Test func aHitCarriesWhatTheMissCarried() async throws {
        try await TestSite.run(seed: TestSite.seedReference, setup: .live) { client, _ in
            let port = try #require(client.port)
            let filled = try await RawHTTP.exchangeWithLocalhost(
                port: port, request: Self.get(Self.article, "Connection: close\r\n"))
            let raw = try await RawHTTP.exchangeWithLocalhost(
                port: port,
                request: Self.get(Self.article) + "HEAD \(Self.article) HTTP/1.1\r\nHost: x\r\n\r\n"
                    + Self.get("/nowhere", "Connection: close\r\n"))
            // Split at each status line: a `HEAD` answer names a length it does not send.
            let responses = (filled + raw).components(separatedBy: "HTTP/1.1 ").dropFirst().map { part in
                let end = part.range(of: "\r\n\r\n")?.lowerBound ?? part.endIndex
                return (head: "HTTP/1.1 " + part[..<end], body: String(part[end...].dropFirst(4)))
            }
            try #require(responses.count == 4, "\(raw.prefix(400).debugDescription)")
            let (miss, hit, head) = (responses[0], responses[1], responses[2])
            #expect(miss.head.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(hit.head.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(Self.fields(hit.head) == Self.fields(miss.head))
            #expect(hit.head.contains("\r\nDate: ") && hit.head.contains("\r\nServer: Masthead"))
            #expect(hit.head.contains("\r\nContent-Security-Policy: " + SecurityHeaders.contentSecurityPolicy))
            #expect(hit.body == miss.body && !hit.body.isEmpty)
            #expect(Self.fields(head.head) == Self.fields(miss.head))
            #expect(head.body.isEmpty)
            #expect(responses[3].head.hasPrefix("HTTP/1.1 404"))
        }
    }

    @Test func aClientHoldingThePageGets304FromTheHit() async throws {
        try await TestSite.run(seed: TestSite.seedReference, setup: .live) { client, _ in
            let port = try #require(client.port)
            let first = try await RawHTTP.exchangeWithLocalhost(
                port: port, request: Self.get(Self.article, "Connection: close\r\n"))
            let eTag = try #require(
                RawHTTP.responses(in: first).first?.head.split(separator: "\r\n")
                    .first { $0.hasPrefix("ETag: ") }?.dropFirst("ETag: ".count))
            let raw = try await RawHTTP.exchangeWithLocalhost(
                port: port,
                request: Self.get(Self.article, "If-None-Match: \(eTag)\r\n")
                    + Self.get("/nowhere", "Connection: close\r\n"))
            let responses = RawHTTP.responses(in: raw)
            try #require(responses.count == 2, "\(raw.prefix(400).debugDescription)")
            let notModified = responses[0].head
            #expect(notModified.hasPrefix("HTTP/1.1 304 Not Modified\r\n"))
            #expect(notModified.contains("\r\nETag: \(eTag)"))
            #expect(!notModified.contains("Content-Length"))
            #expect(notModified.contains("\r\nVary: Accept-Encoding"))
            #expect(notModified.contains("\r\nDate: ") && notModified.contains("\r\nX-Frame-Options: DENY"))
            #expect(responses[1].head.hasPrefix("HTTP/1.1 404"))
        }
    }

    @Test func aHitWaitsForTheAnswerToARequestSentBeforeIt() async throws {
        try await TestSite.run(seed: TestSite.seedReference, setup: .live) { client, _ in
            let port = try #require(client.port)
            _ = try await RawHTTP.exchangeWithLocalhost(
                port: port, request: Self.get(Self.article, "Connection: close\r\n"))
            let raw = try await RawHTTP.exchangeWithLocalhost(
                port: port,
                request: Self.get("/nowhere") + Self.get(Self.article) + Self.get("/nowhere", "Connection: close\r\n"))
            let responses = RawHTTP.responses(in: raw)
            try #require(responses.count == 3, "\(raw.prefix(400).debugDescription)")
            #expect(responses[0].head.hasPrefix("HTTP/1.1 404"))
            #expect(responses[1].head.hasPrefix("HTTP/1.1 200"))
            #expect(responses[2].head.hasPrefix("HTTP/1.1 404"))
        }
    }
}

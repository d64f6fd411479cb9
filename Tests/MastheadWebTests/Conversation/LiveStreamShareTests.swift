import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

@testable import MastheadWeb

#if canImport(Glibc)
    import Glibc
#endif

/// No client can hold every live-comment stream: an address keeps a few, new addresses keep a share,
/// and a slot comes back as soon as its reader leaves.
@Suite struct LiveStreamShareTests {
    static func config(limit: Int) -> (DatabaseLocation) -> AppConfig {
        {
            var config = AppConfig(database: $0)
            config.liveStreamLimit = limit
            config.liveStreamsPerAddress = 3
            return config
        }
    }

    /// The issue's case: `MASTHEAD_LIVE_STREAMS=10` and twelve connections at once from one address.
    @Test func oneAddressHoldsAFewStreamsAndALeavingReadersSlotComesBackAtOnce() async throws {
        try await TestSite.run(config: Self.config(limit: 10), seed: TestSite.seedReference, setup: .live) {
            client, _ in
            let port = try #require(client.port)
            let greedy = try await withThrowingTaskGroup(of: HeldStream.self) { group in
                for _ in 0..<12 { group.addTask { try await HeldStream.open(port: port, from: "127.0.0.2") } }
                return try await group.reduce(into: [HeldStream]()) { $0.append($1) }
            }
            defer { greedy.forEach { $0.close() } }
            let admitted = greedy.filter(\.isOpen)
            #expect(admitted.count == 3)
            #expect(greedy.filter { $0.status.hasPrefix("HTTP/1.1 503") }.count == 9)
            #expect(greedy.contains { $0.received.contains("already follows comments live on 3 pages") })

            let newcomer = try await HeldStream.open(port: port, from: "127.0.0.3")
            defer { newcomer.close() }
            #expect(newcomer.isOpen, "\(newcomer.status)")
            #expect(try await Self.openStreams(client) == 4)

            // The next keep-alive is 20 seconds away: only the closed connection can free the slot.
            try #require(admitted.first).close()
            let deadline = ContinuousClock.now + .seconds(3)
            var open = try await Self.openStreams(client)
            while open > 3, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                open = try await Self.openStreams(client)
            }
            #expect(open == 3, "the closed stream's slot did not come back")
            let again = try await HeldStream.open(port: port, from: "127.0.0.2")
            defer { again.close() }
            #expect(again.isOpen, "\(again.status)")
        }
    }

    /// The last quarter of the limit goes only to addresses that hold no stream yet.
    @Test func addressesThatHoldNoneKeepAShareOfTheNode() async throws {
        try await FreshDatabase.with { store in
            let live = LiveComments(store: store, limit: 8, perAddress: 3)
            #expect(live.reserve == 2)
            func open(_ client: String) throws(LiveComments.Refusal) -> AsyncStream<String> {
                try live.open(article: UUID(), id: UUID(), client: client)
            }
            // Streams end when dropped, so each is kept to the end of the test.
            var held: [AsyncStream<String>] = []
            for client in ["a", "a", "a", "b", "b", "b"] { held.append(try open(client)) }
            #expect(throws: LiveComments.Refusal.nodeFull) { try open("b") }
            #expect(throws: LiveComments.Refusal.nodeFull) { try open("a") }
            held.append(try open("c"))
            #expect(throws: LiveComments.Refusal.nodeFull) { try open("c") }
            held.append(try open("d"))
            #expect(throws: LiveComments.Refusal.nodeFull) { try open("e") }
            withExtendedLifetime(held) { #expect(live.openCount == 8) }
        }
    }

    @Test func anAddressPastItsStreamsIsToldSo() async throws {
        try await FreshDatabase.with { store in
            let live = LiveComments(store: store, limit: 100, perAddress: 2)
            let ids = [UUID(), UUID()]
            let held = try ids.map { try live.open(article: UUID(), id: $0, client: "a") }
            #expect(throws: LiveComments.Refusal.addressFull) {
                try live.open(article: UUID(), id: UUID(), client: "a")
            }
            // An ended stream is the address's to use again.
            live.close(ids[0])
            #expect(live.openCount == 1)
            let reopened = try live.open(article: UUID(), id: UUID(), client: "a")
            withExtendedLifetime((held, reopened)) { #expect(live.openCount == 2) }
        }
    }

    @Test func theStreamsPerAddressAreASetting() throws {
        #expect(try AppConfig.parse(environment: [:]).liveStreamsPerAddress == LiveComments.defaultPerAddress)
        let config = try AppConfig.parse(environment: ["MASTHEAD_LIVE_STREAMS_PER_ADDRESS": "8"])
        #expect(config.liveStreamsPerAddress == 8)
        #expect(throws: ConfigError.self) {
            try AppConfig.parse(environment: ["MASTHEAD_LIVE_STREAMS_PER_ADDRESS": "0"])
        }
    }

    /// `masthead_live_streams` from `/metrics`.
    static func openStreams(_ client: any TestClientProtocol) async throws -> Int {
        let text = try await client.execute(uri: "/metrics", method: .get).text
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("masthead_live_streams ") })
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }
}

/// One request for the article's live comments from a chosen source address, on a blocking socket of
/// its own, read until the stream says it is connected (or the answer is a refusal), and then held
/// open until ``close()``.
final class HeldStream: Sendable {
    let descriptor: Int32
    let received: String
    /// A descriptor closed twice could close another test's socket that reused its number.
    private let closed = Atomic(false)

    var status: String { String(received.prefix { $0 != "\r" }) }
    var isOpen: Bool { status.hasPrefix("HTTP/1.1 200") && received.contains(": connected") }

    private init(descriptor: Int32, received: String) {
        self.descriptor = descriptor
        self.received = received
    }

    static func open(port: Int, from source: String) async throws -> HeldStream {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try openBlocking(port: port, from: source) })
            }
        }
    }

    func close() {
        if !closed.exchange(true, ordering: .relaxed) { _ = Glibc.close(descriptor) }
    }

    private static func openBlocking(port: Int, from source: String) throws -> HeldStream {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawHTTP.Failure(description: "socket() failed: \(errno)") }
        var wait = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        do {
            try attach(descriptor, host: source, port: 0, connecting: false)
            try attach(descriptor, host: "127.0.0.1", port: port, connecting: true)
            let request = Array(
                "GET \(LiveCommentsTests.streamPath) HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n".utf8)
            guard request.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, 0) }) == request.count else {
                throw RawHTTP.Failure(description: "send() failed: \(errno)")
            }
            var received = ""
            var chunk = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { break }
                received += String(decoding: chunk[0..<count], as: UTF8.self)
                guard let end = received.range(of: "\r\n\r\n") else { continue }
                if received.hasPrefix("HTTP/1.1 200") {
                    if received.contains(": connected") { break }
                } else if received[end.upperBound...].utf8.count >= contentLength(received) {
                    break
                }
            }
            return HeldStream(descriptor: descriptor, received: received)
        } catch {
            _ = Glibc.close(descriptor)
            throw error
        }
    }

    private static func contentLength(_ response: String) -> Int {
        response.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    private static func attach(_ descriptor: Int32, host: String, port: Int, connecting: Bool) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw RawHTTP.Failure(description: "not an IPv4 address: \(host)")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connecting
                    ? connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    : bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            throw RawHTTP.Failure(description: "\(connecting ? "connect" : "bind") to \(host):\(port) failed: \(errno)")
        }
    }
}

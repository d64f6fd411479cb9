import Foundation
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Behind a reverse proxy without MASTHEAD_CLIENT_IP_HEADER every reader shares the proxy's address, so
/// the live-stream cap per address would be the whole site's: start-up says so (issue 19, review).
@Suite struct LiveStreamProxyWarningTests {
    static let location = DatabaseLocation.sqlite(path: "unused.sqlite")

    static func warning(hostname: String, siteAddress: String, header: String? = nil, perAddress: Int = 3) -> String? {
        var config = AppConfig(hostname: hostname, database: location, clientAddressHeader: header)
        config.liveStreamsPerAddress = perAddress
        return config.liveStreamProxyWarning(siteAddress: siteAddress)
    }

    @Test func theWarningComesWhenAProxyIsLikelyAndNoClientHeaderIsSet() {
        let behindTLS = Self.warning(hostname: "127.0.0.1", siteAddress: "https://news.example")
        #expect(behindTLS?.contains("the whole site gets 3 live streams") == true)
        #expect(Self.warning(hostname: "0.0.0.0", siteAddress: "http://news.example") != nil, "a container")
        #expect(Self.warning(hostname: "[::1]", siteAddress: "HTTPS://news.example") != nil)
        #expect(Self.warning(hostname: "127.0.0.1", siteAddress: "http://127.0.0.1:8080") == nil, "a laptop")
        #expect(Self.warning(hostname: "localhost", siteAddress: "http://localhost:8080") == nil)
        #expect(
            Self.warning(hostname: "0.0.0.0", siteAddress: "https://news.example", header: "X-Forwarded-For") == nil)
        #expect(
            Self.warning(hostname: "0.0.0.0", siteAddress: "https://news.example", perAddress: 1_000) == nil,
            "a cap as large as the node's limit never holds")
    }

    @Test func startingBehindAProxyLogsTheWarningOnce() async throws {
        let log = RecordedLog()
        try await TestSite.run(
            config: { AppConfig(hostname: "0.0.0.0", database: $0) }, logger: log.logger
        ) { _, _ in }
        #expect(
            log.warnings.filter { $0.contains("MASTHEAD_CLIENT_IP_HEADER is not set") }.count == 1, "\(log.warnings)")

        let configured = RecordedLog()
        try await TestSite.run(
            config: { AppConfig(hostname: "0.0.0.0", database: $0, clientAddressHeader: "X-Forwarded-For") },
            logger: configured.logger
        ) { _, _ in }
        #expect(!configured.warnings.contains { $0.contains("MASTHEAD_CLIENT_IP_HEADER") }, "\(configured.warnings)")
    }
}

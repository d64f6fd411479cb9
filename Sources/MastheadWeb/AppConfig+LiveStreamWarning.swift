import Foundation

extension AppConfig {
    /// A warning for the log when the live-stream cap per address (``liveStreamsPerAddress``) probably
    /// counts a reverse proxy rather than readers; nil when it does not.
    ///
    /// Without ``clientAddressHeader`` a stream is counted by the address that connects, so behind a
    /// proxy every reader shares one address and the whole site gets `liveStreamsPerAddress` streams.
    /// Whether there is a proxy cannot be seen at start-up, so two signs are taken for one: a site whose
    /// address (`siteAddress`) is https, which Masthead does not serve itself, so something in front ends
    /// the TLS; or a listening address other than loopback, as in a container behind a proxy. A loopback
    /// server on an http address is someone's own machine, where one address is all there is.
    func liveStreamProxyWarning(siteAddress: String) -> String? {
        guard clientAddressHeader == nil, liveStreamLimit > liveStreamsPerAddress,
            siteAddress.lowercased().hasPrefix("https://") || !Self.isLoopback(hostname)
        else { return nil }
        return "MASTHEAD_LIVE_STREAMS_PER_ADDRESS (\(liveStreamsPerAddress)) counts live comment streams by the "
            + "address that connects, and MASTHEAD_CLIENT_IP_HEADER is not set: behind a reverse proxy every "
            + "reader has the proxy's address, so the whole site gets \(liveStreamsPerAddress) live streams. "
            + "Set MASTHEAD_CLIENT_IP_HEADER to the header the proxy writes the client's address in "
            + "(such as X-Forwarded-For); if readers connect to Masthead directly, nothing needs to change."
    }

    static func isLoopback(_ hostname: String) -> Bool {
        let host = hostname.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// A web origin (scheme, host, port), compared the way browsers compare them: case-insensitively, with
/// the scheme's default port filled in. `null` and anything unparsable are not origins.
struct WebOrigin: Equatable, Sendable {
    let scheme: String
    let host: String
    let port: Int

    /// From an `Origin` header or a configured base URL (`https://news.example.com`, a path is ignored).
    init?(_ text: String) {
        let parts = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let authority = parts[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        self.init(scheme: String(parts[0]), authority: authority)
    }

    /// From a `Host` header, under the scheme the request arrived by.
    init?<S: StringProtocol>(scheme: String, authority: S) {
        let scheme = scheme.lowercased()
        guard let defaultPort = ["http": 80, "https": 443][scheme], !authority.isEmpty, !authority.contains("@")
        else { return nil }
        var host = Substring(authority.lowercased())
        var port = defaultPort
        if let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") {
            guard let parsed = Int(host[host.index(after: colon)...]), (1...65535).contains(parsed) else { return nil }
            port = parsed
            host = host[..<colon]
        }
        guard !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = String(host)
        self.port = port
    }
}

import Foundation

/// Where the newsroom hands its mail over, read from a URL such as `smtp://user:secret@127.0.0.1:2525`.
///
/// Plain SMTP only: the client speaks no STARTTLS, so the relay belongs on loopback or a private network
/// (a local Postfix, a provider's sidecar), where the clear-text password never crosses the internet.
public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// With a username the client logs in with AUTH PLAIN; without one it sends as it is.
    public var username: String?
    public var password: String?
    /// The name this machine gives in EHLO; relays log it, and some check it.
    public var heloName: String

    public init(
        host: String, port: Int = 25, username: String? = nil, password: String? = nil, heloName: String = "localhost"
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.heloName = heloName
    }

    /// Reads `smtp://[user[:password]@]host[:port]`, the user and the password percent-encoded (a "@" in
    /// a password is `%40`); port 25 when none is given. Nil for another scheme (`smtps` included, which
    /// this client does not speak), a missing host or a port out of range.
    public init?(url: String, heloName: String = "localhost") {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "smtp",
            var host = components.host, !host.isEmpty
        else { return nil }
        // An IPv6 literal comes with the brackets that set it apart from the port.
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? 25
        guard (1...65535).contains(port) else { return nil }
        let username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        self.init(host: host, port: port, username: username, password: components.password, heloName: heloName)
    }
}

import Foundation
import NIOCore
import NIOPosix

/// Which hosts webhook deliveries may reach. A newsroom account must not be able to make the server
/// call into its own network (a database admin page, a cloud metadata service), so unless the
/// configuration allows it, a host that resolves to any loopback, private, link-local, shared or
/// otherwise special address is refused.
enum OutboundAddressPolicy {
    /// Why the URL's host may not be called, or nil when it may.
    static func refusal(for url: URL, allowPrivate: Bool) async -> String? {
        guard let host = url.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), !host.isEmpty else {
            return "the address has no host"
        }
        if allowPrivate { return nil }
        let addresses: [SocketAddress]
        do {
            addresses = try await resolve(host, port: url.port ?? (url.scheme == "https" ? 443 : 80))
        } catch {
            return "the host \(host) does not resolve"
        }
        guard !addresses.isEmpty else { return "the host \(host) does not resolve" }
        for address in addresses where isSpecial(address) {
            return "\(host) resolves to \(address.ipAddress ?? "a special address"), which is not a public address"
        }
        return nil
    }

    static func resolve(_ host: String, port: Int) async throws -> [SocketAddress] {
        try await NIOThreadPool.singleton.runIfActive {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var result: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else { return [] }
            defer { freeaddrinfo(first) }
            var addresses: [SocketAddress] = []
            var cursor: UnsafeMutablePointer<addrinfo>? = first
            while let info = cursor {
                if let raw = info.pointee.ai_addr {
                    switch Int32(info.pointee.ai_family) {
                    case AF_INET:
                        raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                            addresses.append(SocketAddress($0.pointee, host: host))
                        }
                    case AF_INET6:
                        raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                            addresses.append(SocketAddress($0.pointee, host: host))
                        }
                    default:
                        break
                    }
                }
                cursor = info.pointee.ai_next
            }
            return addresses
        }
    }

    /// Loopback, private (RFC 1918, unique local), link-local, shared (100.64/10), unspecified,
    /// multicast and reserved ranges, in IPv4, IPv6 and IPv4-mapped IPv6.
    static func isSpecial(_ address: SocketAddress) -> Bool {
        switch address {
        case .v4(let v4):
            var raw = v4.address.sin_addr
            return isSpecialIPv4(withUnsafeBytes(of: &raw) { Array($0) })
        case .v6(let v6):
            var raw = v6.address.sin6_addr
            let bytes = withUnsafeBytes(of: &raw) { Array($0) }
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
                return isSpecialIPv4(Array(bytes[12...]))
            }
            if bytes[0..<12].allSatisfy({ $0 == 0 }) { return true }  // ::, ::1 and IPv4-compatible ::a.b.c.d
            if bytes[0] & 0xFE == 0xFC { return true }  // fc00::/7
            if bytes[0] == 0xFE, bytes[1] & 0x80 == 0x80 { return true }  // fe80::/10 and site-local fec0::/10
            if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] { return true }  // NAT64
            if bytes[0] == 0x20, bytes[1] == 0x02 { return isSpecialIPv4(Array(bytes[2..<6])) }  // 6to4
            if bytes[0] == 0xFF { return true }  // multicast
            return false
        case .unixDomainSocket:
            return true
        }
    }

    static func isSpecialIPv4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
        case (172, 16...31), (100, 64...127): return true
        case (224...255, _): return true
        case (192, 0) where b[2] == 0 || b[2] == 2: return true
        case (198, 18...19),
            (198, 51) where b[2] == 100:
            return true
        case (203, 0) where b[2] == 113: return true
        default: return false
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore
import NIOCore

/// Who a request comes from, as far as rate limits are concerned.
enum ClientAddress {
    /// The key a client's limits are kept under. Behind a reverse proxy every connection comes from the
    /// proxy, so a site names the header its proxy sets (`MASTHEAD_CLIENT_IP_HEADER`); its last entry
    /// is the address that proxy saw, the only one not written by the client. An entry that is not an
    /// address counts as no header: the request is keyed on its connection.
    static func key(peer: String?, forwardedHeader: String?) -> String {
        let forwarded = forwardedHeader?.split(separator: ",", omittingEmptySubsequences: false).last.flatMap {
            group(String($0))
        }
        return forwarded ?? peer.flatMap(group) ?? "unknown"
    }

    /// The address in `text` as a limit key, or nil when it is not an IP address. Proxies and sockets
    /// write one address many ways, and each must count as the same reader:
    /// - ports, brackets and zone ids go (`203.0.113.50:1111`, `[2001:db8::6]:443`, `fe80::1%eth0`);
    /// - an IPv4 address mapped into IPv6 (`::ffff:203.0.113.50`, what a dual-stack socket reports)
    ///   is its IPv4 address, not part of the all-zero /64 every IPv4 reader would otherwise share;
    /// - an IPv6 client counts as its /64, the block an ISP hands one customer: otherwise a single
    ///   reader could rotate through addresses and never be limited.
    static func group(_ text: String) -> String? {
        let host = bareHost(text.trimmingCharacters(in: .whitespaces))
        guard !host.isEmpty, let parsed = try? SocketAddress(ipAddress: String(host), port: 0) else { return nil }
        switch parsed {
        case .v4(let v4):
            var raw = v4.address.sin_addr
            return withUnsafeBytes(of: &raw) { $0.map(String.init).joined(separator: ".") }
        case .v6(let v6):
            var raw = v6.address.sin6_addr
            let bytes = withUnsafeBytes(of: &raw) { Array($0) }
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
                return bytes[12...].map(String.init).joined(separator: ".")
            }
            return Hex.encode(bytes.prefix(8)) + "::/64"
        case .unixDomainSocket:
            return nil
        }
    }

    /// The address part of `[v6]:port`, `[v6]`, `v4:port`, `v6%zone` or a bare address.
    private static func bareHost(_ text: String) -> Substring {
        var host = Substring(text)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return "" }
            host = host[host.index(after: host.startIndex)..<close]
        } else if host.filter({ $0 == ":" }).count == 1 {
            host = host[..<host.firstIndex(of: ":")!]
        }
        if let zone = host.firstIndex(of: "%") { host = host[..<zone] }
        return host
    }
}

extension Site {
    func clientKey(_ request: Request, _ context: some RemoteAddressRequestContext) -> String {
        // Every copy of the header, in order: a proxy may add its own line rather than append.
        let header = clientAddressHeader.flatMap { HTTPField.Name($0) }.map { request.headers[values: $0] }
            .flatMap { $0.isEmpty ? nil : $0.joined(separator: ",") }
        return ClientAddress.key(peer: context.remoteAddress?.ipAddress, forwardedHeader: header)
    }
}

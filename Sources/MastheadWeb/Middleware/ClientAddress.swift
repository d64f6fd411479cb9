import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Who a request comes from, as far as rate limits are concerned.
enum ClientAddress {
    /// The key a client's limits are kept under. Behind a reverse proxy every connection comes from the
    /// proxy, so a site names the header its proxy sets (`MASTHEAD_CLIENT_IP_HEADER`); its last entry
    /// is the address that proxy saw, the only one not written by the client.
    static func key(peer: String?, forwardedHeader: String?) -> String {
        let forwarded = forwardedHeader?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces)
        guard let address = forwarded.flatMap({ $0.isEmpty ? nil : $0 }) ?? peer else { return "unknown" }
        return group(address)
    }

    /// An IPv6 client counts as its /64, the block an ISP hands one customer: otherwise a single reader
    /// could rotate through addresses and never be limited.
    static func group(_ address: String) -> String {
        guard address.contains(":"), let parsed = try? SocketAddress(ipAddress: address, port: 0),
            case .v6(let v6) = parsed
        else { return address }
        var raw = v6.address.sin6_addr
        let prefix = withUnsafeBytes(of: &raw) { Array($0.prefix(8)) }
        return prefix.map { String(format: "%02x", $0) }.joined() + "::/64"
    }
}

extension Site {
    func clientKey(_ request: Request, _ context: AppRequestContext) -> String {
        let header = clientAddressHeader.flatMap { HTTPField.Name($0) }.flatMap { request.headers[$0] }
        return ClientAddress.key(peer: context.remoteAddress?.ipAddress, forwardedHeader: header)
    }
}

import Crypto
import Foundation
import MastheadCore

/// How receivers know a delivery came from this site: `Masthead-Signature: t=<unix seconds>,v1=<hex>`,
/// where the hex is HMAC-SHA256, keyed with the endpoint's secret, over `"<t>.<body>"`. The time is
/// signed too, so a receiver can refuse old deliveries replayed at it.
enum WebhookSignature {
    static func header(secret: String, timestamp: Int, body: String) -> String {
        "t=\(timestamp),v1=\(hmac(secret: secret, message: "\(timestamp).\(body)"))"
    }

    static func hmac(secret: String, message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Hex.encode(code)
    }

    /// What a receiver does: refuse a signature older than `tolerance` seconds (a replay), then
    /// recompute and compare in constant time.
    static func verify(
        header: String, secret: String, body: String, now: Date = Date(), tolerance: TimeInterval = .infinity
    ) -> Bool {
        var timestamp: String?
        var signature: String?
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = String(pair[1]) }
            if pair[0] == "v1" { signature = String(pair[1]) }
        }
        guard let timestamp, let signature, let seconds = Double(timestamp),
            abs(now.timeIntervalSince1970 - seconds) <= tolerance
        else { return false }
        let expected = hmac(secret: secret, message: "\(timestamp).\(body)")
        guard expected.utf8.count == signature.utf8.count else { return false }
        return zip(expected.utf8, signature.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

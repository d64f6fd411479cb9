import HTTPTypes
import NIOHTTP1

/// A cached page's four response heads (whole or gzipped, `200` or `304`) as NIO's HTTP/1 encoder takes
/// them, made once when the page is kept, with the ``SecurityHeaders`` every response carries. A hit
/// answered in the channel pipeline (``PageCacheChannelHandler``) adds only `Date` and `Server`, the two
/// fields the router's responses end with, so it sends what a miss sends without converting, copying
/// or setting any other field per request.
final class CachedPageHeads: Sendable {
    enum Variant: Int, Sendable {
        case identity, gzip, identityNotModified, gzipNotModified

        init(gzip: Bool, notModified: Bool) {
            switch (gzip, notModified) {
            case (false, false): self = .identity
            case (true, false): self = .gzip
            case (false, true): self = .identityNotModified
            case (true, true): self = .gzipNotModified
            }
        }

        var isNotModified: Bool { self == .identityNotModified || self == .gzipNotModified }
    }

    /// Indexed by ``Variant``; a gzip variant of a page kept without gzip is never asked for.
    private let heads: [HTTPResponseHead]

    init(_ fields: (Variant) -> HTTPFields) {
        heads = [Variant.identity, .gzip, .identityNotModified, .gzipNotModified].map { variant in
            var fields = fields(variant)
            if fields[.contentSecurityPolicy] == nil { SecurityHeaders.apply(to: &fields) }
            return HTTPResponseHead(
                version: .http1_1, status: variant.isNotModified ? .notModified : .ok,
                headers: HTTPHeaders(fields.map { ($0.name.rawName, $0.value) }))
        }
    }

    /// The head for `variant`, sent at `date` by `server`.
    func head(_ variant: Variant, date: String, server: String?) -> HTTPResponseHead {
        var head = heads[variant.rawValue]
        head.headers.add(name: "Date", value: date)
        if let server { head.headers.add(name: "Server", value: server) }
        return head
    }
}

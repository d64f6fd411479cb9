import CompressNIO
import Foundation
import HTTPTypes
import MastheadCore
import NIOCore
import NIOHTTP1

/// A reader page, feed or API response as the page cache keeps it: its headers, its body, and the
/// body gzipped once, so a hit costs neither rendering nor compression.
struct CachedPage: Sendable {
    /// Everything the response carries but its length, validator and encoding.
    let headers: HTTPFields
    let identity: ByteBuffer
    /// Nil when gzip would not make the body smaller.
    let gzipped: ByteBuffer?
    /// The strong validator of the uncompressed body; the gzipped body's is this with `-gz` inside
    /// the quotes, since a strong validator names one representation.
    let eTag: String
    var gzipETag: String { Self.gzipETag(eTag) }
    let lastModified: Date
    /// When the page stops being right with no write at all (``CacheExpiry``).
    let expires: Date
    /// What the page shows (``CacheKey``), as the `Surrogate-Key` header names them.
    let keys: Set<String>
    /// With a read replica, when a page rendered just after a change stops being trusted
    /// (``PageCache/replicaLag``).
    var settled: ContinuousClock.Instant?
    /// The same answers as ``answer(_:)`` gives, ready for the channel pipeline.
    let heads: CachedPageHeads

    /// Bytes held, for the cache's budget.
    var cost: Int { identity.readableBytes + (gzipped?.readableBytes ?? 0) + 512 }

    /// The public headers of a cacheable page: browsers revalidate each time (a `304` costs nothing);
    /// shared caches keep it for a minute and may serve it stale while they fetch it again.
    static let cacheControl = "public, max-age=0, s-maxage=60, stale-while-revalidate=30"

    /// `compress` is false for a page no cache keeps, answering a client that takes no gzip.
    init(
        headers: HTTPFields, body: ByteBuffer, keys: Set<String>, lastModified: Date, expires: Date,
        compress: Bool = true
    ) {
        var headers = headers
        headers[.cacheControl] = Self.cacheControl
        headers[.vary] = "Accept-Encoding"
        headers[.lastModified] = HTTPDate.format(lastModified)
        headers[.contentLength] = nil
        headers[.eTag] = nil
        self.headers = headers
        identity = body
        var input = body
        let compressed = compress ? try? input.compress(with: .gzip()) : nil
        let gzipped = compressed.flatMap { $0.readableBytes < body.readableBytes ? $0 : nil }
        self.gzipped = gzipped
        let eTag = body.withUnsafeReadableBytes(BodyFingerprint.eTag)
        self.eTag = eTag
        self.lastModified = lastModified
        self.expires = expires
        self.keys = keys
        heads = CachedPageHeads { variant in
            let sent: ByteBuffer? =
                switch variant {
                case .identity: body
                case .gzip: gzipped
                case .identityNotModified, .gzipNotModified: nil
                }
            return Self.fields(headers, variant: variant, eTag: eTag, body: sent)
        }
    }

    /// When the content last changed, as its handler said (a feed's newest story), else now.
    static func lastModified(_ headers: HTTPFields, now: Date) -> Date {
        headers[.lastModified].flatMap(HTTPDate.parse) ?? now.wholeSeconds
    }

    /// The answer to a request for this page: `304` when the client holds it, gzip when it takes it,
    /// no body for `HEAD`.
    func answer(_ request: HTTPRequest) -> (response: HTTPResponse, body: ByteBuffer?) {
        let variant = variant(
            acceptEncoding: request.headerFields[values: .acceptEncoding],
            ifNoneMatch: request.headerFields[values: .ifNoneMatch],
            ifModifiedSince: request.headerFields[.ifModifiedSince])
        let fields = Self.fields(headers, variant: variant, eTag: eTag, body: body(variant))
        let status: HTTPResponse.Status = variant.isNotModified ? .notModified : .ok
        return (HTTPResponse(status: status, headerFields: fields), request.method == .head ? nil : body(variant))
    }

    /// The same answer as NIO's HTTP/1 types, for ``PageCacheChannelHandler``.
    func answer(_ request: HTTPRequestHead, date: String, server: String?) -> (
        response: HTTPResponseHead, body: ByteBuffer?
    ) {
        let variant = variant(
            acceptEncoding: request.headers["Accept-Encoding"], ifNoneMatch: request.headers["If-None-Match"],
            ifModifiedSince: request.headers.first(name: "If-Modified-Since"))
        return (heads.head(variant, date: date, server: server), request.method == .HEAD ? nil : body(variant))
    }

    private func variant(acceptEncoding: [String], ifNoneMatch: [String], ifModifiedSince: String?)
        -> CachedPageHeads.Variant
    {
        CachedPageHeads.Variant(
            gzip: gzipped != nil && Self.acceptsGzip(acceptEncoding),
            notModified: isCurrent(ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince))
    }

    /// The body a variant sends; nil for `304`.
    private func body(_ variant: CachedPageHeads.Variant) -> ByteBuffer? {
        switch variant {
        case .identity: return identity
        case .gzip: return gzipped
        case .identityNotModified, .gzipNotModified: return nil
        }
    }

    /// The gzipped body's validator: the identity's with `-gz` inside the quotes.
    static func gzipETag(_ eTag: String) -> String { String(eTag.dropLast()) + "-gz\"" }

    /// A variant's header fields: the page's, then its validator, encoding and length.
    private static func fields(
        _ headers: HTTPFields, variant: CachedPageHeads.Variant, eTag: String, body: ByteBuffer?
    ) -> HTTPFields {
        let gzip = variant == .gzip || variant == .gzipNotModified
        var fields = headers
        fields[.eTag] = gzip ? gzipETag(eTag) : eTag
        if gzip { fields[.contentEncoding] = "gzip" }
        if let body { fields[.contentLength] = String(body.readableBytes) }
        return fields
    }

    /// Whether the client's copy is this one: by `If-None-Match` (either encoding's validator) when
    /// sent, else by `If-Modified-Since`.
    private func isCurrent(ifNoneMatch candidates: [String], ifModifiedSince: String?) -> Bool {
        if !candidates.isEmpty {
            return [eTag, gzipETag].contains { AssetController<AppRequestContext>.matches(candidates, eTag: $0) }
        }
        guard let since = ifModifiedSince.flatMap(HTTPDate.parse) else { return false }
        return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
    }

    /// Whether `Accept-Encoding` takes gzip: named (or `*`) without `q=0`.
    static func acceptsGzip(_ values: [String]) -> Bool {
        for value in values {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else {
                    continue
                }
                return !parts.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
            }
        }
        return false
    }
}

extension HTTPField.Name {
    static let surrogateKey = Self("Surrogate-Key")!
    /// Set by a handler on a cacheable response whose page goes stale at a known time (a conversation
    /// closing); read and removed by ``PageCacheMiddleware``, never sent.
    static let mastheadCacheUntil = Self("Masthead-Cache-Until")!
}

import CompressNIO
import Foundation
import HTTPTypes
import MastheadCore
import NIOCore

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
    var gzipETag: String { String(eTag.dropLast()) + "-gz\"" }
    let lastModified: Date
    /// When the page stops being right with no write at all (``CacheExpiry``).
    let expires: Date
    /// What the page shows (``CacheKey``), as the `Surrogate-Key` header names them.
    let keys: Set<String>
    /// With a read replica, when a page rendered just after a change stops being trusted
    /// (``PageCache/replicaLag``).
    var settled: ContinuousClock.Instant?

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
        gzipped = compressed.flatMap { $0.readableBytes < body.readableBytes ? $0 : nil }
        eTag = body.withUnsafeReadableBytes(BodyFingerprint.eTag)
        self.lastModified = lastModified
        self.expires = expires
        self.keys = keys
    }

    /// When the content last changed, as its handler said (a feed's newest story), else now.
    static func lastModified(_ headers: HTTPFields, now: Date) -> Date {
        headers[.lastModified].flatMap(HTTPDate.parse) ?? now.wholeSeconds
    }

    /// The answer to a request for this page: `304` when the client holds it, gzip when it takes it,
    /// no body for `HEAD`.
    func answer(_ request: HTTPRequest) -> (response: HTTPResponse, body: ByteBuffer?) {
        let gzip = gzipped != nil && Self.acceptsGzip(request.headerFields[values: .acceptEncoding])
        var fields = headers
        fields[.eTag] = gzip ? gzipETag : eTag
        if gzip { fields[.contentEncoding] = "gzip" }
        if isCurrent(for: request) {
            return (HTTPResponse(status: .notModified, headerFields: fields), nil)
        }
        let body = gzip ? gzipped! : identity
        fields[.contentLength] = String(body.readableBytes)
        return (HTTPResponse(status: .ok, headerFields: fields), request.method == .head ? nil : body)
    }

    /// Whether the client's copy is this one: by `If-None-Match` (either encoding's validator) when
    /// sent, else by `If-Modified-Since`.
    private func isCurrent(for request: HTTPRequest) -> Bool {
        let candidates = request.headerFields[values: .ifNoneMatch]
        if !candidates.isEmpty {
            return [eTag, gzipETag].contains { AssetController<AppRequestContext>.matches(candidates, eTag: $0) }
        }
        guard let since = request.headerFields[.ifModifiedSince].flatMap(HTTPDate.parse) else {
            return false
        }
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

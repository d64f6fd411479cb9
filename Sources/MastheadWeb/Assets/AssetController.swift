import HTTPTypes
import Hummingbird

/// Serves the theme's assets from memory. A fingerprinted name (`masthead.<hash>.css`, what pages link
/// to) is cached for a year as immutable; the plain name (for links a theme writes by hand) for an
/// hour. Both carry a strong `ETag`, answer `304` to a matching `If-None-Match`, and honour one byte
/// range.
///
/// This replaces Hummingbird 2.28's `FileMiddleware`, which cut a path at a percent-encoded NUL but
/// took the content type from the uncut name, redirected directory names to a `Location` built from
/// the raw path (an open redirect: `/assets//.%00@evil.example/login`), and answered a range past the
/// end with a negative `Content-Length` and a stray byte that broke the next response on the
/// connection.
struct AssetController<Context: RequestContext> {
    let assets: ThemeAssets

    func register(on router: some RouterMethods<Context>, at pattern: RouterPath) {
        router.get(pattern, use: asset)
        router.allowOnly([.get], on: pattern)
    }

    func asset(_ request: Request, context: Context) async throws -> Response {
        // The raw path, not the router's catch-all, which drops empty segments (`masthead.css/`).
        guard request.uri.path.hasPrefix(assets.urlPrefix) else { throw HTTPError(.notFound) }
        let path = request.uri.path.dropFirst(assets.urlPrefix.count)
        guard let (asset, fingerprinted) = assets.lookUp(path) else { throw HTTPError(.notFound) }

        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.eTag] = asset.eTag
        headers[.acceptRanges] = "bytes"
        headers[.cacheControl] = fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=3600"

        if Self.matches(request.headers[values: .ifNoneMatch], eTag: asset.eTag) {
            return Response(status: .notModified, headers: headers)
        }
        let length = asset.bytes.readableBytes
        let rangeApplies = request.headers[.ifRange].map { $0 == asset.eTag } ?? true
        switch rangeApplies ? ByteRange(header: request.headers[.range], length: length) : .whole {
        case .whole:
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.bytes))
        case .part(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(length)"
            let slice = asset.bytes.getSlice(at: asset.bytes.readerIndex + range.lowerBound, length: range.count)!
            return Response(status: .partialContent, headers: headers, body: ResponseBody(byteBuffer: slice))
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(length)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
    }

    /// `If-None-Match` holds a list of tags, or `*`; weak tags match too (RFC 9110, 13.1.2).
    static func matches(_ values: [String], eTag: String) -> Bool {
        values.flatMap { $0.split(separator: ",") }.contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == eTag || tag == "W/" + eTag
        }
    }
}

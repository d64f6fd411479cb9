import Foundation
import HTTPTypes
import Hummingbird

/// A generated document (feed, sitemap) answered with a strong `ETag` of its bytes and a
/// `Last-Modified`, and `304` when the client already holds it, so feed readers that poll every few
/// minutes cost a hash and no transfer.
enum ConditionalResponse {
    static func make(_ body: String, contentType: String, lastModified: Date?, request: Request, maxAge: Int = 300)
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "public, max-age=\(maxAge)"
        let eTag = "\"\(ThemeAsset.contentHash(Array(body.utf8)))\""
        headers[.eTag] = eTag
        if let lastModified { headers[.lastModified] = httpDate(lastModified) }
        if !request.headers[values: .ifNoneMatch].isEmpty {
            if AssetController<AppRequestContext>.matches(request.headers[values: .ifNoneMatch], eTag: eTag) {
                return Response(status: .notModified, headers: headers)
            }
        } else if let lastModified, let since = request.headers[.ifModifiedSince].flatMap(parseHTTPDate),
            lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func httpDate(_ date: Date) -> String {
        formatter().string(from: date)
    }

    static func parseHTTPDate(_ text: String) -> Date? {
        formatter().date(from: text)
    }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}

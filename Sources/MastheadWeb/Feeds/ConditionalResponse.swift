import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore

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
        var text = body
        let eTag = text.withUTF8 { BodyFingerprint.eTag(UnsafeRawBufferPointer($0)) }
        headers[.eTag] = eTag
        if let lastModified { headers[.lastModified] = HTTPDate.format(lastModified) }
        if !request.headers[values: .ifNoneMatch].isEmpty {
            if AssetController<AppRequestContext>.matches(request.headers[values: .ifNoneMatch], eTag: eTag) {
                return Response(status: .notModified, headers: headers)
            }
        } else if let lastModified, let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse),
            lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

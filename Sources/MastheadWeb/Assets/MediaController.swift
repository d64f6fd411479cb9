import HTTPTypes
import Hummingbird
import MastheadStore

/// Serves uploaded pictures. Their names are their content's hash, so each is cached for a year as
/// immutable, with its name as a strong `ETag`.
struct MediaController {
    let media: MediaLibrary

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get(ReaderRoute.Pattern.media, use: file)
        router.allowOnly([.get], on: ReaderRoute.Pattern.media)
    }

    func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let name = context.parameters.get("file"), let (bytes, format) = media.file(named: name) else {
            throw HTTPError(.notFound)
        }
        var headers = HTTPFields()
        headers[.contentType] = format.mediaType
        headers[.cacheControl] = "public, max-age=31536000, immutable"
        headers[.eTag] = "\"\(name.prefix(64))\""
        if AssetController<AppRequestContext>.matches(request.headers[values: .ifNoneMatch], eTag: headers[.eTag]!) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

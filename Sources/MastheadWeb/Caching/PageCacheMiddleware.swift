import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore
import NIOCore

/// Answers reader requests from the ``PageCache`` and fills it. A handler opts a response in by naming
/// what it shows in a `Surrogate-Key` header; the response is then kept (when the request carried
/// nothing personal and the response sets no cookie) and always answered with a strong `ETag`,
/// `Last-Modified`, `304` for a client that holds it, and gzip for a client that takes it.
///
/// On a running server most hits never reach this far: ``PageCacheChannelHandler`` answers them in the
/// channel pipeline, before the router. This middleware answers the rest the same way.
struct PageCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: PageCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if let page = cache.page(for: request.head) { return Self.response(page.answer(request.head)) }
        let generation = cache.beginRender()
        var response = try await next(request, context)
        let until = response.headers[.mastheadCacheUntil].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
        response.headers[.mastheadCacheUntil] = nil
        guard response.status == .ok, let surrogate = response.headers[.surrogateKey],
            request.method == .get || request.method == .head
        else { return response }
        let keys = Set(surrogate.split(separator: " ").map(String.init))
        let collector = BodyCollector()
        try await response.body.write(collector)
        let personal = !PageCache.mayServe(request.head) || response.headers[.setCookie] != nil
        guard !personal, let path = request.head.path.flatMap(CacheableAddress.key) else {
            // Still validated and compressed, but kept by no cache, shared or private.
            let page = CachedPage(
                headers: response.headers, body: collector.buffer, keys: keys,
                lastModified: CachedPage.lastModified(response.headers, now: cache.clock.now),
                expires: cache.clock.now,
                compress: CachedPage.acceptsGzip(request.headers[values: .acceptEncoding]))
            var answer = page.answer(request.head)
            answer.response.headerFields[.cacheControl] = "private, no-cache"
            answer.response.headerFields[.surrogateKey] = nil
            return Self.response(answer)
        }
        let page = cache.keep(
            path: path, headers: response.headers, body: collector.buffer, keys: keys, until: until, since: generation,
            for: request.head)
        return Self.response(page.answer(request.head))
    }

    static func response(_ answer: (response: HTTPResponse, body: ByteBuffer?)) -> Response {
        Response(
            status: answer.response.status, headers: answer.response.headerFields,
            body: answer.body.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
    }
}

/// Gathers a response body written in parts; a class, so the bytes outlive the consumed writer.
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()

    func write(_ part: ByteBuffer) async throws {
        var part = part
        buffer.writeBuffer(&part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

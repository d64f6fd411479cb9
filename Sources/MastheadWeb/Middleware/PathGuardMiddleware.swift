import Hummingbird
import MastheadCore

/// Refuses request paths that hold control characters, raw or percent-encoded (`%00`, `%0A`, `%7F`).
/// No address on the site contains one, and code further along (a file name, a log line, a
/// redirect) must never see one: a NUL once cut a path short in a library's file server.
struct PathGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard !Self.hasControlCharacter(request.uri.path) else {
            throw HTTPError(.badRequest, message: "This address contains characters that no page on this site uses.")
        }
        return try await next(request, context)
    }

    static func hasControlCharacter(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 || byte == 0x7F { return true }
            guard byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let decoded = Hex.byte(high: bytes[index + 1], low: bytes[index + 2])
            else { continue }
            if decoded < 0x20 || decoded == 0x7F { return true }
        }
        return false
    }
}

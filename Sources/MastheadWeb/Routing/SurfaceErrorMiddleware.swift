import Hummingbird

/// Router-wide, around everything a route group does: an error that no surface's own middleware
/// answered (no route matched the path, the path guard refused it, a group's outer middleware threw) is
/// shown by the surface the path belongs to (``Surface/init(path:)``), as that surface shows any error.
struct SurfaceErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Shows an error the way one surface does, for a request that never reached its route group.
    typealias Renderer = @Sendable (any Error, Request, AppRequestContext) async throws -> Response

    let renderers: [Surface: Renderer]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            guard let render = renderers[Surface(path: request.uri.path)] else { throw error }
            return try await render(error, request, context)
        }
    }
}

extension RouterMiddleware {
    /// This middleware's answer to an error it would have caught from what it wraps.
    func render(_ error: any Error, _ request: Request, _ context: Context) async throws -> Response {
        try await handle(request, context: context) { _, _ in throw error }
    }
}

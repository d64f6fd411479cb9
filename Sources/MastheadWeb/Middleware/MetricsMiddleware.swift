import Foundation
import Hummingbird

/// Times every request that reaches the router, counts it under its route pattern and status
/// (``Metrics``), and logs it with its request id (`hb.request.id`, which every other line logged for
/// the request carries too). Page-cache hits answered before the router are counted by the cache.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let metrics: Metrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: Int(response.status.code), since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context, status: Int(status), since: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? "unmatched"
        metrics.record(route: route, status: status, seconds: seconds)
        context.logger.info(
            "\(request.method) \(request.uri.path) \(status)",
            metadata: [
                "status": "\(status)", "route": "\(route)",
                "duration_ms": "\((seconds * 1_000_000).rounded() / 1_000)",
            ])
    }
}

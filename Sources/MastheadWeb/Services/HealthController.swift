import Foundation
import Hummingbird
import MastheadStore

/// `/healthz`: the process is up (it answers without touching the database). `/readyz`: the node can
/// take traffic, its database answering and its schema current; otherwise 503 with the reason.
/// `/metrics`: counts and timings in Prometheus's text format (``Metrics``); they hold no personal
/// data, only routes, statuses and totals.
struct HealthController {
    let store: Store
    let metrics: Metrics
    let live: LiveComments

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get("/healthz") { _, _ in Self.text("ok\n", status: .ok) }
        router.get("/readyz") { _, _ in
            guard let problem = await store.readinessProblem() else { return Self.text("ready\n", status: .ok) }
            return Self.text(problem + "\n", status: .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            var response = Self.text(
                metrics.render(liveStreams: live.openCount, liveLimit: live.limit), status: .ok)
            response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return response
        }
        router.allowOnly([.get], on: "/metrics")
        router.allowOnly([.get], on: "/healthz")
        router.allowOnly([.get], on: "/readyz")
    }

    static func text(_ body: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

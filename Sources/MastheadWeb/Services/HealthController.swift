import Foundation
import Hummingbird
import MastheadStore

/// `/healthz`: the process is up (it answers without touching the database). `/readyz`: the node can
/// take traffic, its database answering and its schema current; otherwise 503 with the reason.
struct HealthController {
    let store: Store

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in Self.text("ok\n", status: .ok) }
        router.get("/readyz") { _, _ in
            guard let problem = await store.readinessProblem() else { return Self.text("ready\n", status: .ok) }
            return Self.text(problem + "\n", status: .serviceUnavailable)
        }
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

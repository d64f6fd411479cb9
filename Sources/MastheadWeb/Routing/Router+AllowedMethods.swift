import HTTPTypes
import Hummingbird

extension RouterMethods {
    /// Makes a path answer the standard methods it does not take with `405` and an `Allow` header
    /// (`OPTIONS` with `204` and the same header), rather than Hummingbird's `404`, which told monitors
    /// and link checkers that a live page was missing. `HEAD` comes with `GET` (the router's
    /// `autoGenerateHeadEndpoints` option).
    func allowOnly(_ methods: [HTTPRequest.Method], on path: RouterPath) {
        let allowed = methods.flatMap { $0 == .get ? [.get, .head] : [$0] }
        let allow = (allowed + [.options]).map(\.rawValue).joined(separator: ", ")
        on(path, method: .options) { _, _ in
            Response(status: .noContent, headers: [.allow: allow])
        }
        // QUERY is the draft safe method with a body; API clients and fuzzers send it.
        let standard: [HTTPRequest.Method] = [
            .get, .head, .post, .put, .delete, .patch, .trace, HTTPRequest.Method("QUERY")!,
        ]
        for method in standard where !allowed.contains(method) {
            on(path, method: method) { _, _ -> Response in
                throw HTTPError(
                    .methodNotAllowed, headers: [.allow: allow],
                    message: "This address cannot be used that way. Open it in your browser instead.")
            }
        }
    }
}

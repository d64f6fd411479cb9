import Foundation
import HTTPTypes
import Hummingbird
import MastheadTesting
import NIOCore
import ServiceLifecycle
import Synchronization

/// A webhook receiver on loopback, as an outlet would run one: it records every call and answers
/// with the statuses it is told to, in order (then 200).
final class WebhookReceiver: Sendable {
    struct Call: Sendable {
        let path: String
        let headers: HTTPFields
        let body: String
    }

    private let calls = Mutex<[Call]>([])
    private let answers: Mutex<[HTTPResponse.Status]>

    init(answers: [HTTPResponse.Status]) {
        self.answers = Mutex(answers)
    }

    var received: [Call] { calls.withLock { $0 } }

    /// Runs the receiver for the length of `body`, which gets its port.
    func run(_ body: @Sendable (Int) async throws -> Void) async throws {
        let port = try RawHTTP.freePort(host: "127.0.0.1")
        let router = Router()
        for path in ["/hook", "/elsewhere"] {
            router.post(RouterPath(path)) { request, _ -> Response in
                var request = request
                let text = String(buffer: try await request.collectBody(upTo: 1 << 20))
                self.calls.withLock { $0.append(Call(path: path, headers: request.headers, body: text)) }
                let status = self.answers.withLock { $0.isEmpty ? HTTPResponse.Status.ok : $0.removeFirst() }
                // A redirect points somewhere else on this receiver, to see whether it is followed.
                return Response(status: status, headers: status.kind == .redirection ? [.location: "/elsewhere"] : [:])
            }
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        let services = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            do {
                var waited = 0
                while !RawHTTP.isListening(host: "127.0.0.1", port: port), waited < 200 {
                    try await Task.sleep(for: .milliseconds(50))
                    waited += 1
                }
                try await body(port)
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
            await services.triggerGracefulShutdown()
        }
    }
}

import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

@testable import MastheadWeb

/// Handlers run on their connection's event loop, and come back to it after every await; a request
/// through the in-memory test router, which has no such loop, runs as before.
@Suite struct EventLoopAffinityTests {
    static func app() -> some ApplicationProtocol {
        let router = Router(context: AppRequestContext.self)
        router.middlewares.add(EventLoopAffinityMiddleware(executors: EventLoopExecutors()) { $0.eventLoop })
        router.get("/where") { _, context -> String in
            let before = MultiThreadedEventLoopGroup.currentEventLoop
            try await Task.sleep(for: .milliseconds(5))
            let after = MultiThreadedEventLoopGroup.currentEventLoop
            let onConnectionLoop = before === context.eventLoop && after === context.eventLoop
            return onConnectionLoop ? "connection loop" : "elsewhere"
        }
        return Application(router: router)
    }

    @Test func aHandlerRunsAndResumesOnItsConnectionsLoop() async throws {
        try await Self.app().test(.live) { client in
            for _ in 0..<4 {
                let response = try await client.execute(uri: "/where", method: .get)
                #expect(response.body == ByteBuffer(string: "connection loop"))
            }
        }
    }

    @Test func aRequestWithoutAServerLoopRunsAsBefore() async throws {
        try await Self.app().test(.router) { client in
            let response = try await client.execute(uri: "/where", method: .get)
            #expect(response.body == ByteBuffer(string: "elsewhere"))
        }
    }
}

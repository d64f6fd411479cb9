import Hummingbird
import NIOCore
import NIOPosix

/// Runs each request's handler on its connection's event loop instead of Swift's shared thread pool.
///
/// A database statement completes on an event loop; the handler awaiting it then resumes on that very
/// thread instead of waking another, and the database handle it asks for next is that loop's own
/// (`EventLoopGroup.any()` prefers the current loop). On the article page, which awaits several
/// statements, this removed a third of the thread wake-ups. Handlers never block: everything they
/// wait on is asynchronous, so the loop keeps serving its other connections between awaits.
struct EventLoopAffinityMiddleware<Context: RequestContext>: RouterMiddleware {
    let executors: EventLoopExecutors
    let eventLoop: @Sendable (Context) -> (any EventLoop)?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let loop = eventLoop(context), let executor = executors.executor(for: loop) else {
            return try await next(request, context)
        }
        return try await withTaskExecutorPreference(executor) { try await next(request, context) }
    }
}

/// One task executor per loop of the shared event loop group. Loops outside it (a test's embedded
/// loop, which runs nothing until told to) have none, and their requests run as before.
final class EventLoopExecutors: Sendable {
    private let executors: [ObjectIdentifier: EventLoopExecutor]

    init(group: MultiThreadedEventLoopGroup = .singleton) {
        var executors: [ObjectIdentifier: EventLoopExecutor] = [:]
        for loop in group.makeIterator() { executors[ObjectIdentifier(loop)] = EventLoopExecutor(loop) }
        self.executors = executors
    }

    func executor(for loop: any EventLoop) -> EventLoopExecutor? {
        executors[ObjectIdentifier(loop)]
    }
}

final class EventLoopExecutor: TaskExecutor, Sendable {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

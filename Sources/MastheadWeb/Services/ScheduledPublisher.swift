import Logging
import MastheadCore
import MastheadStore
import ServiceLifecycle

/// Records the publication of scheduled stories as their times come, every 30 seconds while the
/// server runs. Readers already see a story at its time (the visibility rule counts scheduled
/// stories whose time has passed); this turns it into `published` and puts `article.published` on
/// the change feed for what follows it. `buildApplication` also runs one pass before the server
/// starts, so stories that fell due while it was down are recorded at once.
struct ScheduledPublisher: Service {
    let store: Store
    let clock: NewsClock
    let logger: Logger

    func run() async throws {
        while await pauseUnlessShuttingDown(for: .seconds(30)) {
            await publishDue()
        }
    }

    func publishDue() async {
        do {
            let published = try await store.articleActions.publishDue(now: clock.now)
            if !published.isEmpty { logger.info("Published \(published.count) scheduled stories") }
        } catch {
            logger.error("Publishing scheduled stories failed: \(String(reflecting: error))")
        }
    }
}

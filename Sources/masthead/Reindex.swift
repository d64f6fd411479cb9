import ArgumentParser
import Foundation
import MastheadCore
import MastheadStore
import MastheadWeb
import Synchronization

/// Rebuilds what discovery works out from the stories: entities' links, who said what, terms and
/// every Read next rail. Editors' corrections to entities are kept.
struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work out every story's entities, statements and Read next again, with a progress bar.")

    @Option(
        help: ArgumentHelp(
            "Instead of rebuilding, time what a publish costs: refresh this many of the newest stories one by one.",
            valueName: "stories"))
    var timePublishes: Int?

    @Option(help: ArgumentHelp("Work out Read next only for this many of the newest stories.", valueName: "stories"))
    var newest: Int?

    func validate() throws {
        if let newest, newest < 1 { throw ValidationError("--newest takes a number of stories, at least 1") }
        if let timePublishes, !(1...10_000).contains(timePublishes) {
            throw ValidationError("--time-publishes takes a number of stories from 1 to 10000")
        }
    }

    func run() async throws {
        let config = try loadConfig()
        if let timePublishes {
            try await timeRefreshes(timePublishes, config: config)
            return
        }
        let bar = ProgressBar(interactive: isatty(STDERR_FILENO) == 1)
        let started = Date()
        try await Store.using(config.database, logger: makeLogger()) { store in
            try await store.migrate()
            try await DiscoveryIndex(store: store).rebuild(now: Date(), railsForNewest: newest) { stage, done, total in
                bar.show(stage.rawValue, done: done, of: total)
            }
        }
        bar.finish()
        print(String(format: "Reindexed in %.1f s.", Date().timeIntervalSince(started)))
    }

    /// Prints the median, 99th percentile and mean time of refreshing one story (its entities, terms
    /// and rail, and the rails it touches), as a publish does.
    private func timeRefreshes(_ count: Int, config: AppConfig) async throws {
        let times = try await Store.using(config.database, logger: makeLogger()) { store in
            try await store.migrate()
            let index = DiscoveryIndex(store: store)
            var times: [Double] = []
            for id in try await index.newestLive(count) {
                let started = ContinuousClock.now
                try await index.refresh(id, now: Date())
                let elapsed = ContinuousClock.now - started
                times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
            }
            return times.sorted()
        }
        guard !times.isEmpty else { return print("No live stories to time.") }
        let p50 = times[times.count / 2]
        let p99 = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
        let mean = times.reduce(0, +) / Double(times.count)
        print(
            String(
                format: "refresh per publish over %d stories: p50 %.1f ms, p99 %.1f ms, mean %.1f ms", times.count, p50,
                p99, mean))
    }
}

/// A progress bar on standard error: redrawn in place on a terminal (at most a few times a second),
/// a line per tenth of the work in a log, where carriage returns would only add noise.
final class ProgressBar: Sendable {
    private struct State {
        var stage = ""
        var lastDrawn = Date.distantPast
        var lastTenth = -1
        var drawnOnLine = false
    }

    private let interactive: Bool
    private let state = Mutex(State())
    static let width = 30

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func show(_ stage: String, done: Int, of total: Int) {
        state.withLock { state in
            let fraction = total == 0 ? 1 : Double(done) / Double(total)
            let newStage = stage != state.stage
            if newStage, state.drawnOnLine { Self.write("\n") }
            if newStage {
                state.stage = stage
                state.lastTenth = -1
            }
            if interactive {
                let now = Date()
                guard newStage || done == total || now.timeIntervalSince(state.lastDrawn) > 0.1 else { return }
                state.lastDrawn = now
                let filled = Int(fraction * Double(Self.width))
                let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: Self.width - filled)
                Self.write(String(format: "\r%@ [%@] %3d%% %d/%d", stage, bar, Int(fraction * 100), done, total))
                state.drawnOnLine = true
            } else {
                let tenth = Int(fraction * 10)
                guard tenth != state.lastTenth else { return }
                state.lastTenth = tenth
                Self.write(String(format: "%@: %d%% (%d/%d)\n", stage, tenth * 10, done, total))
            }
        }
    }

    func finish() {
        state.withLock { state in
            if state.drawnOnLine { Self.write("\n") }
            state.drawnOnLine = false
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

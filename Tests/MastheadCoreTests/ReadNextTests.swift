import Foundation
import MastheadCore
import Testing

@Suite struct ReadNextTests {
    let now = Date(timeIntervalSince1970: 1_739_530_800)

    func article(_ name: String, minutesAgo: Int, status: ArticleStatus = .published) -> ArticleSummary {
        ArticleSummary(
            id: UUID(), slug: Slug(making: name)!, headline: name, lede: "", status: status,
            publishedAt: now.addingTimeInterval(TimeInterval(-minutesAgo * 60)))
    }

    @Test func picksTheFiveNewestOtherStoriesNewestFirst() {
        let current = article("current", minutesAgo: 1)
        let others = (2...8).map { article("story \($0)", minutesAgo: $0 * 10) }
        let rail = ReadNext.pick(for: current.id, from: [current] + others.shuffled(), now: now)
        #expect(rail.map(\.headline) == ["story 2", "story 3", "story 4", "story 5", "story 6"])
    }

    @Test func neverShowsDraftsOrStoriesScheduledForLater() {
        let current = article("current", minutesAgo: 1)
        let draft = article("draft", minutesAgo: 5, status: .draft)
        let scheduled = article("scheduled", minutesAgo: -30)
        let published = article("published", minutesAgo: 50)
        let rail = ReadNext.pick(for: current.id, from: [draft, scheduled, published, current], now: now)
        #expect(rail.map(\.headline) == ["published"])
    }

    @Test func equalTimesKeepAStableOrder() {
        let current = article("current", minutesAgo: 1)
        let twins = (0..<4).map { article("twin \($0)", minutesAgo: 10) }
        let first = ReadNext.pick(for: current.id, from: twins, now: now)
        let second = ReadNext.pick(for: current.id, from: twins.reversed(), now: now)
        #expect(first.map(\.id) == second.map(\.id))
    }
}

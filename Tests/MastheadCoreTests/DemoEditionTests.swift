import Foundation
import MastheadCore
import Testing

@Suite struct DemoEditionTests {
    let warsaw = TimeZone(identifier: "Europe/Warsaw")!
    let now = Date(timeIntervalSince1970: 1_739_530_800)

    @Test func keepsTheReferencePageTimesAndLabels() {
        let edition = DemoEdition(now: now)
        let rail = edition.articles.dropFirst().map { story in
            [TimeLabel.label(for: story.publishedAt!, now: now, timeZone: warsaw), story.content.primaryTopic?.name]
                .compactMap { $0 }.joined(separator: " ")
        }
        #expect(rail == ["11:25 US Tariffs", "11:19 Trump - Modi", "06:46", "04:13 Modi - Trump", "04:01"])
        #expect(edition.settings.timeZone == warsaw)
    }

    @Test func generatedStoriesFollowTheDemoBackInTime() {
        let edition = DemoEdition(now: now)
        let generated = edition.generatedStories(count: 50)
        #expect(generated.count == 50)
        #expect(Set(generated.map(\.content.slug)).count == 50)
        let oldestDemo = edition.articles.last!.publishedAt!
        #expect(generated.allSatisfy { $0.publishedAt! < oldestDemo })
        #expect(generated.contains { $0.content.primaryTopic == nil })
        #expect(edition.generatedStories(count: 0).isEmpty)
    }
}

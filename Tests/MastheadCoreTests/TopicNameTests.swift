import Foundation
import MastheadCore
import Testing

@Suite struct TopicNameTests {
    @Test func pairLabelsAreOneTopicInEitherOrderAndAnyDashOrCase() {
        let key = TopicName.key("Trump - Modi")
        #expect(key == "modi - trump")
        for spelling in [
            "Modi - Trump", "modi – trump", "TRUMP — MODI", "Trump  -  Modi", "Modi / Trump", "Módi - Trump",
        ] {
            #expect(TopicName.key(spelling) == key, "\(spelling)")
        }
        #expect(TopicName.key("Trump - Xi") != key)
    }

    @Test func aDashInsideAWordAndLongerLabelsKeepTheirOrder() {
        #expect(TopicName.key("Covid-19") == "covid-19")
        #expect(TopicName.key("19-Covid") != TopicName.key("Covid-19"))
        #expect(TopicName.key("US  Tariffs") == "us tariffs")
        #expect(TopicName.key("A - B - C") == "a - b - c")
        #expect(TopicName.key("C - B - A") != TopicName.key("A - B - C"))
    }

    @Test func theReferencePagesTwoSpellingsAreSuggestedForAMerge() {
        let topics = ["US Tariffs", "Trump - Modi", "Modi - Trump", "Ukraine"].map {
            Topic(id: UUID(), name: $0, slug: Slug(making: $0)!)
        }
        #expect(TopicName.suggestedMerges(topics).map { $0.map(\.name) } == [["Modi - Trump", "Trump - Modi"]])
    }
}

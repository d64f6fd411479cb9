import Foundation
import MastheadCore
import Testing

/// The rail on the demo edition: the reference page's stories, ranked by what they share.
@Suite struct DemoRailTests {
    let demo = DemoProfiles()

    @Test func theBessentVisitLeadsTheMainArticlesRailAboveTariffsAndCartels() throws {
        let rail = demo.rail(for: demo.main)
        let bessent = try #require(rail.firstIndex(of: demo.bessent.id))
        let tariffs = try #require(rail.firstIndex(of: demo.tariffs.id))
        let cartels = try #require(rail.firstIndex(of: demo.cartels.id))
        #expect(bessent == 0)
        #expect(bessent < tariffs && bessent < cartels)
    }

    @Test func theTwoModiStoriesAreEachOthersMostRelated() {
        for (story, twin) in [(demo.trumpModi, demo.modiTrump), (demo.modiTrump, demo.trumpModi)] {
            let others = demo.profiles.filter { $0.id != story.id }
            let best = others.max {
                RelatedArticles.relatedness(story, $0, statistics: demo.statistics)
                    < RelatedArticles.relatedness(story, $1, statistics: demo.statistics)
            }
            #expect(best?.id == twin.id)
            #expect(demo.rail(for: story).first == twin.id)
        }
    }

    @Test func theTwoModiSpellingsAreOneCluster() {
        #expect(demo.trumpModi.clusterKey == demo.modiTrump.clusterKey)
        #expect(demo.trumpModi.clusterKey != nil)
    }

    @Test func relatednessIsSymmetricAndZeroForStoriesSharingNothing() {
        let forward = RelatedArticles.relatedness(demo.main, demo.bessent, statistics: demo.statistics)
        let backward = RelatedArticles.relatedness(demo.bessent, demo.main, statistics: demo.statistics)
        #expect(forward > 0 && forward <= 1)
        #expect(forward == backward)
        let stranger = RelatedProfile(
            id: UUID(), publishedAt: nil, topicKeys: ["cricket"], clusterKey: "cricket", entityKeys: ["lord's"],
            terms: ["wicket": 1, "bowler": 0.5])
        #expect(RelatedArticles.relatedness(demo.main, stranger, statistics: demo.statistics) == 0)
    }

    @Test func everyDemoRailIsFullWithoutTheStoryOrRepeats() {
        for story in demo.profiles {
            let rail = demo.rail(for: story)
            #expect(rail.count == RelatedArticles.railLength)
            #expect(!rail.contains(story.id))
            #expect(Set(rail).count == rail.count)
        }
    }
}

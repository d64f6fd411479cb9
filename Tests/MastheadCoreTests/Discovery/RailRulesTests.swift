import Foundation
import MastheadCore
import Testing

/// The rail's rules on hand-made profiles: what may appear, in what order, and how short inputs are handled.
@Suite struct RailRulesTests {
    let day: TimeInterval = 24 * 60 * 60
    let published = Date(timeIntervalSince1970: 1_739_530_800)
    let statistics = CorpusStatistics(
        documentCount: 1_000, termFrequency: ["tariff": 40, "steel": 20, "trade": 200, "week": 900],
        entityFrequency: ["donald trump": 800, "canada": 30])

    func profile(
        _ id: Int, cluster: String?, terms: [String: Double], entities: Set<String> = [], daysBefore: Double = 0
    ) -> RelatedProfile {
        RelatedProfile(
            id: Self.id(id), publishedAt: published.addingTimeInterval(-daysBefore * day),
            topicKeys: cluster.map { [$0] } ?? [], clusterKey: cluster, entityKeys: entities, terms: terms)
    }

    /// Ids that sort by number, so a test can make the id tie-breaker favour the story it expects to lose.
    static func id(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
    }

    var story: RelatedProfile {
        profile(0, cluster: "us tariffs", terms: ["tariff": 1, "steel": 0.8, "trade": 0.5], entities: ["canada"])
    }

    func rail(_ candidates: [RelatedProfile], latest: [UUID] = [], limit: Int = 5) -> [UUID] {
        RelatedArticles.rail(
            for: story, candidates: candidates, latest: latest, statistics: statistics, limit: limit
        ).map(\.id)
    }

    @Test func theStoryItselfNeverAppearsAmongCandidatesOrPadding() {
        let other = profile(1, cluster: nil, terms: ["tariff": 1])
        let rail = rail([story, other], latest: [story.id, other.id, Self.id(2)])
        #expect(rail == [other.id, Self.id(2)])
    }

    @Test func oneStoryPerClusterWhileAnotherRelatedStoryRemains() {
        let first = profile(1, cluster: "us tariffs", terms: ["tariff": 1, "steel": 0.8], entities: ["canada"])
        let second = profile(2, cluster: "us tariffs", terms: ["tariff": 1, "steel": 0.7], entities: ["canada"])
        let otherCluster = profile(3, cluster: "trade talks", terms: ["trade": 1, "steel": 0.3])
        #expect(rail([second, otherCluster, first], limit: 2) == [first.id, otherCluster.id])
        // With room for all three, the cluster's second story follows the others.
        #expect(rail([second, otherCluster, first], limit: 3) == [first.id, otherCluster.id, second.id])
    }

    @Test func aClusterFillsTheRailWhenNothingElseIsRelated() {
        let first = profile(1, cluster: "us tariffs", terms: ["tariff": 1, "steel": 0.8], entities: ["canada"])
        let second = profile(2, cluster: "us tariffs", terms: ["tariff": 1, "steel": 0.7], entities: ["canada"])
        let unrelated = profile(3, cluster: "cricket", terms: ["wicket": 1])
        #expect(rail([second, unrelated, first], limit: 2) == [first.id, second.id])
    }

    @Test func storiesWithoutAClusterAreNeverHeldBack() {
        let first = profile(1, cluster: nil, terms: ["tariff": 1, "steel": 0.8])
        let second = profile(2, cluster: nil, terms: ["tariff": 1, "steel": 0.7])
        let third = profile(3, cluster: "trade talks", terms: ["trade": 1])
        #expect(rail([third, second, first], limit: 2) == [first.id, second.id])
    }

    @Test func theLatestStoriesPadARailWithOneRelatedStoryWithoutRepeats() {
        let related = profile(1, cluster: nil, terms: ["tariff": 1])
        let latest = [Self.id(7), related.id, story.id, Self.id(8), Self.id(7), Self.id(9), Self.id(10)]
        let scored = RelatedArticles.rail(for: story, candidates: [related], latest: latest, statistics: statistics)
        #expect(scored.map(\.id) == [related.id, Self.id(7), Self.id(8), Self.id(9), Self.id(10)])
        #expect(scored[0].score > 0)
        #expect(scored.dropFirst().allSatisfy { $0.score == 0 })
    }

    @Test func storiesSharingOnlyCommonWordsAreNotRelated() {
        let chatter = profile(1, cluster: nil, terms: ["week": 1, "weather": 0.5], entities: ["donald trump"])
        #expect(RelatedArticles.relatedness(story, chatter, statistics: statistics) == 0)
        let commonWord = profile(2, cluster: nil, terms: ["week": 1, "trade": 0.02, "weather": 1, "rain": 1])
        let weak = RelatedArticles.relatedness(story, commonWord, statistics: statistics)
        #expect(weak > 0 && weak < 0.05)
        #expect(rail([chatter, commonWord]).isEmpty)
        #expect(rail([chatter, commonWord], latest: [commonWord.id]) == [commonWord.id])
    }

    @Test func fewerCandidatesThanTheLimitGiveAShorterRail() {
        let candidates = [
            profile(1, cluster: nil, terms: ["tariff": 1]), profile(2, cluster: "steel", terms: ["steel": 1]),
        ]
        #expect(rail(candidates).count == 2)
        #expect(rail(candidates, limit: 1).count == 1)
        #expect(rail(candidates, latest: [Self.id(9)], limit: .max).count == 3)
        #expect(rail(candidates, limit: 0).isEmpty)
        #expect(rail(candidates, limit: -3).isEmpty)
    }

    @Test func emptyInputsGiveAnEmptyOrPaddedRail() {
        #expect(rail([]).isEmpty)
        #expect(rail([], latest: [Self.id(1)]) == [Self.id(1)])
        let blank = RelatedProfile(
            id: Self.id(5), publishedAt: nil, topicKeys: [], clusterKey: nil, entityKeys: [], terms: [:])
        let empty = CorpusStatistics(documentCount: 0, termFrequency: [:], entityFrequency: [:])
        #expect(RelatedArticles.relatedness(blank, story, statistics: empty) == 0)
        let padded = RelatedArticles.rail(for: blank, candidates: [story], latest: [story.id], statistics: empty)
        #expect(padded == [RelatedScore(id: story.id, score: 0)])
        #expect(CorpusStatistics(profiles: []).documentCount == 0)
    }

    @Test func ofTwoEquallyRelatedStoriesTheNewerRanksFirst() {
        // The older has the smaller id, so only recency can put the newer first.
        let older = profile(1, cluster: nil, terms: ["tariff": 1, "steel": 0.5], daysBefore: 2)
        let newer = profile(2, cluster: nil, terms: ["tariff": 1, "steel": 0.5], daysBefore: 1)
        #expect(
            RelatedArticles.relatedness(story, older, statistics: statistics)
                == RelatedArticles.relatedness(story, newer, statistics: statistics))
        #expect(rail([older, newer]) == [newer.id, older.id])
        #expect(rail([newer, older]) == [newer.id, older.id])
    }

    @Test func anEquallyRelatedStoryMonthsOlderRanksBelowAndScoresLess() {
        let monthsOld = profile(1, cluster: nil, terms: ["tariff": 1, "steel": 0.5], daysBefore: 120)
        let sameDay = profile(2, cluster: nil, terms: ["tariff": 1, "steel": 0.5], daysBefore: 0.2)
        let scored = RelatedArticles.rail(
            for: story, candidates: [monthsOld, sameDay], latest: [], statistics: statistics)
        #expect(scored.map(\.id) == [sameDay.id, monthsOld.id])
        #expect(scored[1].score < scored[0].score * 0.5)
    }

    @Test func recencyIsTheTimeBetweenTheTwoStoriesEitherWay() {
        // The rail reads no clock: a day before the story and a day after it count alike, and little, however
        // long ago the story ran.
        let dayBefore = profile(1, cluster: nil, terms: ["tariff": 1, "steel": 0.5], daysBefore: 1)
        let dayAfter = profile(2, cluster: nil, terms: ["tariff": 1, "steel": 0.5], daysBefore: -1)
        let scores = RelatedArticles.rail(
            for: story, candidates: [dayBefore, dayAfter], latest: [], statistics: statistics
        ).map(\.score)
        let relatedness = RelatedArticles.relatedness(story, dayBefore, statistics: statistics)
        #expect(scores.count == 2)
        #expect(scores[0] == scores[1])
        // Equal scores go to the newer story, though the older has the smaller id.
        #expect(rail([dayBefore, dayAfter]) == [dayAfter.id, dayBefore.id])
        #expect(scores[0] > relatedness * 0.75 && scores[0] < relatedness)
    }

    @Test func aSharedTopicAloneMakesStoriesRelated() {
        let sameTopic = profile(1, cluster: "us tariffs", terms: ["rain": 1], entities: ["mexico"])
        let otherTopic = profile(2, cluster: "weather", terms: ["rain": 1], entities: ["mexico"])
        #expect(RelatedArticles.relatedness(story, sameTopic, statistics: statistics) > 0.3)
        #expect(RelatedArticles.relatedness(story, otherTopic, statistics: statistics) == 0)
        #expect(rail([otherTopic, sameTopic]) == [sameTopic.id])
    }

    @Test func rareSharedEntitiesAndTermsCountMoreThanCommonOnes() {
        let story = profile(0, cluster: nil, terms: ["steel": 1, "trade": 1], entities: ["canada", "donald trump"])
        let rareEntity = profile(1, cluster: nil, terms: [:], entities: ["canada", "mexico"])
        let commonEntity = profile(2, cluster: nil, terms: [:], entities: ["donald trump", "mexico"])
        let rareTerm = profile(3, cluster: nil, terms: ["steel": 1, "rain": 1], entities: [])
        let commonTerm = profile(4, cluster: nil, terms: ["trade": 1, "rain": 1], entities: [])
        func relatedness(_ candidate: RelatedProfile) -> Double {
            RelatedArticles.relatedness(story, candidate, statistics: statistics)
        }
        #expect(relatedness(rareEntity) > relatedness(commonEntity))
        #expect(relatedness(rareTerm) > relatedness(commonTerm))
    }

    @Test func aSignalOneSideLacksIsLeftOutNotCountedAgainst() {
        let unlabelled = profile(
            1, cluster: nil, terms: ["tariff": 1, "steel": 0.8, "trade": 0.5], entities: ["canada"])
        #expect(RelatedArticles.relatedness(story, unlabelled, statistics: statistics) == 1)
        let otherTopic = profile(
            2, cluster: "cricket", terms: ["tariff": 1, "steel": 0.8, "trade": 0.5], entities: ["canada"])
        #expect(RelatedArticles.relatedness(story, otherTopic, statistics: statistics) < 0.7)
    }

    @Test func theSameInputsInAnyOrderGiveTheSameRail() {
        let candidates = (1...30).map { (index: Int) -> RelatedProfile in
            let cluster: String? = index % 3 == 0 ? "cluster \(index % 6)" : nil
            let terms: [String: Double] = ["tariff": Double(index % 4 + 1) / 4, "steel": 0.5, "word\(index)": 1]
            return profile(index, cluster: cluster, terms: terms, daysBefore: Double(index % 5))
        }
        let expected = rail(candidates)
        for _ in 0..<20 { #expect(rail(candidates.shuffled()) == expected) }
    }

    @Test func aRepeatedCandidateAppearsOnce() {
        let related = profile(1, cluster: nil, terms: ["tariff": 1])
        #expect(rail([related, related, related], latest: [related.id]) == [related.id])
    }

    @Test func unusableStoredWeightsAreIgnored() {
        let poisoned = profile(1, cluster: nil, terms: ["tariff": 1, "steel": .nan, "trade": -4, "x": .infinity])
        let score = RelatedArticles.relatedness(story, poisoned, statistics: statistics)
        #expect(score.isFinite && score > 0 && score <= 1)
    }
}

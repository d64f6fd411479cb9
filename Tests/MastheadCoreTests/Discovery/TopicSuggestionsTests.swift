import MastheadCore
import Testing

@Suite struct TopicSuggestionsTests {
    let existing = ["US Tariffs", "Trump - Modi", "Ukraine", "Mexico"]

    @Test func anEntityNamingAnExistingTopicSuggestsIt() {
        let suggested = TopicSuggestions.suggest(
            entityNames: ["Scott Bessent", "Ukraine", "Kyiv"], nearest: [], existingTopics: existing, current: [])
        #expect(suggested == ["Ukraine"])
    }

    @Test func theTopicsOfTheNearestStoriesAreSuggestedByRelatedness() {
        let suggested = TopicSuggestions.suggest(
            entityNames: [],
            nearest: [(["Trump - Modi"], 0.3), (["US Tariffs", "Trade"], 0.6), (["Trade"], 0.2), (["Cricket"], 0)],
            existingTopics: existing, current: [])
        #expect(suggested == ["Trade", "US Tariffs", "Trump - Modi"])
    }

    @Test func anEntityMatchAddsToTheNeighboursVotes() {
        let suggested = TopicSuggestions.suggest(
            entityNames: ["Mexico"], nearest: [(["US Tariffs"], 0.6), (["Mexico"], 0.2)], existingTopics: existing,
            current: [])
        #expect(suggested == ["Mexico", "US Tariffs"])
    }

    @Test func theStorysOwnTopicsAreNotSuggested() {
        let suggested = TopicSuggestions.suggest(
            entityNames: ["Ukraine"], nearest: [(["Ukraine", "US Tariffs"], 0.5)], existingTopics: existing,
            current: ["UKRAINE"])
        #expect(suggested == ["US Tariffs"])
    }

    @Test func namesAreMatchedByTopicKeyAndSpelledAsTheExistingTopic() {
        let fromEntity = TopicSuggestions.suggest(
            entityNames: ["modi - trump"], nearest: [], existingTopics: existing, current: [])
        #expect(fromEntity == ["Trump - Modi"])
        let fromNeighbours = TopicSuggestions.suggest(
            entityNames: [], nearest: [(["Modi - Trump"], 0.4), (["Trump – Modi"], 0.4), (["US Tariffs"], 0.7)],
            existingTopics: existing, current: [])
        #expect(fromNeighbours == ["Trump - Modi", "US Tariffs"])
        let alreadyFiled = TopicSuggestions.suggest(
            entityNames: ["Trump - Modi"], nearest: [(["Trump - Modi"], 0.9)], existingTopics: existing,
            current: ["Trump – Modi"])
        #expect(alreadyFiled.isEmpty)
    }

    @Test func theLimitAndEmptyInputsAreRespected() {
        let nearest: [(topicNames: [String], relatedness: Double)] = [(existing, 0.5)]
        #expect(
            TopicSuggestions.suggest(entityNames: [], nearest: nearest, existingTopics: existing, current: [], limit: 2)
                .count == 2)
        #expect(
            TopicSuggestions.suggest(entityNames: [], nearest: nearest, existingTopics: existing, current: [], limit: 0)
                .isEmpty)
        #expect(TopicSuggestions.suggest(entityNames: [], nearest: [], existingTopics: [], current: []).isEmpty)
        #expect(
            TopicSuggestions.suggest(
                entityNames: ["", " "], nearest: [([" ", ""], 1), (["Ukraine"], .nan)], existingTopics: existing + [""],
                current: []
            ).isEmpty)
    }
}

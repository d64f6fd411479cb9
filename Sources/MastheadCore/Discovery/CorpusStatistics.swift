import Foundation

/// How common each term and entity is across the archive, so that what many stories share (`trump` on a
/// politics desk) counts for less than what few do (`hegseth`).
///
/// Counted over stored profiles, whose terms are each story's heaviest only: a term counts in the stories
/// where it matters, which is what IDF needs to know, not in every story that mentions it in passing.
public struct CorpusStatistics: Sendable {
    public var documentCount: Int
    /// Term → number of stories having it.
    public var termFrequency: [String: Int]
    /// Entity key → number of stories naming it.
    public var entityFrequency: [String: Int]

    public init(documentCount: Int, termFrequency: [String: Int], entityFrequency: [String: Int]) {
        self.documentCount = documentCount
        self.termFrequency = termFrequency
        self.entityFrequency = entityFrequency
    }

    /// Builds the statistics from a set of profiles (tests, small sites, reindex).
    public init(profiles: [RelatedProfile]) {
        var terms: [String: Int] = [:]
        var entities: [String: Int] = [:]
        for profile in profiles {
            for term in profile.terms.keys { terms[term, default: 0] += 1 }
            for entity in profile.entityKeys { entities[entity, default: 0] += 1 }
        }
        self.init(documentCount: profiles.count, termFrequency: terms, entityFrequency: entities)
    }

    /// Smoothed inverse document frequency, `ln((N + 1) / (df + 1)) + 1`: at least 1, so a word every story
    /// has still counts a little, and finite for a term the statistics have not seen (a story saved since they
    /// were counted). Counts out of range (negative, or above the document count) are clamped.
    static func inverseFrequency(_ frequency: Int?, documentCount: Int) -> Double {
        let documents = max(documentCount, 0)
        let having = min(max(frequency ?? 0, 0), documents)
        return log(Double(documents + 1) / Double(having + 1)) + 1
    }
}

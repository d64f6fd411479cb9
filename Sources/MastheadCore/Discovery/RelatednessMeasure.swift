import Foundation

/// One story's side of every comparison, kept across the candidates of a rail so each term and entity is
/// weighed once per rail rather than once per candidate that has it.
///
/// Relatedness blends three cosines, each in [0, 1]: shared topics, shared entities weighted by IDF (naming
/// the same defence secretary says more than naming the same president), and TF-IDF over the stored terms.
/// Topics and text weigh most: an editor's label is the surest sign, and the text catches what labels miss.
/// Entities weigh a little less, since the extractor misses some names and picks up others said in passing.
struct RelatednessMeasure {
    static let topicWeight = 0.35
    static let entityWeight = 0.30
    static let termWeight = 0.35

    let statistics: CorpusStatistics
    let topicKeys: Set<String>
    let entityNorm: Double
    let termNorm: Double
    /// Every term met so far: its IDF and its TF-IDF weight in the story (0 when the story lacks it). Looking a
    /// candidate's term up here is the one hash it costs; the candidates of a rail share most of their terms.
    private var terms: [String: (idf: Double, story: Double)] = [:]
    private var entities: [String: (idf: Double, inStory: Bool)] = [:]

    init(_ story: RelatedProfile, statistics: CorpusStatistics) {
        self.statistics = statistics
        topicKeys = story.topicKeys
        var entitySquares = 0.0
        for key in story.entityKeys {
            let idf = Self.entityIDF(key, statistics)
            entities[key] = (idf, true)
            entitySquares += idf * idf
        }
        entityNorm = entitySquares.squareRoot()
        var termSquares = 0.0
        for (term, weight) in story.terms where Self.isUsable(weight) {
            let idf = Self.termIDF(term, statistics)
            terms[term] = (idf, weight * idf)
            termSquares += weight * idf * weight * idf
        }
        termNorm = termSquares.squareRoot()
    }

    /// A signal that either side lacks (a story filed under no topic, or not yet read for entities) is left
    /// out and the others weigh more, rather than counted as a disagreement: an unlabelled story is not
    /// unrelated to every labelled one. Rounded to nine decimals, so the same two profiles score exactly the
    /// same whichever order their dictionaries are summed in (it varies between processes), and ties fall to
    /// the rail's tie-breakers.
    mutating func relatedness(_ candidate: RelatedProfile) -> Double {
        var blend = 0.0
        var weights = 0.0
        if !topicKeys.isEmpty, !candidate.topicKeys.isEmpty {
            blend += Self.topicWeight * topicOverlap(candidate)
            weights += Self.topicWeight
        }
        if entityNorm > 0, !candidate.entityKeys.isEmpty {
            blend += Self.entityWeight * entityOverlap(candidate)
            weights += Self.entityWeight
        }
        if termNorm > 0, !candidate.terms.isEmpty {
            blend += Self.termWeight * termSimilarity(candidate)
            weights += Self.termWeight
        }
        guard weights > 0 else { return 0 }
        return (blend / weights * 1e9).rounded() / 1e9
    }

    /// Cosine of the two topic sets: one shared topic of one each is 1; one of two each is 1/2.
    func topicOverlap(_ candidate: RelatedProfile) -> Double {
        let (smaller, larger) =
            topicKeys.count <= candidate.topicKeys.count
            ? (topicKeys, candidate.topicKeys) : (candidate.topicKeys, topicKeys)
        let shared = smaller.lazy.filter { larger.contains($0) }.count
        return Double(shared) / (Double(topicKeys.count) * Double(candidate.topicKeys.count)).squareRoot()
    }

    mutating func entityOverlap(_ candidate: RelatedProfile) -> Double {
        var dot = 0.0
        var squares = 0.0
        for key in candidate.entityKeys {
            let entity = entity(key)
            squares += entity.idf * entity.idf
            if entity.inStory { dot += entity.idf * entity.idf }
        }
        guard dot > 0 else { return 0 }
        return min(dot / (entityNorm * squares.squareRoot()), 1)
    }

    mutating func termSimilarity(_ candidate: RelatedProfile) -> Double {
        var dot = 0.0
        var squares = 0.0
        for (term, weight) in candidate.terms where Self.isUsable(weight) {
            let known = self.term(term)
            let weighted = weight * known.idf
            squares += weighted * weighted
            dot += weighted * known.story
        }
        guard dot > 0 else { return 0 }
        return min(dot / (termNorm * squares.squareRoot()), 1)
    }

    private mutating func term(_ term: String) -> (idf: Double, story: Double) {
        if let known = terms[term] { return known }
        let met = (idf: Self.termIDF(term, statistics), story: 0.0)
        terms[term] = met
        return met
    }

    private mutating func entity(_ key: String) -> (idf: Double, inStory: Bool) {
        if let known = entities[key] { return known }
        let met = (idf: Self.entityIDF(key, statistics), inStory: false)
        entities[key] = met
        return met
    }

    /// Weights arrive from storage; one that is negative, infinite or NaN would poison every sum it enters.
    static func isUsable(_ weight: Double) -> Bool { weight.isFinite && weight > 0 }

    static func termIDF(_ term: String, _ statistics: CorpusStatistics) -> Double {
        CorpusStatistics.inverseFrequency(statistics.termFrequency[term], documentCount: statistics.documentCount)
    }

    static func entityIDF(_ key: String, _ statistics: CorpusStatistics) -> Double {
        CorpusStatistics.inverseFrequency(statistics.entityFrequency[key], documentCount: statistics.documentCount)
    }
}

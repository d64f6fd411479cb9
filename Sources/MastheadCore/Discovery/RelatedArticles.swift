import Foundation

/// One story of a rail and what placed it there: its relatedness blended with recency, or 0 for a story
/// that only pads the rail.
public struct RelatedScore: Sendable, Equatable {
    public var id: UUID
    public var score: Double

    public init(id: UUID, score: Double) {
        self.id = id
        self.score = score
    }
}

/// The "Read next" rail as the stories most worth reading after this one, computed when a story is published
/// or changed and stored with it.
///
/// The store cannot hand over the archive, so the ranking works from what it can fetch: the few hundred
/// profiles that share a term, an entity or a topic with the story, the document frequencies of the terms
/// and entities involved, and the newest stories for padding.
public enum RelatedArticles {
    public static let railLength = ReadNext.railLength
    /// Below this a candidate shares only a word or two of common vocabulary: it is not related, and a rail
    /// padded with the latest news serves the reader better than one filled with coincidences.
    static let minimumRelatedness = 0.05
    /// How much of a candidate's score recency can take away, and how fast: a story three days apart from this
    /// one counts 70% as much as an equally related story of the same day, a story months apart 40%.
    static let recencyWeight = 0.6
    static let recencyHalfLife: TimeInterval = 3 * 24 * 60 * 60

    /// Relatedness of `candidate` to `story` in [0, 1]: a weighted blend of topic overlap, IDF-weighted
    /// entity overlap and TF-IDF cosine of terms; 0 when they share nothing. Symmetric.
    public static func relatedness(
        _ story: RelatedProfile, _ candidate: RelatedProfile, statistics: CorpusStatistics
    ) -> Double {
        var measure = RelatednessMeasure(story, statistics: statistics)
        return measure.relatedness(candidate)
    }

    /// The rail for `story`, best first.
    ///
    /// Candidates related above a small threshold are ranked by relatedness times a recency factor. The factor
    /// looks at the time between the two stories, measured from the newer of them, not from today: a rail is
    /// stored, and an old article's rail must come out the same whenever it is recomputed. A candidate without
    /// a publication time gets the least recency; a story without one (a preview) gives every candidate the
    /// most.
    ///
    /// At most one story per topic cluster while related stories of other clusters remain, so a running story
    /// does not fill the rail; the rest of a cluster follows when too few others are related. Then the rail is
    /// padded from `latest` (newest first, as given), skipping the story itself and stories already chosen.
    /// The story itself never appears, nor does any id twice. Equal scores go to the newer story, then the
    /// smaller id, so the same inputs always give the same rail.
    public static func rail(
        for story: RelatedProfile, candidates: [RelatedProfile], latest: [UUID], statistics: CorpusStatistics,
        limit: Int = railLength
    ) -> [RelatedScore] {
        guard limit > 0 else { return [] }
        var measure = RelatednessMeasure(story, statistics: statistics)
        var considered: Set<UUID> = [story.id]
        considered.reserveCapacity(candidates.count + 1)
        var ranked: [RankedCandidate] = []
        for candidate in candidates where considered.insert(candidate.id).inserted {
            let relatedness = measure.relatedness(candidate)
            guard relatedness > minimumRelatedness else { continue }
            let recency = recencyFactor(story.publishedAt, candidate.publishedAt)
            ranked.append(
                RankedCandidate(
                    id: candidate.id, publishedAt: candidate.publishedAt, clusterKey: candidate.clusterKey,
                    score: relatedness * recency))
        }
        ranked.sort(by: RankedCandidate.ranksBefore)

        var rail: [RelatedScore] = []
        rail.reserveCapacity(min(limit, ranked.count + latest.count))
        var clusters: Set<String> = []
        var sameCluster: [RankedCandidate] = []
        for candidate in ranked where rail.count < limit {
            if let cluster = candidate.clusterKey, !clusters.insert(cluster).inserted {
                sameCluster.append(candidate)
            } else {
                rail.append(RelatedScore(id: candidate.id, score: candidate.score))
            }
        }
        for candidate in sameCluster where rail.count < limit {
            rail.append(RelatedScore(id: candidate.id, score: candidate.score))
        }
        var chosen = Set(rail.map(\.id))
        chosen.insert(story.id)
        for id in latest where rail.count < limit && chosen.insert(id).inserted {
            rail.append(RelatedScore(id: id, score: 0))
        }
        return rail
    }

    /// From 1 for stories published together down towards `1 - recencyWeight` as they lie further apart.
    static func recencyFactor(_ story: Date?, _ candidate: Date?) -> Double {
        guard let candidate else { return 1 - recencyWeight }
        let gap = abs((story ?? candidate).timeIntervalSince(candidate))
        return 1 - recencyWeight + recencyWeight * pow(0.5, gap / recencyHalfLife)
    }
}

private struct RankedCandidate {
    var id: UUID
    var publishedAt: Date?
    var clusterKey: String?
    var score: Double

    static func ranksBefore(_ lhs: RankedCandidate, _ rhs: RankedCandidate) -> Bool {
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        let left = lhs.publishedAt ?? .distantPast
        let right = rhs.publishedAt ?? .distantPast
        if left != right { return left > right }
        return lhs.id < rhs.id
    }
}

import Foundation
import MastheadCore

/// The demo edition's six stories as the ranking sees them, with entity sets written by hand the way the
/// extractor is expected to find them.
struct DemoProfiles {
    let edition = DemoEdition(now: Date(timeIntervalSince1970: 1_739_530_800))
    let profiles: [RelatedProfile]
    let statistics: CorpusStatistics

    static let entities: [Set<String>] = [
        [
            "donald trump", "john coale", "pete hegseth", "steve witkoff", "ukraine", "nato", "russia", "europe",
            "united states",
        ],
        ["donald trump", "united states"],
        ["narendra modi", "india", "donald trump", "united states"],
        ["scott bessent", "ukraine", "donald trump", "united states"],
        ["narendra modi", "india", "donald trump", "united states", "china"],
        ["donald trump", "mexico", "reuters", "united states"],
    ]

    init() {
        profiles = zip(edition.articles, Self.entities).map { article, entities in
            RelatedProfile(
                id: article.id, publishedAt: article.publishedAt, content: article.content, entityKeys: entities)
        }
        statistics = CorpusStatistics(profiles: profiles)
    }

    var main: RelatedProfile { profiles[0] }
    var tariffs: RelatedProfile { profiles[1] }
    var trumpModi: RelatedProfile { profiles[2] }
    var bessent: RelatedProfile { profiles[3] }
    var modiTrump: RelatedProfile { profiles[4] }
    var cartels: RelatedProfile { profiles[5] }

    /// Newest first, as the store hands the latest stories over.
    var latest: [UUID] { profiles.map(\.id) }

    func rail(for story: RelatedProfile, limit: Int = RelatedArticles.railLength) -> [UUID] {
        RelatedArticles.rail(
            for: story, candidates: profiles, latest: latest, statistics: statistics, limit: limit
        ).map(\.id)
    }
}

import Foundation

/// Topic labels to offer the editor of a new story, so an archive keeps filing one running story under one
/// topic instead of a new near-duplicate label each time.
public enum TopicSuggestions {
    /// What naming an existing topic's subject is worth against the stories nearest this one: half of one
    /// perfectly related neighbour. A story that names Ukraine is likely about it, but a neighbour's topic
    /// is an editor's decision about a story like this one, so two good neighbours outweigh a mention.
    static let entityMatchWeight = 0.5

    /// Topic labels to suggest, best first, at most `limit`.
    ///
    /// A topic scores `entityMatchWeight` when one of `entityNames` has its key (entity "Ukraine" → topic
    /// "Ukraine"; only topics in `existingTopics` are matched, a name is never made into a new topic), plus
    /// the relatedness of each of the `nearest` stories filed under it. Names are compared by
    /// ``TopicName/key(_:)``, so `modi - trump` suggests the existing `Trump - Modi` and spelling variants
    /// add up as one topic; a suggestion takes its spelling from `existingTopics` when it is there, else
    /// from the first neighbour that has it. Topics whose key is among `current` are never suggested.
    /// Neighbours with no positive finite relatedness are ignored. Equal scores go by name.
    public static func suggest(
        entityNames: [String], nearest: [(topicNames: [String], relatedness: Double)], existingTopics: [String],
        current: [String], limit: Int = 5
    ) -> [String] {
        guard limit > 0 else { return [] }
        let excluded = Set(current.map(TopicName.key))
        var spelling: [String: String] = [:]
        for name in existingTopics {
            let key = TopicName.key(name)
            if !key.isEmpty, spelling[key] == nil { spelling[key] = name }
        }
        var scores: [String: Double] = [:]
        for key in Set(entityNames.map(TopicName.key)) where spelling[key] != nil {
            scores[key, default: 0] += entityMatchWeight
        }
        for neighbour in nearest where neighbour.relatedness.isFinite && neighbour.relatedness > 0 {
            var counted: Set<String> = []
            for name in neighbour.topicNames {
                let key = TopicName.key(name)
                guard !key.isEmpty, counted.insert(key).inserted else { continue }
                if spelling[key] == nil { spelling[key] = name }
                scores[key, default: 0] += neighbour.relatedness
            }
        }
        let ranked = scores.filter { !excluded.contains($0.key) }
            .map { key, score in (name: spelling[key, default: key], score: score) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.name < $1.name }
        return ranked.prefix(limit).map(\.name)
    }
}

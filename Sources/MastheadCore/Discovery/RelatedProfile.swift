import Foundation

/// What the related-stories ranking knows of one story: small enough to store per article and to fetch a
/// few hundred at a time, so the rail never needs the archive's full texts.
public struct RelatedProfile: Sendable, Equatable {
    public var id: UUID
    /// Nil for a story not yet published (see ``RelatedStories/rail(for:candidates:latest:statistics:limit:)``
    /// for how recency treats it).
    public var publishedAt: Date?
    /// ``TopicName/key(_:)`` of each of its topics, so two spellings of one topic are one.
    public var topicKeys: Set<String>
    /// ``TopicName/key(_:)`` of its primary topic (or its first topic): the running story it belongs to, of
    /// which a rail shows one article while others are available. Nil when it has no topic.
    public var clusterKey: String?
    /// Keys of the people, places and organisations it names, as the entity extractor spells them.
    public var entityKeys: Set<String>
    /// ``StoryTerms/weights(headline:lede:body:limit:)`` of its text.
    public var terms: [String: Double]

    public init(
        id: UUID, publishedAt: Date?, topicKeys: Set<String>, clusterKey: String?, entityKeys: Set<String>,
        terms: [String: Double]
    ) {
        self.id = id
        self.publishedAt = publishedAt
        self.topicKeys = topicKeys
        self.clusterKey = clusterKey
        self.entityKeys = entityKeys
        self.terms = terms
    }

    /// The profile of a story as written: topics keyed, the cluster taken from the primary topic (else the
    /// first), terms read from headline, lede and body. Entities come from the extractor, which this does not
    /// run.
    public init(id: UUID, publishedAt: Date?, content: ArticleContent, entityKeys: Set<String>) {
        let topics = content.allTopics
        self.init(
            id: id, publishedAt: publishedAt, topicKeys: Set(topics.map { TopicName.key($0.name) }),
            clusterKey: topics.first.map { TopicName.key($0.name) }, entityKeys: entityKeys,
            terms: StoryTerms.weights(headline: content.headline, lede: content.lede, body: content.bodyMarkdown))
    }
}

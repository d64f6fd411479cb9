import Foundation

/// What the related-stories ranking knows of one story: small enough to store per article and to fetch a
/// few hundred at a time, so the rail never needs the archive's full texts.
public struct RelatedProfile: Sendable, Equatable {
    public var id: UUID
    /// Nil for a story not yet published (see ``RelatedArticles/rail(for:candidates:latest:statistics:limit:)``
    /// for how recency treats it).
    public var publishedAt: Date?
    /// ``TopicName/key(_:)`` of each of its topics, so two spellings of one topic are one.
    public var topicKeys: Set<String>
    /// ``TopicName/key(_:)`` of its primary topic (or its first topic): the running story it belongs to, of
    /// which a rail shows one article while others are available. Nil when it has no topic.
    public var clusterKey: String?
    /// Keys of the people, places and organisations it names, as the entity extractor spells them.
    public var entityKeys: Set<String>
    /// ``ArticleTerms/weights(headline:lede:body:limit:)`` of its text.
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

    /// A profile from topic names as stored: each keyed, the cluster being the primary topic's key, else
    /// the first key in order (topics carry no order of their own once stored).
    public init(
        id: UUID, publishedAt: Date?, topicNames: [String], primaryTopicName: String?, entityKeys: Set<String>,
        terms: [String: Double]
    ) {
        let keys = topicNames.map(TopicName.key)
        self.init(
            id: id, publishedAt: publishedAt, topicKeys: Set(keys),
            clusterKey: primaryTopicName.map(TopicName.key) ?? keys.min(), entityKeys: entityKeys, terms: terms)
    }

    /// The profile of a story as written, terms read from headline, lede and body. Entities come from
    /// the extractor, which this does not run.
    public init(id: UUID, publishedAt: Date?, content: ArticleContent, entityKeys: Set<String>) {
        self.init(
            id: id, publishedAt: publishedAt, topicNames: content.allTopics.map(\.name),
            primaryTopicName: content.primaryTopic?.name, entityKeys: entityKeys,
            terms: ArticleTerms.weights(headline: content.headline, lede: content.lede, body: content.bodyMarkdown))
    }
}

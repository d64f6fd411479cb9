import Foundation
import MastheadCore
import MastheadStore

extension Site {
    /// The filters as the database reads them; nil, with the reason for the reader, when they match
    /// nothing (a topic or author the site does not have, a last day before the first). Malformed
    /// values are ``SearchFilters/problems``, for the caller to answer first.
    func searchScope(_ filters: SearchFilters) async throws -> (scope: SearchScope?, reason: String?) {
        if filters.isEmptyRange { return (nil, "The last day comes before the first.") }
        var scope = SearchScope(from: filters.from, until: filters.until)
        if let slug = filters.topic {
            guard let topic = try await store.topics.find(slug: slug) else {
                return (nil, "There is no topic “\(slug.value)”.")
            }
            scope.topicID = topic.id
        }
        if let slug = filters.author {
            guard let author = try await store.authors.find(slug: slug) else {
                return (nil, "There is no author “\(slug.value)”.")
            }
            scope.authorID = author.id
        }
        return (scope, nil)
    }
}

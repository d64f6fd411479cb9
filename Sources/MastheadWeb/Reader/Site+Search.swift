import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

extension Site {
    /// The filters a search page or API request names (`topic`, `author`, `from`, `to`), days read in
    /// the site's time zone.
    func searchFilters(_ request: Request) -> SearchFilters {
        let parameters = request.uri.queryParameters
        return SearchFilters(
            topic: parameters.get("topic"), author: parameters.get("author"), from: parameters.get("from"),
            to: parameters.get("to"), timeZone: settings.timeZone)
    }

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

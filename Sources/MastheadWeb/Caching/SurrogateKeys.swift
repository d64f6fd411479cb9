import Foundation
import Hummingbird
import MastheadCore

/// The `Surrogate-Key` header of each kind of cacheable response: what it shows, by ``CacheKey``.
/// Every one names `site`, so a purge of everything is one key.
enum SurrogateKeys {
    /// An article page: the story, its topics and authors, and its Read next rail (`lists`, since a
    /// newly published story may join it, and each story in it).
    static func articlePage(_ article: Article, rail: [UUID]) -> String {
        header([CacheKey.lists] + Self.article(article) + rail.map(CacheKey.article))
    }

    /// One story as the Content API gives it.
    static func article(_ article: Article) -> [String] {
        [CacheKey.article(article.id)] + article.topics.map { CacheKey.topic($0.id) }
            + article.authors.map { CacheKey.author($0.id) }
    }

    /// A list of the latest stories (home, topic, author, feeds): `lists` and each story in it.
    static func list(_ articleIDs: [UUID], extra: [String] = []) -> String {
        header([CacheKey.lists] + extra + articleIDs.map(CacheKey.article))
    }

    static func header(_ keys: [String]) -> String {
        ([CacheKey.site] + keys).joined(separator: " ")
    }
}

extension Response {
    /// This response, shared by every anonymous reader and kept by the page cache under `keys`.
    func cached(as keys: String) -> Response {
        var response = self
        response.headers[.surrogateKey] = keys
        return response
    }
}

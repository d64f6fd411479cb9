import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The search page: any text gets results or a sentence saying why there are none, never an error,
/// and the text comes back escaped in the form.
struct SearchController {
    let site: Site

    static let pageSize = 20
    static let maximumPage = 10

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get(ReaderRoute.Pattern.search) { request, context in
            try await Self(site: site.reading(request)).search(request, context: context)
        }
        router.allowOnly([.get], on: ReaderRoute.Pattern.search)
    }

    func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let text = request.uri.queryParameters.get("q") ?? ""
        let page =
            request.uri.queryParameters.get("page").flatMap(Int.init).map { min(max($0, 1), Self.maximumPage) } ?? 1
        let query = SearchQuery(text)
        let now = site.clock.now
        let zone = site.settings.timeZone
        let parameters = request.uri.queryParameters
        let filters = site.searchFilters(request)
        let (scope, reason) = try await site.searchScope(filters)
        var hits: [SearchHit] = []
        if filters.problems.isEmpty, let scope {
            hits = try await site.store.articles.search(
                query, in: scope, now: now, limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        }
        let problems = filters.problems + [reason].compactMap { $0 }
        async let topics = site.store.topics.all()
        async let authors = site.store.authors.all()
        var message: String?
        if !problems.isEmpty {
            message = problems.joined(separator: " ")
        } else if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            message = nil
        } else if query.isEmpty {
            message = "Search for words: “\(text.prefix(80))” has no letters or digits to look for."
        } else if hits.isEmpty {
            message = page > 1 ? "No more stories match." : "No stories match “\(text.prefix(200))”."
        } else if query.truncated {
            message = "Only the first \(SearchQuery.maximumLength) characters were searched."
        }
        // No canonical address: a results page is not a page to index.
        let layout = site.layout(
            title: text.isEmpty ? "Search" : "Search: \(text.prefix(80))", description: "Search \(site.settings.name).",
            route: nil)
        return site.html(
            SearchPage(
                layout: layout, action: ReaderRoute.Pattern.search.description,
                query: String(text.prefix(SearchQuery.maximumLength)),
                topics: try await topics.map {
                    Option(value: $0.slug.value, label: $0.name, selected: $0.slug == filters.topic)
                },
                authors: try await authors.map {
                    Option(value: $0.slug.value, label: $0.name, selected: $0.slug == filters.author)
                },
                from: Self.formValue(parameters.get("from")), to: Self.formValue(parameters.get("to")),
                message: message,
                results: hits.map { hit in
                    let published = hit.story.publishedAt ?? now
                    return SearchPage.Result(
                        url: ReaderRoute.article(hit.story.slug).path, headline: hit.story.headline,
                        timeLabel: TimeLabel.label(for: published, now: now, timeZone: zone),
                        isoTime: TimeLabel.iso8601(published),
                        snippet: hit.snippetHTML.isEmpty ? nil : .init(bodyHTML: hit.snippetHTML))
                },
                hasResults: !hits.isEmpty,
                nextURL: hits.count == Self.pageSize && page < Self.maximumPage
                    ? ReaderRoute.search(text, page: page + 1, filters: filters).path : nil))
    }

    /// A date field's value sent back as typed (escaped by the template), short enough for the field.
    static func formValue(_ value: String?) -> String { String((value ?? "").prefix(10)) }
}

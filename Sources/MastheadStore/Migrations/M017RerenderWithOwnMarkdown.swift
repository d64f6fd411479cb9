import FluentKit

/// Bodies stored by Ink are rendered again by MastheadMarkdown. There is nothing to revert to: the
/// Markdown is untouched, and Ink is gone.
struct M017RerenderWithOwnMarkdown: AsyncMigration {
    var name: String { "017-rerender-with-own-markdown" }

    func prepare(on database: any Database) async throws {
        try await ArticleBodyRenderer.rerenderAll(on: database)
    }

    func revert(on database: any Database) async throws {}
}

import ArgumentParser
import Foundation
import MastheadCore
import MastheadMarkdown
import MastheadStore

/// Shows what an article body would look like: for editors and theme authors checking a body, and
/// for scripts testing the renderer against the spec.
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Print the HTML an article body with this Markdown gets (from FILE, or standard input).")

    @Argument(help: "A Markdown file; standard input when left out.")
    var file: String?

    @Flag(help: "Print the renderer's output before the sanitizer (raw HTML kept as written).")
    var unsafeRaw = false

    @Flag(help: "Plain CommonMark 0.31.2: tables, strikethrough, autolinks, footnotes and task lists off.")
    var commonmark = false

    func run() throws {
        let data: Data
        if let file {
            guard let read = FileManager.default.contents(atPath: file) else {
                fail("Cannot read \(file).", status: 66)
            }
            data = read
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let markdown = String(decoding: data, as: UTF8.self)
        let options = commonmark ? MarkdownOptions.commonMark : ArticleBody.options
        let html =
            unsafeRaw
            ? Markdown.html(markdown, options: options) : ArticleBody.html(fromMarkdown: markdown, options: options)
        FileHandle.standardOutput.write(Data(html.utf8))
    }
}

/// Renders every stored article body again, after an upgrade changes the Markdown path.
struct Rerender: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every article body again from its Markdown with this version's renderer.")

    func run() async throws {
        let config = try loadConfig()
        let count = try await Store.using(config.database, logger: makeLogger()) { store in
            try await store.migrate()
            return try await store.rerenderArticleBodies()
        }
        print("Rendered \(count) article bodies again.")
    }
}

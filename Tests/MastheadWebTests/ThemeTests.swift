import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

@Suite struct ThemeTests {
    /// A copy of the default theme in a temporary folder, for a test to change.
    func copyOfDefaultTheme() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Theme.defaultDirectory, toPath: folder.path)
        return folder
    }

    @Test func aSiteCanOverrideTheThemeWithoutRecompiling() async throws {
        let theme = try copyOfDefaultTheme()
        defer { try? FileManager.default.removeItem(at: theme) }
        let home = theme.appendingPathComponent("home.mustache")
        let original = try String(contentsOf: home, encoding: .utf8)
        try original.replacingOccurrences(of: "Latest stories", with: "Our own front page")
            .write(to: home, atomically: true, encoding: .utf8)
        try await TestSite.run(config: { AppConfig(database: $0, themeDirectory: theme.path) }) { client, _ in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.text.contains("Our own front page"))
        }
    }

    @Test func aThemeMissingATemplateIsRefusedByName() async throws {
        let theme = try copyOfDefaultTheme()
        defer { try? FileManager.default.removeItem(at: theme) }
        try FileManager.default.removeItem(at: theme.appendingPathComponent("article.mustache"))
        do {
            _ = try await Theme.load(directory: theme.path)
            Issue.record("a theme without article.mustache loaded")
        } catch {
            #expect(error.message.contains("article.mustache"))
        }
    }

    @Test func aTemplateThatDoesNotParseIsRefusedWithItsFileName() async throws {
        let theme = try copyOfDefaultTheme()
        defer { try? FileManager.default.removeItem(at: theme) }
        try "{{#stories}} never closed".write(
            to: theme.appendingPathComponent("topic.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try await Theme.load(directory: theme.path)
            Issue.record("a broken template loaded")
        } catch {
            #expect(error.message.contains("topic.mustache"))
        }
    }
}

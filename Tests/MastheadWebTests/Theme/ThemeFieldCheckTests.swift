import Foundation
import Testing

@testable import MastheadWeb

/// `masthead theme check` names a field no page's context has, with its file and line, looking names
/// up as the renderer does: from the innermost section outwards, inside the views sections open.
@Suite struct ThemeFieldCheckTests {
    func problems(_ templates: [String: String], pages: [any PageContext.Type]) throws -> [ThemeProblem] {
        var check = ThemeFieldCheck(templates: try templates.mapValues { try TemplateParser.parseOutlined($0).tags })
        return check.problems(pages: pages)
    }

    @Test func aNameNoContextHasIsNamedWithItsFileAndLine() throws {
        let article = """
            <h1>{{headline}}</h1>
            <p>{{headlin}}</p>
            {{#conversation}}
            {{#threads}}
            {{> comment}}
            {{/threads}}
            {{/conversation}}
            {{layout.siteName}} {{layout.sitename}}
            """
        let comment = "{{displayName}} {{csrfToken}} {{headline}} {{#replies}}{{> comment}}{{/replies}}\n{{likes}}"
        let found = try problems(["article": article, "comment": comment], pages: [ArticlePage.self])
        #expect(
            found == [
                ThemeProblem(
                    file: "article.mustache", line: 2,
                    message: "{{headlin}} names no field: no page's context has headlin here."),
                ThemeProblem(
                    file: "article.mustache", line: 8,
                    message: "{{layout.sitename}} names no field: no page's context has layout.sitename here."),
                ThemeProblem(
                    file: "comment.mustache", line: 2,
                    message: "{{likes}} names no field: no page's context has likes here."),
            ])
    }

    @Test func aPartialsNameIsFineWhenOnePageThatIncludesItHasIt() throws {
        let templates = [
            "home": "{{> head}}", "error": "{{> head}}{{heading}}", "head": "{{layout.siteName}} {{heading}}",
        ]
        #expect(try problems(templates, pages: [HomePage.self, ErrorPage.self]) == [])
        #expect(
            try problems(templates, pages: [HomePage.self])
                == [
                    ThemeProblem(
                        file: "head.mustache", line: 1,
                        message: "{{heading}} names no field: no page's context has heading here.")
                ])
    }

    @Test func insideAnUnknownSectionNothingMoreIsReported() throws {
        let found = try problems(
            ["home": "{{#nothing}}{{a}}{{b.c}}{{/nothing}}{{^none}}{{d}}{{/none}}"], pages: [HomePage.self])
        #expect(
            found.map(\.message) == [
                "{{d}} names no field: no page's context has d here.",
                "{{none}} names no field: no page's context has none here.",
                "{{nothing}} names no field: no page's context has nothing here.",
            ])
    }

    @Test func theCommandNamesAnUnknownFieldInACopyOfTheDefaultTheme() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Theme.defaultDirectory, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let topic = folder.appendingPathComponent("topic.mustache")
        let lines = try String(contentsOf: topic, encoding: .utf8).components(separatedBy: "\n")
        try (lines[..<1] + ["<p>{{subtitle}}</p>"] + lines[1...]).joined(separator: "\n").write(
            to: topic, atomically: true, encoding: .utf8)
        #expect(
            try ThemeCheck.problems(inDirectory: folder.path) == [
                ThemeProblem(
                    file: "topic.mustache", line: 2,
                    message: "{{subtitle}} names no field: no page's context has subtitle here.")
            ])
    }

    /// Every template of the default theme is a reader page the check knows, or a partial pages include.
    @Test func everyReaderPageIsChecked() throws {
        let templates = try FileManager.default.contentsOfDirectory(atPath: Theme.defaultDirectory).filter {
            $0.hasSuffix(".mustache")
        }.map { String($0.dropLast(".mustache".count)) }
        #expect(
            Set(ThemeFieldCheck.pages.map { $0.template })
                == Set(templates).subtracting(["layout", "comment", "story_list"]))
    }

    /// The newsroom's own templates are held to their contexts the same way.
    @Test func theNewsroomsTemplatesNameOnlyTheirContextsFields() throws {
        let directory = NewsroomTemplates.directory
        var templates: [String: [TemplateTag]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) where file.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            templates[String(file.dropLast(".mustache".count))] = try TemplateParser.parseOutlined(text).tags
        }
        let pages: [any PageContext.Type] = [
            SignInPage.self, DashboardPage.self, ArticlesPage.self, EditorPage.self, RevisionsPage.self,
            RevisionPage.self, TopicsPage.self, EntitiesPage.self, ModerationQueuePage.self, ModerationLogPage.self,
            CommenterPage.self, AuthorsPage.self, AuthorProfilePage.self, StaffAccountsPage.self, PasswordPage.self,
            SettingsPage.self, MessagePage.self, APIKeysPage.self, WebhooksPage.self, OutboxPage.self,
            CommentSettingsPage.self,
        ]
        #expect(Set(pages.map { $0.template }) == Set(templates.keys).subtracting(["layout"]))
        var check = ThemeFieldCheck(templates: templates)
        #expect(check.problems(pages: pages) == [])
    }
}

import Foundation
import Testing

@testable import MastheadWeb

/// `masthead theme check DIR`: the default theme has no problems; a broken copy has each named with
/// its file and line, and the command says so with its exit status.
@Suite struct ThemeCheckCommandTests {
    /// A copy of the default theme with one of each problem the check finds, and the problems it must
    /// name. Lines are found in the copied text, so the test follows the theme as it changes.
    static func brokenTheme() throws -> (folder: URL, expected: [ThemeProblem]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Theme.defaultDirectory, toPath: folder.path)
        let article = folder.appendingPathComponent("article.mustache")
        let original = try String(contentsOf: article, encoding: .utf8)
        let partialLines = original.components(separatedBy: "\n").enumerated().filter {
            $0.element.contains("{{> comment}}")
        }.map { $0.offset + 1 }
        try #require(!partialLines.isEmpty)
        try original.replacingOccurrences(of: "{{> comment}}", with: "{{> coment}}").write(
            to: article, atomically: true, encoding: .utf8)
        try "<ul>\n{{#stories}}\n<li>{{headline}}</li>\n</ul>\n".write(
            to: folder.appendingPathComponent("teasers.mustache"), atomically: true, encoding: .utf8)
        try "{{<layout}}\n{{$content}}\n{{#a}}\n{{/content}}\n{{/layout}}\n".write(
            to: folder.appendingPathComponent("mismatched.mustache"), atomically: true, encoding: .utf8)
        try "{{<frame}}\n{{/frame}}\n<p>{{name</p>\n".write(
            to: folder.appendingPathComponent("typo.mustache"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("error.mustache"))
        let expected =
            [ThemeProblem(file: "error.mustache", line: nil, message: "is missing: every theme needs this template.")]
            + partialLines.map {
                ThemeProblem(
                    file: "article.mustache", line: $0,
                    message: "{{> coment}} names no template: the theme has no coment.mustache.")
            } + [
                ThemeProblem(
                    file: "mismatched.mustache", line: 4,
                    message: "{{/content}} closes nothing that is open inside {{a}} from line 3"),
                ThemeProblem(file: "teasers.mustache", line: 2, message: "{{stories}} is never closed"),
                ThemeProblem(file: "typo.mustache", line: 3, message: "a tag is opened and never closed"),
            ]
        return (folder, expected)
    }

    @Test func theDefaultThemeHasNoProblems() throws {
        #expect(try ThemeCheck.problems(inDirectory: Theme.defaultDirectory) == [])
    }

    @Test func eachProblemIsNamedWithItsFileAndLine() throws {
        let (folder, expected) = try Self.brokenTheme()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ThemeCheck.problems(inDirectory: folder.path) == expected)
    }

    @Test func aParentThatNamesNoTemplateIsAProblem() throws {
        let (folder, _) = try Self.brokenTheme()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{<frame}}\n{{$content}}x{{/content}}\n{{/frame}}\n".write(
            to: folder.appendingPathComponent("typo.mustache"), atomically: true, encoding: .utf8)
        #expect(
            try ThemeCheck.problems(inDirectory: folder.path).contains(
                ThemeProblem(
                    file: "typo.mustache", line: 1,
                    message: "{{< frame}} names no template: the theme has no frame.mustache.")))
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = try UserCreateCommandTests.executable()
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self)
        )
    }

    @Test func theCommandPassesTheDefaultThemeAndFailsABrokenOne() throws {
        let good = try Self.run(["theme", "check", Theme.defaultDirectory])
        #expect(good.status == 0, "\(good.errors)")
        #expect(good.output == "The theme at \(Theme.defaultDirectory) has no problems.\n")

        let (folder, expected) = try Self.brokenTheme()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = try Self.run(["theme", "check", folder.path])
        #expect(broken.status == 1)
        #expect(broken.output == expected.map { "\(folder.path)/\($0)\n" }.joined())
        #expect(broken.errors == "\(expected.count) problems in the theme at \(folder.path).\n")

        let missing = try Self.run(["theme", "check", folder.path + "/nowhere"])
        #expect(missing.status == 66)
        #expect(missing.errors.hasPrefix("Cannot read the theme folder \(folder.path)/nowhere"))
    }
}

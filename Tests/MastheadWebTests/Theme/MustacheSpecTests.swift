import Foundation
import Testing

@testable import MastheadWeb

/// The official Mustache spec (`MustacheSpec/`, from github.com/mustache/spec), every test of every
/// file, against the theme's renderer: a theme author's templates are portable Mustache.
///
/// Required modules (comments, delimiters, interpolation, inverted, partials, sections): all pass.
/// Optional modules: dynamic names, all pass; inheritance, all but the indentation of standalone
/// parents and blocks (listed below); lambdas, none, since a template value holds no code.
@Suite struct MustacheSpecTests {
    /// Every test this renderer does not pass, with why: a whole file by its name, or one test as
    /// "file: test name". A listed test that starts passing fails here, so the list stays true.
    static let unsupported: [String: String] = [
        "~lambdas.json":
            "Template values are data: contexts are Swift values read before rendering, and a theme runs no code.",
        "~inheritance.json: Inherit":
            "A parent's opening and closing tags on one line are not taken as standalone, so the line's end stays.",
        "~inheritance.json: Override parent with newlines":
            "A parent's and a block's tags on one line are not taken as standalone, so the line's end stays.",
        "~inheritance.json: Standalone parent":
            "A parent's opening and closing tags on one line are not taken as standalone, nor indent the parent.",
        "~inheritance.json: Standalone block":
            "A block's tags on one line are not taken as standalone, nor indent the block's content.",
        "~inheritance.json: Block reindentation":
            "A block's content keeps the indentation it was written with; it is not re-indented where it lands.",
        "~inheritance.json: Intrinsic indentation":
            "A block's content keeps the indentation it was written with; it is not re-indented where it lands.",
        "~inheritance.json: Nested block reindentation":
            "A block's content keeps the indentation it was written with; it is not re-indented where it lands.",
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "MustacheSpec")

    static let files = [
        "comments.json", "delimiters.json", "interpolation.json", "inverted.json", "partials.json", "sections.json",
        "~dynamic-names.json", "~inheritance.json", "~lambdas.json",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let name: String
        let template: String
        let data: JSONFixture
        let partials: [String: String]
        let expected: String

        var testDescription: String { "\(file): \(name)" }
        var unsupportedBecause: String? {
            MustacheSpecTests.unsupported[file] ?? MustacheSpecTests.unsupported[testDescription]
        }
    }

    private struct SpecFile: Decodable {
        struct Test: Decodable {
            let name: String
            let template: String
            let data: JSONFixture
            let partials: [String: String]?
            let expected: String
        }
        let tests: [Test]
    }

    /// Read when the tests are listed; an unreadable file gives no cases, which
    /// ``everyFileAndTestIsRun()`` reports.
    static let cases: [Case] = files.flatMap { file -> [Case] in
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)),
            let spec = try? JSONDecoder().decode(SpecFile.self, from: data)
        else { return [] }
        return spec.tests.map {
            Case(
                file: file, name: $0.name, template: $0.template, data: $0.data, partials: $0.partials ?? [:],
                expected: $0.expected)
        }
    }

    @Test func everyFileAndTestIsRun() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(Set(onDisk) == Set(Self.files))
        #expect(Self.cases.count == 194)
        for file in Self.files { #expect(Self.cases.contains { $0.file == file }, "no tests read from \(file)") }
        let listed = Set(Self.cases.flatMap { [$0.file, $0.testDescription] })
        for entry in Self.unsupported.keys { #expect(listed.contains(entry), "\(entry) is no spec file or test") }
    }

    static func render(_ test: Case) throws -> String {
        var templates = ["": try TemplateParser.parse(test.template)]
        for (name, text) in test.partials { templates[name] = try TemplateParser.parse(text) }
        let context = try TemplateValue.from(json: test.data) ?? .fields([:])
        let bytes = try #require(TemplateLibrary(templates: templates).render(context, template: ""))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: cases) func specTest(_ test: Case) throws {
        guard let reason = test.unsupportedBecause else {
            #expect(try Self.render(test) == test.expected)
            return
        }
        // Still unsupported: the data cannot be held, or the renderer still gives something else.
        do {
            let rendered = try Self.render(test)
            #expect(rendered != test.expected, "passes now: take it off the unsupported list (\(reason))")
        } catch is UnrepresentableJSON {
            return
        }
    }
}

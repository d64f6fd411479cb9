import Foundation
import MastheadMarkdown

/// One example of a spec fixture file (the JSON that each spec's `spec_tests.py --dump-tests` writes).
struct SpecExample: Decodable {
    let markdown: String
    let html: String
    let example: Int
    let section: String
    let extensions: [String]?

    /// Loads `Fixtures/NAME.json` from the test bundle.
    static func load(_ name: String) throws -> [SpecExample] {
        try JSONDecoder().decode([SpecExample].self, from: Fixture.data(name + ".json"))
    }

    /// The options an example asks for: only the extensions it names.
    var options: MarkdownOptions {
        let names = Set(extensions ?? [])
        return MarkdownOptions(
            tables: names.contains("table"), strikethrough: names.contains("strikethrough"),
            autolinks: names.contains("autolink"), footnotes: names.contains("footnotes"),
            tagfilter: names.contains("tagfilter"), taskLists: names.contains("tasklist"))
    }
}

enum Fixture {
    static func data(_ file: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/" + file, withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: file])
        }
        return try Data(contentsOf: url)
    }
}

/// Runs examples and sorts them into passes, expected failures and surprises, for one summary assertion.
struct ConformanceRun {
    var passed = 0
    var unexpectedFailures: [String] = []
    var knownFailuresThatPass: [Int] = []

    init(_ examples: [SpecExample], knownFailures: [Int: String], options: (SpecExample) -> MarkdownOptions) {
        for example in examples {
            let actual = Markdown.html(example.markdown, options: options(example))
            let ok =
                example.html == "<IGNORE>\n" || actual == example.html
                || HTMLNormalizer.normalize(actual) == HTMLNormalizer.normalize(example.html)
            if ok {
                passed += 1
                if knownFailures[example.example] != nil { knownFailuresThatPass.append(example.example) }
            } else if knownFailures[example.example] == nil {
                unexpectedFailures.append(
                    "#\(example.example) (\(example.section)): \(example.markdown.debugDescription)\n"
                        + "  expected \(example.html.debugDescription)\n  actual   \(actual.debugDescription)")
            }
        }
    }
}

import Foundation
import Testing

/// What a newsroom role may do is decided in MastheadCore (``StaffPolicy``, ``Workflow``, ``Role``),
/// and nowhere else: the write layer and the controllers ask those rules, never test a role's
/// capabilities themselves, so no surface can grow its own copy of a rule.
@Suite struct PolicyPlacementTests {
    /// A role's capabilities read directly, an account's role compared with a named role, or a
    /// workflow rule applied by hand.
    static let pieces = [
        #"\.(writes|editsAnyStory|managesTopicsAndAuthors|administers|moderates)\b"#, #"\.mayEdit\(ownStory"#,
        #"\.role\s*(==|!=|<|>)\s*\."#, #"Workflow\.mayMake\b"#,
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func holders(in targets: [String]) throws -> Set<String> {
        let pieces = try Self.pieces.map { try Regex($0) }
        var holders: Set<String> = []
        for target in targets {
            let folder = sources.appendingPathComponent(target)
            let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let file as URL in files where file.pathExtension == "swift" {
                let text = try String(contentsOf: file, encoding: .utf8)
                if pieces.contains(where: { text.contains($0) }) {
                    holders.insert(file.path.replacingOccurrences(of: sources.path + "/", with: ""))
                }
            }
        }
        return holders
    }

    @Test func rolesAreTestedOnlyWhereTheRulesAreWritten() throws {
        #expect(try Self.holders(in: ["MastheadWeb", "MastheadStore", "masthead"]).isEmpty)
        // Found where the rules are, so the scan is known to see the sources and recognise them.
        #expect(
            try Self.holders(in: ["MastheadCore"])
                == ["MastheadCore/StaffPolicy.swift", "MastheadCore/Workflow.swift"])
    }
}

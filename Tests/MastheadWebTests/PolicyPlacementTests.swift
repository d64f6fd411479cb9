import Foundation
import Testing

/// What a newsroom role may do is decided in MastheadCore (``StaffPolicy``, ``Workflow``, ``Role``),
/// and nowhere else: the write layer and the controllers ask those rules, never test a role's
/// capabilities themselves, so no surface can grow its own copy of a rule.
@Suite struct PolicyPlacementTests {
    /// A role's capabilities read directly, an account's role compared with, switched on or matched
    /// against a named role, or a workflow rule applied by hand. (`.author` is left out of the named
    /// roles: routes and badges have cases of that name; a switch on a role is caught by its `switch`.)
    static let pieces = [
        #"\.(writes|editsAnyStory|managesTopicsAndAuthors|administers|moderates)\b"#, #"\.mayEdit\(ownStory"#,
        #"\.role\s*(==|!=|<|>)\s*\."#, #"Workflow\.(mayMake|available)\b"#, #"switch\s+(\w+\.)*role\b"#,
        #"\bcase\s+\.(contributor|editor|moderator|admin)\b"#, #"\.contains\((\w+\.)*role\)"#,
    ]

    /// Every target but MastheadCore, where the rules are written: a new target is scanned too.
    static func targetsOutsideCore() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).filter {
            $0 != "MastheadCore" && !$0.hasPrefix(".")
        }.sorted()
    }

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
        let targets = try Self.targetsOutsideCore()
        #expect(Set(["MastheadWeb", "MastheadStore", "MastheadImport", "masthead"]).isSubset(of: targets))
        #expect(try Self.holders(in: targets).isEmpty)
        // Found where the rules are, so the scan is known to see the sources and recognise them.
        #expect(
            try Self.holders(in: ["MastheadCore"])
                == ["MastheadCore/StaffPolicy.swift", "MastheadCore/Workflow.swift"])
    }

    /// Each way of testing a role by hand is recognised, not only comparisons.
    @Test func theScanRecognisesEveryWayOfTestingARole() throws {
        let pieces = try Self.pieces.map { try Regex($0) }
        for line in [
            "switch account.role {", "switch role {", "case .admin:", "if case .editor = key.role {",
            "[.editor, .admin].contains(account.role)", "account.role == .moderator", "role.administers",
            "Workflow.available(from: status, role: role, ownStory: own)",
        ] {
            #expect(pieces.contains { line.contains($0) }, "\(line)")
        }
        for line in ["case .author(let slug):", "switch self {", "case .staff:"] {
            #expect(!pieces.contains { line.contains($0) }, "\(line)")
        }
    }
}

import Foundation
import MastheadCore
import Testing

@Suite struct ReportReasonTests {
    @Test func offersEachReasonWithAFixedValueAndALabel() throws {
        #expect(ReportReason.allCases.map(\.rawValue) == ["spam", "abuse", "off-topic", "misinformation", "other"])
        #expect(
            ReportReason.allCases.map(\.label) == [
                "Spam or advertising", "Abusive or hateful", "Off topic", "False or misleading", "Something else",
            ])
        let decoded = try JSONDecoder().decode([ReportReason].self, from: Data(#"["off-topic","spam"]"#.utf8))
        #expect(decoded == [.offTopic, .spam])
    }

    @Test func acceptsAKnownReasonWithOrWithoutANote() {
        #expect(report("spam", nil) == .success(CommentReport(reason: .spam)))
        #expect(report("off-topic", "  \n ") == .success(CommentReport(reason: .offTopic)))
        #expect(report("abuse", "\u{200B}") == .success(CommentReport(reason: .abuse)))
        #expect(
            report("misinformation", " The date\u{0} is wrong.\u{202E} \n")
                == .success(CommentReport(reason: .misinformation, note: "The date is wrong.")))
        #expect(report("other", "Impersonates me") == .success(CommentReport(reason: .other, note: "Impersonates me")))
    }

    @Test func needsAReasonItKnows() {
        #expect(report(nil, "note") == .failure(.reasonMissing))
        #expect(report("", nil) == .failure(.reasonMissing))
        for unknown in ["Spam", " spam", "offTopic", "<script>", "other\n"] {
            #expect(report(unknown, nil) == .failure(.reasonUnknown))
        }
    }

    @Test func keepsTheNoteShort() {
        let limit = String(repeating: "n", count: 500)
        #expect(report("spam", limit) == .success(CommentReport(reason: .spam, note: limit)))
        #expect(report("spam", limit + "n") == .failure(.noteTooLong(count: 501)))
        #expect(report("spam", String(repeating: "👨🏽‍👩🏽‍👧🏽‍👦🏽", count: 500)) == .failure(.noteTooComplex))
    }

    @Test func needsANoteForSomethingElse() {
        for note in [nil, "", "   ", "\u{0}\u{200B}"] {
            #expect(report("other", note) == .failure(.noteMissing))
        }
    }

    @Test func explainsEachProblemInASentence() {
        let all: [ReportProblem] = [
            .reasonMissing, .reasonUnknown, .noteTooLong(count: 501), .noteTooComplex, .noteMissing,
        ]
        #expect(all.map(\.description).allSatisfy { $0.hasSuffix(".") && $0.first!.isUppercase })
        #expect(ReportProblem.noteTooLong(count: 501).description.contains("501"))
    }

    private func report(_ reason: String?, _ note: String?) -> Result<CommentReport, ReportProblem> {
        CommentReport.validated(reason: reason, note: note)
    }
}

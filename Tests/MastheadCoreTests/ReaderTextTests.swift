import MastheadCore
import Testing

@Suite struct ReaderTextTests {
    @Test(arguments: [
        "\u{3164}", "\u{3164}\u{3164}\u{3164}", "\u{2800}", "\u{200C}\u{200D}\u{FEFF}", "\u{115F}\u{1160}",
        "\u{FFA0}", " \u{200B} \n\u{2060}", "\u{E0020}\u{E007F}", "\u{FE0F}",
    ])
    func textThatShowsAsNothingIsBlank(text: String) {
        #expect(ReaderText.isBlank(text))
    }

    @Test(arguments: ["a", "Ola\u{200B}", "👨‍👩‍👧‍👦", "❤️", "\u{2801}", "中"])
    func textWithSomethingToSeeIsNotBlank(text: String) {
        #expect(!ReaderText.isBlank(text))
    }

    @Test func marksAreCountedPerCharacter() {
        #expect(ReaderText.mostMarksOnOneCharacter("Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t") == 2)
        #expect(ReaderText.mostMarksOnOneCharacter("1️⃣ 👨‍👩‍👧‍👦") == 2)
        #expect(ReaderText.mostMarksOnOneCharacter("Z" + String(repeating: "\u{0301}", count: 300)) == 300)
    }
}

@Suite struct CommentSubmissionLimitTests {
    private func problems(name: String, body: String) -> [CommentSubmission.Problem] {
        switch CommentSubmission(displayName: name, body: body).validated() {
        case .success: return []
        case .failure(let failure): return failure.problems
        }
    }

    @Test func invisibleNamesAndBodiesAreRefusedAsMissing() {
        for invisible in ["\u{3164}", "\u{2800}", "\u{200C}\u{200D}\u{FEFF}", "\u{3164}\u{2800} \u{200B}"] {
            #expect(
                problems(name: invisible, body: invisible) == [.nameMissing, .bodyMissing],
                "\(invisible.debugDescription)")
        }
    }

    @Test func combiningMarksCannotSmuggleLengthPastTheLimits() {
        let stackedName = "Z" + String(repeating: "\u{0301}", count: 30_000)
        #expect(problems(name: stackedName, body: "hi") == [.nameTooComplex])

        let clusters = String(repeating: "a" + String(repeating: "\u{0301}", count: 300), count: 80)
        #expect(problems(name: clusters, body: "hi") == [.nameTooComplex])
        #expect(problems(name: "Ola", body: clusters) == [.bodyHasStackedMarks(count: 300)])

        let longBody = String(
            repeating: "e\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}", count: 4_500)
        #expect(problems(name: "Ola", body: longBody) == [.bodyTooComplex])
    }

    @Test func realLanguagesAndEmojiStayWithinTheLimits() {
        #expect(problems(name: "Nguyễn Thị Minh Khai", body: "Tiếng Việt có dấu. 👨‍👩‍👧‍👦 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿").isEmpty)
        #expect(problems(name: "בְּרֵאשִׁית", body: "हिन्दी में टिप्पणी").isEmpty)
    }

    @Test func stackedMarksOnANameAreNamedInTheProblem() {
        let name = "A" + String(repeating: "\u{0308}", count: 9)
        #expect(problems(name: name, body: "hi") == [.nameHasStackedMarks(count: 9)])
        #expect(CommentSubmission.Problem.nameHasStackedMarks(count: 9).description.contains("at most 8"))
    }
}

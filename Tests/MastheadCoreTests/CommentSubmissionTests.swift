import MastheadCore
import Testing

@Suite struct CommentSubmissionTests {
    @Test func acceptsAndTrimsAnOrdinaryComment() throws {
        let result = try CommentSubmission(displayName: "  Ola ", body: "\n Good piece. \n").validated().get()
        #expect(result == CommentSubmission(displayName: "Ola", body: "Good piece."))
    }

    @Test func dropsInvisibleControlAndDirectionCharacters() throws {
        let result = try CommentSubmission(displayName: "Ola\u{202E}evil", body: "a\u{0}b\u{7}c\n\td").validated().get()
        #expect(result == CommentSubmission(displayName: "Olaevil", body: "abc\n\td"))
        #expect(problems(name: "Ola", body: "\u{0}\u{1}") == [.bodyMissing])
    }

    @Test func refusesEmptyAndBlankComments() {
        for body in ["", "   \n\t "] {
            #expect(problems(name: "Ola", body: body) == [.bodyMissing])
        }
    }

    @Test func refusesCommentsOverFiveThousandCharacters() {
        let limit = String(repeating: "a", count: 5_000)
        #expect(problems(name: "Ola", body: limit).isEmpty)
        #expect(problems(name: "Ola", body: limit + "b") == [.bodyTooLong(count: 5_001)])
    }

    @Test func needsANameOfSensibleLength() {
        #expect(problems(name: " ", body: "hi") == [.nameMissing])
        #expect(problems(name: String(repeating: "n", count: 81), body: "hi") == [.nameTooLong(count: 81)])
    }

    @Test func reportsEveryProblemAtOnceInPlainWords() {
        let found = problems(name: "", body: "")
        #expect(found == [.nameMissing, .bodyMissing])
        #expect(found.map(\.description).allSatisfy { $0.hasSuffix(".") && !$0.isEmpty })
    }

    private func problems(name: String, body: String) -> [CommentSubmission.Problem] {
        switch CommentSubmission(displayName: name, body: body).validated() {
        case .success: return []
        case .failure(let failure): return failure.problems
        }
    }
}

@Suite struct CharacterLimitTests {
    @Test func textIsMeasuredInCharactersWhateverItsBytes() {
        #expect(!"abc".exceeds(characters: 3))
        #expect("abcd".exceeds(characters: 3))
        // Four bytes each, one character each: within the limit in characters though not in bytes.
        #expect(!"żółw".exceeds(characters: 4))
        #expect(!"👩‍👩‍👧‍👦👍".exceeds(characters: 2))
        #expect("👩‍👩‍👧‍👦👍👍".exceeds(characters: 2))
    }
}

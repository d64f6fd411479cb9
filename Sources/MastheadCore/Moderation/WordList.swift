/// Words and phrases an editor lists (banned words, suspect words), found in a comment whole, whatever
/// their case, accents or spacing.
///
/// An entry is read as ``ModerationText`` reads a comment, so `bad word` finds `Bad   word` and
/// `BAD, word`, and `ass` never finds `class`. A word spelled out a letter at a time (`s.p.a.m`,
/// `s p a m`) is found too, under the rules of ``ModerationText/joiningSpelledOut(_:)``. Entries are
/// never regular expressions: `(a+)+$` is the words `a`, `+`, `+` and `$`, and nothing an editor types
/// can make matching slow, which stays one pass over the comment (``PhraseAutomaton``). An entry with
/// no letters, digits or symbols (blank, or punctuation only) matches nothing.
///
/// Letter swaps (`sp4m`, `@ss`), repeated letters (`spaaam`) and look-alike letters from other
/// alphabets are not undone: each would turn ordinary words and numbers into matches.
public struct WordList: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// The entries as the editor typed them, for settings to store and show.
    public let words: [String]
    private let automaton: PhraseAutomaton

    public init(_ words: [String]) {
        self.words = words
        automaton = PhraseAutomaton(words.map(ModerationText.foldedWords))
    }

    public init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// The entry found first in `text`, as the editor typed it, or nil when there is none.
    public func firstMatch(in text: String) -> String? {
        guard !words.isEmpty else { return nil }
        let found = ModerationText.words(text)
        let match =
            automaton.firstMatch(in: found.map(\.text))
            ?? ModerationText.joiningSpelledOut(found).flatMap(automaton.firstMatch(in:))
        return match.map { words[$0] }
    }

    /// Two lists are the same when their entries are, in order.
    public static func == (lhs: WordList, rhs: WordList) -> Bool {
        lhs.words == rhs.words
    }
}

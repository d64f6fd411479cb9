import Foundation

/// How moderation reads text, a comment or an entry in a word list alike: as a sequence of words,
/// folded so that spelling tricks that change nothing for a reader change nothing here either.
///
/// Case, accents and full-width forms are folded (`Café` is `cafe`, `ＳＰＡＭ` is `spam`); invisible
/// characters such as zero-width spaces and soft hyphens are dropped, so `sp\u{200B}am` is `spam`;
/// whitespace and punctuation separate words. A symbol (an emoji, `$`, `+`) is a word of its own, and
/// so is each Chinese character or Japanese kana, because those scripts put no spaces between words.
/// Everything is one pass over the text's Unicode scalars.
enum ModerationText {
    struct Word {
        var text: String
        /// The only character between this word and the next, when there is exactly one.
        var gap: Unicode.Scalar?
    }

    /// Comments repeating one of fewer words than this are not repeats (see
    /// ``ModerationCheck/repeatedComment``).
    static let shortestRepeat = 5

    /// The text is folded after a space because folding treats the very start of a text differently
    /// (a skin-tone modifier or a combining mark there is kept); that way a list entry folds exactly as
    /// the same words do inside a comment.
    static func words(_ text: String) -> [Word] {
        let folded = (" " + text).folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
        ).lowercased()
        var words: [Word] = []
        var word = String.UnicodeScalarView()
        var separator: Unicode.Scalar?
        var separators = 0
        func start() {
            if !words.isEmpty { words[words.count - 1].gap = separators == 1 ? separator : nil }
            separators = 0
        }
        func end() {
            guard !word.isEmpty else { return }
            words.append(Word(text: String(word)))
            word = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            switch ScalarRole(scalar) {
            case .letter:
                if word.isEmpty { start() }
                word.append(scalar)
            case .mark:
                if !word.isEmpty { word.append(scalar) }
            case .invisible:
                continue
            case .standalone:
                end()
                start()
                word.append(scalar)
                end()
            case .separator:
                end()
                separator = scalar
                separators += 1
            }
        }
        end()
        return words
    }

    /// The words alone, for comparing texts: a comment with the commenter's others, a list entry with
    /// a comment.
    static func foldedWords(_ text: String) -> [String] {
        words(text).map(\.text)
    }

    /// The words again with any word spelled out a letter at a time (`s.p.a.m`, `s p a m`, `s-p-a-m`)
    /// joined back into one, or nil when there is none. To stay clear of ordinary text, a spelled-out
    /// word needs at least three single letters, each followed by the same single space or punctuation
    /// mark: initials (`J. R. R.`), lists (`a, b or c`) and one letter per line are left as they are.
    static func joiningSpelledOut(_ words: [Word]) -> [String]? {
        var joined: [String] = []
        var didJoin = false
        var index = 0
        while index < words.count {
            var last = index
            if let gap = words[index].gap, isSpellingGap(gap), isSingleLetter(words[index].text) {
                while last + 1 < words.count, words[last].gap == gap, isSingleLetter(words[last + 1].text) {
                    last += 1
                }
            }
            if last - index >= 2 {
                joined.append(words[index...last].map(\.text).joined())
                didJoin = true
                index = last + 1
            } else {
                joined.append(words[index].text)
                index += 1
            }
        }
        return didJoin ? joined : nil
    }

    private static func isSpellingGap(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || ScalarRole.punctuation.contains(scalar.properties.generalCategory)
    }

    private static func isSingleLetter(_ word: String) -> Bool {
        guard let scalar = word.unicodeScalars.first, word.unicodeScalars.count == 1 else { return false }
        return ScalarRole(scalar) == .letter && scalar.properties.isAlphabetic
    }
}

/// What one (already folded) scalar is to a word.
private enum ScalarRole: Equatable {
    case letter, mark, invisible, standalone, separator

    static let punctuation: Set<Unicode.GeneralCategory> = [
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation,
    ]

    init(_ scalar: Unicode.Scalar) {
        let properties = scalar.properties
        switch properties.generalCategory {
        case _ where ReaderText.isInvisible(scalar), .format:
            self = .invisible
        case .nonspacingMark, .spacingMark, .enclosingMark:
            self = .mark
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            self = .standalone
        case _ where properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value):
            self = .standalone
        case _ where properties.isAlphabetic || properties.numericType != nil:
            self = .letter
        default:
            self = .separator
        }
    }
}

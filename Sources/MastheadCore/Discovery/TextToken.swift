/// A word or a punctuation mark of plain text, as the entity and quote readers see it.
struct TextToken: Sendable {
    enum Kind: Sendable { case word, punctuation, paragraphBreak }

    var kind: Kind
    /// The word without a possessive ending ("Trump" for "Trump’s"), or the punctuation mark.
    var text: String
    /// Lowercased, for the word lists (which are ASCII).
    var lower: String
    /// The word's ``NamedEntities/key(_:)``, for the lexicon.
    var key: String
    /// Where the token starts and ends in the text's Unicode scalars; a possessive ending is outside.
    var start: Int
    var end: Int
    var possessive = false

    var isCapitalised: Bool { kind == .word && text.unicodeScalars.first?.properties.isUppercase == true }

    func isPunctuation(_ marks: Set<String>) -> Bool { kind == .punctuation && marks.contains(text) }
}

extension TextToken {
    /// The tokens of `scalars`. Scalars rather than Characters so that a mark joined to a quote or a
    /// full stop cannot hide it, and so that any input is read in one linear pass.
    static func tokens(_ scalars: [Unicode.Scalar]) -> [TextToken] {
        var tokens: [TextToken] = []
        var position = 0
        var newlines = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar.properties.isWhitespace {
                if scalar == "\n" || scalar == "\u{2029}" { newlines += scalar == "\n" ? 1 : 2 }
                position += 1
                continue
            }
            if newlines >= 2, !tokens.isEmpty {
                tokens.append(
                    TextToken(kind: .paragraphBreak, text: "", lower: "", key: "", start: position, end: position))
            }
            newlines = 0
            if scalar.isWordStart {
                let word = readWord(scalars, from: position)
                tokens.append(word)
                position = word.end + (word.possessive ? 2 : 0)
            } else {
                let mark = String(scalar)
                tokens.append(
                    TextToken(
                        kind: .punctuation, text: mark, lower: mark, key: mark, start: position, end: position + 1))
                position += 1
            }
        }
        return tokens
    }

    /// One word from `start`: letters, digits and marks, with an apostrophe inside (O’Brien), a hyphen
    /// before a capital (Jean-Claude, Guinea-Bissau) and the full stops of initials, short forms like
    /// U.S. and abbreviated titles (Mr., Gen.). A hyphen before a small letter ends the word, so
    /// "U.S.-funded" names the United States.
    private static func readWord(_ scalars: [Unicode.Scalar], from start: Int) -> TextToken {
        var text = String.UnicodeScalarView()
        var position = start
        var segment = 0
        var possessive = false
        func scalar(at offset: Int) -> Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }
        reading: while let current = scalar(at: position) {
            if current.isWordStart || (current.isMark && !text.isEmpty) {
                text.append(current)
                segment += 1
                position += 1
            } else if current == ".", isInitialOrAbbreviation(text, segment: segment) {
                text.append(current)
                position += 1
                guard segment == 1, scalar(at: position)?.properties.isAlphabetic == true else { break reading }
                segment = 0
            } else if current.isApostrophe, let next = scalar(at: position + 1), next.properties.isAlphabetic {
                if next == "s" || next == "S", scalar(at: position + 2).map({ !$0.isWordStart }) ?? true {
                    possessive = true
                    break reading
                }
                text.append(current)
                segment = 0
                position += 1
            } else if current.isHyphen, scalar(at: position + 1)?.properties.isUppercase == true {
                text.append(current)
                segment = 0
                position += 1
            } else {
                break reading
            }
        }
        let word = String(text)
        return TextToken(
            kind: .word, text: word, lower: word.lowercased(), key: NamedEntities.key(word), start: start,
            end: position, possessive: possessive)
    }
}

extension TextToken {
    /// A single letter before a full stop is an initial (or part of "U.S."); a digit is not, so
    /// "rose by 3." still ends its sentence.
    fileprivate static func isInitialOrAbbreviation(_ text: String.UnicodeScalarView, segment: Int) -> Bool {
        if segment == 1 { return text.last?.properties.isAlphabetic == true }
        return NameWords.abbreviations.contains(String(text).lowercased())
    }
}

extension Unicode.Scalar {
    fileprivate var isWordStart: Bool { properties.isAlphabetic || properties.numericType != nil }

    fileprivate var isMark: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    fileprivate var isApostrophe: Bool { self == "'" || self == "\u{2019}" || self == "\u{02BC}" }

    fileprivate var isHyphen: Bool { self == "-" || self == "\u{2010}" || self == "\u{2011}" }
}

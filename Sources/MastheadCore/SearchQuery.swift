/// What a reader typed into search, reduced to words, prefixes (`tariff*`) and quoted phrases, and
/// written out for each database's full-text syntax with every term quoted or stripped to letters
/// and digits: no operator, quote or bracket a reader types ever reaches the search engine.
public struct SearchQuery: Sendable, Equatable {
    public enum Term: Sendable, Equatable {
        case word(String, prefix: Bool)
        case phrase([String])
    }

    public var terms: [Term]
    /// Whether the text was cut to ``maximumLength`` before reading.
    public var truncated: Bool

    public static let maximumLength = 500
    public static let maximumTerms = 12
    public static let maximumWordLength = 64

    public init(_ text: String) {
        truncated = text.count > Self.maximumLength
        var terms: [Term] = []
        var phrase: [String]?
        var word = ""
        func endWord(prefix: Bool) {
            guard !word.isEmpty else { return }
            let cut = String(word.prefix(Self.maximumWordLength)).lowercased()
            if phrase != nil { phrase!.append(cut) } else { terms.append(.word(cut, prefix: prefix)) }
            word = ""
        }
        // Scalars, not Characters: a Character is judged by its first scalar, and some letters join
        // with whatever follows (U+0D4E and a quote are one Character), which would smuggle the
        // quote into a term.
        for character in text.prefix(Self.maximumLength).unicodeScalars {
            if character.properties.isAlphabetic || character.properties.numericType != nil {
                word.unicodeScalars.append(character)
            } else if character == "*" {
                endWord(prefix: phrase == nil)
            } else if character == "\"" {
                endWord(prefix: false)
                if let open = phrase {
                    if !open.isEmpty { terms.append(open.count == 1 ? .word(open[0], prefix: false) : .phrase(open)) }
                    phrase = nil
                } else {
                    phrase = []
                }
            } else {
                endWord(prefix: false)
            }
        }
        endWord(prefix: false)
        // An unclosed quote still counts as a phrase: the reader's words are not thrown away.
        if let open = phrase, !open.isEmpty {
            terms.append(open.count == 1 ? .word(open[0], prefix: false) : .phrase(open))
        }
        self.terms = Array(terms.prefix(Self.maximumTerms))
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// For SQLite FTS5's `MATCH`: each term in double quotes (letters and digits only, so no quote to
    /// escape), prefixes with `*` outside the quotes, terms side by side meaning AND.
    public var fts5: String {
        terms.map { term in
            switch term {
            case .word(let word, let prefix): return "\"\(word)\"" + (prefix ? "*" : "")
            case .phrase(let words): return "\"\(words.joined(separator: " "))\""
            }
        }.joined(separator: " ")
    }

    /// For PostgreSQL's `to_tsquery('simple', …)`: words, `:*` prefixes, `<->` phrases, joined by `&`.
    public var tsquery: String {
        terms.map { term in
            switch term {
            case .word(let word, let prefix): return word + (prefix ? ":*" : "")
            case .phrase(let words): return "(" + words.joined(separator: " <-> ") + ")"
            }
        }.joined(separator: " & ")
    }
}

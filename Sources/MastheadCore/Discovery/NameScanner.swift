/// Reads the names in one sentence: each run of capitalised words is split into titles, names the
/// lexicon knows, and unknown names, which are read by their shape.
struct NameScanner {
    /// A piece of a run: one unknown word, or the words of one lexicon entry.
    private struct Part {
        var tokens: Range<Int>
        var entry: Lexicon.Entry?
    }

    private let tokens: [TextToken]
    private let lexicon: Lexicon
    /// A sentence in capitals (a shouted headline) gives no clue which words are names: only known
    /// names are read from it.
    private let isShouting: Bool

    static func mentions(in tokens: [TextToken], lexicon: Lexicon) -> [NameMention] {
        NameScanner(tokens: tokens, lexicon: lexicon).mentions()
    }

    private init(tokens: [TextToken], lexicon: Lexicon) {
        self.tokens = tokens
        self.lexicon = lexicon
        isShouting = !tokens.contains { token in
            token.kind == .word && token.text.unicodeScalars.contains(where: \.properties.isLowercase)
        }
    }

    private func mentions() -> [NameMention] {
        var mentions: [NameMention] = []
        // A role in lower case names the person after it, even across the comma of an apposition:
        // "Trump’s Middle East envoy, Steve Witkoff".
        var afterRole = false
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind != .word {
                afterRole = afterRole && token.text == ","
                index += 1
            } else if !token.isCapitalised {
                afterRole = NameWords.titles.contains(token.lower)
                index += 1
            } else {
                let parts = run(from: index)
                if let last = parts.last {
                    mentions += read(parts, afterRole: afterRole)
                    index = last.tokens.upperBound
                } else {
                    index += 1
                }
                afterRole = false
            }
        }
        return mentions
    }

    /// The capitalised run from `start`, joined over small connectors ("Bank of England") and ended
    /// by a possessive, a stopword or anything not capitalised. Lexicon entries are matched first,
    /// so "The Hague" and "Bosnia and Herzegovina" hold together.
    private func run(from start: Int) -> [Part] {
        var parts: [Part] = []
        var index = start
        while index < tokens.count, tokens[index].isCapitalised {
            if let match = lexicon.match(tokens, at: index) {
                parts.append(Part(tokens: index..<index + match.length, entry: match.entry))
                index += match.length
            } else if NameWords.isStopword(tokens[index]) {
                break
            } else {
                parts.append(Part(tokens: index..<index + 1))
                index += 1
            }
            if tokens[index - 1].possessive { break }
            var next = index
            while next < tokens.count, next - index < 2, tokens[next].kind == .word, !tokens[next].isCapitalised,
                NameWords.connectors.contains(tokens[next].lower)
            {
                next += 1
            }
            if next > index {
                guard next < tokens.count, tokens[next].isCapitalised else { break }
                guard !NameWords.isStopword(tokens[next]) || lexicon.match(tokens, at: next) != nil else { break }
                index = next
            }
        }
        return parts
    }

    /// A run's mentions. The last title in it ("U.S. Defense Secretary Pete Hegseth") splits it: what
    /// follows is a person's name; before it, only known names count ("U.S."), so "Defense" is no one.
    private func read(_ parts: [Part], afterRole: Bool) -> [NameMention] {
        let runStart = parts[0].tokens.lowerBound
        guard let lastTitle = parts.indices.dropLast().last(where: { isTitle(parts[$0]) }) else {
            return read(parts[...], runStart: runStart, titled: afterRole, unknownNames: !isShouting)
        }
        var name = parts[(lastTitle + 1)...]
        while name.count >= 3, let first = name.first, first.entry == nil,
            NameWords.portfolioWords.contains(tokens[first.tokens.lowerBound].lower)
        {
            name = name.dropFirst()
        }
        return read(parts[..<lastTitle], runStart: runStart, titled: false, unknownNames: false)
            + read(name, runStart: runStart, titled: true, unknownNames: !isShouting)
    }

    private func read(
        _ parts: ArraySlice<Part>, runStart: Int, titled: Bool, unknownNames: Bool
    ) -> [NameMention] {
        func mention(_ range: Range<Int>, _ reading: NameMention.Reading, titled: Bool) -> NameMention {
            NameMention(
                reading: reading, tokens: range, runStart: runStart, isTitled: titled,
                isPossessive: tokens[range.upperBound - 1].possessive,
                isSpeaking: isSpeaking(after: range.upperBound, runStart: runStart))
        }
        func written(_ parts: some Collection<Part>) -> (Range<Int>, String)? {
            guard let first = parts.first?.tokens.lowerBound, let last = parts.map(\.tokens.upperBound).last else {
                return nil
            }
            return (first..<last, tokens[first..<last].map(\.text).joined(separator: " "))
        }

        var mentions: [NameMention] = []
        if parts.contains(where: isOrganisationWord) {
            // "U.S. Justice Department": the country is named apart; "Indian Ministry of External
            // Affairs" keeps its adjective.
            var rest = parts
            while let first = rest.first, let entry = first.entry, !entry.isDemonym {
                mentions.append(mention(first.tokens, .known(entry), titled: false))
                rest = rest.dropFirst()
            }
            if !isShouting, let (range, name) = written(rest) {
                mentions.append(mention(range, .organisation(name), titled: false))
            }
            return mentions
        }

        var chunk: [Part] = []
        var chunkTitled = titled
        func endChunk() {
            if unknownNames, let (range, name) = written(chunk) {
                if chunk.count == 1 {
                    mentions.append(mention(range, .single(name), titled: chunkTitled))
                } else if chunk.count <= (chunkTitled ? 4 : 3) {
                    mentions.append(mention(range, .person(name), titled: chunkTitled))
                }
            }
            chunk = []
            chunkTitled = false
        }
        for part in parts {
            if let entry = part.entry {
                endChunk()
                mentions.append(mention(part.tokens, .known(entry), titled: false))
            } else if isTitle(part) {
                endChunk()
            } else if let entries = lexicon.entries(joinedIn: tokens[part.tokens.lowerBound].text) {
                endChunk()
                mentions += entries.map { mention(part.tokens, .known($0), titled: false) }
            } else {
                chunk.append(part)
            }
        }
        endChunk()
        return mentions
    }

    private func isTitle(_ part: Part) -> Bool {
        part.entry == nil && NameWords.titles.contains(tokens[part.tokens.lowerBound].lower)
    }

    private func isOrganisationWord(_ part: Part) -> Bool {
        part.entry == nil && NameWords.organisationWords.contains(tokens[part.tokens.lowerBound].lower)
    }

    private func isSpeaking(after end: Int, runStart: Int) -> Bool {
        if end < tokens.count, tokens[end].kind == .word, NameWords.speechVerbs.contains(tokens[end].lower) {
            return true
        }
        return runStart >= 2 && tokens[runStart - 2].lower == "according" && tokens[runStart - 1].lower == "to"
    }
}

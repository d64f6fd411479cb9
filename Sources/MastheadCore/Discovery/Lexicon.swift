/// Every name the extractor recognises on sight, from the gazetteer and the site's directory, looked
/// up by the keys of the words as written.
struct Lexicon: Sendable {
    struct Entry: Sendable {
        var name: String
        var kind: EntityKind
        /// An adjective that names the place ("Indian"): it stays outside organisation names.
        var isDemonym = false
        /// The words as the entry spells them, for the capitalisation check.
        var words: [String] = []
    }

    private var entries: [String: [Entry]] = [:]
    private var longestPhrase = 1

    /// The gazetteer alone, built once.
    static let gazetteer: Lexicon = {
        var lexicon = Lexicon()
        for (rows, kind) in [
            (Gazetteer.countries, EntityKind.place), (Gazetteer.cities, .place), (Gazetteer.regions, .place),
            (Gazetteer.organisations, .organisation),
        ] {
            for row in rows { lexicon.add(row, as: Entry(name: row[0], kind: kind)) }
        }
        for row in Gazetteer.demonyms {
            let adjectives = row.dropFirst()
            // Plural forms name the place too: "Ukrainians", "Pakistanis", "Slovaks", "Filipinos".
            let plurals = adjectives.filter { ["n", "i", "k", "o"].contains($0.last) }.map { $0 + "s" }
            lexicon.add(adjectives + plurals, as: Entry(name: row[0], kind: .place, isDemonym: true))
        }
        return lexicon
    }()

    /// The gazetteer with the directory's entities, which take precedence: an editor's word beats the
    /// built-in list.
    init(directory: EntityDirectory) {
        self = Self.gazetteer
        for entity in directory.known.reversed() {
            add([entity.name] + entity.aliases, as: Entry(name: entity.name, kind: entity.kind), first: true)
        }
    }

    private init() {}

    private mutating func add(_ spellings: some Sequence<String>, as entry: Entry, first: Bool = false) {
        for spelling in spellings {
            let words = TextToken.tokens(Array(spelling.unicodeScalars)).filter { $0.kind == .word }.map(\.text)
            guard !words.isEmpty else { continue }
            var spelled = entry
            spelled.words = words
            let key = words.map(NamedEntities.key).joined(separator: " ")
            var spellings = entries[key] ?? []
            if first { spellings.insert(spelled, at: 0) } else { spellings.append(spelled) }
            entries[key] = spellings
            longestPhrase = max(longestPhrase, words.count)
        }
    }

    /// The longest entry whose words start at `start`, with how many tokens it covers. A phrase runs
    /// over adjacent words only and ends at a possessive ("United States’").
    func match(_ tokens: [TextToken], at start: Int) -> (entry: Entry, length: Int)? {
        guard tokens[start].isCapitalised else { return nil }
        var key = ""
        var found: (entry: Entry, length: Int)?
        var end = start
        while end < tokens.count, end - start < longestPhrase, tokens[end].kind == .word {
            key += (end == start ? "" : " ") + tokens[end].key
            end += 1
            if let entry = entries[key]?.first(where: { Self.spells($0.words, tokens[start..<end].map(\.text)) }) {
                found = (entry, end - start)
            }
            if tokens[end - 1].possessive { break }
        }
        return found
    }

    /// The entries for each half of a joined name ("Russia-Ukraine talks"), when every half is known.
    func entries(joinedIn word: String) -> [Entry]? {
        let halves = word.split(whereSeparator: { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" }).map(String.init)
        guard halves.count >= 2 else { return nil }
        let found = halves.compactMap { half in
            entries[NamedEntities.key(half)]?.first { $0.words.count == 1 && Self.spells($0.words, [half]) }
        }
        return found.count == halves.count ? found : nil
    }

    /// Capitals must be capitals in the text, and an all-capitals short form ("US", "WHO") must be
    /// written exactly so: "us" and "Who" are words.
    private static func spells(_ words: [String], _ written: [String]) -> Bool {
        zip(words, written).allSatisfy { word, text in
            let letters = word.unicodeScalars.filter(\.properties.isAlphabetic)
            if letters.count >= 2, letters.allSatisfy(\.properties.isUppercase) { return text == word }
            return word.unicodeScalars.first?.properties.isUppercase != true
                || text.unicodeScalars.first?.properties.isUppercase == true
        }
    }
}

/// Who said what: the sentences of an article that attribute a statement to a person it names.
///
/// Read by pattern, not by parsing: a named person followed by a verb of speech ("Coale noted
/// that", "Hegseth later said", "John Coale, Trump’s deputy envoy, stated"), "according to" a person,
/// a verb after a closing quote and before the person (“…,” said Hegseth), and a person who is the
/// subject of a sentence that goes on "saying …". "He said" names no one and is skipped, as is a
/// possessive ("Trump’s envoy said" is the envoy speaking).
public enum WhoSaidWhat {
    /// One statement per attributing sentence, in the text's order. `entities` is what
    /// ``NamedEntities/extract(from:directory:)`` found in the same text: speakers are its people,
    /// found by full name or surname ("Coale" is John Coale).
    public static func statements(in text: String, entities: [FoundEntity]) -> [Statement] {
        let people = entities.filter { $0.kind == .person }
        guard !people.isEmpty else { return [] }
        let lexicon = Lexicon(
            directory: EntityDirectory(known: entities.map { KnownEntity(name: $0.name, kind: $0.kind) }))
        var surnames = Surnames()
        for person in people { surnames.add(person.name) }

        return Sentence.split(text).enumerated().compactMap { position, sentence in
            let speakers = NameScanner.mentions(in: sentence.tokens, lexicon: lexicon).compactMap {
                mention -> (NameMention, String)? in
                switch mention.reading {
                // The gazetteer holds no people: a known person is one of `entities`.
                case .known(let entry) where entry.kind == .person: return (mention, entry.name)
                case .single(let word): return surnames.person(word).map { (mention, $0) }
                default: return nil
                }
            }
            guard let speaker = speaker(in: sentence.tokens, speakers) else { return nil }
            return Statement(speaker: speaker, text: sentence.text, position: position)
        }
    }

    private static func speaker(in tokens: [TextToken], _ speakers: [(NameMention, String)]) -> String? {
        let subjects = speakers.filter { !$0.0.isPossessive }
        if let (_, name) = subjects.first(where: { speaksNext(tokens, after: $0.0.tokens.upperBound) }) {
            return name
        }
        if let (_, name) = subjects.first(where: { isQuoted(tokens, $0.0) }) { return name }
        if let participle = tokens.firstIndex(where: { NameWords.speechParticiples.contains($0.lower) }),
            let (_, name) = subjects.first(where: { $0.0.tokens.upperBound <= participle })
        {
            return name
        }
        return nil
    }

    /// The verb follows the name, maybe after an apposition between commas and a word like "later".
    private static func speaksNext(_ tokens: [TextToken], after end: Int) -> Bool {
        var index = end
        if index < tokens.count, tokens[index].text == "," {
            guard let close = tokens[(index + 1)...].prefix(40).firstIndex(where: { $0.text == "," }) else {
                return false
            }
            index = close + 1
        }
        var fillers = 0
        while index < tokens.count, fillers < 3, tokens[index].kind == .word,
            NameWords.attributionFillers.contains(tokens[index].lower) || tokens[index].lower.hasSuffix("ly")
        {
            index += 1
            fillers += 1
        }
        return index < tokens.count && tokens[index].kind == .word
            && NameWords.speechVerbs.contains(tokens[index].lower)
    }

    /// "according to Hegseth", or a verb between a closing quote or comma and the name: “…,” said
    /// Hegseth. Without the mark before the verb, "said Kyiv" would make Kyiv's subject a speaker.
    private static func isQuoted(_ tokens: [TextToken], _ mention: NameMention) -> Bool {
        let start = mention.runStart
        if start >= 2, tokens[start - 2].lower == "according", tokens[start - 1].lower == "to" { return true }
        return start >= 2 && NameWords.speechVerbs.contains(tokens[start - 1].lower)
            && tokens[start - 2].isPunctuation([",", "”", "\"", "’", "'"])
    }
}

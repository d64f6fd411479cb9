import Foundation

/// The people, places and organisations an article names, read from its text alone: no model, no
/// service, one pass over the words.
///
/// Names are runs of capitalised words. A built-in gazetteer knows countries, cities, regions and
/// international organisations, with their short forms ("U.S.", "EU") and adjectives ("Indian" names
/// India, and counts as a mention of it: "Indian Prime Minister" says where as clearly as "India's
/// prime minister" does). A title or role before a name marks a person and stays out of the name
/// ("Defense Secretary Pete Hegseth"). An unknown run is a person when it looks like "Firstname
/// Lastname" and an organisation when it holds a word like "Ministry" or "Bank". A lone capitalised
/// word counts only when it is someone's surname, follows a title, or speaks ("Smith said"): alone
/// it could be anything, and at a sentence's start it is usually nothing.
public enum NamedEntities {
    /// Each entity once, most mentioned first, ties by name. `text` is one article's plain text:
    /// headline, lede and paragraphs joined by blank lines. The directory's entities are found by name
    /// and alias with the directory's kind, its people by surname too; its "not an entity" names never
    /// come back.
    public static func extract(from text: String, directory: EntityDirectory = .empty) -> [FoundEntity] {
        let lexicon = Lexicon(directory: directory)
        let mentions = Sentence.split(text).flatMap { NameScanner.mentions(in: $0.tokens, lexicon: lexicon) }
            .filter { !directory.notEntities.contains(key(surface($0))) }

        var surnames = Surnames()
        for mention in mentions {
            switch mention.reading {
            case .person(let name): surnames.add(name)
            case .known(let entry) where entry.kind == .person: surnames.add(entry.name)
            default: break
            }
        }
        for entity in directory.known where entity.kind == .person {
            for spelling in [entity.name] + entity.aliases {
                surnames.add(spelling, as: entity.name, unlessKnown: true)
            }
        }

        var found: [String: FoundEntity] = [:]
        var order: [String] = []
        for mention in mentions {
            guard let (name, kind) = resolve(mention, surnames), !directory.notEntities.contains(key(name)) else {
                continue
            }
            let id = "\(kind.rawValue):\(key(name))"
            if found[id] == nil { order.append(id) }
            found[id, default: FoundEntity(name: name, kind: kind, mentions: 0)].mentions += 1
        }
        return order.compactMap { found[$0] }.sorted {
            ($1.mentions, key($0.name), $0.name) < ($0.mentions, key($1.name), $1.name)
        }
    }

    /// The comparison key for an entity name: equal keys, same name. Case, diacritics, width, curly
    /// or straight apostrophes and runs of spaces are folded, so "Côte d’Ivoire" is "cote d'ivoire".
    public static func key(_ name: String) -> String {
        var unified = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            unified.append(["\u{2019}", "\u{2018}", "\u{02BC}", "`"].contains(scalar) ? "'" : scalar)
        }
        let text = String(unified)
        // Most names are ASCII; Foundation's folding is only needed, and only paid for, beyond it.
        let folded =
            text.unicodeScalars.allSatisfy(\.isASCII)
            ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .lowercased()
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The name as the text wrote it.
    private static func surface(_ mention: NameMention) -> String {
        switch mention.reading {
        case .known(let entry): entry.words.joined(separator: " ")
        case .person(let name), .organisation(let name), .single(let name): name
        }
    }

    private static func resolve(_ mention: NameMention, _ surnames: Surnames) -> (String, EntityKind)? {
        switch mention.reading {
        case .known(let entry): return (entry.name, entry.kind)
        case .person(let name): return (name, .person)
        case .organisation(let name): return (name, .organisation)
        case .single(let word):
            if let person = surnames.person(word) { return (person, .person) }
            return mention.isTitled || mention.isSpeaking ? (word, .person) : nil
        }
    }
}

import Foundation

/// The words of a story that say what it is about, for measuring how alike two stories are.
///
/// A term is a run of letters and digits, case and diacritics folded (`Kyiv`, `KYIV` and `Kýiv` are one
/// term), with the light English stemming that joins the forms news copy actually varies between: plurals
/// (`tariffs` → `tariff`, `duties` → `duty`, `taxes` → `tax`) and possessives (`Ukraine’s` → `ukraine`).
/// Stop words and the verbs of attribution every story has (`said`, `told`) are dropped, as are words of one
/// letter. Numbers count only with three digits or more: years and model numbers (`2014`, `737`) say what a
/// story is about, days of the month and small counts do not. Web and mail addresses are skipped whole,
/// so a link's destination in Markdown adds no `https` or `com`.
///
/// Stemming is deliberately crude: it must give the same stem for the same word in every story, not a
/// dictionary form (`Texas` becomes `texa` everywhere, which compares just as well). Scripts written without
/// spaces (Chinese, Japanese, Thai) come out as whole runs, and runs longer than ``maximumTermLength`` are
/// dropped, so such text adds little; the ranking then leans on topics and entities.
public enum ArticleTerms {
    /// Longer runs are not words but pasted identifiers, hashes or unbroken non-spaced scripts.
    public static let maximumTermLength = 40

    /// Term → weight for one story: how often each term occurs, counting the headline three times and the lede
    /// twice (the words an editor chose to sum the story up), normalised so the heaviest term weighs 1. At most
    /// `limit` terms, the heaviest, ties broken by term so the same story always stores the same terms.
    public static func weights(headline: String, lede: String, body: String, limit: Int = 40) -> [String: Double] {
        guard limit > 0 else { return [:] }
        var counts: [String: Int] = [:]
        for (text, times) in [(headline, 3), (lede, 2), (body, 1)] {
            for term in tokens(text) { counts[term, default: 0] += times }
        }
        guard let heaviest = counts.values.max() else { return [:] }
        let kept = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
        var weights: [String: Double] = [:]
        weights.reserveCapacity(kept.count)
        for (term, count) in kept { weights[term] = Double(count) / Double(heaviest) }
        return weights
    }

    /// The terms of `text` in reading order, repeats kept (they are what `weights` counts).
    public static func tokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var reader = TermReader()
        // Scalars, not Characters: a Character is judged by its first scalar, and some letters join with the
        // punctuation that follows them into one Character.
        for scalar in folded.unicodeScalars { reader.read(scalar) }
        reader.endChunk()
        return reader.terms
    }

    /// The term a word stands for, or nil when it says nothing about the story. `word` is folded, with its
    /// apostrophes kept as `'`.
    static func term(_ word: String) -> String? {
        var word = Substring(word)
        while word.last == "'" { word.removeLast() }
        if word.hasSuffix("'s") { word.removeLast(2) }
        let plain = word.contains("'") ? String(word.filter { $0 != "'" }) : String(word)
        if plain.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) {
            return plain.unicodeScalars.count >= 3 && plain.first != "0" ? plain : nil
        }
        guard plain.unicodeScalars.count >= 2, !stopWords.contains(plain) else { return nil }
        let stemmed = stem(plain)
        return stopWords.contains(stemmed) ? nil : stemmed
    }

    /// Plurals to their singular, by ending alone: `ies` → `y`, `es` after a sibilant, else a final `s`
    /// unless the word ends in `ss`, `us` or `is` (`business`, `status`, `crisis`). Words of three letters
    /// or fewer are left as they are (`gas`, `bus`).
    static func stem(_ word: String) -> String {
        guard word.unicodeScalars.count > 3, word.hasSuffix("s") else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for sibilant in ["sses", "xes", "zes", "ches", "shes"] where word.hasSuffix(sibilant) {
            return String(word.dropLast(2))
        }
        for kept in ["ss", "us", "is"] where word.hasSuffix(kept) { return word }
        return String(word.dropLast())
    }
}

/// Splits folded text into words and words into terms, one scalar at a time, so a 200 KB body is read in
/// one pass without building a string per character.
private struct TermReader {
    var terms: [String] = []
    /// The terms of the current whitespace-delimited chunk, held back until it is known not to be an address.
    var pending: [String] = []
    var word = String.UnicodeScalarView()
    var wordLength = 0
    var chunkIsAddress = false
    var previous: Unicode.Scalar = " "
    var beforePrevious: Unicode.Scalar = " "

    mutating func read(_ scalar: Unicode.Scalar) {
        defer { (beforePrevious, previous) = (previous, scalar) }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            wordLength += 1
            if wordLength <= ArticleTerms.maximumTermLength + 1 { word.append(scalar) }
        } else if Self.apostrophes.contains(scalar) && wordLength > 0 {
            // One apostrophe in a row, and none past the length limit: a run of them must not grow the word.
            if word.last != "'" && wordLength <= ArticleTerms.maximumTermLength { word.append("'") }
        } else if scalar.properties.isWhitespace || Self.chunkBreaks.contains(scalar) {
            endChunk()
        } else {
            if scalar == "@" || (scalar == "/" && previous == "/" && beforePrevious == ":") { chunkIsAddress = true }
            endWord()
        }
    }

    mutating func endWord() {
        defer {
            word = String.UnicodeScalarView()
            wordLength = 0
        }
        guard wordLength > 0, wordLength <= ArticleTerms.maximumTermLength else { return }
        let text = String(word)
        if text == "www" { chunkIsAddress = true }
        if let term = ArticleTerms.term(text) { pending.append(term) }
    }

    /// Brackets and quotes end a chunk as whitespace does, so the words of `[text](https://…)` are kept while
    /// the address after them is skipped.
    mutating func endChunk() {
        endWord()
        if !chunkIsAddress { terms.append(contentsOf: pending) }
        pending.removeAll(keepingCapacity: true)
        chunkIsAddress = false
    }

    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}"]
    static let chunkBreaks: Set<Unicode.Scalar> = ["(", ")", "[", "]", "<", ">", "\"", "\u{201C}", "\u{201D}"]
}

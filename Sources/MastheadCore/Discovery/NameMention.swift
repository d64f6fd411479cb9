/// One name as written in a sentence, read but not yet matched to an entity.
struct NameMention: Sendable {
    enum Reading: Sendable {
        /// In the gazetteer or the site's directory.
        case known(Lexicon.Entry)
        /// Two or three unknown capitalised words, or a titled name: a person's full name.
        case person(String)
        /// An unknown run with an organisation word ("Ministry of Defence").
        case organisation(String)
        /// One unknown capitalised word: a surname of someone named in full, or nothing.
        case single(String)
    }

    var reading: Reading
    /// The name's own tokens in the sentence, without titles before it.
    var tokens: Range<Int>
    /// Where the run of capitalised words holding the name began: titles included.
    var runStart: Int
    /// After a title or a role ("President", "envoy,"): surely a person.
    var isTitled: Bool
    /// Written "Trump’s": owns what follows, so never the one speaking.
    var isPossessive: Bool
    /// Followed by a verb of speech, or after "according to": someone.
    var isSpeaking: Bool
}

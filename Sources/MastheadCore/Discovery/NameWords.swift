/// The small words that tell names apart from the rest of a sentence. All lowercase ASCII, compared
/// with ``TextToken/lower``.
enum NameWords {
    /// Capitalised only because they open a sentence or a clause: never names, never parts of one.
    static let functionWords: Set<String> = [
        "a", "about", "above", "according", "across", "after", "again", "against", "all", "already", "also",
        "although", "amid", "among", "an", "and", "another", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "below", "between", "both", "but", "by", "can", "could", "despite", "did", "do", "does",
        "during", "each", "earlier", "either", "even", "every", "few", "first", "following", "for", "from",
        "further", "had", "has", "have", "he", "hence", "her", "here", "hers", "him", "his", "how", "however", "i",
        "if", "in", "indeed", "instead", "into", "is", "it", "its", "just", "last", "later", "let", "many", "may",
        "meanwhile", "might", "more", "moreover", "most", "much", "must", "my", "neither", "nevertheless", "next",
        "no", "nonetheless", "nor", "not", "now", "of", "on", "once", "only", "or", "other", "our", "over",
        "perhaps", "second", "several", "she", "should", "since", "so", "some", "still", "such", "than", "that",
        "the", "their", "them", "then", "there", "therefore", "these", "they", "this", "those", "though", "through",
        "thus", "to", "today", "tomorrow", "tonight", "under", "unless", "until", "us", "was", "we", "were", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "without", "would", "yes", "yesterday", "yet", "you", "your",
    ]

    /// Days and months open sentences and datelines ("On Thursday", "(February 13)") but name nobody.
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Plural nouns that commonly open a news sentence ("Officials said", "Analysts expect").
    static let groupNouns: Set<String> = [
        "analysts", "authorities", "critics", "diplomats", "economists", "experts", "investors", "lawmakers",
        "leaders", "officials", "people", "protesters", "residents", "sources", "supporters", "troops", "voters",
        "witnesses",
    ]

    static func isStopword(_ token: TextToken) -> Bool {
        functionWords.contains(token.lower) || calendarWords.contains(token.lower) || groupNouns.contains(token.lower)
    }

    /// Titles and roles: the name after one is a person's, and the title is not part of the name
    /// ("Defense Secretary Pete Hegseth", "deputy Ukraine envoy, Steve Witkoff").
    static let titles: Set<String> = [
        "adm.", "admiral", "adviser", "advisor", "ambassador", "analyst", "archbishop", "bishop", "capt.", "captain",
        "cardinal", "ceo", "chair", "chairman", "chairwoman", "chancellor", "chief", "col.", "colonel",
        "commander", "commissioner", "congressman", "congresswoman", "councillor", "deputy", "diplomat",
        "director", "dr", "dr.", "economist", "emir", "envoy", "executive", "founder", "gen.", "gov.", "governor",
        "imam", "judge", "king", "lawmaker", "leader", "lt.", "maj.", "mayor", "minister", "mr", "mr.",
        "mrs", "mrs.", "ms", "ms.", "negotiator", "official", "pope", "premier", "president", "president-elect",
        "prime-minister", "prince", "princess", "prof.", "professor", "prosecutor", "queen", "rabbi", "rep.",
        "representative", "secretary", "secretary-general", "sen.", "senator", "sgt.", "sheikh", "speaker",
        "spokesman", "spokesperson", "spokeswoman", "sultan", "vice-president",
    ]

    /// Words that make a capitalised run an organisation's name ("Ministry of Defence", "Reserve Bank").
    static let organisationWords: Set<String> = [
        "administration", "agency", "airlines", "alliance", "army", "assembly", "association", "authority", "bank",
        "board", "bureau", "cabinet", "centre", "center", "church", "club", "co.", "coalition", "college",
        "commission", "committee", "company", "corp", "corp.", "corporation", "council", "court", "department",
        "federation", "forces", "foundation", "fund", "government", "group", "guard", "holdings", "inc", "inc.",
        "institute", "league", "llc", "ltd", "ltd.", "ministry", "movement", "navy", "network", "news", "office",
        "organisation", "organization", "parliament", "party", "plc", "police", "school", "service", "society",
        "tribunal", "trust", "union", "university",
    ]

    /// Portfolio and rank words that follow a title before the name ("Secretary of State Antony
    /// Blinken", "Secretary General Mark Rutte"); dropped from the front of a titled name.
    static let portfolioWords: Set<String> = [
        "defence", "defense", "economy", "energy", "finance", "foreign", "general", "health", "home", "interior",
        "justice", "state", "trade", "treasury",
    ]

    /// Small words inside names: "Bank of England", "Ursula von der Leyen", "Mohammed bin Salman".
    static let connectors: Set<String> = [
        "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "for", "ibn", "la", "le", "of", "the", "van", "von",
    ]

    /// Words that end in a full stop without ending a sentence.
    static let abbreviations: Set<String> = [
        "adm", "capt", "co", "col", "corp", "dr", "etc", "gen", "gov", "inc", "jr", "lt", "ltd", "maj", "mr", "mrs",
        "ms", "prof", "rep", "sen", "sgt", "sr", "st", "vs",
    ]

    /// Verbs that attribute speech to their subject ("Coale noted that", "Hegseth said").
    static let speechVerbs: Set<String> = [
        "acknowledged", "added", "adds", "admitted", "affirmed", "announced", "argued", "argues", "asked",
        "asserted", "cautioned", "claimed", "claims", "commented", "conceded", "confirmed", "contended",
        "countered", "declared", "denied", "denies", "emphasised", "emphasized", "explained", "insisted",
        "insists", "maintained", "noted", "notes", "observed", "pledged", "predicted", "promised", "recalled",
        "reiterated", "remarked", "replied", "responded", "said", "say", "says", "stated", "states", "stressed",
        "stresses", "suggested", "tells", "told", "tweeted", "urged", "vowed", "warned", "warns", "wrote",
    ]

    /// The same verbs as participles: "…, saying “everything is on the table”".
    static let speechParticiples: Set<String> = [
        "adding", "arguing", "declaring", "explaining", "insisting", "noting", "saying", "stating", "telling",
        "warning", "writing",
    ]

    /// What may stand between a speaker and the verb ("Hegseth later said", "Coale has also noted").
    static let attributionFillers: Set<String> = [
        "again", "also", "earlier", "had", "has", "have", "later", "previously", "reportedly", "separately",
        "then", "would",
    ]
}

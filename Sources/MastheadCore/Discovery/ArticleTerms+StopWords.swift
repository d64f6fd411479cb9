extension ArticleTerms {
    /// Words that appear in nearly every English story and so say nothing about any one of them: function
    /// words, their contractions with the apostrophe removed (as terms are read; not those that spell a word,
    /// like `shell` or `well`), and the attribution verbs of news copy. Kept short on purpose: IDF already discounts common words when stories are compared, and
    /// this list only keeps them from taking the places of a story's stored terms.
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "ago", "all", "also", "am", "an", "and", "any", "are",
        "aren", "arent", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "can", "cannot", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "done",
        "dont", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further", "get",
        "got", "had", "hadnt", "has", "hasnt", "have", "havent", "having", "he", "hed", "her", "here",
        "hers", "herself", "hes", "him", "himself", "his", "how", "however", "if", "im", "in", "into",
        "is", "isnt", "it", "its", "itself", "ive", "just", "let", "lets", "like", "made", "make", "many", "may",
        "me", "might", "more", "most", "much", "must", "mustnt", "my", "myself", "neither", "no", "nor", "not",
        "now", "of", "off", "on", "once", "one", "only", "or", "other", "ought", "our", "ours", "ourselves", "out",
        "over", "own", "per", "put", "rather", "really", "said", "same", "say", "saying", "says", "see", "seen",
        "shall", "she", "shes", "should", "shouldnt", "since", "so", "some", "still", "such",
        "than", "that", "thats", "the", "their", "theirs", "them", "themselves", "then", "there", "theres",
        "these", "they", "theyd", "theyll", "theyre", "theyve", "this", "those", "though", "through", "thus",
        "to", "told", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "wasnt", "we",
        "were", "werent", "weve", "what", "whats", "when", "where", "whether", "which", "while", "who",
        "whom", "whos", "whose", "why", "will", "with", "within", "without", "wont", "would", "wouldnt", "yet",
        "you", "youd", "youll", "your", "youre", "yours", "yourself", "yourselves", "youve",
    ]
}

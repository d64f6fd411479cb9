/// One sentence of plain text with its tokens.
struct Sentence: Sendable {
    var tokens: [TextToken]
    /// As written, from its first token to its last.
    var text: String
}

extension Sentence {
    private static let terminators: Set<String> = [".", "!", "?", "…"]
    /// What may follow a sentence's last mark and still belong to it: closing quotes and brackets.
    private static let trailing: Set<String> = terminators.union(["”", "\"", "’", "'", ")", "]", "»"])

    /// The sentences of `text`. A blank line always ends one (a headline has no full stop); a full
    /// stop, question or exclamation mark ends one unless the next word starts in lower case (“Why
    /// now?” she asked); closing quotes and brackets stay with the sentence they close. The full stop
    /// of "U.S.", "Mr." or an initial ends a sentence only before a word that opens one ("The"), so
    /// "U.S. Defense Secretary Pete Hegseth" stays whole.
    static func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        let tokens = TextToken.tokens(scalars)
        var sentences: [Sentence] = []
        var start = 0
        func close(at end: Int) {
            if start < end {
                let written = String(String.UnicodeScalarView(scalars[tokens[start].start..<tokens[end - 1].end]))
                sentences.append(Sentence(tokens: Array(tokens[start..<end]), text: written))
            }
            start = end
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .paragraphBreak {
                close(at: index)
                start = index + 1
                index += 1
                continue
            }
            let isStop = token.isPunctuation(terminators)
            guard isStop || (token.kind == .word && token.text.hasSuffix(".")) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < tokens.count, tokens[end].isPunctuation(trailing) { end += 1 }
            // A few marks at most stand between sentences; looking no further keeps long runs of
            // punctuation linear.
            let next = tokens[end..<min(end + 8, tokens.count)].first { $0.kind != .punctuation }
            if let next, next.kind == .word {
                let opensSentence =
                    isStop
                    ? next.text.unicodeScalars.first?.properties.isLowercase != true
                    : next.isCapitalised && NameWords.functionWords.contains(next.lower)
                if opensSentence { close(at: end) }
            } else {
                close(at: end)
            }
            index = end
        }
        close(at: tokens.count)
        return sentences
    }
}

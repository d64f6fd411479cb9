/// Finds which of many phrases (sequences of words) occurs in a text, in one pass over the text's
/// words however many phrases there are: an Aho–Corasick automaton whose alphabet is words rather than
/// characters.
///
/// Working on whole words makes "whole words only" a property of the structure: `ass` can only match
/// the word `ass`, never a part of `class`. Each word is one dictionary lookup, so the work is linear in
/// the length of the text, and building is linear in the total length of the phrases.
struct PhraseAutomaton: Sendable {
    private var children: [[String: Int]] = [[:]]
    /// Where to continue when the next word does not extend the phrase matched so far: the node of the
    /// longest proper suffix of that phrase that is itself the start of a phrase.
    private var fallback: [Int] = [0]
    /// The phrase, by index, that ends at each node, either its own or one ending as its suffix.
    private var ending: [Int?] = [nil]

    /// Phrases are numbered by their position; empty phrases are never found.
    init(_ phrases: [[String]]) {
        for (index, phrase) in phrases.enumerated() where !phrase.isEmpty {
            var node = 0
            for word in phrase {
                if let next = children[node][word] {
                    node = next
                } else {
                    children.append([:])
                    fallback.append(0)
                    ending.append(nil)
                    children[node][word] = children.count - 1
                    node = children.count - 1
                }
            }
            if ending[node] == nil { ending[node] = index }
        }
        var queue = Array(children[0].values)
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (word, child) in children[node] {
                var suffix = fallback[node]
                while suffix != 0, children[suffix][word] == nil { suffix = fallback[suffix] }
                fallback[child] = children[suffix][word] ?? 0
                ending[child] = ending[child] ?? ending[fallback[child]]
                queue.append(child)
            }
        }
    }

    /// The index of the phrase that ends first in `words`, or nil.
    func firstMatch(in words: [String]) -> Int? {
        var node = 0
        for word in words {
            while node != 0, children[node][word] == nil { node = fallback[node] }
            node = children[node][word] ?? 0
            if let phrase = ending[node] { return phrase }
        }
        return nil
    }
}

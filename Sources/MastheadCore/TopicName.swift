import Foundation

/// When two topic names mean the same topic: case, accents, dash style and spacing are ignored, and
/// a pair label is the same pair in either order, so `Modi - Trump` is `Trump - Modi` (the running
/// story the reference page shows under both spellings).
public enum TopicName {
    /// The comparison key: equal keys, same topic. A pair is two names around a spaced dash or slash
    /// (`Trump - Modi`, `Trump – Modi`, `Trump / Modi`); a dash inside a word (`Covid-19`) is not one.
    public static func key(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        let parts = folded.replacingOccurrences(
            of: #"\s+[-–—‐‒―/]\s+"#, with: "\u{0}", options: .regularExpression
        )
        .split(separator: "\u{0}")
        .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        .filter { !$0.isEmpty }
        return (parts.count == 2 ? parts.sorted() : parts).joined(separator: " - ")
    }

    /// Groups of topics whose names share a key: merges an editor should consider.
    public static func suggestedMerges(_ topics: [Topic]) -> [[Topic]] {
        Dictionary(grouping: topics) { key($0.name) }.values.filter { $0.count > 1 }
            .map { $0.sorted { $0.name < $1.name } }.sorted { $0[0].name < $1[0].name }
    }
}

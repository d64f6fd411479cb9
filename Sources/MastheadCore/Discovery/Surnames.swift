/// The people a text names in full, found again by surname: "Coale" is John Coale once the text (or
/// the site's directory) has named him. A surname two people share resolves to neither.
struct Surnames {
    private var people: [String: String?] = [:]

    /// Generational suffixes are not surnames: "Martin Luther King Jr." is found as "King".
    private static let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]

    /// `name` under its surname; a surname already taken by someone else becomes ambiguous. With
    /// `unlessKnown`, a surname the text already uses is left as it is: the text's own people win.
    mutating func add(_ name: String, as canonical: String? = nil, unlessKnown: Bool = false) {
        let words = NamedEntities.key(name).split(separator: " ")
        guard words.count >= 2, let surname = words.last(where: { !Self.suffixes.contains(String($0)) }) else {
            return
        }
        let person = canonical ?? name
        switch people[String(surname)] {
        case .none: people[String(surname)] = person
        case .some(let known) where known != person && !unlessKnown: people[String(surname)] = .some(nil)
        default: break
        }
    }

    func person(_ word: String) -> String? { people[NamedEntities.key(word)] ?? nil }
}

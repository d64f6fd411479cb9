import MastheadCore

/// One line of a difference between two texts, as the revision and conflict views show it.
struct DiffLine: TemplateContext {
    let kind: String
    let marker: String
    let text: String

    static func lines(from old: String, to new: String) -> [DiffLine] {
        TextDiff.lines(from: old, to: new).map { line in
            switch line {
            case .same(let text): return DiffLine(kind: "same", marker: " ", text: text)
            case .removed(let text): return DiffLine(kind: "removed", marker: "−", text: text)
            case .added(let text): return DiffLine(kind: "added", marker: "+", text: text)
            }
        }
    }
}

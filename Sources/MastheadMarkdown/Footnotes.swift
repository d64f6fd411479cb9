// GFM footnotes, following cmark-gfm: `[^label]:` opens a definition whose continuation lines are
// indented four columns; `[^label]` refers to it. Definitions are numbered in the order of their first
// reference and rendered in a section after the document; unreferenced ones are dropped.

enum Footnotes {
    /// The label and the end of the `[^label]:` marker (with the spaces after it) starting at `start`.
    static func definitionStart(_ line: [UInt8], at start: Int) -> ([UInt8], Int)? {
        guard line.hasPrefix("[^", at: start) else { return nil }
        var index = start + 2
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "]") || byte.isASCIIWhitespace || index - start > LinkSyntax.maximumLabelLength {
                break
            }
            index += 1
        }
        guard index > start + 2, line.at(index) == UInt8(ascii: "]"), line.at(index + 1) == UInt8(ascii: ":")
        else { return nil }
        let label = Array(line[(start + 2)..<index])
        index += 2
        while line.at(index).isSpaceOrTab { index += 1 }
        return (label, index)
    }
}

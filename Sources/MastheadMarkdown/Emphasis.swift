// Resolving emphasis and strikethrough: "process emphasis" from the spec appendix. `openersBottom`
// remembers, per closer kind, below which delimiter no opener can match, so every delimiter is passed
// over a bounded number of times and the whole procedure is linear.

extension InlineParser {
    private func bottomSlot(_ delimiter: Delimiter) -> Int {
        let character =
            switch delimiter.character {
            case UInt8(ascii: "*"): 0
            case UInt8(ascii: "_"): 1
            default: 2
            }
        return character * 6 + (delimiter.canOpen ? 3 : 0) + delimiter.originalCount % 3
    }

    mutating func processEmphasis(stackBottom: Int) {
        var openersBottom = [Int](repeating: stackBottom, count: 18)
        var closer = lastDelimiter > stackBottom ? lastDelimiter : -1
        while closer != -1 && delimiters[closer].previous > stackBottom {
            closer = delimiters[closer].previous
        }
        while closer != -1 {
            guard delimiters[closer].canClose else {
                closer = delimiters[closer].next
                continue
            }
            let closing = delimiters[closer]
            let slot = bottomSlot(closing)
            var opener = closing.previous
            var found = false
            // Delimiter indices grow left to right, so comparing positions still works when the bottom
            // delimiter itself has since been removed from the stack (comparing identity would not).
            let bottom = max(stackBottom, openersBottom[slot])
            while opener > bottom {
                let candidate = delimiters[opener]
                // Strikethrough pairs only runs of equal length (`~` with `~`, `~~` with `~~`).
                if candidate.canOpen && candidate.character == closing.character
                    && (closing.character != UInt8(ascii: "~") || candidate.count == closing.count)
                {
                    let oddMatch =
                        closing.character != UInt8(ascii: "~") && (closing.canOpen || candidate.canClose)
                        && closing.originalCount % 3 != 0 && (candidate.originalCount + closing.originalCount) % 3 == 0
                    if !oddMatch {
                        found = true
                        break
                    }
                }
                opener = candidate.previous
            }
            if found {
                closer =
                    closing.character == UInt8(ascii: "~")
                    ? strikethrough(opener: opener, closer: closer) : emphasis(opener: opener, closer: closer)
            } else {
                openersBottom[slot] = closing.previous
                let next = closing.next
                if !closing.canOpen { removeDelimiter(closer) }
                closer = next
            }
        }
        while lastDelimiter > stackBottom { removeDelimiter(lastDelimiter) }
    }

    /// Wraps what lies between a matched opener and closer; returns the closer to continue with.
    private mutating func emphasis(opener: Int, closer: Int) -> Int {
        let used = delimiters[closer].count >= 2 && delimiters[opener].count >= 2 ? 2 : 1
        let openerNode = delimiters[opener].node
        let closerNode = delimiters[closer].node
        delimiters[opener].count -= used
        delimiters[closer].count -= used
        parser.tree[openerNode].literalCount -= used
        parser.tree[closerNode].literalCount -= used
        let wrapper = parser.tree.make(used == 1 ? .emphasis : .strong)
        wrap(wrapper, after: openerNode, before: closerNode, opener: opener, closer: closer)
        if delimiters[opener].count == 0 {
            parser.tree.unlink(openerNode)
            removeDelimiter(opener)
        }
        if delimiters[closer].count == 0 {
            let next = delimiters[closer].next
            parser.tree.unlink(closerNode)
            removeDelimiter(closer)
            return next
        }
        return closer
    }

    /// GFM strikethrough: the run pair (always of equal length) wraps what lies between.
    private mutating func strikethrough(opener: Int, closer: Int) -> Int {
        let openerNode = delimiters[opener].node
        let closerNode = delimiters[closer].node
        let next = delimiters[closer].next
        let wrapper = parser.tree.make(.strikethrough)
        wrap(wrapper, after: openerNode, before: closerNode, opener: opener, closer: closer)
        parser.tree.unlink(openerNode)
        parser.tree.unlink(closerNode)
        removeDelimiter(closer)
        removeDelimiter(opener)
        return next
    }

    private mutating func wrap(
        _ wrapper: Int32, after openerNode: Int32, before closerNode: Int32, opener: Int, closer: Int
    ) {
        parser.tree.insert(wrapper, after: openerNode)
        parser.tree.adopt(siblingsAfter: openerNode, upTo: closerNode, into: wrapper)
        delimiters[opener].next = closer
        delimiters[closer].previous = opener
    }

    mutating func removeDelimiter(_ index: Int) {
        let previous = delimiters[index].previous
        let next = delimiters[index].next
        if previous != -1 { delimiters[previous].next = next }
        if next != -1 {
            delimiters[next].previous = previous
        } else {
            lastDelimiter = previous
        }
    }
}

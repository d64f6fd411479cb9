// Closing a block: what each kind does once no more lines can join it.

extension BlockParser {
    /// Closes `node` and returns its parent, which becomes the innermost open block.
    @discardableResult
    func finalize(_ node: Int32) -> Int32 {
        let parent = tree[node].parent
        guard tree[node].open else { return parent }
        tree[node].open = false
        switch tree[node].kind {
        case .paragraph:
            if !resolveReferenceDefinitions(node) { tree.unlink(node) }
        case .codeBlock:
            finalizeCode(node)
        case .list:
            tree[node].list.tight = isTight(node)
        case .footnoteDefinition:
            let label = LinkSyntax.normalizedLabel(tree[node].url[...])
            if footnotes[label] == nil { footnotes[label] = node }
        default:
            break
        }
        return parent
    }

    /// Takes link reference definitions off the start of a paragraph; false when nothing else is left.
    func resolveReferenceDefinitions(_ paragraph: Int32) -> Bool {
        let content = tree[paragraph].content
        var position = 0
        while content.at(position) == UInt8(ascii: "["),
            let (label, reference, end) = LinkSyntax.definition(content, at: position)
        {
            if !label.isEmpty && references[label] == nil { references[label] = reference }
            position = end
        }
        if position > 0 { tree[paragraph].content = Array(content[position...]) }
        return tree[paragraph].content.contains { !$0.isASCIIWhitespace }
    }

    private func finalizeCode(_ node: Int32) {
        var content = tree[node].content
        if tree[node].fenced {
            let lineEnd = content.firstIndex(of: .newline) ?? content.count
            let info = content.trimmedRange(0, lineEnd)
            tree[node].url = Entities.unescape(content[info])
            content.removeFirst(min(lineEnd + 1, content.count))
        } else {
            var end = content.count
            while end > 0 && content[end - 1].isASCIIWhitespace { end -= 1 }
            if end == 0 {
                content.removeAll()
            } else {
                while end < content.count && content[end] != .newline { end += 1 }
                content.removeSubrange(end...)
                content.append(.newline)
            }
        }
        tree[node].content = content
    }

    private func isTight(_ list: Int32) -> Bool {
        var item = tree[list].firstChild
        while item != Node.none {
            if tree[item].lastLineBlank && tree[item].next != Node.none { return false }
            var child = tree[item].firstChild
            while child != Node.none {
                if (tree[item].next != Node.none || tree[child].next != Node.none) && endsWithBlankLine(child) {
                    return false
                }
                child = tree[child].next
            }
            item = tree[item].next
        }
        return true
    }

    private func endsWithBlankLine(_ node: Int32) -> Bool {
        var current = node
        while current != Node.none {
            if tree[current].lastLineBlank { return true }
            let kind = tree[current].kind
            current = kind == .list || kind == .item ? tree[current].lastChild : Node.none
        }
        return false
    }
}

// The per-line mechanics of the block phase: measuring indentation (tabs count to the next multiple of
// four columns), consuming markers, and adding a line's remaining text to the block that takes it.

extension BlockParser {
    func isThematicBreak() -> Bool {
        var index = firstNonspace
        let marker = line.at(index)
        guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_") || marker == UInt8(ascii: "-") else {
            thematicBreakKillPosition = index
            return false
        }
        var count = 0
        while index < line.count {
            let byte = line[index]
            if byte == marker {
                count += 1
            } else if !byte.isSpaceOrTab {
                break
            }
            index += 1
        }
        if count >= 3 && line.at(index).isLineEnd { return true }
        // Remember where this failed: a line of `- - - x` retried at every list marker stays linear.
        thematicBreakKillPosition = index
        return false
    }

    /// Opens a list item (and its list if needed); returns true when a task marker took the rest of the
    /// line's block structure, as the rest is then paragraph text.
    func openListItem(_ container: inout Int32, markerWidth: Int, data: ListData) -> Bool {
        var data = data
        advanceOffset(firstNonspace + markerWidth - offset, columns: false)
        let savedTab = partiallyConsumedTab
        let savedOffset = offset
        let savedColumn = column
        while column - savedColumn <= 5 && line.at(offset).isSpaceOrTab { advanceOffset(1, columns: true) }
        let spaces = column - savedColumn
        if spaces >= 5 || spaces < 1 || line.at(offset).isLineEnd {
            data.padding = markerWidth + 1
            offset = savedOffset
            column = savedColumn
            partiallyConsumedTab = savedTab
            if spaces > 0 { advanceOffset(1, columns: true) }
        } else {
            data.padding = markerWidth + spaces
        }
        data.markerOffset = indent
        let current = tree[container]
        if current.kind != .list || current.list.ordered != data.ordered || current.list.marker != data.marker {
            container = addChild(container, .list)
            tree[container].list = data
        }
        container = addChild(container, .item)
        tree[container].list = data
        return options.taskLists && openTask(container)
    }

    /// GFM task lists, as cmark-gfm reads them: `[ ]`, `[x]` or `[X]` right after the list marker, then
    /// whitespace or the line end. The marker is consumed here, so an item holding nothing else is empty
    /// (and, like any item that starts blank, takes no lazy continuation lines), and what follows it on the
    /// line is paragraph text, never a block start. The item records the
    /// state: 1 open, 2 done.
    private func openTask(_ item: Int32) -> Bool {
        guard line.at(offset) == UInt8(ascii: "["), line.at(offset + 2) == UInt8(ascii: "]"),
            line.at(offset + 3).isSpaceOrTab || line.at(offset + 3).isLineEnd
        else { return false }
        switch line.at(offset + 1) {
        case .space: tree[item].number = 1
        case UInt8(ascii: "x"), UInt8(ascii: "X"): tree[item].number = 2
        default: return false
        }
        advanceOffset(3, columns: false)
        return true
    }

    func addText(_ container: Int32, lastMatched: Int32) {
        var container = container
        findFirstNonspace()
        let containerLast = tree[container].lastChild
        if blank && containerLast != Node.none { tree[containerLast].lastLineBlank = true }
        let node = tree[container]
        let lastLineBlank =
            blank && node.kind != .blockQuote && node.kind != .heading && node.kind != .thematicBreak
            && !(node.kind == .codeBlock && node.fenced)
            && !(node.kind == .item && node.firstChild == Node.none && node.startLine == lineNumber)
        tree[container].lastLineBlank = lastLineBlank
        var ancestor = node.parent
        while ancestor != Node.none {
            tree[ancestor].lastLineBlank = false
            ancestor = tree[ancestor].parent
        }
        if tip != lastMatched && container == lastMatched && !blank && tree[tip].kind == .paragraph {
            // A lazy continuation line keeps its indentation, as in cmark; the inline phase drops it after
            // a soft break but not after a backslash hard break.
            addLine(tip)
            return
        }
        while tip != lastMatched { tip = finalize(tip) }
        switch tree[container].kind {
        case .codeBlock:
            addLine(container)
        case .htmlBlock:
            addLine(container)
            if BlockStarts.htmlBlockEnds(kind: tree[container].number, line, at: firstNonspace) {
                container = finalize(container)
            }
        case _ where blank || lineConsumedByTable:
            break
        case .heading:
            addHeadingText(container)
        case .paragraph:
            advanceOffset(firstNonspace - offset, columns: false)
            addLine(container)
        case .table:
            Tables.addRow(self, table: container, line: line, from: firstNonspace)
        default:
            container = addChild(container, .paragraph)
            advanceOffset(firstNonspace - offset, columns: false)
            addLine(container)
        }
        tip = container
    }

    /// Adds an ATX heading's text without its optional closing sequence of `#`s.
    func addHeadingText(_ heading: Int32) {
        let start = firstNonspace
        var end = line.count - 1
        while end > start && line[end - 1].isSpaceOrTab { end -= 1 }
        var hashes = end
        while hashes > start && line[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
        if hashes == start {
            end = start
        } else if hashes < end && line[hashes - 1].isSpaceOrTab {
            end = hashes
            while end > start && line[end - 1].isSpaceOrTab { end -= 1 }
        }
        if start < end { tree[heading].content.append(contentsOf: line[start..<end]) }
    }

    func addLine(_ node: Int32) {
        if partiallyConsumedTab {
            offset += 1
            let spaces = 4 - column % 4
            tree[node].content.append(contentsOf: repeatElement(UInt8.space, count: spaces))
        }
        if offset < line.count { tree[node].content.append(contentsOf: line[offset...]) }
    }

    func addChild(_ parent: Int32, _ kind: NodeKind) -> Int32 {
        var parent = parent
        while !canContain(tree[parent].kind, kind) { parent = finalize(parent) }
        let child = tree.make(kind)
        tree[child].startLine = lineNumber
        tree.append(child, to: parent)
        return child
    }

    func canContain(_ parent: NodeKind, _ child: NodeKind) -> Bool {
        if parent == .list { return child == .item }
        return parent.isContainer && child != .item
    }

    func findFirstNonspace() {
        var index = offset
        var col = column
        var charsToTab = 4 - column % 4
        while index < line.count {
            let byte = line[index]
            if byte == .space {
                index += 1
                col += 1
                charsToTab -= 1
                if charsToTab == 0 { charsToTab = 4 }
            } else if byte == .tab {
                index += 1
                col += charsToTab
                charsToTab = 4
            } else {
                break
            }
        }
        firstNonspace = index
        indent = col - column
        blank = line.at(index).isLineEnd || index >= line.count
    }

    /// Advances over `count` bytes, or over `count` columns when `columns` is set, in which case a tab
    /// may be consumed only partly (a tab inside a list item's indentation).
    func advanceOffset(_ count: Int, columns: Bool) {
        var count = count
        while count > 0 && offset < line.count {
            if line[offset] == .tab {
                let charsToTab = 4 - column % 4
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let advance = min(count, charsToTab)
                    column += advance
                    offset += partiallyConsumedTab ? 0 : 1
                    count -= advance
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }
}

// Phase one of the parse (spec appendix "A parsing strategy"): lines are consumed one at a time, each
// matched against the chain of open blocks, which may open new blocks, continue a paragraph lazily or
// close blocks. Inline content is only collected here; `InlineParser` handles it once blocks are known.

/// Deepest nesting of list items (footnote definitions count as items): deeper markers are read as text.
/// cmark-gfm stops at 100 too, though it counts only the items that one line opens. We count the whole
/// depth because every blank line walks all the open items, so unbounded depth would make a run of blank
/// lines quadratic in the input.
let maximumListDepth = 100
/// Deepest block quote nesting. Each level needs its own `>` on every line, so quotes stay linear without
/// a cap; this one bounds the depth of the HTML we hand on, to consumers (sanitisers, browsers) that
/// recurse on it or flatten it.
let maximumQuoteDepth = 1000

final class BlockParser {
    // A parse runs on one thread and never holds two accesses to a property at once, so the runtime's
    // exclusivity checks (a fifth of the parse time, measured) are turned off for the stored state.
    @exclusivity(unchecked) var tree = Tree()
    let options: MarkdownOptions
    @exclusivity(unchecked) var references: [String: LinkReference] = [:]
    @exclusivity(unchecked) var footnotes: [String: Int32] = [:]
    @exclusivity(unchecked) var tip: Int32 = Tree.root
    @exclusivity(unchecked) var line: [UInt8] = []
    @exclusivity(unchecked) var lineNumber = 0
    @exclusivity(unchecked) var offset = 0
    @exclusivity(unchecked) var column = 0
    @exclusivity(unchecked) var firstNonspace = 0
    @exclusivity(unchecked) var indent = 0
    @exclusivity(unchecked) var blank = false
    @exclusivity(unchecked) var partiallyConsumedTab = false
    @exclusivity(unchecked) var thematicBreakKillPosition = 0
    @exclusivity(unchecked) var quoteDepth = 0
    @exclusivity(unchecked) var listDepth = 0
    @exclusivity(unchecked) var lineConsumedByTable = false

    init(options: MarkdownOptions) { self.options = options }

    /// Parses a whole document into `tree`, inlines included.
    func parse(_ input: [UInt8]) {
        var index = 0
        line.reserveCapacity(256)
        // Worst cases make about one node per two bytes; reserving that up front only costs address
        // space, and saves copying the node array as it grows.
        tree.nodes.reserveCapacity(min(input.count / 2, 1 << 22) + 16)
        tree.text.reserveCapacity(input.count)
        while index < input.count {
            line.removeAll(keepingCapacity: true)
            while index < input.count && !input[index].isLineEnd {
                if input[index] == 0 {
                    line.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    line.append(input[index])
                }
                index += 1
            }
            if index < input.count {
                index += 1
                if input[index - 1] == .carriageReturn && index < input.count && input[index] == .newline { index += 1 }
            }
            line.append(.newline)
            processLine()
        }
        while tip != Node.none { tip = finalize(tip) }
        InlineParser.parseAll(self)
    }

    private func processLine() {
        offset = 0
        column = 0
        blank = false
        partiallyConsumedTab = false
        thematicBreakKillPosition = 0
        lineConsumedByTable = false
        lineNumber += 1
        var allMatched = false
        guard let lastMatched = checkOpenBlocks(&allMatched) else { return }
        var container = lastMatched
        openNewBlocks(&container, allMatched: allMatched)
        addText(container, lastMatched: lastMatched)
    }

    /// Walks the open blocks, consuming each one's continuation marker. Returns the deepest block that
    /// matched, or nil when a closing code fence used up the line.
    private func checkOpenBlocks(_ allMatched: inout Bool) -> Int32? {
        var container = Tree.root
        quoteDepth = 0
        listDepth = 0
        while true {
            let last = tree[container].lastChild
            guard last != Node.none && tree[last].open else {
                allMatched = true
                return container
            }
            container = last
            findFirstNonspace()
            let matched: Bool
            switch tree[container].kind {
            case .blockQuote:
                matched = indent <= 3 && line.at(firstNonspace) == UInt8(ascii: ">")
                if matched {
                    advanceOffset(indent + 1, columns: true)
                    if line.at(offset).isSpaceOrTab { advanceOffset(1, columns: true) }
                    quoteDepth += 1
                }
            case .item:
                let width = tree[container].list.markerOffset + tree[container].list.padding
                matched = continuesIndented(container, width: width)
                if matched { listDepth += 1 }
            case .footnoteDefinition:
                matched = continuesIndented(container, width: 4)
            case .codeBlock:
                if tree[container].fenced {
                    let fence = tree[container].fenceCharacter
                    if indent <= 3 && line.at(firstNonspace) == fence {
                        let length = BlockStarts.closingFence(line, at: firstNonspace, fence: fence)
                        if length >= tree[container].fenceLength {
                            tip = finalize(container)
                            return nil
                        }
                    }
                    var spaces = tree[container].fenceOffset
                    while spaces > 0 && line.at(offset).isSpaceOrTab {
                        advanceOffset(1, columns: true)
                        spaces -= 1
                    }
                    matched = true
                } else if indent >= 4 {
                    advanceOffset(4, columns: true)
                    matched = true
                } else if blank {
                    advanceOffset(firstNonspace - offset, columns: false)
                    matched = true
                } else {
                    matched = false
                }
            case .heading:
                matched = false
            case .htmlBlock:
                matched = tree[container].number <= 5 || !blank
            case .paragraph:
                matched = !blank
            case .table:
                matched = !blank && Tables.continues(line, from: firstNonspace)
            default:
                matched = true
            }
            if !matched {
                allMatched = false
                return tree[container].parent
            }
        }
    }

    private func continuesIndented(_ container: Int32, width: Int) -> Bool {
        if indent >= width {
            advanceOffset(width, columns: true)
            return true
        }
        if blank && tree[container].firstChild != Node.none {
            advanceOffset(firstNonspace - offset, columns: false)
            return true
        }
        return false
    }

    private func openNewBlocks(_ container: inout Int32, allMatched: Bool) {
        var maybeLazy = tree[tip].kind == .paragraph
        var kind = tree[container].kind
        while kind != .codeBlock && kind != .htmlBlock {
            findFirstNonspace()
            let indented = indent >= 4
            let first = line.at(firstNonspace)
            if !indented && first == UInt8(ascii: ">") && quoteDepth < maximumQuoteDepth {
                advanceOffset(firstNonspace + 1 - offset, columns: false)
                if line.at(offset).isSpaceOrTab { advanceOffset(1, columns: true) }
                container = addChild(container, .blockQuote)
                quoteDepth += 1
            } else if !indented, let heading = BlockStarts.atxHeading(line, at: firstNonspace) {
                advanceOffset(heading.end - offset, columns: false)
                container = addChild(container, .heading)
                tree[container].number = heading.level
            } else if !indented, case let length = BlockStarts.openingFence(line, at: firstNonspace), length > 0 {
                container = addChild(container, .codeBlock)
                tree[container].fenced = true
                tree[container].fenceCharacter = first
                tree[container].fenceLength = length
                tree[container].fenceOffset = firstNonspace - offset
                advanceOffset(firstNonspace + length - offset, columns: false)
            } else if !indented, case let htmlKind = htmlBlockKind(interruptsParagraph: kind == .paragraph),
                htmlKind > 0
            {
                container = addChild(container, .htmlBlock)
                tree[container].number = htmlKind
            } else if !indented && kind == .paragraph,
                case let level = BlockStarts.setextUnderline(line, at: firstNonspace), level > 0
            {
                if resolveReferenceDefinitions(container) {
                    tree[container].kind = .heading
                    tree[container].number = level
                    advanceOffset(line.count - 1 - offset, columns: false)
                }
            } else if !indented && !(kind == .paragraph && !allMatched)
                && thematicBreakKillPosition <= firstNonspace && isThematicBreak()
            {
                container = addChild(container, .thematicBreak)
                advanceOffset(line.count - 1 - offset, columns: false)
            } else if !indented && options.footnotes && listDepth < maximumListDepth,
                let (label, end) = Footnotes.definitionStart(line, at: firstNonspace)
            {
                advanceOffset(end - offset, columns: false)
                container = addChild(container, .footnoteDefinition)
                tree[container].url = label
                listDepth += 1
            } else if !indented && listDepth < maximumListDepth,
                let (width, data) = BlockStarts.listMarker(
                    line, at: firstNonspace, interruptsParagraph: kind == .paragraph)
            {
                listDepth += 1
                if openListItem(&container, markerWidth: width, data: data) { break }
            } else if indented && !maybeLazy && !blank {
                advanceOffset(4, columns: true)
                container = addChild(container, .codeBlock)
            } else if options.tables && kind == .paragraph && !indented,
                let table = Tables.open(self, paragraph: container)
            {
                container = table
                lineConsumedByTable = true
                break
            } else {
                break
            }
            if tree[container].kind.acceptsLines { break }
            kind = tree[container].kind
            maybeLazy = false
        }
    }

    private func htmlBlockKind(interruptsParagraph: Bool) -> Int {
        let kind = BlockStarts.htmlBlock(line, at: firstNonspace)
        if kind > 0 { return kind }
        return !interruptsParagraph && BlockStarts.htmlBlockSeven(line, at: firstNonspace) ? 7 : 0
    }
}

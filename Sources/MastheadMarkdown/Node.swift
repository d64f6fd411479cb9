// The document tree lives in one array and nodes refer to each other by index. Nothing in it is a class,
// so freeing a tree 100 000 levels deep cannot overflow the stack the way a chain of `deinit`s would,
// and walking it needs only a loop.

enum NodeKind: UInt8 {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    case table, tableRow, tableCell, footnoteDefinition
    case text, softBreak, hardBreak, code, inlineHTML, emphasis, strong, strikethrough, link, image
    case footnoteReference

    var isContainer: Bool {
        switch self {
        case .document, .blockQuote, .item, .footnoteDefinition: return true
        default: return false
        }
    }

    /// Blocks whose lines are collected as text rather than parsed for further blocks.
    var acceptsLines: Bool { self == .paragraph || self == .heading || self == .codeBlock }
}

struct ListData: Equatable {
    var ordered = false
    /// `-`, `+` or `*` for bullet lists, `.` or `)` for ordered ones.
    var marker: UInt8 = 0
    var start = 0
    var markerOffset = 0
    var padding = 0
    var tight = true
}

struct Node {
    static let none: Int32 = -1

    var kind: NodeKind
    var parent = Node.none
    var firstChild = Node.none
    var lastChild = Node.none
    var next = Node.none
    var previous = Node.none
    var open = true
    var lastLineBlank = false
    var startLine = 0
    /// Block text being collected, then the literal of code blocks, HTML and inline text.
    var content: [UInt8] = []
    /// Link and image destination, code block info string, footnote label.
    var url: [UInt8] = []
    var title: [UInt8] = []
    /// Heading level, HTML block kind, table cell alignment, footnote number, task state.
    var number = 0
    var list = ListData()
    var fenced = false
    var fenceCharacter: UInt8 = 0
    var fenceLength = 0
    var fenceOffset = 0

    init(kind: NodeKind) { self.kind = kind }
}

struct Tree {
    var nodes: [Node] = [Node(kind: .document)]

    static let root: Int32 = 0

    subscript(index: Int32) -> Node {
        get { nodes[Int(index)] }
        // In-place access: a get/set pair would copy a node's `content` on every appended line.
        _modify { yield &nodes[Int(index)] }
    }

    mutating func make(_ kind: NodeKind, content: [UInt8] = []) -> Int32 {
        var node = Node(kind: kind)
        node.content = content
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    mutating func append(_ child: Int32, to parent: Int32) {
        let last = self[parent].lastChild
        nodes[Int(child)].parent = parent
        nodes[Int(child)].previous = last
        nodes[Int(child)].next = Node.none
        if last == Node.none {
            nodes[Int(parent)].firstChild = child
        } else {
            nodes[Int(last)].next = child
        }
        nodes[Int(parent)].lastChild = child
    }

    mutating func insert(_ child: Int32, after sibling: Int32) {
        let parent = self[sibling].parent
        let following = self[sibling].next
        nodes[Int(child)].parent = parent
        nodes[Int(child)].previous = sibling
        nodes[Int(child)].next = following
        nodes[Int(sibling)].next = child
        if following == Node.none {
            nodes[Int(parent)].lastChild = child
        } else {
            nodes[Int(following)].previous = child
        }
    }

    mutating func unlink(_ node: Int32) {
        let parent = self[node].parent
        let previous = self[node].previous
        let following = self[node].next
        if previous == Node.none {
            if parent != Node.none { nodes[Int(parent)].firstChild = following }
        } else {
            nodes[Int(previous)].next = following
        }
        if following == Node.none {
            if parent != Node.none { nodes[Int(parent)].lastChild = previous }
        } else {
            nodes[Int(following)].previous = previous
        }
        nodes[Int(node)].parent = Node.none
        nodes[Int(node)].previous = Node.none
        nodes[Int(node)].next = Node.none
    }

    /// Moves the siblings strictly between `first` and `last` under `container`, which must already
    /// sit right after `first`. Each node moves at most once per wrapping, which keeps emphasis linear.
    mutating func adopt(siblingsAfter first: Int32, upTo last: Int32, into container: Int32) {
        var current = self[container].next
        while current != Node.none && current != last {
            let following = self[current].next
            unlink(current)
            append(current, to: container)
            current = following
        }
    }
}

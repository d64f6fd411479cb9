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

// Node and ListData keep their numbers in 32 bits behind `Int` accessors: a document has many nodes,
// and halving their size halves the memory a large input needs.

struct ListData: Equatable {
    var ordered = false
    /// `-`, `+` or `*` for bullet lists, `.` or `)` for ordered ones.
    var marker: UInt8 = 0
    var tight = true
    private var start32: Int32 = 0
    private var markerOffset32: Int32 = 0
    private var padding32: Int32 = 0

    var start: Int {
        get { Int(start32) }
        set { start32 = Int32(truncatingIfNeeded: newValue) }
    }
    var markerOffset: Int {
        get { Int(markerOffset32) }
        set { markerOffset32 = Int32(truncatingIfNeeded: newValue) }
    }
    var padding: Int {
        get { Int(padding32) }
        set { padding32 = Int32(truncatingIfNeeded: newValue) }
    }
}

struct Node {
    static let none: Int32 = -1

    var kind: NodeKind
    var open = true
    var lastLineBlank = false
    var fenced = false
    var fenceCharacter: UInt8 = 0
    var parent = Node.none
    var firstChild = Node.none
    var lastChild = Node.none
    var next = Node.none
    var previous = Node.none
    private var startLine32: Int32 = 0
    private var number32: Int32 = 0
    private var fenceLength32: Int32 = 0
    private var fenceOffset32: Int32 = 0
    var list = ListData()
    /// Block text being collected, then the literal of code blocks and HTML blocks.
    var content: [UInt8] = []
    /// An inline node's text: a range of `Tree.text`, shared by all inline nodes so that each costs no
    /// allocation of its own.
    var literalStart = 0
    var literalCount = 0
    /// Link and image destination, code block info string, footnote label.
    var url: [UInt8] = []
    var title: [UInt8] = []

    init(kind: NodeKind) { self.kind = kind }

    var startLine: Int {
        get { Int(startLine32) }
        set { startLine32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// Heading level, HTML block kind, table cell alignment, footnote definition, task state.
    var number: Int {
        get { Int(number32) }
        set { number32 = Int32(truncatingIfNeeded: newValue) }
    }
    var fenceLength: Int {
        get { Int(fenceLength32) }
        set { fenceLength32 = Int32(truncatingIfNeeded: newValue) }
    }
    var fenceOffset: Int {
        get { Int(fenceOffset32) }
        set { fenceOffset32 = Int32(truncatingIfNeeded: newValue) }
    }
}

struct Tree {
    var nodes: [Node] = [Node(kind: .document)]
    var text: [UInt8] = []

    static let root: Int32 = 0

    subscript(index: Int32) -> Node {
        _read { yield nodes[Int(index)] }
        // In-place access: a get/set pair would copy a node's `content` on every appended line.
        _modify { yield &nodes[Int(index)] }
    }

    mutating func make(_ kind: NodeKind) -> Int32 {
        nodes.append(Node(kind: kind))
        return Int32(nodes.count - 1)
    }

    mutating func makeLiteral<Bytes: Collection<UInt8>>(_ kind: NodeKind, _ bytes: Bytes) -> Int32 {
        let node = make(kind)
        nodes[Int(node)].literalStart = text.count
        nodes[Int(node)].literalCount = bytes.count
        text.append(contentsOf: bytes)
        return node
    }

    func literal(_ node: Int32) -> ArraySlice<UInt8> {
        let start = self[node].literalStart
        return text[start..<(start + self[node].literalCount)]
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

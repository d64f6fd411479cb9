// Phase two of the parse: the text of each paragraph, heading and table cell becomes inline nodes.
// One left-to-right pass pushes `*`, `_`, `~` runs and `[`/`![` onto stacks; emphasis and links are
// resolved with the spec's delimiter algorithm (Emphasis.swift, LinkBrackets.swift).
//
// Inline nesting is not capped: emphasis nests as deep as the spec says (the pathological
// `*a **a … a** a*` test expects 32 500 levels), links cannot contain links, and since the tree is an
// index-linked array that every later pass walks with loops, depth costs neither stack nor time.

struct Delimiter {
    var node: Int32
    var character: UInt8
    var count: Int
    var originalCount: Int
    var canOpen: Bool
    var canClose: Bool
    var previous: Int
    var next: Int
}

struct Bracket {
    var node: Int32
    /// Index in the subject just past `[`.
    var position: Int
    var image: Bool
    /// How many links had been made when this bracket was pushed. Any link made since lies inside this
    /// bracket's text, and links may not contain links, so a `[` is dead once the count has moved on:
    /// an O(1) test where deactivating every earlier opener would be quadratic.
    var linksBefore: Int
    /// Whether another `[` follows, which rules out using this bracket's text as a shortcut label.
    var bracketAfter = false
    /// The top of the delimiter stack when the bracket was pushed: emphasis inside the link text is
    /// resolved down to here.
    var delimiterBottom: Int
}

struct InlineParser {
    let parser: BlockParser
    let options: MarkdownOptions
    var subject: [UInt8]
    var position = 0
    let container: Int32
    var delimiters: [Delimiter] = []
    var lastDelimiter = -1
    var brackets: [Bracket] = []
    var linksMade = 0
    private var backtickRuns: [Int: [Int]]?
    private var backtickCursors: [Int: Int] = [:]
    var commentEnd = TerminatorSearch("-->")
    var instructionEnd = TerminatorSearch("?>")
    var cdataEnd = TerminatorSearch("]]>")
    var declarationEnd = TerminatorSearch(">")
    private let special: [Bool]

    static func parseAll(_ parser: BlockParser) {
        let special = specialBytes(parser.options)
        for index in 0..<Int32(parser.tree.nodes.count) {
            let node = parser.tree[index]
            guard node.kind == .paragraph || node.kind == .heading || node.kind == .tableCell,
                node.parent != Node.none
            else { continue }
            let range = node.content.trimmedRange(0, node.content.count)
            var inline = InlineParser(
                parser: parser, subject: Array(node.content[range]), container: index, special: special)
            parser.tree[index].content = []
            inline.run()
        }
        if parser.options.autolinks { ExtendedAutolinks.linkEmails(parser) }
    }

    private static func specialBytes(_ options: MarkdownOptions) -> [Bool] {
        var special = [Bool](repeating: false, count: 256)
        for byte in "\n\r`\\&<*_[]!".utf8 { special[Int(byte)] = true }
        if options.strikethrough { special[Int(UInt8(ascii: "~"))] = true }
        return special
    }

    private init(parser: BlockParser, subject: [UInt8], container: Int32, special: [Bool]) {
        self.parser = parser
        self.options = parser.options
        self.subject = subject
        self.container = container
        self.special = special
    }

    mutating func run() {
        while position < subject.count { parseInline() }
        processEmphasis(stackBottom: -1)
    }

    private mutating func parseInline() {
        let byte = subject[position]
        switch byte {
        case .newline, .carriageReturn:
            handleNewline()
        case UInt8(ascii: "`"):
            handleBackticks()
        case UInt8(ascii: "\\"):
            handleBackslash()
        case UInt8(ascii: "&"):
            if let (decoded, end) = Entities.decode(subject, at: position) {
                appendText(decoded[...])
                position = end
            } else {
                appendText(subject[position..<(position + 1)])
                position += 1
            }
        case UInt8(ascii: "<"):
            handleAngleBracket()
        case UInt8(ascii: "*"), UInt8(ascii: "_"):
            handleDelimiterRun(byte)
        case UInt8(ascii: "~") where options.strikethrough:
            handleDelimiterRun(byte)
        case UInt8(ascii: "["):
            position += 1
            pushBracket(image: false)
        case UInt8(ascii: "!") where subject.at(position + 1) == UInt8(ascii: "["):
            position += 2
            pushBracket(image: true)
        case UInt8(ascii: "]"):
            handleCloseBracket()
        default:
            if options.autolinks && ExtendedAutolinks.mayStart(subject, at: position),
                ExtendedAutolinks.matchURL(&self)
            {
                return
            }
            handleText()
        }
    }

    private mutating func handleText() {
        var end = position + 1
        while end < subject.count && !special[Int(subject[end])]
            && !(options.autolinks && ExtendedAutolinks.mayStart(subject, at: end))
        {
            end += 1
        }
        var textEnd = end
        if subject.at(end).isLineEnd {
            while textEnd > position && subject[textEnd - 1].isASCIIWhitespace { textEnd -= 1 }
        }
        if textEnd > position { appendText(subject[position..<textEnd]) }
        position = end
    }

    private mutating func handleNewline() {
        let newlineAt = position
        position += subject[position] == .carriageReturn && subject.at(position + 1) == .newline ? 2 : 1
        skipSpaces()
        let hard = newlineAt >= 2 && subject[newlineAt - 1] == .space && subject[newlineAt - 2] == .space
        append(parser.tree.make(hard ? .hardBreak : .softBreak))
    }

    private mutating func skipSpaces() {
        while subject.at(position).isSpaceOrTab { position += 1 }
    }

    private mutating func handleBackslash() {
        let next = subject.at(position + 1)
        if next.isLineEnd {
            position += 1
            position += next == .carriageReturn && subject.at(position + 1) == .newline ? 2 : 1
            append(parser.tree.make(.hardBreak))
        } else if next.isASCIIPunctuation {
            appendText(subject[(position + 1)..<(position + 2)])
            position += 2
        } else {
            appendText(subject[position..<(position + 1)])
            position += 1
        }
    }

    private mutating func handleBackticks() {
        let start = position
        while subject.at(position) == UInt8(ascii: "`") { position += 1 }
        let length = position - start
        guard let closer = closingBacktickRun(length: length, from: position) else {
            appendText(subject[start..<position])
            return
        }
        var code = subject[position..<closer].map { $0.isLineEnd ? UInt8.space : $0 }
        if code.count >= 2 && code.first == .space && code.last == .space && code.contains(where: { $0 != .space }) {
            code = Array(code[1..<(code.count - 1)])
        }
        append(parser.tree.makeLiteral(.code, code))
        position = closer + length
    }

    /// Finds the next run of exactly `length` backticks. All runs after the first opener are indexed once
    /// by length, so a paragraph of unmatched backtick runs is still scanned only once.
    private mutating func closingBacktickRun(length: Int, from start: Int) -> Int? {
        if backtickRuns == nil {
            var runs: [Int: [Int]] = [:]
            var index = start
            while index < subject.count {
                if subject[index] == UInt8(ascii: "`") {
                    let runStart = index
                    while subject.at(index) == UInt8(ascii: "`") { index += 1 }
                    runs[index - runStart, default: []].append(runStart)
                } else {
                    index += 1
                }
            }
            backtickRuns = runs
        }
        guard let runs = backtickRuns?[length] else { return nil }
        var cursor = backtickCursors[length] ?? 0
        while cursor < runs.count && runs[cursor] < start { cursor += 1 }
        backtickCursors[length] = cursor
        return cursor < runs.count ? runs[cursor] : nil
    }

    private mutating func handleDelimiterRun(_ character: UInt8) {
        let start = position
        while subject.at(position) == character { position += 1 }
        let count = position - start
        // With strikethrough on, cmark-gfm looks past `~` for the characters around a run, so `**~ a**`
        // does not open. Copied for agreement with GitHub.
        var beforeEnd = start
        var afterStart = position
        if options.strikethrough {
            while beforeEnd > 1 && subject[beforeEnd - 1] == UInt8(ascii: "~") { beforeEnd -= 1 }
            while subject.at(afterStart) == UInt8(ascii: "~") { afterStart += 1 }
        }
        let before = Scalars.scalar(in: subject, before: beforeEnd)
        let after = Scalars.scalar(in: subject, at: afterStart)
        let beforeSpace = Scalars.isWhitespace(before)
        let afterSpace = Scalars.isWhitespace(after)
        let beforePunctuation = Scalars.isPunctuation(before)
        let afterPunctuation = Scalars.isPunctuation(after)
        let leftFlanking = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
        let rightFlanking = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
        var canOpen = leftFlanking
        var canClose = rightFlanking
        if character == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || beforePunctuation)
            canClose = rightFlanking && (!leftFlanking || afterPunctuation)
        }
        let node = appendText(subject[start..<position])
        if character == UInt8(ascii: "~") && count > 2 { return }
        guard canOpen || canClose else { return }
        delimiters.append(
            Delimiter(
                node: node, character: character, count: count, originalCount: count, canOpen: canOpen,
                canClose: canClose, previous: lastDelimiter, next: -1))
        let index = delimiters.count - 1
        if lastDelimiter >= 0 { delimiters[lastDelimiter].next = index }
        lastDelimiter = index
    }

    @discardableResult
    mutating func appendText(_ bytes: ArraySlice<UInt8>) -> Int32 {
        let node = parser.tree.makeLiteral(.text, bytes)
        append(node)
        return node
    }

    mutating func append(_ node: Int32) {
        parser.tree.append(node, to: container)
    }
}

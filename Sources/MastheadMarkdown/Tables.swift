// GFM tables, following cmark-gfm's table extension: a paragraph line of cells followed by a delimiter
// row with as many cells opens a table; later non-blank lines are its rows until another block starts.

enum Tables {
    /// Alignment codes kept in a cell's `number`.
    static let left = 1
    static let center = 2
    static let right = 3

    /// Turns the last line of `paragraph` into a table header if the current line is a matching delimiter
    /// row; earlier lines of the paragraph stay a paragraph.
    static func open(_ parser: BlockParser, paragraph: Int32) -> Int32? {
        let line = parser.line
        guard let alignments = delimiterRow(line, from: parser.firstNonspace) else { return nil }
        let content = parser.tree[paragraph].content
        var headerStart = content.count - 1
        while headerStart > 0 && content[headerStart - 1] != .newline { headerStart -= 1 }
        guard let header = cells(content[headerStart...]), header.count == alignments.count else { return nil }
        let table: Int32
        if headerStart > 0 {
            parser.tree[paragraph].content.removeSubrange(headerStart...)
            let parent = parser.finalize(paragraph)
            table = parser.addChild(parent, .table)
        } else {
            table = paragraph
            parser.tree[table].kind = .table
            parser.tree[table].content = []
        }
        parser.tree[table].url = alignments
        addRow(parser, table: table, cells: header)
        return table
    }

    /// Whether a line continues a table: like cmark-gfm, any line with at least one cell does (a block
    /// start on it then closes the table), and a blank line or a lone `|` does not.
    static func continues(_ line: [UInt8], from start: Int) -> Bool {
        !(cells(line[start...]) ?? []).isEmpty
    }

    static func addRow(_ parser: BlockParser, table: Int32, line: [UInt8], from start: Int) {
        addRow(parser, table: table, cells: cells(line[start...]) ?? [])
    }

    private static func addRow(_ parser: BlockParser, table: Int32, cells: [[UInt8]]) {
        let alignments = parser.tree[table].url
        let row = parser.tree.make(.tableRow)
        parser.tree[row].open = false
        parser.tree.append(row, to: table)
        for column in 0..<alignments.count {
            let cell = parser.tree.make(.tableCell)
            if column < cells.count { parser.tree[cell].content = cells[column] }
            parser.tree[cell].number = Int(alignments[column])
            parser.tree[cell].open = false
            parser.tree.append(cell, to: row)
        }
    }

    /// The alignment of each column if the line is a delimiter row like `| :-- | --: |`.
    private static func delimiterRow(_ line: [UInt8], from start: Int) -> [UInt8]? {
        guard let cells = cells(line[start...]), !cells.isEmpty else { return nil }
        var alignments: [UInt8] = []
        for cell in cells {
            // cmark-gfm's delimiter row scanner also skips `\v` around the dashes.
            var body = cell.drop(while: { $0.isASCIIWhitespace || $0 == 0x0B })
            while let last = body.last, last.isASCIIWhitespace || last == 0x0B { body = body.dropLast() }
            let leftColon = body.first == UInt8(ascii: ":")
            if leftColon { body = body.dropFirst() }
            let rightColon = body.last == UInt8(ascii: ":")
            if rightColon { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            let alignment = leftColon && rightColon ? center : leftColon ? left : rightColon ? right : 0
            alignments.append(UInt8(alignment))
        }
        return alignments
    }

    /// Splits a row into trimmed cells on unescaped pipes, with `\|` turned into `|`. A leading and a
    /// trailing pipe are optional and make no empty cell.
    static func cells(_ row: ArraySlice<UInt8>) -> [[UInt8]]? {
        var index = row.startIndex
        var end = row.endIndex
        while end > index && (row[end - 1].isSpaceOrTab || row[end - 1].isLineEnd) { end -= 1 }
        while index < end && row[index].isSpaceOrTab { index += 1 }
        guard index < end else { return nil }
        if row[index] == UInt8(ascii: "|") { index += 1 }
        var cells: [[UInt8]] = []
        var cell: [UInt8] = []
        var sawContent = false
        while index < end {
            let byte = row[index]
            if byte == UInt8(ascii: "\\") && index + 1 < end && row[index + 1] == UInt8(ascii: "|") {
                cell.append(UInt8(ascii: "|"))
                index += 2
                sawContent = true
                continue
            }
            if byte == UInt8(ascii: "\\") && index + 1 < end {
                cell.append(contentsOf: row[index...(index + 1)])
                index += 2
                sawContent = true
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells.append(trimmed(cell))
                cell.removeAll()
                sawContent = false
            } else {
                cell.append(byte)
                sawContent = true
            }
            index += 1
        }
        if sawContent { cells.append(trimmed(cell)) }
        return cells
    }

    /// Cells lose spaces and tabs only: cmark-gfm keeps other control characters such as `\v`.
    private static func trimmed(_ cell: [UInt8]) -> [UInt8] {
        var start = 0
        var end = cell.count
        while start < end && cell[start].isSpaceOrTab { start += 1 }
        while end > start && cell[end - 1].isSpaceOrTab { end -= 1 }
        return Array(cell[start..<end])
    }
}

// Recognisers for the first line of each kind of leaf block. Each works on one line that ends in "\n"
// and starts looking at the line's first non-space byte.

enum BlockStarts {
    /// The level and the end of the opening `#` run of an ATX heading, if the line starts one.
    static func atxHeading(_ line: [UInt8], at start: Int) -> (level: Int, end: Int)? {
        var index = start
        while line.at(index) == UInt8(ascii: "#") && index - start < 7 { index += 1 }
        let level = index - start
        guard level >= 1 && level <= 6 else { return nil }
        let following = line.at(index)
        guard following.isSpaceOrTab || following.isLineEnd || following == 0 else { return nil }
        return (level, index)
    }

    /// The length of the run of three or more backticks or tildes that opens a fenced code block.
    static func openingFence(_ line: [UInt8], at start: Int) -> Int {
        let fence = line.at(start)
        guard fence == UInt8(ascii: "`") || fence == UInt8(ascii: "~") else { return 0 }
        var index = start
        while line.at(index) == fence { index += 1 }
        guard index - start >= 3 else { return 0 }
        if fence == UInt8(ascii: "`") && line[index...].contains(UInt8(ascii: "`")) { return 0 }
        return index - start
    }

    /// The length of a closing fence made of `fence` bytes followed only by spaces, or 0.
    static func closingFence(_ line: [UInt8], at start: Int, fence: UInt8) -> Int {
        var index = start
        while line.at(index) == fence { index += 1 }
        let length = index - start
        guard length >= 3 else { return 0 }
        while line.at(index).isSpaceOrTab { index += 1 }
        return line.at(index).isLineEnd || index >= line.count ? length : 0
    }

    /// 1 for a `=` underline, 2 for a `-` underline, 0 when the line is no setext underline.
    static func setextUnderline(_ line: [UInt8], at start: Int) -> Int {
        let marker = line.at(start)
        guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { return 0 }
        var index = start
        while line.at(index) == marker { index += 1 }
        while line.at(index).isSpaceOrTab { index += 1 }
        guard line.at(index).isLineEnd || index >= line.count else { return 0 }
        return marker == UInt8(ascii: "=") ? 1 : 2
    }

    /// The width of a list marker at `start` and what it says about its list.
    static func listMarker(_ line: [UInt8], at start: Int, interruptsParagraph: Bool) -> (Int, ListData)? {
        var data = ListData()
        var index = start
        let first = line.at(start)
        if first == UInt8(ascii: "*") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            index += 1
            data.marker = first
        } else if first.isASCIIDigit {
            var value = 0
            // Nine digits at most: the spec's limit, and it keeps `start` far from overflowing.
            while line.at(index).isASCIIDigit && index - start < 9 {
                value = value * 10 + Int(line[index] - 0x30)
                index += 1
            }
            let delimiter = line.at(index)
            guard delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return nil }
            guard !interruptsParagraph || value == 1 else { return nil }
            index += 1
            data.ordered = true
            data.marker = delimiter
            data.start = value
        } else {
            return nil
        }
        // Only a space, tab or line end may follow the marker: cmark-gfm too leaves `-\v` as text.
        let following = line.at(index)
        guard following.isSpaceOrTab || following.isLineEnd || index >= line.count else { return nil }
        if interruptsParagraph {
            var probe = index
            while line.at(probe).isSpaceOrTab { probe += 1 }
            if line.at(probe).isLineEnd || probe >= line.count { return nil }
        }
        return (index - start, data)
    }

    private static let blockTagNames: Set<[UInt8]> = Set(
        [
            "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
            "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
            "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
            "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
            "th", "thead", "title", "tr", "track", "ul",
        ].map { Array($0.utf8) })

    private static let rawTextTagNames: [[UInt8]] = ["pre", "script", "style", "textarea"].map { Array($0.utf8) }

    /// The HTML block kind (1–6) that the line starts, or 0. Kind 7 needs `htmlBlockSeven`.
    static func htmlBlock(_ line: [UInt8], at start: Int) -> Int {
        guard line.at(start) == UInt8(ascii: "<") else { return 0 }
        let afterAngle = start + 1
        if line.hasPrefix("!--", at: afterAngle) { return 2 }
        if line.at(afterAngle) == UInt8(ascii: "?") { return 3 }
        if line.hasPrefix("![CDATA[", at: afterAngle) { return 5 }
        if line.at(afterAngle) == UInt8(ascii: "!") && line.at(afterAngle + 1).isASCIILetter { return 4 }
        let closing = line.at(afterAngle) == UInt8(ascii: "/")
        let nameStart = closing ? afterAngle + 1 : afterAngle
        var nameEnd = nameStart
        while line.at(nameEnd).isASCIIAlphanumeric { nameEnd += 1 }
        guard nameEnd > nameStart else { return 0 }
        let name = line[nameStart..<nameEnd].map { $0.asciiLowercased }
        let following = line.at(nameEnd)
        let endsName = following.isASCIIWhitespace || following == UInt8(ascii: ">") || nameEnd >= line.count
        if !closing && rawTextTagNames.contains(name) && endsName { return 1 }
        if blockTagNames.contains(name)
            && (endsName || (following == UInt8(ascii: "/") && line.at(nameEnd + 1) == UInt8(ascii: ">")))
        {
            return 6
        }
        return 0
    }

    /// Whether the line is a complete open or closing tag alone, which starts an HTML block of kind 7.
    static func htmlBlockSeven(_ line: [UInt8], at start: Int) -> Bool {
        guard line.at(start) == UInt8(ascii: "<") else { return false }
        let end: Int?
        if line.at(start + 1) == UInt8(ascii: "/") {
            end = RawHTML.closingTag(line, at: start)
        } else {
            end = RawHTML.openTag(line, at: start)
            var nameEnd = start + 1
            while line.at(nameEnd).isASCIIAlphanumeric { nameEnd += 1 }
            if rawTextTagNames.contains(line[(start + 1)..<nameEnd].map { $0.asciiLowercased }) { return false }
        }
        guard var index = end else { return false }
        while index < line.count && line[index].isASCIIWhitespace { index += 1 }
        return index >= line.count
    }

    /// Whether the line (from `start`) contains the end condition of an HTML block of `kind`.
    static func htmlBlockEnds(kind: Int, _ line: [UInt8], at start: Int) -> Bool {
        switch kind {
        case 1:
            var index = start
            while index + 1 < line.count {
                if line[index] == UInt8(ascii: "<") && line[index + 1] == UInt8(ascii: "/") {
                    for name in rawTextTagNames {
                        let nameStart = index + 2
                        if nameStart + name.count < line.count
                            && zip(name, line[nameStart...]).allSatisfy({ $0 == $1.asciiLowercased })
                            && line[nameStart + name.count] == UInt8(ascii: ">")
                        {
                            return true
                        }
                    }
                }
                index += 1
            }
            return false
        case 2: return contains(line, from: start, "-->")
        case 3: return contains(line, from: start, "?>")
        case 4: return line[start...].contains(UInt8(ascii: ">"))
        case 5: return contains(line, from: start, "]]>")
        default: return false
        }
    }

    private static func contains(_ line: [UInt8], from start: Int, _ literal: StaticString) -> Bool {
        var index = start
        while index < line.count {
            if line.hasPrefix(literal, at: index) { return true }
            index += 1
        }
        return false
    }
}

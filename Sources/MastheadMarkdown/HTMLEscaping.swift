// Output escaping, byte for byte as cmark does it so that our HTML compares equal to the reference.

enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` for text and attribute values.
    static func escape(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var runStart = bytes.startIndex
        for index in bytes.indices {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: continue
            }
            out.append(contentsOf: bytes[runStart..<index])
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            runStart = index + 1
        }
        out.append(contentsOf: bytes[runStart..<bytes.endIndex])
    }

    private static let hrefSafe: [Bool] = {
        var safe = [Bool](repeating: false, count: 256)
        for byte in "-_.+!*(),%#@?=;:/$~".utf8 { safe[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { safe[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { safe[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { safe[Int(byte)] = true }
        return safe
    }()

    /// Percent-encodes what may not appear in a URL (existing `%XX` escapes are kept) and escapes `&` and
    /// `'` for the attribute, like cmark's `houdini_escape_href`.
    static func escapeHref(_ bytes: [UInt8], into out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if hrefSafe[Int(byte)] {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                out.append(contentsOf: "&#x27;".utf8)
            } else {
                out.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
    }

    private static let filteredTags: [[UInt8]] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ].map { Array($0.utf8) }

    /// Raw HTML as written, except that with the GFM tagfilter the `<` of tags that would change how the
    /// browser parses what follows (`<script>`, `<textarea>`, …) becomes `&lt;`.
    static func raw(_ bytes: ArraySlice<UInt8>, tagfilter: Bool, into out: inout [UInt8]) {
        guard tagfilter else {
            out.append(contentsOf: bytes)
            return
        }
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") && isFilteredTag(bytes, at: index + 1) {
                out.append(contentsOf: "&lt;".utf8)
            } else {
                out.append(byte)
            }
        }
    }

    private static func isFilteredTag(_ bytes: ArraySlice<UInt8>, at start: Int) -> Bool {
        func at(_ index: Int) -> UInt8 { index < bytes.endIndex ? bytes[index] : 0 }
        let nameStart = at(start) == UInt8(ascii: "/") ? start + 1 : start
        for name in filteredTags {
            let end = nameStart + name.count
            guard end <= bytes.endIndex, zip(name, bytes[nameStart..<end]).allSatisfy({ $0 == $1.asciiLowercased })
            else { continue }
            let following = at(end)
            if following.isASCIIWhitespace || following == UInt8(ascii: ">")
                || (following == UInt8(ascii: "/") && at(end + 1) == UInt8(ascii: ">")) || end == bytes.endIndex
            {
                return true
            }
        }
        return false
    }
}

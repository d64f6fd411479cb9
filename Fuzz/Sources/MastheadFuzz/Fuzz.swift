import MastheadCore
import MastheadMarkdown

// libFuzzer entry point: the Markdown renderer, then the article sanitizer, on arbitrary bytes. A crash,
// an ASan report or a run past `-timeout` is a finding; so is sanitized output that a browser would run
// script from, which `check` turns into a crash so that libFuzzer keeps and minimises the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)

    // Everything an article gets: every extension on, then the sanitizer.
    check(ArticleBody.html(fromMarkdown: source), source: source, label: "ArticleBody")

    // Plain CommonMark lets more raw HTML through (no tagfilter), so the sanitizer sees other input.
    check(
        HTMLSanitizer.article.sanitize(Markdown.html(source, options: .commonMark)), source: source, label: "commonMark"
    )

    // One more extension combination, picked by length, so every mix of flags is reached over a run
    // without a corpus entry's bytes having to encode it.
    let mask = count & 63
    let options = MarkdownOptions(
        tables: mask & 1 != 0, strikethrough: mask & 2 != 0, autolinks: mask & 4 != 0, footnotes: mask & 8 != 0,
        tagfilter: mask & 16 != 0, taskLists: mask & 32 != 0)
    check(
        HTMLSanitizer.article.sanitize(Markdown.html(source, options: options)), source: source, label: "mask \(mask)")
    return 0
}

private let allowedTags: Set<String> = [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "a", "em",
    "strong", "b", "i", "code", "pre", "del", "s", "sup", "sub", "img", "figure", "figcaption", "table",
    "thead", "tbody", "tr", "th", "td", "section", "input",
]

// Attributes whose value a browser loads or navigates to.
private let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "background"]

/// Reads `html` the way a browser's tokenizer would (the sanitizer escapes every `<` in text, so any
/// `<` is markup) and fails on script: a `<script`, an event-handler attribute, a script URL, a tag off
/// the sanitizer's allowlist, or markup other than tags (comments, processing instructions).
private func check(_ html: String, source: String, label: String) {
    let bytes = Array(html.utf8)
    let script = Array("<script".utf8)
    for start in bytes.indices where bytes[start] == UInt8(ascii: "<") && start + script.count <= bytes.count {
        if zip(bytes[start..<(start + script.count)], script).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
            fail("<script in output", at: start, html, source, label)
        }
    }
    var index = 0
    while index < bytes.count {
        guard bytes[index] == UInt8(ascii: "<") else {
            index += 1
            continue
        }
        let tagStart = index
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < bytes.count, isASCIILetter(bytes[index]) else {
            fail("markup that is not a tag", at: tagStart, html, source, label)
        }
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
            bytes[index] != UInt8(ascii: "/")
        {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        guard allowedTags.contains(name) else {
            fail("tag <\(name)> not on the allowlist", at: tagStart, html, source, label)
        }
        // Attributes, as the HTML tokenizer splits them.
        while true {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count else { fail("unterminated tag", at: tagStart, html, source, label) }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            let attributeStart = index
            index += 1  // a first `=` belongs to the name
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "=")
            {
                index += 1
            }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            if attribute.hasPrefix("on") {
                fail("event-handler attribute \(attribute)", at: tagStart, html, source, label)
            }
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value: ArraySlice<UInt8> = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                let valueStart = index + 1
                index = valueStart
                while index < bytes.count, bytes[index] != quote { index += 1 }
                guard index < bytes.count else {
                    fail("unterminated attribute value", at: tagStart, html, source, label)
                }
                value = bytes[valueStart..<index]
                index += 1
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                value = bytes[valueStart..<index]
            }
            if urlAttributes.contains(attribute) {
                let url = browserURL(decodeReferences(value))
                if url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") {
                    fail("script URL in \(attribute)", at: tagStart, html, source, label)
                }
            }
        }
    }
}

/// The scheme-relevant start of a URL as a browser sees it: leading C0 controls and spaces stripped,
/// tabs and newlines removed anywhere, lowercased.
private func browserURL(_ value: [UInt8]) -> String {
    let trimmed = value.drop { $0 <= 0x20 }.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    return String(decoding: trimmed.prefix(16), as: UTF8.self).lowercased()
}

/// One pass of character-reference decoding, as for an attribute value: numeric references and the
/// named ones that could spell a scheme or hide a separator.
private func decodeReferences(_ value: ArraySlice<UInt8>) -> [UInt8] {
    let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n",
        "sol": "/", "lpar": "(", "rpar": ")",
    ]
    var output: [UInt8] = []
    var index = value.startIndex
    while index < value.endIndex {
        guard value[index] == UInt8(ascii: "&") else {
            output.append(value[index])
            index += 1
            continue
        }
        var end = index + 1
        while end < value.endIndex, end - index < 40, value[end] != UInt8(ascii: ";") { end += 1 }
        guard end < value.endIndex, value[end] == UInt8(ascii: ";") else {
            output.append(value[index])
            index += 1
            continue
        }
        let body = String(decoding: value[(index + 1)..<end], as: UTF8.self)
        var decoded: String?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else if body.hasPrefix("#") {
            decoded = UInt32(body.dropFirst(1)).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else {
            decoded = named[body.lowercased()]
        }
        if let decoded {
            output += decoded.utf8
            index = end + 1
        } else {
            output.append(value[index])
            index += 1
        }
    }
    return output
}

private func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
}

private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
}

private func fail(_ problem: String, at offset: Int, _ html: String, _ source: String, _ label: String) -> Never {
    let bytes = Array(html.utf8)
    let excerpt = String(decoding: bytes[max(0, offset - 80)..<min(bytes.count, offset + 160)], as: UTF8.self)
    // One fatalError message, because stdout is not flushed when the process traps. The whole input is
    // in libFuzzer's crash artifact; this is for reading the log.
    fatalError(
        """
        FUZZ INVARIANT (\(label)): \(problem) at byte \(offset)
        output excerpt: \(excerpt.debugDescription)
        input (first 2000 characters): \(String(source.prefix(2000)).debugDescription)
        """)
}

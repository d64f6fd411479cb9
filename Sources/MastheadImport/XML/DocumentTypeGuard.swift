import Foundation

/// WordPress's and Disqus's exports never declare a document type. One that does can declare entities
/// that expand without end (a "billion laughs" file) or that read files off this server (XXE), so the
/// reader refuses it before any parser sees it, whatever the parser would have done with it.
enum DocumentTypeGuard {
    /// How much of the file's start may come before its first element: comments and the XML
    /// declaration. WordPress writes a comment of about 1 KB there.
    static let prologLimit = 1 << 20

    static func check(_ head: [UInt8]) throws {
        var index = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while index < head.count {
            let byte = head[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            guard byte == UInt8(ascii: "<"), index + 1 < head.count else {
                index += 1
                continue
            }
            let next = head[index + 1]
            if next == UInt8(ascii: "?") {
                index = skip(past: Array("?>".utf8), in: head, from: index + 2, line: &line)
            } else if head[index...].starts(with: Array("<!--".utf8)) {
                index = skip(past: Array("-->".utf8), in: head, from: index + 4, line: &line)
            } else if next == UInt8(ascii: "!") {
                throw ImportFileError(
                    "The file declares a document type (<!DOCTYPE …>). Exports from WordPress and Disqus never do, and "
                        + "the entities one declares can expand without end or read files from this server, so Masthead "
                        + "does not read it. Export the site again, or remove the declaration.",
                    line: line)
            } else {
                return
            }
        }
        if head.count >= prologLimit {
            throw ImportFileError("The file's first megabyte holds no element: this is not an export file.", line: line)
        }
    }

    private static func skip(past terminator: [UInt8], in head: [UInt8], from start: Int, line: inout Int) -> Int {
        var index = start
        while index < head.count {
            if head[index...].starts(with: terminator) { return index + terminator.count }
            if head[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        return index
    }
}

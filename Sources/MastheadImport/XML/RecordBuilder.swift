import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The parser's delegate: builds each element at the record depth (the root element's depth is 0)
/// whole and hands it to `emit`, keeping nothing of what lies outside records.
final class RecordBuilder: NSObject, XMLParserDelegate {
    private struct Partial {
        let name: String
        let attributes: [String: String]
        let line: Int
        var text = ""
        var children: [ImportElement] = []
    }

    private let recordDepth: Int
    private let emit: (ImportElement) -> Bool
    /// How many elements are open; the root element is at depth 0.
    private(set) var depth = 0
    private var open: [Partial] = []
    private(set) var errorLine: Int?
    private(set) var stoppedByReader = false

    /// `emit` returns false when the reader wants no more records.
    init(recordDepth: Int, emit: @escaping (ImportElement) -> Bool) {
        self.recordDepth = recordDepth
        self.emit = emit
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        defer { depth += 1 }
        guard depth >= recordDepth else { return }
        open.append(Partial(name: qName ?? elementName, attributes: attributeDict, line: parser.lineNumber))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        depth -= 1
        guard depth >= recordDepth, let partial = open.popLast() else { return }
        let element = ImportElement(
            name: partial.name, attributes: partial.attributes, text: partial.text, children: partial.children,
            line: partial.line)
        if open.isEmpty {
            if !emit(element) {
                stoppedByReader = true
                parser.abortParsing()
            }
        } else {
            open[open.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorLine == nil { errorLine = parser.lineNumber }
    }
}

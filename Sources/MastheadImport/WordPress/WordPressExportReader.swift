/// Reads a WordPress export (WXR, what *Tools → Export* writes) as a stream of records: the site
/// first, then authors, terms and items in file order, one item in memory at a time.
public struct WordPressExportReader: AsyncSequence, Sendable {
    public typealias Element = WordPressRecord

    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(records: XMLRecordReader(path: path, recordDepth: 2).makeAsyncIterator())
    }

    public struct Iterator: AsyncIteratorProtocol {
        var records: XMLRecordReader.Iterator
        var parser = WordPressRecordParser()
        var siteGiven = false
        var pending: WordPressRecord?

        public mutating func next() async throws -> WordPressRecord? {
            if let record = pending {
                pending = nil
                return record
            }
            while let element = try await records.next() {
                guard let record = try parser.parse(element) else { continue }
                if siteGiven { return record }
                siteGiven = true
                pending = record
                return .site(parser.site)
            }
            guard siteGiven else {
                siteGiven = true
                return .site(parser.site)
            }
            return nil
        }
    }
}

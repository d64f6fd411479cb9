import Foundation

/// Reads a Disqus XML export (*Moderation → Export*) as a stream of threads and posts, one record in
/// memory at a time.
public struct DisqusExportReader: AsyncSequence, Sendable {
    public typealias Element = DisqusRecord

    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(records: XMLRecordReader(path: path, recordDepth: 1).makeAsyncIterator())
    }

    public struct Iterator: AsyncIteratorProtocol {
        var records: XMLRecordReader.Iterator

        public mutating func next() async throws -> DisqusRecord? {
            while let element = try await records.next() {
                switch element.name {
                case "thread": return .thread(try Self.thread(element))
                case "post": return .post(try Self.post(element))
                // Categories group threads inside Disqus; Masthead has topics of its own.
                default: continue
                }
            }
            return nil
        }

        static func thread(_ element: ImportElement) throws -> DisqusThread {
            DisqusThread(
                id: try id(element, what: "thread"), identifier: element.text(of: "id") ?? "",
                link: element.text(of: "link") ?? "", title: element.text(of: "title") ?? "",
                isClosed: element.text(of: "isClosed") == "true", line: element.line)
        }

        static func post(_ element: ImportElement) throws -> DisqusPost {
            let id = try id(element, what: "post")
            guard let thread = element.child("thread")?.attributes["dsq:id"], !thread.isEmpty else {
                throw ImportFileError("The post \(id) names no thread (<thread dsq:id=…/>).", line: element.line)
            }
            let author = element.child("author")
            return DisqusPost(
                id: id, threadID: thread, parentID: element.child("parent")?.attributes["dsq:id"],
                messageHTML: element.text(of: "message") ?? "",
                createdAt: element.text(of: "createdAt").flatMap { try? Date($0, strategy: .iso8601) },
                isDeleted: element.text(of: "isDeleted") == "true", isSpam: element.text(of: "isSpam") == "true",
                authorName: author?.text(of: "name") ?? "", authorEmail: author?.text(of: "email") ?? "",
                line: element.line)
        }

        private static func id(_ element: ImportElement, what: String) throws -> String {
            guard let id = element.attributes["dsq:id"], !id.isEmpty else {
                throw ImportFileError(
                    "A \(what) has no dsq:id, which Disqus writes on every \(what): the file was edited or is not a "
                        + "Disqus export.",
                    line: element.line)
            }
            return id
        }
    }
}

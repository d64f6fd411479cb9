import Foundation
import Synchronization

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an export file one record at a time, as a stream: every element at `recordDepth` (the root
/// element is at 0: 2 for WordPress's `<rss><channel><item>`, 1 for Disqus's `<disqus><thread>`) is built whole and handed
/// over, and the parser waits while the importer is `bufferSize` records behind, so memory stays
/// bounded whatever the file's size.
///
/// The parser (libxml2's, through Foundation) runs on a thread of its own: it calls back synchronously,
/// and an import awaits its database between records.
public struct XMLRecordReader: AsyncSequence, Sendable {
    public typealias Element = ImportElement

    public let path: String
    public let recordDepth: Int
    public let bufferSize: Int

    public init(path: String, recordDepth: Int, bufferSize: Int = 256) {
        self.path = path
        self.recordDepth = recordDepth
        self.bufferSize = bufferSize
    }

    public func makeAsyncIterator() -> Iterator {
        // Made empty and then given its slots: libdispatch traps when a semaphore is freed holding less
        // than it was made with, which an import that stops early would leave.
        let slots = DispatchSemaphore(value: 0)
        for _ in 0..<bufferSize { slots.signal() }
        let (stream, continuation) = AsyncThrowingStream<ImportElement, any Error>.makeStream()
        let (path, recordDepth) = (path, recordDepth)
        let stop = StopSignal(slots: slots)
        continuation.onTermination = { _ in stop.stop() }
        let thread = Thread {
            do {
                try Self.parse(path: path, recordDepth: recordDepth) { element in
                    slots.wait()
                    guard !stop.isStopped else { return false }
                    continuation.yield(element)
                    return true
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "masthead-import-reader"
        thread.start()
        return Iterator(base: stream.makeAsyncIterator(), slots: slots)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<ImportElement, any Error>.AsyncIterator
        let slots: DispatchSemaphore

        public mutating func next() async throws -> ImportElement? {
            let element = try await base.next()
            if element != nil { slots.signal() }
            return element
        }
    }

    /// Parses the whole file on the calling thread, handing each record to `emit` (which returns false to
    /// stop early).
    static func parse(path: String, recordDepth: Int, emit: @escaping (ImportElement) -> Bool) throws {
        guard let head = FileHandle(forReadingAtPath: path) else {
            throw ImportFileError("Masthead cannot open \(path): check the path and that the file is readable.")
        }
        let prolog = try head.read(upToCount: DocumentTypeGuard.prologLimit) ?? Data()
        try? head.close()
        try DocumentTypeGuard.check(Array(prolog))
        guard let input = InputStream(fileAtPath: path) else {
            throw ImportFileError("Masthead cannot open \(path): check the path and that the file is readable.")
        }
        let parser = XMLParser(stream: input)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = RecordBuilder(recordDepth: recordDepth, emit: emit)
        parser.delegate = builder
        let parsed = parser.parse()
        if builder.stoppedByReader { return }
        guard parsed else {
            throw ParseFailure.error(parser.parserError, line: builder.errorLine ?? parser.lineNumber)
        }
        // libxml2 fed from a stream can reach the end of a file cut short without calling it an error.
        if builder.depth != 0 { throw ParseFailure.cutShort(line: parser.lineNumber) }
    }

    /// Lets the reading thread go when the importer stops early: it may be waiting for a free slot.
    final class StopSignal: Sendable {
        private let flag = Atomic<Bool>(false)
        private let slots: DispatchSemaphore

        init(slots: DispatchSemaphore) {
            self.slots = slots
        }

        var isStopped: Bool { flag.load(ordering: .acquiring) }

        func stop() {
            flag.store(true, ordering: .releasing)
            slots.signal()
        }
    }
}

import Foundation

/// `smtp_sink.py`, a real SMTP server on loopback, running for the length of one test.
struct SMTPSink {
    /// One accepted message as the sink saw it; `body`, `subject` and the names as Python's email
    /// package decoded them.
    struct Record: Decodable {
        let helo: [String]
        let auth: [String]?
        let mail_from: String
        let rcpt_to: [String]
        let data: String
        let subject: String
        let from_name: String
        let to_name: String
        let body: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("smtp_sink.py").path

    let port: Int
    private let recordFile: URL

    /// The messages accepted so far, oldest first.
    func records() throws -> [Record] {
        guard let text = try? String(contentsOf: recordFile, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
    }

    /// Starts the sink with `options` (see the script), runs `body` with it, and stops it whatever
    /// happens. Nothing here blocks a thread of the test pool while the sink starts or stops.
    static func run<T>(_ options: [String] = [], _ body: (SMTPSink) async throws -> T) async throws -> T {
        let recordFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smtp-sink-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: recordFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--record", recordFile.path] + options
        let output = Pipe()
        // The sink exits when this pipe closes, should the test process die before stopping it.
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        let (exited, exit) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in exit.finish() }
        let (printed, print) = AsyncStream<Data>.makeStream()
        output.fileHandleForReading.readabilityHandler = { print.yield($0.availableData) }
        try process.run()
        let result: Result<T, any Error>
        do {
            let port = try await readPort(printed)
            result = .success(try await body(SMTPSink(port: port, recordFile: recordFile)))
        } catch {
            result = .failure(error)
        }
        output.fileHandleForReading.readabilityHandler = nil
        process.terminate()
        for await _ in exited {}
        return try result.get()
    }

    /// The first line the sink prints, once it listens.
    private static func readPort(_ printed: AsyncStream<Data>) async throws -> Int {
        var text = Data()
        for await chunk in printed {
            guard !chunk.isEmpty else { break }
            text += chunk
            if text.contains(UInt8(ascii: "\n")) { break }
        }
        let line = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else { throw Failure(description: "smtp_sink.py did not start: \"\(line)\"") }
        return port
    }
}

import Foundation
import Testing

/// Compares what readers see with a recorded copy under `Golden/`. Set MASTHEAD_RECORD_GOLDEN=1 to
/// write the copies anew after an intended change, then read the diff before committing it.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MASTHEAD_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard expected != actual else { return }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        let index =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let want = index < expectedLines.count ? expectedLines[index] : "(end of file)"
        let got = index < actualLines.count ? actualLines[index] : "(end of file)"
        let message = "\(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)\n"
        Issue.record(
            Comment(rawValue: message + "(MASTHEAD_RECORD_GOLDEN=1 re-records it)"), sourceLocation: sourceLocation)
    }
}

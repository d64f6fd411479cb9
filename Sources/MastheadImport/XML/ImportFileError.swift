/// Why an export file cannot be read, in words that name where in the file the problem is.
public struct ImportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The line of the file the problem was found on, when the reader knows it.
    public let line: Int?

    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    public var description: String {
        line.map { "line \($0): \(message)" } ?? message
    }
}

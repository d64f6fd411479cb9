/// Something wrong in a theme, where it is: a file of the theme folder and, when the problem is in a
/// template's text, its line.
public struct ThemeProblem: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `article.mustache:12: message`, the form compilers use, so editors can jump to the line.
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

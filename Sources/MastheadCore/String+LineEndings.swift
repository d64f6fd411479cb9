extension String {
    /// The text with every line ending as "\n". "\r\n" is a single Character in Swift, so splitting
    /// on "\n" only finds lines once this is done.
    public var withNewlineEndings: String {
        replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

extension String {
    /// The text with every line ending as "\n". "\r\n" is a single Character in Swift, so splitting
    /// on "\n" only finds lines once this is done.
    public var withNewlineEndings: String {
        // Most text has no carriage return at all, and Foundation's replacement is dear even then.
        guard utf8.contains(UInt8(ascii: "\r")) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

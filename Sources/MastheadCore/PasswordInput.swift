/// A password handed to the command line on standard input. People pipe in what they would type at the
/// prompt, often twice (`printf 'pw\npw\n' | masthead user create …`), so the password is the first line
/// only, without its line ending (`\n` or `\r\n`); what follows it is ignored.
public enum PasswordInput {
    public static func firstLine(of input: String) -> String {
        var line = input.prefix { $0 != "\n" && $0 != "\r\n" }
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }
}

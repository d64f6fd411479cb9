/// The point of the conversation an error happened at, named as an operator reading the log knows it.
enum SMTPStep: String, Sendable, Equatable, CustomStringConvertible {
    case greeting = "the connection"
    case ehlo = "EHLO"
    case helo = "HELO"
    case auth = "AUTH PLAIN"
    case mailFrom = "MAIL FROM"
    case rcptTo = "RCPT TO"
    case data = "DATA"
    case message = "the message"
    case quit = "QUIT"

    var description: String { rawValue }
}

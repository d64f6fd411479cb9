import NIOCore

/// Why a message was not handed over, worded so that whoever reads the log knows whom to ask: the
/// server's own code and text when it refused, the address and the cause when it could not be reached.
enum SMTPError: Error, Equatable, CustomStringConvertible {
    /// An envelope address that would not survive an SMTP command (see `MailAddress.isDeliverable`).
    case undeliverable(address: String)
    case unusableHeloName(String)
    case connectionFailed(host: String, port: Int, reason: String)
    case connectTimedOut(host: String, port: Int, after: TimeAmount)
    case refused(step: SMTPStep, code: Int, text: String)
    case timedOut(step: SMTPStep, after: TimeAmount)
    case connectionLost(step: SMTPStep, reason: String)
    case malformedReply(step: SMTPStep, line: String)
    /// A reply line over `SMTPLineDecoder.maximumLineLength` bytes or a reply over
    /// `SMTPReplyReader.maximumLines` lines: a broken or hostile server, not one to buffer without end.
    case replyTooLong(step: SMTPStep)

    var description: String {
        switch self {
        case .undeliverable(let address):
            return "\"\(address)\" is not an address mail can be sent to"
        case .unusableHeloName(let name):
            return "The EHLO name \"\(name)\" must be one word without control characters"
        case .connectionFailed(let host, let port, let reason):
            return "Could not connect to the mail server at \(host):\(port): \(reason)"
        case .connectTimedOut(let host, let port, let after):
            return "The mail server at \(host):\(port) did not accept a connection within \(Self.seconds(after))"
        case .refused(let step, let code, let text):
            return "The mail server refused \(step) with \(code): \(text)"
        case .timedOut(let step, let after):
            return "The mail server did not answer \(step) within \(Self.seconds(after))"
        case .connectionLost(let step, let reason):
            return "The connection to the mail server was lost during \(step): \(reason)"
        case .malformedReply(let step, let line):
            return "The mail server answered \(step) with something other than an SMTP reply: \"\(line.prefix(200))\""
        case .replyTooLong(let step):
            return "The mail server's answer to \(step) was too long (over \(SMTPLineDecoder.maximumLineLength) bytes "
                + "a line or \(SMTPReplyReader.maximumLines) lines)"
        }
    }

    private static func seconds(_ amount: TimeAmount) -> String {
        let seconds = Double(amount.nanoseconds) / 1_000_000_000
        return seconds == seconds.rounded() ? "\(Int(seconds)) seconds" : "\(seconds) seconds"
    }
}

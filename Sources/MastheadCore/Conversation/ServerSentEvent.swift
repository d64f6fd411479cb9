/// One message on a live `text/event-stream` (new comments arriving under a story, for instance),
/// written in the WHATWG event-stream format so that a browser's `EventSource` reads back exactly the
/// fields given here.
public struct ServerSentEvent: Sendable, Equatable {
    /// The id a reconnecting browser sends back as `Last-Event-ID`, so the stream resumes where it broke.
    public var id: String?
    /// The event type the page listens for; nil leaves the browser's default, `message`.
    public var event: String?
    public var data: String

    public init(id: String? = nil, event: String? = nil, data: String) {
        self.id = id
        self.event = event
        self.data = data
    }

    /// A comment line the browser ignores, sent now and then so that proxies do not close a quiet stream.
    public static let keepAlive = ": keep-alive\n\n"

    /// The event on the wire, ending with the blank line that tells the browser to deliver it.
    ///
    /// Every line of `data` (lines may end in CRLF, CR or LF) becomes its own `data:` line, which the
    /// browser joins back with LF. A line break in `id` or `event` would end the field early and let the
    /// rest of the value forge fields or a whole second event, so CR and LF are removed there, and NUL
    /// too, because a browser ignores an id that contains one.
    public var encoded: String {
        var text = ""
        if let id { text += "id: \(Self.singleLine(id))\n" }
        if let event { text += "event: \(Self.singleLine(event))\n" }
        for line in data.split(omittingEmptySubsequences: false, whereSeparator: Self.lineBreaks.contains) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }

    /// A String reads CRLF as one character, so splitting on these treats it as one line break, not two.
    static let lineBreaks: Set<Character> = ["\r\n", "\r", "\n"]

    static func singleLine(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { !"\r\n\0".unicodeScalars.contains($0) }))
    }
}

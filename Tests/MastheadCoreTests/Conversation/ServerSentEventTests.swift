import MastheadCore
import Testing

@Suite struct ServerSentEventTests {
    @Test func writesTheFieldsAndEndsWithABlankLine() {
        let event = ServerSentEvent(id: "42", event: "comment", data: "{\"id\":1}")
        #expect(event.encoded == "id: 42\nevent: comment\ndata: {\"id\":1}\n\n")
        #expect(ServerSentEvent(data: "hello").encoded == "data: hello\n\n")
        #expect(ServerSentEvent(data: "").encoded == "data: \n\n")
    }

    @Test func putsEachLineOfDataOnItsOwnDataLine() {
        let event = ServerSentEvent(data: "one\ntwo\r\nthree\rfour\n\nsix\n")
        #expect(event.encoded == "data: one\ndata: two\ndata: three\ndata: four\ndata: \ndata: six\ndata: \n\n")
        #expect(parse(event.encoded) == [Parsed(id: nil, event: "message", data: "one\ntwo\nthree\nfour\n\nsix\n")])
    }

    @Test func keepsLineSeparatorsThatAreNotLineBreaksInTheEventStream() {
        let data = "a\u{2028}b\u{85}c\u{0B}d"
        #expect(ServerSentEvent(data: data).encoded == "data: \(data)\n\n")
    }

    @Test func cannotBeMadeToForgeAFieldOrASecondEvent() {
        let event = ServerSentEvent(
            id: "7\r\ndata: forged\u{0}", event: "comment\n\ndata: injected\r\nevent: admin", data: "real")
        #expect(event.encoded == "id: 7data: forged\nevent: commentdata: injectedevent: admin\ndata: real\n\n")
        #expect(
            parse(event.encoded) == [
                Parsed(id: "7data: forged", event: "commentdata: injectedevent: admin", data: "real")
            ])
    }

    @Test func keepsAQuietStreamOpenWithoutDeliveringAnything() {
        #expect(ServerSentEvent.keepAlive == ": keep-alive\n\n")
        #expect(parse(ServerSentEvent.keepAlive).isEmpty)
    }

    private struct Parsed: Equatable {
        var id: String?
        var event: String
        var data: String
    }

    /// The WHATWG event-stream parser, as far as these tests need it: what a browser would deliver.
    private func parse(_ stream: String) -> [Parsed] {
        var events: [Parsed] = []
        var id: String?
        var event = ""
        var data = ""
        let lines = stream.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        for line in lines.dropLast() {
            if line.isEmpty {
                if !data.isEmpty {
                    events.append(
                        Parsed(id: id, event: event.isEmpty ? "message" : event, data: String(data.dropLast())))
                }
                event = ""
                data = ""
                continue
            }
            if line.hasPrefix(":") { continue }
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            var value = colon < line.endIndex ? line[line.index(after: colon)...] : ""
            if value.hasPrefix(" ") { value = value.dropFirst() }
            switch line[..<colon] {
            case "id": if !value.contains("\0") { id = String(value) }
            case "event": event = String(value)
            case "data": data += value + "\n"
            default: break
            }
        }
        return events
    }
}

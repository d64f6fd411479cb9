import Foundation
import MastheadCore
import Testing

/// The article page's JSON-LD is written by hand; it must be the JSON Foundation would write.
@Suite struct JSONValueTests {
    static let awkward = [
        "plain", "", "quote \" and backslash \\", "slash / stays", "line\nbreak\r\ttab", "\u{8}\u{C}\u{1}\u{1F}",
        "Zürich – “quoted” 東京 🗞", "</script><!--", "\u{2028}\u{2029}", "\"escapes at both ends\\",
        "<>&&>< runs \u{2028}between\u{2029} them\n",
    ]

    @Test(arguments: awkward) func stringsAreWrittenAsJSONSerializationWritesThem(_ text: String) throws {
        let value: JSONValue = .object([
            "b": .string(text), "a": .array([.number(1), .string(text)]), "@c": .object([:]),
        ])
        let object: [String: Any] = ["b": text, "a": [1, text], "@c": [String: Any]()]
        let foundation = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(value.text == String(decoding: foundation, as: UTF8.self))
        let parsed = try JSONSerialization.jsonObject(with: Data(value.text.utf8)) as? [String: Any]
        #expect(parsed?["b"] as? String == text)
    }

    @Test(arguments: awkward) func scriptSafeJSONIsTheSameJSONWithNothingThatEndsAScript(_ text: String) throws {
        let safe = StructuredData.scriptSafe(JSONValue.object(["t": .string(text)]).text)
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!safe.contains(forbidden)) }
        let parsed = try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: Any]
        #expect(parsed?["t"] as? String == text)
    }
}

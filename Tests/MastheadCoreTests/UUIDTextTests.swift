import Foundation
import MastheadCore
import Testing

/// The database's UUID text read and written without Foundation's `sscanf`/`snprintf`: it must agree
/// with Foundation on every UUID, and refuse what Foundation refuses.
@Suite struct UUIDTextTests {
    @Test func readsAndWritesEveryUUIDAsFoundationDoes() {
        for _ in 0..<2_000 {
            let id = UUID()
            #expect(UUIDText.uppercased(id) == id.uuidString)
            #expect(UUIDText.lowercased(id) == id.uuidString.lowercased())
            #expect(id.lowercasedString == id.uuidString.lowercased())
            #expect(UUIDText.parse(id.uuidString) == id)
            #expect(UUIDText.parse(id.uuidString.lowercased()) == id)
        }
        let edges = ["00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"]
        for text in edges {
            #expect(UUIDText.parse(text) == UUID(uuidString: text))
            #expect(UUIDText.uppercased(UUIDText.parse(text)!) == text)
        }
    }

    @Test func refusesAnythingButTheHyphenatedForm() {
        let id = "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"
        let refused = [
            "", "E621E1F8C36C495A93FC0C247A3E6E5F", String(id.dropLast()), id + "0", "{\(id)}",
            "E621E1F8-C36C-495A-93FC-0C247A3E6E5G", "E621E1F8-C36C-495A-93FC+0C247A3E6E5F",
            "E621E1F-8C36C-495A-93FC-0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5\u{00C9}",
        ]
        for text in refused {
            #expect(UUIDText.parse(text) == nil, "\(text)")
            #expect(UUID(uuidString: text) == nil, "Foundation refuses \(text) too")
        }
    }
}

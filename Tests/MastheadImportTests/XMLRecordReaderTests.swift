import Foundation
import Testing

@testable import MastheadImport

@Suite struct XMLRecordReaderTests {
    /// Writes `contents` to a file of its own for one test.
    func file(_ contents: String) throws -> String {
        try file(Data(contents.utf8))
    }

    func file(_ data: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).xml").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func records(_ path: String, depth: Int = 2) async throws -> [ImportElement] {
        var all: [ImportElement] = []
        for try await record in XMLRecordReader(path: path, recordDepth: depth) { all.append(record) }
        return all
    }

    func failure(_ path: String) async -> ImportFileError? {
        do {
            _ = try await records(path)
            return nil
        } catch {
            return error as? ImportFileError
        }
    }

    @Test func eachRecordComesWholeWithItsLineAndTextDecodedOnce() async throws {
        let path = try file(
            """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!-- generator="WordPress/6.4" -->
            <rss xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
              <title>Site &amp; more</title>
              <item>
                <title><![CDATA[Fish &amp; chips]]></title>
                <wp:post_id>7</wp:post_id>
                <category domain="category" nicename="news"><![CDATA[News]]></category>
              </item>
            </channel>
            </rss>
            """)
        let found = try await records(path)
        #expect(found.map(\.name) == ["title", "item"])
        #expect(found[0].text == "Site & more")
        let item = found[1]
        #expect(item.line == 6)
        #expect(item.text(of: "title") == "Fish &amp; chips", "CDATA is taken as written: WordPress escapes inside it")
        #expect(item.text(of: "wp:post_id") == "7")
        #expect(item.child("category")?.attributes["nicename"] == "news")
    }

    @Test func aBillionLaughsFileIsRefusedAtOnce() async throws {
        var entities = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let path = try file(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n\(entities)]>\n<rss><channel><item>&lol9;</item></channel></rss>\n"
        )
        let error = try #require(await failure(path))
        #expect(error.line == 2)
        #expect(error.message.contains("declares a document type"))
    }

    @Test func anExternalEntityIsRefusedAndNothingIsRead() async throws {
        let path = try file(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <rss><channel><item><title>&secret;</title></item></channel></rss>
            """)
        let error = try #require(await failure(path))
        #expect(error.message.contains("read files from this server"))
    }

    @Test func aTagLeftOpenIsNamedWithItsLine() async throws {
        let path = try file("<rss>\n<channel>\n<item>\n<title>One</title>\n</channel>\n</rss>\n")
        let error = try #require(await failure(path))
        #expect(error.line == 5)
        #expect(error.message.contains("not well-formed"))
    }

    @Test func aFileCutShortSaysSo() async throws {
        let path = try file("<rss>\n<channel>\n<item>\n<title>One</title>\n")
        let error = try #require(await failure(path))
        #expect(error.message.contains("ends before") || error.message.contains("not well-formed"))
    }

    @Test func invalidUTF8IsNamedWithItsLine() async throws {
        var data = Data("<rss>\n<channel>\n<item><title>caf".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(Data("</title></item>\n</channel>\n</rss>\n".utf8))
        let error = try #require(await failure(try file(data)))
        #expect(error.line == 3)
        #expect(error.message.contains("not valid UTF-8"))
    }

    @Test(.timeLimit(.minutes(1))) func aReaderThatStopsEarlyLetsTheParserGo() async throws {
        let items = String(repeating: "<item><title>x</title></item>\n", count: 5_000)
        let path = try file("<rss><channel>\(items)</channel></rss>")
        var seen = 0
        for try await _ in XMLRecordReader(path: path, recordDepth: 2, bufferSize: 4) {
            seen += 1
            if seen == 10 { break }
        }
        #expect(seen == 10)
    }
}

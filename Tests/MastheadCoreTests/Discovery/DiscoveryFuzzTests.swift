import Foundation
import MastheadCore
import Synchronization
import Testing

/// Whatever an article holds, the readers finish quickly and answer sensibly: they run on every save.
/// Seeded, so a failure reproduces.
@Suite struct DiscoveryFuzzTests {
    static let pieces = [
        " ", " ", " ", "\n", "\n\n", "\t", "\0", ".", ". ", "!", "?", "…", ",", ":", "“", "”", "\"", "'", "’", "’s",
        "‘", "«", "»", "(", ")", "-", "‐", "U.S.", "U.", "Mr.", "A.", "Trump", "Donald Trump", "Kyiv", "NATO", "WHO",
        "said", "according to", "saying", "of", "von", "der", "Bank", "President", "envoy", "The", "Ukrainian",
        "e\u{0301}", "\u{0301}", "\u{0308}\u{0308}", "👩‍👩‍👧", "🇺🇦", "שלום", "مرحبا", "\u{202E}", "\u{200B}",
        "\u{FEFF}", "Ǆ", "ǅ", "İ", "ß", "ﬀ", "Ａ", "𝐀", "1.5", "2014", "ǉ", "ꙮ", "\u{2029}", "\r\n",
    ]

    /// Both readers on their own thread, so that an endless loop fails the suite instead of hanging it.
    static func readWithin(seconds: Double, _ text: String) -> ([FoundEntity], [Statement])? {
        let result = Mutex<([FoundEntity], [Statement])?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let entities = NamedEntities.extract(from: text)
            let statements = WhoSaidWhat.statements(in: text, entities: entities)
            result.withLock { $0 = (entities, statements) }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return result.withLock { $0 }
    }

    static func isSensible(_ entities: [FoundEntity], _ statements: [Statement]) -> Bool {
        let people = Set(entities.filter { $0.kind == .person }.map(\.name))
        return entities.allSatisfy { !$0.name.isEmpty && $0.mentions > 0 }
            && Set(entities.map { "\($0.kind):\(NamedEntities.key($0.name))" }).count == entities.count
            && statements.allSatisfy { people.contains($0.speaker) && !$0.text.isEmpty }
    }

    @Test(arguments: ["", " ", "\n\n\n", "\0", ".", "’s", "…?!", "“”", "Mr.", "-", "of the"])
    func nearlyEmptyTextNamesNoOne(text: String) {
        let result = Self.readWithin(seconds: 5, text)
        #expect(result?.0.isEmpty == true)
        #expect(result?.1.isEmpty == true)
    }

    @Test func randomTextAlwaysFinishesWithSensibleAnswers() {
        var generator = FuzzTests.SplitMix64(state: 2025_02_13)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...60, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
            guard let (entities, statements) = Self.readWithin(seconds: 5, text) else {
                Issue.record("no answer within 5 s for \(text.debugDescription)")
                return
            }
            #expect(Self.isSensible(entities, statements), "\(text.debugDescription)")
        }
    }

    @Test func randomScalarsAlwaysFinish() {
        var generator = FuzzTests.SplitMix64(state: 1_739_530_800)
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...400, using: &generator) {
                let value = UInt32.random(in: 0...0x2_FFFF, using: &generator)
                scalars.append(Unicode.Scalar(value) ?? " ")
            }
            let text = String(scalars)
            guard let (entities, statements) = Self.readWithin(seconds: 5, text) else {
                Issue.record("no answer within 5 s for \(text.debugDescription)")
                return
            }
            #expect(Self.isSensible(entities, statements))
        }
    }

    @Test func twoHundredKilobytesOfNewsFinishInSeconds() throws {
        var generator = FuzzTests.SplitMix64(state: 42)
        let paragraphs = DemoArticles.texts.flatMap { $0.split(separator: "\n\n") }
        var text = ""
        while text.utf8.count < 200_000 { text += paragraphs.randomElement(using: &generator)! + "\n\n" }
        let started = ContinuousClock.now
        let (entities, statements) = try #require(Self.readWithin(seconds: 20, text))
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(entities.contains { $0.name == "Donald Trump" && $0.mentions > 100 })
        #expect(!statements.isEmpty)
        #expect(Self.isSensible(entities, statements))
    }

    @Test func twoHundredKilobytesOfGarbageFinishInSeconds() throws {
        var generator = FuzzTests.SplitMix64(state: 7)
        var text = ""
        while text.utf8.count < 200_000 { text += Self.pieces.randomElement(using: &generator)! }
        let result = try #require(Self.readWithin(seconds: 20, text))
        #expect(Self.isSensible(result.0, result.1))
        let punctuation = String(repeating: ". , “ ” ’s ", count: 20_000)
        #expect(Self.readWithin(seconds: 20, punctuation)?.0.isEmpty == true)
        let capitals = String(repeating: "Anna Bank of Kyiv President ", count: 8_000)
        #expect(Self.readWithin(seconds: 20, capitals) != nil)
    }
}

import MastheadCore
import Testing

@Suite struct WhoSaidWhatTests {
    static let people = ["John Coale", "Pete Hegseth", "Donald Trump"].map {
        FoundEntity(name: $0, kind: .person, mentions: 1)
    }

    @Test func theMainArticleQuotesCoaleAndHegseth() {
        let text = DemoArticles.main
        let statements = WhoSaidWhat.statements(in: text, entities: NamedEntities.extract(from: text))
        func speaker(of words: String) -> String? { statements.first { $0.text.contains(words) }?.speaker }
        #expect(speaker(of: "stated that nothing has been ruled out") == "John Coale")
        #expect(speaker(of: "noted that formal talks") == "John Coale")
        #expect(speaker(of: "said Kyiv joining NATO") == "Pete Hegseth")
        #expect(speaker(of: "softened his stance, saying") == "Pete Hegseth")
        #expect(speaker(of: "conflicting messages") == nil)
        #expect(speaker(of: "Meanwhile") == nil)
        #expect(statements.map(\.position) == statements.map(\.position).sorted())
        #expect(
            statements.first?.text
                == "John Coale, President Donald Trump’s deputy Ukraine envoy, stated that nothing has been ruled out regarding Ukraine’s future in NATO and its territorial claims."
        )
    }

    @Test(
        arguments: [
            ("“We will not back down,” Hegseth said.", "Pete Hegseth"),
            ("“We will not back down,” said Hegseth.", "Pete Hegseth"),
            ("According to Coale, talks have not begun.", "John Coale"),
            ("Hegseth told Reuters the plan was ready.", "Pete Hegseth"),
            ("Hegseth has also warned that talks could fail.", "Pete Hegseth"),
            ("Coale said Trump would decide.", "John Coale"),
            ("Pete Hegseth, who met NATO ministers on Thursday, insisted the plan was ready.", "Pete Hegseth"),
            ("He said the plan was ready.", nil),
            ("Trump’s envoy said the plan was ready.", nil),
            ("Trump met Coale on Friday.", nil),
            ("Officials said Hegseth would travel.", nil),
        ] as [(String, String?)])
    func attributionsNameTheSpeaker(text: String, speaker: String?) {
        #expect(WhoSaidWhat.statements(in: text, entities: Self.people).first?.speaker == speaker)
    }

    @Test func abbreviationsInitialsAndQuotesDoNotBreakSentences() {
        let text = """
            Mr. Coale, a U.S. envoy, said talks with Washington would resume. He gave no date. \
            Hegseth said: “Everything is on the table.” The talks resumed. Gen. J. R. Miller had left.
            """
        let statements = WhoSaidWhat.statements(in: text, entities: Self.people)
        #expect(
            statements == [
                Statement(
                    speaker: "John Coale", text: "Mr. Coale, a U.S. envoy, said talks with Washington would resume.",
                    position: 0),
                Statement(speaker: "Pete Hegseth", text: "Hegseth said: “Everything is on the table.”", position: 2),
            ])
    }

    @Test func noPeopleNoStatements() {
        #expect(WhoSaidWhat.statements(in: "Officials said talks would resume.", entities: []).isEmpty)
        let places = [FoundEntity(name: "Kyiv", kind: .place, mentions: 1)]
        #expect(WhoSaidWhat.statements(in: "Kyiv said talks would resume.", entities: places).isEmpty)
    }
}

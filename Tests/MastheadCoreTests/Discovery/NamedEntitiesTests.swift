import MastheadCore
import Testing

@Suite struct NamedEntitiesTests {
    func names(_ text: String, directory: EntityDirectory = .empty) -> [String: EntityKind] {
        Dictionary(
            NamedEntities.extract(from: text, directory: directory).map { ($0.name, $0.kind) },
            uniquingKeysWith: { first, _ in first })
    }

    @Test func theMainArticleNamesItsPeoplePlacesAndOrganisations() {
        let found = names(DemoArticles.main)
        for person in ["John Coale", "Donald Trump", "Pete Hegseth", "Steve Witkoff"] {
            #expect(found[person] == .person, "\(person)")
        }
        for place in ["Ukraine", "Russia", "Europe", "United States", "Kyiv"] {
            #expect(found[place] == .place, "\(place)")
        }
        #expect(found["NATO"] == .organisation)
        for wrong in [
            "Trump", "Hegseth", "Coale", "The", "His", "While", "Meanwhile", "Kyiv joining", "U.S.", "Defense",
        ] {
            #expect(found[wrong] == nil, "\(wrong)")
        }
    }

    @Test func aSurnameAndAPossessiveCountAsThePersonNamedInFull() {
        let trump = NamedEntities.extract(from: DemoArticles.main).first { $0.name == "Donald Trump" }
        // "President Donald Trump’s", "as Trump pushes", "Trump’s Middle East envoy".
        #expect(trump?.mentions == 3)
        let text = "Anna Nowak visited Kyiv. Nowak’s report followed, and Nowak's aides agreed."
        #expect(NamedEntities.extract(from: text).first { $0.name == "Anna Nowak" }?.mentions == 3)
    }

    @Test func mostMentionedComeFirstAndTiesGoByName() {
        let found = NamedEntities.extract(from: DemoArticles.main)
        #expect(found.first?.name == "United States")
        for (earlier, later) in zip(found, found.dropFirst()) {
            #expect(
                earlier.mentions > later.mentions || (earlier.mentions == later.mentions && earlier.name < later.name),
                "\(earlier.name) before \(later.name)")
        }
    }

    @Test func theOtherDemoStoriesNameTheirPeopleAndPlaces() {
        let bessent = names(DemoArticles.article("Bessent"))
        #expect(bessent["Scott Bessent"] == .person)
        #expect(bessent["Ukraine"] == .place)
        #expect(bessent["Donald Trump"] == .person)
        #expect(bessent["Bessent"] == nil)
        for opening in ["Trump and Modi", "Modi meets"] {
            let modi = names(DemoArticles.article(opening))
            #expect(modi["Narendra Modi"] == .person, "\(opening)")
            #expect(modi["India"] == .place, "\(opening)")
            #expect(modi["Donald Trump"] == .person, "\(opening)")
            #expect(modi["White House"] == (opening == "Trump and Modi" ? .organisation : nil))
        }
        let cartels = names(DemoArticles.article("Foreign aid"))
        #expect(cartels["Mexico"] == .place)
        #expect(cartels["Reuters"] == .organisation)
        #expect(cartels["Foreign"] == nil)
    }

    @Test(arguments: [
        ("U.S. Defense Secretary Pete Hegseth said Kyiv joining NATO was not viable.", "Pete Hegseth"),
        ("It was President Donald Trump’s deputy Ukraine envoy who spoke.", "Donald Trump"),
        ("Talks began, and Trump’s Middle East envoy, Steve Witkoff, joined them.", "Steve Witkoff"),
        ("Talks began after Secretary of State Antony Blinken arrived.", "Antony Blinken"),
        ("Talks began after Mr. Smith arrived.", "Smith"),
        ("Talks began after Gen. J. R. Miller arrived.", "J. R. Miller"),
        ("Talks began after European Commission President Ursula von der Leyen arrived.", "Ursula von der Leyen"),
    ])
    func titlesMarkAPersonAndStayOutOfTheName(text: String, person: String) {
        let people = NamedEntities.extract(from: text).filter { $0.kind == .person }.map(\.name)
        #expect(people == [person])
    }

    @Test func wordsThatOnlyOpenASentenceAreNotNames() {
        let text = """
            Meanwhile, talks resumed. Officials said the plan was ready. Trading partners said they would wait.

            On Monday the team met. While the talks went on, His Majesty’s ships waited. Both sides agreed.
            """
        #expect(NamedEntities.extract(from: text).isEmpty)
    }

    @Test func unknownRunsAreReadByTheirShape() {
        let found = names(
            "Officials at the National Bank of Poland met Anna Nowak and the Ministry of Foreign Affairs in Warsaw.")
        #expect(found["National Bank of Poland"] == .organisation)
        #expect(found["Ministry of Foreign Affairs"] == .organisation)
        #expect(found["Anna Nowak"] == .person)
        #expect(found["Warsaw"] == .place)
        #expect(found["Poland"] == nil)
    }

    @Test func shortFormsAndAdjectivesNameTheirPlace() {
        let found = NamedEntities.extract(
            from: """
                Ukrainian and Russian envoys met U.S. and UK officials. The USA, Britain and America agreed. \
                Russia-Ukraine talks stalled.
                """)
        #expect(found.first { $0.name == "United States" }?.mentions == 3)
        #expect(found.first { $0.name == "United Kingdom" }?.mentions == 2)
        #expect(found.contains { $0.name == "Ukraine" && $0.kind == .place && $0.mentions == 2 })
        #expect(found.contains { $0.name == "Russia" && $0.kind == .place && $0.mentions == 2 })
    }

    @Test func shortFormsInCapitalsMatchOnlyInCapitals() {
        #expect(
            names("Who told us? The WHO did, and the US agreed.") == [
                "World Health Organization": .organisation, "United States": .place,
            ])
        #expect(names("Who told us? Nobody did.").isEmpty)
    }

    @Test func theKeyFoldsCaseDiacriticsApostrophesAndSpacing() {
        #expect(NamedEntities.key("Côte d’Ivoire") == "cote d'ivoire")
        #expect(NamedEntities.key("  Donald \n TRUMP ") == "donald trump")
        #expect(NamedEntities.key("Zelenskyy") != NamedEntities.key("Zelensky"))
    }

    @Test func namesEditorsRejectedNeverComeBack() {
        let directory = EntityDirectory(notEntities: ["kyiv", "STEVE  witkoff"])
        let found = names(DemoArticles.main, directory: directory)
        #expect(found["Kyiv"] == nil)
        #expect(found["Steve Witkoff"] == nil)
        #expect(found["Pete Hegseth"] == .person)
    }

    @Test func theDirectoryNamesAndKindsWin() {
        let directory = EntityDirectory(known: [
            KnownEntity(name: "Volodymyr Zelensky", kind: .person, aliases: ["Volodymyr Zelenskyy", "Zelenskiy"]),
            KnownEntity(name: "Masthead Media", kind: .organisation, aliases: ["Masthead"]),
        ])
        let text = "Volodymyr Zelenskyy met Masthead reporters. Zelenskiy spoke for an hour."
        #expect(names(text)["Volodymyr Zelenskyy"] == .person)
        let found = NamedEntities.extract(from: text, directory: directory)
        #expect(
            found == [
                FoundEntity(name: "Volodymyr Zelensky", kind: .person, mentions: 2),
                FoundEntity(name: "Masthead Media", kind: .organisation, mentions: 1),
            ])
    }

    @Test func aPersonTheDirectoryKnowsIsFoundBySurnameInAnotherText() {
        let text = "Talks with Trump resumed on Friday in Brussels."
        #expect(names(text) == ["Brussels": .place])
        let directory = EntityDirectory(known: [KnownEntity(name: "Donald Trump", kind: .person)])
        #expect(names(text, directory: directory) == ["Brussels": .place, "Donald Trump": .person])
    }
}

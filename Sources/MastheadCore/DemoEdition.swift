import Foundation

/// The demo site: the reference page's six stories, with the page's topic labels and the gaps between
/// its publication times, anchored so the main article went up twenty minutes before `now`.
///
/// With `now` at 12:00 in Europe/Warsaw the Read next rail reads exactly as on the reference page:
/// 11:25, 11:19, 06:46, 04:13, 04:01.
public struct DemoEdition: Sendable {
    public var settings: SiteSettings
    public var authors: [Author]
    public var topics: [Topic]
    /// Newest first; the first is the reference page's main article.
    public var articles: [ArticleDraft]

    public init(now: Date, baseURL: String = SiteSettings.defaults.baseURL, makeID: () -> UUID = UUID.init) {
        settings = SiteSettings(
            name: "The Daily Masthead", baseURL: baseURL,
            timeZone: TimeZone(identifier: "Europe/Warsaw")!, language: "en")
        let reporter = Author(
            id: makeID(), name: "Anna Kowalska", slug: Slug("anna-kowalska")!,
            bio: "Anna Kowalska covers diplomacy and trade from Warsaw and Washington.")
        authors = [reporter]
        let tariffs = Topic(id: makeID(), name: "US Tariffs", slug: Slug("us-tariffs")!)
        let trumpModi = Topic(id: makeID(), name: "Trump - Modi", slug: Slug("trump-modi")!)
        let modiTrump = Topic(id: makeID(), name: "Modi - Trump", slug: Slug("modi-trump")!)
        let ukraine = Topic(id: makeID(), name: "Ukraine", slug: Slug("ukraine")!)
        topics = [tariffs, trumpModi, modiTrump, ukraine]

        func minutesAgo(_ minutes: Int) -> Date { now.addingTimeInterval(TimeInterval(-minutes * 60)) }
        func article(
            _ slug: String, _ headline: String, minutesAgo minutes: Int, primary: Topic?, topics: [Topic] = [],
            dateline: String? = nil, lede: String, body: String
        ) -> ArticleDraft {
            ArticleDraft(
                id: makeID(), slug: Slug(slug)!, headline: headline, lede: lede, bodyMarkdown: body,
                dateline: dateline, status: .published, publishedAt: minutesAgo(minutes), primaryTopic: primary,
                topics: topics, authors: [reporter])
        }

        articles = [
            article(
                "us-envoy-says-ukraine-nato-membership-still-possible",
                "U.S. envoy says Ukraine’s NATO membership is still on the table, contradicting Hegseth",
                minutesAgo: 20, primary: ukraine, dateline: "Washington",
                lede: Self.referenceLede,
                body: Self.referenceBody),
            article(
                "trump-orders-plan-for-reciprocal-tariffs",
                "Trump orders a plan for reciprocal tariffs on countries that tax U.S. goods",
                minutesAgo: 35, primary: tariffs,
                lede:
                    "U.S. President Donald Trump has directed his economic team to develop a plan for reciprocal tariffs on imports from countries that impose duties on U.S. goods, intensifying fears of a global trade war.",
                body:
                    "The plan would match the duties other countries charge on American goods, product by product. Trading partners said they would study the details before responding."
            ),
            article(
                "trump-and-modi-reaffirm-partnership",
                "Trump and Modi reaffirm economic and security partnership at the White House",
                minutesAgo: 41, primary: trumpModi,
                lede:
                    "U.S. President Donald Trump and Indian Prime Minister Narendra Modi reaffirmed their commitment to strengthening economic and security partnerships during a high-level meeting at the White House.",
                body:
                    "Both leaders said their teams would continue talks on trade and defence cooperation in the coming months."
            ),
            article(
                "bessent-visits-ukraine",
                "Bessent visits Ukraine, stressing U.S. interests in its post-war economy",
                minutesAgo: 5 * 60 + 14, primary: nil, topics: [ukraine], dateline: "Kyiv",
                lede:
                    "U.S. Treasury Secretary Scott Bessent visited Ukraine this week, emphasizing American interests in Ukraine’s post-war economy and aligning with President Donald Trump’s push to end the conflict.",
                body:
                    "His visit came as Washington and Kyiv discussed how American investment could support reconstruction once the fighting ends."
            ),
            article(
                "modi-meets-trump-on-tariffs-and-trade",
                "Modi meets Trump on tariff concessions, trade deals and China",
                minutesAgo: 7 * 60 + 47, primary: modiTrump,
                lede:
                    "Indian Prime Minister Narendra Modi met U.S. President Donald Trump on Thursday (February 13), discussing tariff concessions, trade deals, and strategic cooperation on China amid concerns over a looming trade war.",
                body:
                    "Officials on both sides described the meeting as constructive and said negotiators would follow up on the trade questions it raised."
            ),
            article(
                "aid-freeze-undermines-fight-against-cartels",
                "Foreign aid freeze undercuts Trump’s fight against Mexican cartels, sources say",
                minutesAgo: 7 * 60 + 59, primary: nil,
                lede:
                    "U.S. President Donald Trump’s push to combat Mexican cartels and end the fentanyl crisis has been undermined by his own freeze on foreign aid, which has halted U.S.-funded anti-narcotics programs in Mexico, sources told Reuters.",
                body:
                    "The programs paid for training and equipment for Mexican law enforcement working against drug trafficking."
            ),
        ]
    }

    static let referenceLede =
        "A senior U.S. official said on Thursday that Ukraine’s NATO membership and a return to its pre-2014 borders remain possible, contradicting earlier remarks from the U.S. defense secretary ahead of potential peace talks."

    static let referenceBody = """
        John Coale, President Donald Trump’s deputy Ukraine envoy, stated that nothing has been ruled out regarding Ukraine’s future in NATO and its territorial claims. His comments came a day after U.S. Defense Secretary Pete Hegseth said Kyiv joining NATO was not a viable outcome.

        The conflicting messages emerge as Trump pushes for negotiations to end the war. While Hegseth later softened his stance, saying “everything is on the table,” European officials expressed concerns over perceived U.S. concessions to Russia.

        Coale noted that formal talks have not begun and that Washington is coordinating with Europe. Meanwhile, Trump’s Middle East envoy, Steve Witkoff, is now involved in negotiations with Russia, signaling a shift in the U.S. diplomatic approach.
        """
}

extension DemoEdition {
    /// The topic a generated archive tags only every 30,000th story with: a rare topic beside the
    /// demo's common ones, so load tests compare the two.
    public static let rareTopic = Topic(
        id: UUID(uuidString: "6F1C2A4E-0B7D-4E55-9A8B-3C2D1E0F9A11")!, name: "Greenland", slug: Slug("greenland")!)
    public static let rareTopicEvery = 30_000

    /// Filler stories for load tests: `count` more, one every fifteen minutes before the demo's oldest,
    /// spread over the demo's topics (every fifth with no label, every 30,000th also on ``rareTopic``).
    /// Each is put together from a pool of news sentences naming people, places and organisations, so
    /// search, entities and related stories have varied text to work on.
    public func generatedStories(count: Int, makeID: () -> UUID = UUID.init) -> [ArticleDraft] {
        guard count > 0, let oldest = articles.last?.publishedAt else { return [] }
        let labels: [Topic?] = topics.map { $0 } + [nil]
        let pool = Self.archiveSentences
        return (1...count).map { index in
            let topic = labels[index % labels.count]
            let subject = Self.archiveSubjects[index % Self.archiveSubjects.count]
            let action = Self.archiveActions[(index / Self.archiveSubjects.count) % Self.archiveActions.count]
            let paragraphs = (0..<6).map { part in
                (0..<3).map { line in pool[(index * 7 + part * 11 + line * 5) % pool.count] }.joined(separator: " ")
            }
            var storyTopics = topic.map { [$0] } ?? []
            if index % Self.rareTopicEvery == 0 { storyTopics.append(Self.rareTopic) }
            return ArticleDraft(
                id: makeID(), slug: Slug("generated-story-\(index)")!,
                headline: "\(subject) \(action) (\(index))",
                lede: "\(pool[(index * 13) % pool.count]) \(pool[(index * 17 + 3) % pool.count])",
                bodyMarkdown: paragraphs.joined(separator: "\n\n"), status: .published,
                publishedAt: oldest.addingTimeInterval(TimeInterval(-index * 15 * 60)), primaryTopic: topic,
                topics: storyTopics, authors: authors)
        }
    }

    static let archiveSubjects = [
        "Trade talks", "Grain exports", "Central bank", "Election commission", "Defence ministers", "Energy prices",
        "Refugee aid", "Rail strike", "Drought relief", "Chip makers", "Peace envoy", "Border crossings",
        "Steel tariffs", "Housing market", "Fishing quotas", "Vaccine makers", "Port workers", "Wind farms",
    ]
    static let archiveActions = [
        "stall as officials weigh the next step", "resume after a week of silence", "face a deadline on Friday",
        "draw criticism from opposition leaders", "win backing in parliament", "slow as costs rise",
        "return to the agenda in Brussels", "split the governing coalition",
    ]
    static let archiveSentences = [
        "Treasury Secretary Scott Bessent said the talks would continue next week.",
        "Prime Minister Narendra Modi told reporters that India wanted a fair deal.",
        "Officials in Brussels said the European Union would study the proposal.",
        "According to Reuters, negotiators in Geneva had not yet exchanged written texts.",
        "Chancellor Olaf Weber noted that Germany would not act alone.",
        "The International Monetary Fund warned that growth in Asia was slowing.",
        "Senator Laura Hale said Congress should vote before the summer recess.",
        "Farmers in Poland blocked roads near Warsaw for a third day.",
        "President Emmanuel Laurent stated that France was ready to host the next round.",
        "The World Bank said reconstruction in Ukraine would cost more than expected.",
        "Analysts expect the first results by the end of the quarter.",
        "Defense Secretary Pete Hegseth said NATO allies should spend more.",
        "Shipping companies in Rotterdam reported delays at the port.",
        "Governor Maria Santos said Texas would appeal the ruling.",
        "The United Nations called for a ceasefire in Sudan.",
        "Energy Minister Kenji Sato told Reuters that Japan would buy more gas from Qatar.",
        "Protesters gathered outside the Kremlin despite the ban.",
        "Mexico and Canada said they would answer any new tariffs in kind.",
        "Economists at the European Central Bank expect rates to fall in spring.",
        "Foreign Minister Ana Costa noted that Brazil had no plans to join the sanctions.",
        "The strike closed schools in Lyon and Marseille.",
        "OPEC members agreed to keep output unchanged until June.",
        "Health Minister Priya Nair said India had enough vaccine stocks.",
        "Witnesses said the convoy reached Kharkiv before dawn.",
        "The Senate Finance Committee will hold hearings on the bill.",
        "Chinese exporters cut prices to hold on to buyers in Africa.",
        "Envoy Steve Witkoff said the talks in Riyadh were constructive.",
        "Turkey offered to host a meeting of the grain corridor partners.",
        "Retail sales in Britain rose for the second month in a row.",
        "The World Health Organization said cases in Kenya were falling.",
        "Mayor Tom Becker said Berlin would add night trains next year.",
        "Drought has cut the wheat harvest in Australia by a fifth.",
    ]
}

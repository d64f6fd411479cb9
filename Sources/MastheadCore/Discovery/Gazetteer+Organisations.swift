extension Gazetteer {
    /// International bodies, governments' seats and news agencies: the organisations a foreign desk
    /// names every day, often by a short form or by the building.
    static let organisations: [[String]] = [
        ["African Union"], ["Agence France-Presse", "AFP"], ["Al Jazeera"], ["ASEAN"], ["Associated Press", "AP"],
        ["BBC"], ["Bloomberg"], ["BRICS"], ["Bundestag"], ["CIA"], ["CNN"], ["Congress", "U.S. Congress"],
        ["Downing Street"], ["European Central Bank", "ECB"], ["European Commission"], ["European Council"],
        ["European Parliament"], ["European Union", "EU", "E.U."], ["FBI"], ["Federal Reserve", "Fed"],
        ["Financial Times"], ["G7", "Group of Seven"], ["G20", "Group of 20"], ["Hamas"], ["Hezbollah"],
        ["House of Representatives"], ["IAEA", "International Atomic Energy Agency"],
        ["International Criminal Court", "ICC"], ["International Monetary Fund", "IMF"], ["Interpol"],
        ["Knesset"], ["Kremlin"], ["NATO", "North Atlantic Treaty Organization"], ["New York Times"], ["OECD"],
        ["OPEC"], ["OSCE"], ["Pentagon"], ["Red Cross"], ["Reuters"], ["Security Council", "UN Security Council"],
        ["Senate", "U.S. Senate"], ["State Department"], ["State Duma", "Duma"], ["Supreme Court"], ["Taliban"],
        ["United Nations", "UN", "U.N."], ["Wall Street Journal"], ["Washington Post"], ["White House"],
        ["World Bank"], ["World Health Organization", "WHO"], ["World Trade Organization", "WTO"],
    ]

    /// Adjectives that name a place: "Indian Prime Minister" names India, "European officials" Europe.
    /// Each row holds the place first, then its adjectives.
    static let demonyms: [[String]] = [
        ["Afghanistan", "Afghan"], ["Africa", "African"], ["Albania", "Albanian"], ["Algeria", "Algerian"],
        ["Argentina", "Argentine", "Argentinian"], ["Armenia", "Armenian"], ["Asia", "Asian"],
        ["Australia", "Australian"], ["Austria", "Austrian"], ["Azerbaijan", "Azerbaijani"],
        ["Bangladesh", "Bangladeshi"], ["Belarus", "Belarusian"], ["Belgium", "Belgian"], ["Bolivia", "Bolivian"],
        ["Brazil", "Brazilian"], ["Bulgaria", "Bulgarian"], ["Cambodia", "Cambodian"], ["Canada", "Canadian"],
        ["Chile", "Chilean"], ["China", "Chinese"], ["Colombia", "Colombian"], ["Crimea", "Crimean"],
        ["Croatia", "Croatian"], ["Cuba", "Cuban"], ["Czechia", "Czech"], ["Denmark", "Danish"],
        ["Egypt", "Egyptian"], ["Estonia", "Estonian"], ["Ethiopia", "Ethiopian"], ["Europe", "European"],
        ["Finland", "Finnish"], ["France", "French"], ["Georgia", "Georgian"], ["Germany", "German"],
        ["Greece", "Greek"], ["Hungary", "Hungarian"], ["India", "Indian"], ["Indonesia", "Indonesian"],
        ["Iran", "Iranian"], ["Iraq", "Iraqi"], ["Ireland", "Irish"], ["Israel", "Israeli"], ["Italy", "Italian"],
        ["Japan", "Japanese"], ["Jordan", "Jordanian"], ["Kazakhstan", "Kazakh"], ["Kenya", "Kenyan"],
        ["Kuwait", "Kuwaiti"], ["Latin America", "Latin American"], ["Latvia", "Latvian"], ["Lebanon", "Lebanese"],
        ["Libya", "Libyan"], ["Lithuania", "Lithuanian"], ["Malaysia", "Malaysian"], ["Mexico", "Mexican"],
        ["Middle East", "Middle Eastern"], ["Moldova", "Moldovan"], ["Mongolia", "Mongolian"],
        ["Morocco", "Moroccan"], ["Netherlands", "Dutch"], ["Nigeria", "Nigerian"], ["North Korea", "North Korean"],
        ["Norway", "Norwegian"], ["Pakistan", "Pakistani"], ["Palestine", "Palestinian"], ["Peru", "Peruvian"],
        ["Philippines", "Filipino"], ["Poland", "Polish"], ["Portugal", "Portuguese"], ["Qatar", "Qatari"],
        ["Romania", "Romanian"], ["Russia", "Russian"], ["Saudi Arabia", "Saudi"], ["Scotland", "Scottish"],
        ["Serbia", "Serbian"], ["Slovakia", "Slovak"], ["Slovenia", "Slovenian"], ["Somalia", "Somali"],
        ["South Africa", "South African"], ["South Korea", "South Korean"], ["Spain", "Spanish"],
        ["Sudan", "Sudanese"], ["Sweden", "Swedish"], ["Switzerland", "Swiss"], ["Syria", "Syrian"],
        ["Taiwan", "Taiwanese"], ["Thailand", "Thai"], ["Turkey", "Turkish"], ["Ukraine", "Ukrainian"],
        ["United Arab Emirates", "Emirati"], ["United Kingdom", "British"], ["United States", "American"],
        ["Venezuela", "Venezuelan"], ["Vietnam", "Vietnamese"], ["Wales", "Welsh"], ["Yemen", "Yemeni"],
    ]
}

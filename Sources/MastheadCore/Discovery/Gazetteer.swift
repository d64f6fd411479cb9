/// Names the extractor knows without being told: the world's countries, major cities and regions,
/// international organisations and the newsroom's usual institutions, and the adjectives that name a
/// place. Each row holds the canonical name first, then the other names it goes by in news copy.
/// Short forms in capitals ("US", "UN", "WHO") match only in capitals, so "us" and "Who" stay words.
enum Gazetteer {
    /// The UN's members and observers, plus places reported on as countries.
    static let countries: [[String]] = [
        ["Afghanistan"], ["Albania"], ["Algeria"], ["Andorra"], ["Angola"], ["Antigua and Barbuda"], ["Argentina"],
        ["Armenia"], ["Australia"], ["Austria"], ["Azerbaijan"], ["Bahamas"], ["Bahrain"], ["Bangladesh"],
        ["Barbados"], ["Belarus"], ["Belgium"], ["Belize"], ["Benin"], ["Bhutan"], ["Bolivia"],
        ["Bosnia and Herzegovina", "Bosnia"], ["Botswana"], ["Brazil"], ["Brunei"], ["Bulgaria"], ["Burkina Faso"],
        ["Burundi"], ["Cabo Verde", "Cape Verde"], ["Cambodia"], ["Cameroon"], ["Canada"],
        ["Central African Republic"], ["Chad"], ["Chile"], ["China"], ["Colombia"], ["Comoros"],
        ["Republic of the Congo"], ["Costa Rica"], ["Côte d’Ivoire", "Ivory Coast"], ["Croatia"], ["Cuba"],
        ["Cyprus"], ["Czechia", "Czech Republic"],
        ["Democratic Republic of the Congo", "DRC", "DR Congo", "Congo"], ["Denmark"], ["Djibouti"], ["Dominica"],
        ["Dominican Republic"], ["Ecuador"], ["Egypt"], ["El Salvador"], ["Equatorial Guinea"], ["Eritrea"],
        ["Estonia"], ["Eswatini", "Swaziland"], ["Ethiopia"], ["Fiji"], ["Finland"], ["France"], ["Gabon"],
        ["Gambia"], ["Georgia"], ["Germany"], ["Ghana"], ["Greece"], ["Grenada"], ["Guatemala"], ["Guinea"],
        ["Guinea-Bissau"], ["Guyana"], ["Haiti"], ["Honduras"], ["Hungary"], ["Iceland"], ["India"], ["Indonesia"],
        ["Iran"], ["Iraq"], ["Ireland"], ["Israel"], ["Italy"], ["Jamaica"], ["Japan"], ["Jordan"], ["Kazakhstan"],
        ["Kenya"], ["Kiribati"], ["Kosovo"], ["Kuwait"], ["Kyrgyzstan"], ["Laos"], ["Latvia"], ["Lebanon"],
        ["Lesotho"], ["Liberia"], ["Libya"], ["Liechtenstein"], ["Lithuania"], ["Luxembourg"], ["Madagascar"],
        ["Malawi"], ["Malaysia"], ["Maldives"], ["Mali"], ["Malta"], ["Marshall Islands"], ["Mauritania"],
        ["Mauritius"], ["Mexico"], ["Micronesia"], ["Moldova"], ["Monaco"], ["Mongolia"], ["Montenegro"],
        ["Morocco"], ["Mozambique"], ["Myanmar", "Burma"], ["Namibia"], ["Nauru"], ["Nepal"],
        ["Netherlands", "Holland"], ["New Zealand"], ["Nicaragua"], ["Niger"], ["Nigeria"], ["North Korea"],
        ["North Macedonia"], ["Norway"], ["Oman"], ["Pakistan"], ["Palau"], ["Palestine"], ["Panama"],
        ["Papua New Guinea"], ["Paraguay"], ["Peru"], ["Philippines"], ["Poland"], ["Portugal"], ["Qatar"],
        ["Romania"], ["Russia", "Russian Federation"], ["Rwanda"], ["Saint Kitts and Nevis"], ["Saint Lucia"],
        ["Saint Vincent and the Grenadines"], ["Samoa"], ["San Marino"], ["São Tomé and Príncipe"],
        ["Saudi Arabia"], ["Senegal"], ["Serbia"], ["Seychelles"], ["Sierra Leone"], ["Singapore"], ["Slovakia"],
        ["Slovenia"], ["Solomon Islands"], ["Somalia"], ["South Africa"], ["South Korea", "Republic of Korea"],
        ["South Sudan"], ["Spain"], ["Sri Lanka"], ["Sudan"], ["Suriname"], ["Sweden"], ["Switzerland"], ["Syria"],
        ["Taiwan"], ["Tajikistan"], ["Tanzania"], ["Thailand"], ["Timor-Leste", "East Timor"], ["Togo"], ["Tonga"],
        ["Trinidad and Tobago"], ["Tunisia"], ["Turkey", "Türkiye"], ["Turkmenistan"], ["Tuvalu"], ["Uganda"],
        ["Ukraine"], ["United Arab Emirates", "UAE"],
        ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
        ["United States", "U.S.", "US", "USA", "U.S.A.", "United States of America", "America"], ["Uruguay"],
        ["Uzbekistan"], ["Vanuatu"], ["Vatican", "Holy See"], ["Venezuela"], ["Vietnam", "Viet Nam"], ["Yemen"],
        ["Zambia"], ["Zimbabwe"],
    ]

    /// Capitals and the other cities that make datelines.
    static let cities: [[String]] = [
        ["Abu Dhabi"], ["Abuja"], ["Addis Ababa"], ["Amsterdam"], ["Ankara"], ["Athens"], ["Baghdad"], ["Bangkok"],
        ["Beijing"], ["Beirut"], ["Belgrade"], ["Berlin"], ["Bogotá"], ["Brasília"], ["Brussels"], ["Bucharest"],
        ["Budapest"], ["Buenos Aires"], ["Cairo"], ["Canberra"], ["Cape Town"], ["Caracas"], ["Chicago"],
        ["Chișinău", "Chisinau"], ["Copenhagen"], ["Damascus"], ["Davos"], ["Doha"], ["Dubai"], ["Dublin"],
        ["Edinburgh"], ["Frankfurt"], ["Geneva"], ["Hanoi"], ["Havana"], ["Helsinki"], ["Hong Kong"], ["Islamabad"],
        ["Istanbul"], ["Jakarta"], ["Jerusalem"], ["Johannesburg"], ["Kabul"], ["Karachi"], ["Kharkiv"],
        ["Khartoum"], ["Kinshasa"], ["Kuala Lumpur"], ["Kyiv", "Kiev"], ["Lagos"], ["Lima"], ["Lisbon"], ["London"],
        ["Los Angeles"], ["Lviv"], ["Madrid"], ["Manila"], ["Mexico City"], ["Miami"], ["Minsk"], ["Moscow"],
        ["Mumbai"], ["Munich"], ["Nairobi"], ["New Delhi", "Delhi"], ["New York"], ["Odesa", "Odessa"], ["Oslo"],
        ["Ottawa"], ["Paris"], ["Prague"], ["Pretoria"], ["Pyongyang"], ["Riga"], ["Rio de Janeiro"], ["Riyadh"],
        ["Rome"], ["Saint Petersburg", "St. Petersburg", "St Petersburg"], ["San Francisco"], ["Santiago"],
        ["São Paulo"], ["Seoul"], ["Shanghai"], ["Sofia"], ["Stockholm"], ["Strasbourg"], ["Sydney"], ["Taipei"],
        ["Tallinn"], ["Tehran"], ["Tel Aviv"], ["The Hague", "Hague"], ["Tokyo"], ["Toronto"], ["Vienna"],
        ["Vilnius"], ["Warsaw"], ["Washington"], ["Wellington"], ["Zagreb"], ["Zurich"],
    ]

    /// Continents, regions, seas and contested territories.
    static let regions: [[String]] = [
        ["Africa"], ["Antarctica"], ["Arctic"], ["Asia"], ["Asia-Pacific"], ["Atlantic"], ["Balkans"], ["Baltics"],
        ["Black Sea"], ["Caribbean"], ["Caucasus"], ["Central America"], ["Central Asia"], ["Crimea"],
        ["Donbas", "Donbass"], ["East Asia"], ["Eastern Europe"], ["England"], ["Europe"], ["Gaza", "Gaza Strip"],
        ["Golan Heights"], ["Greenland"], ["Gulf", "Persian Gulf"], ["Indian Ocean"], ["Indo-Pacific"],
        ["Kashmir"], ["Latin America"], ["Mediterranean"], ["Middle East"], ["North America"], ["Northern Ireland"],
        ["Pacific"], ["Red Sea"], ["Sahel"], ["Scandinavia"], ["Scotland"], ["Siberia"], ["South America"],
        ["South Asia"], ["South China Sea"], ["Southeast Asia"], ["Wales"], ["West Bank"], ["Western Europe"],
    ]
}

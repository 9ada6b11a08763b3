namespace CatchAll.Emulator.Synthetic;

/// <summary>
/// Small hand-written vocabularies the synthetic events are assembled from. Every company, person,
/// outlet and regulator here is invented; web domains use the reserved .example and .test names.
/// </summary>
internal static class WordLists
{
    public static readonly string[] CompanyStems =
    [
        "Aster", "Brightfold", "Cobalt Reef", "Driftwell", "Emberline", "Fablewood", "Granitex", "Harborlight",
        "Irisgate", "Juniper Arc", "Kestrelink", "Lumenvale", "Meridian Fox", "Nimbusly", "Orchidia", "Pioneerware",
        "Quartzbay", "Riverstone", "Solacetic", "Tidalspan", "Umberfield", "Vantagelo", "Willowmere", "Xylotrek",
        "Yonderly", "Zephyrion", "Amberpeak", "Bluecairn", "Cindermoth", "Dovetailor", "Eastwhistle", "Foxglint",
        "Glimmerbay", "Hollowcrest", "Inkwellian", "Jadefinch", "Kiteforge", "Larkspurr", "Mossgrove", "Northquill",
    ];

    public static readonly string[] CompanySuffixes =
    [
        "Labs", "Systems", "Analytics", "Robotics", "Health", "Pay", "Logistics", "Energy", "Bio", "Networks",
        "Works", "AI", "Cloud", "Foods", "Motors", "Security", "Data", "Studios", "Materials", "Software",
    ];

    public static readonly string[] InvestorStems =
    [
        "Granite Hollow", "Silverline", "Northpass", "Blue Meadow", "Redcliff", "Evergate", "Lanternfish", "Copperleaf",
        "Stillwater", "Ironbark", "Summit Ridge", "Halcyon Field", "Westerly", "Oakhaven", "Brightwater", "Foxhill",
    ];

    public static readonly string[] InvestorSuffixes = ["Ventures", "Capital", "Partners", "Growth", "Fund", "Equity"];

    public static readonly string[] HoldingSuffixes = ["Holdings", "Group", "Industries", "Corporation", "International"];

    public static readonly string[] FirstNames =
    [
        "Avery", "Bianca", "Callum", "Dalia", "Emeka", "Farah", "Gideon", "Hana", "Ilya", "Josefina", "Kenji", "Leona",
        "Mateo", "Nadia", "Oren", "Priya", "Quentin", "Rosalind", "Soren", "Tamsin", "Ulric", "Valeria", "Wen", "Yusuf",
    ];

    public static readonly string[] LastNames =
    [
        "Abernethy", "Brightwater", "Castellano", "Drummond", "Eriksdottir", "Fairbanks", "Gallowglass", "Holloway",
        "Ilunga", "Jovanovic", "Kowalczyk", "Lindqvist", "Marchetti", "Nakashima", "Okonkwo", "Pemberton", "Quist",
        "Ravensworth", "Szabo", "Thorne", "Underhill", "Valdivia", "Whitcombe", "Zielinski",
    ];

    public static readonly string[] Roles = ["Chief Executive Officer", "Chief Financial Officer", "Chief Technology Officer", "Chief Operating Officer", "President", "Chief Product Officer"];

    public static readonly string[] Regulators =
    [
        "Markets Conduct Commission", "National Data Protection Board", "Competition and Fair Trade Authority",
        "Consumer Safety Directorate", "Financial Integrity Office", "Digital Services Oversight Council",
    ];

    public static readonly string[] Exchanges = ["the Northgate Stock Exchange", "the Meridian Exchange", "the Harbor Board of Trade"];

    public static readonly string[] ProductNouns = ["Atlas", "Beacon", "Cascade", "Dynamo", "Echo", "Flux", "Gemini", "Halo", "Ion", "Jet", "Keystone", "Lattice"];

    public static readonly string[] ProductCategories =
    [
        "analytics platform", "AI assistant", "payments API", "battery pack", "security suite", "delivery robot",
        "developer toolkit", "diagnostic device", "smart thermostat", "data warehouse", "mobile banking app", "fleet tracker",
    ];

    public static readonly string[] Issues =
    [
        "misleading marketing claims", "mishandling of customer data", "late regulatory filings", "anti-competitive pricing",
        "unsafe product labelling", "patent infringement", "breach of a supply contract", "inadequate fraud controls",
    ];

    public static readonly string[] LayoffReasons =
    [
        "cost restructuring", "slowing demand", "a shift toward automation", "the integration of a recent acquisition",
        "a strategic refocus on core products", "weaker quarterly revenue",
    ];

    public static readonly string[] Facilities = ["headquarters", "research centre", "manufacturing plant", "regional office", "distribution hub", "data centre"];

    public static readonly string[] PartnershipAreas = ["cloud infrastructure", "payments", "clinical research", "supply chain visibility", "AI model development", "charging networks"];

    public static readonly string[] Sectors =
    [
        "SaaS", "fintech", "healthcare", "biotech", "AI", "cybersecurity", "climate tech", "e-commerce", "logistics",
        "automotive", "gaming", "edtech", "real estate", "semiconductors", "telecom", "robotics", "food and beverage",
    ];

    public static readonly string[] Currencies = ["USD", "USD", "USD", "EUR", "GBP"];

    public static readonly (string Name, string Domain)[] Outlets =
    [
        ("Example News Wire", "example-news.test"),
        ("The Daily Ledger", "dailyledger.test"),
        ("Market Pulse", "marketpulse.test"),
        ("Tech Dispatch", "techdispatch.test"),
        ("Business Chronicle", "bizchronicle.test"),
        ("Global Review", "globalreview.test"),
        ("Startup Beat", "startupbeat.test"),
        ("Industry Insider", "industryinsider.test"),
    ];

    public static readonly (string Country, string[] Cities)[] Places =
    [
        ("United States", ["San Francisco", "New York", "Austin", "Boston", "Seattle", "Chicago"]),
        ("United Kingdom", ["London", "Manchester", "Edinburgh", "Bristol"]),
        ("Germany", ["Berlin", "Munich", "Hamburg", "Frankfurt"]),
        ("France", ["Paris", "Lyon", "Toulouse"]),
        ("India", ["Bengaluru", "Mumbai", "Hyderabad", "Pune"]),
        ("Japan", ["Tokyo", "Osaka", "Fukuoka"]),
        ("Canada", ["Toronto", "Vancouver", "Montreal"]),
        ("Brazil", ["Sao Paulo", "Rio de Janeiro", "Curitiba"]),
        ("Singapore", ["Singapore"]),
        ("Australia", ["Sydney", "Melbourne", "Brisbane"]),
        ("Israel", ["Tel Aviv", "Haifa"]),
        ("Netherlands", ["Amsterdam", "Rotterdam", "Eindhoven"]),
        ("Spain", ["Madrid", "Barcelona", "Valencia"]),
        ("Sweden", ["Stockholm", "Gothenburg"]),
        ("Nigeria", ["Lagos", "Abuja"]),
        ("Kenya", ["Nairobi", "Mombasa"]),
    ];
}

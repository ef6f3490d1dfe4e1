import ECFDomain
import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose sequence depends only
/// on its seed, so `openecf generate --seed N` makes the same data on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }

    /// A count with this mean, most small and a few large (geometric, at least `minimum`), as
    /// dockets are: most cases have a few entries and some run to thousands.
    mutating func count(mean: Int, minimum: Int = 1, maximum: Int = 100_000) -> Int {
        let excess = Double(max(mean - minimum, 0))
        guard excess > 0 else { return minimum }
        let uniform = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let drawn = Int((log(uniform) / log(excess / (excess + 1))).rounded(.down))
        return min(minimum + drawn, maximum)
    }
}

/// The words generated cases are made of: people's and companies' names as they appear on
/// dockets, and docket text in the shapes CM/ECF's events give it.
enum GeneratedText {
    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
        "Wei", "Fatima", "José", "Aisha", "Dmitri", "Priya", "Hiroshi", "Zoë", "Mohammed", "Ana", "Kwame",
        "Siobhan", "Nguyễn", "Lars", "Olga", "Rafael", "Mei", "Tomás", "Ingrid", "Emeka",
    ]
    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker",
        "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
        "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "O'Brien", "Müller",
        "Kowalski", "Okafor", "Yamamoto", "Chen", "Patel", "Ivanova", "Johansson", "Núñez",
    ]
    static let companyWords = [
        "Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent",
        "Cyberdyne", "Tyrell", "Wonka", "Gringotts", "Monarch", "Pinnacle", "Summit", "Harbor", "Liberty",
        "Keystone", "Evergreen", "Atlas", "Beacon", "Cardinal", "Delta", "Empire", "Frontier", "Granite",
    ]
    static let companyKinds = [
        "Industries, Inc.", "Holdings LLC", "Insurance Company", "Bank, N.A.", "Logistics Corp.", "Partners LP",
        "Pharmaceuticals, Inc.", "Shipping Co.", "Technologies, Inc.", "Realty Trust", "& Sons, Ltd.",
    ]
    static let judges = ["JMF", "LAK", "AT", "VSB", "PKC", "ER", "KPF", "GHW", "JPO", "LTS", "CM", "NRB"]
    static let natureOfSuitCodes = [110, 190, 190, 195, 360, 365, 440, 442, 791, 820, 830, 850, 890, 190, 710]
    static let causes = [
        "28:1332 Diversity-Breach of Contract", "42:1983 Civil Rights Act", "29:201 Fair Labor Standards Act",
        "15:1125 Trademark Infringement (Lanham Act)", "28:1331 Federal Question", "17:501 Copyright Infringement",
    ]

    static func person(_ random: inout SeededGenerator) -> String {
        "\(random.pick(firstNames)) \(random.pick(lastNames))"
    }

    static func company(_ random: inout SeededGenerator) -> String {
        "\(random.pick(companyWords)) \(random.pick(companyKinds))"
    }

    static func party(_ random: inout SeededGenerator) -> String {
        random.chance(45) ? company(&random) : person(&random)
    }

    /// An entry's event and docket text, 80 to 600 characters as real ones run; `number` is the
    /// entry's own, for references to earlier entries.
    static func entry(
        _ random: inout SeededGenerator, number: Int?, party: String, attorney: String, judge: String,
        criminal: Bool
    ) -> (event: String, text: String) {
        let earlier = max(1, (number ?? 2) - Int.random(in: 1...5, using: &random))
        let day = "\(Int.random(in: 1...12, using: &random))/\(Int.random(in: 1...28, using: &random))/2026"
        switch Int.random(in: 0..<12, using: &random) {
        case 0:
            return (
                "motionToDismiss",
                "MOTION to Dismiss for Failure to State a Claim. Document filed by \(party). Responses due by \(day). (Attachments: # 1 Memorandum of Law in Support, # 2 Declaration of \(attorney), # 3 Exhibit A) (\(attorney))"
            )
        case 1:
            return (
                "order",
                "ORDER granting in part and denying in part [\(earlier)] Motion to Dismiss. For the reasons stated on the record, the motion is GRANTED as to Counts I and III and DENIED as to Count II. \(party) shall answer the remaining claims within 14 days. SO ORDERED. Signed by Judge \(judge) on \(day)."
            )
        case 2:
            return ("noticeOfAppearance", "NOTICE of Appearance by \(attorney) on behalf of \(party). (\(attorney))")
        case 3:
            return (
                "minuteEntry",
                "Minute Entry for proceedings held before Judge \(judge): Status Conference held on \(day). Counsel for \(party) present. Discovery to be completed by the date set at the conference. (Court Reporter on file)"
            )
        case 4:
            return (
                "responseInOpposition",
                "MEMORANDUM OF LAW in Opposition re: [\(earlier)] MOTION for Summary Judgment. Document filed by \(party). (Attachments: # 1 Declaration, # 2 Exhibit 1, # 3 Exhibit 2, # 4 Rule 56.1 Counterstatement) (\(attorney))"
            )
        case 5:
            return (
                "stipulation",
                "STIPULATION AND PROPOSED PROTECTIVE ORDER regarding confidential discovery material, by \(party). (\(attorney))"
            )
        case 6:
            return (
                "motionExtendTime",
                "LETTER MOTION for Extension of Time to File Answer re: [\(earlier)] Complaint addressed to Judge \(judge) from \(attorney) dated \(day). Document filed by \(party). (\(attorney))"
            )
        case 7:
            return (
                "summonsReturned",
                "SUMMONS Returned Executed. \(party) served on \(day), answer due within 21 days. (\(attorney))"
            )
        case 8:
            return (
                criminal ? "minuteEntry" : "answer",
                criminal
                    ? "Minute Entry for proceedings held before Judge \(judge): Arraignment as to \(party) held on \(day). Defendant pleads NOT GUILTY. Bail continued. (Court Reporter on file)"
                    : "ANSWER to Complaint with Jury Demand. Document filed by \(party). (\(attorney))"
            )
        case 9:
            return (
                "transcript",
                "TRANSCRIPT of Proceedings re: conference held on \(day) before Judge \(judge). Court Reporter/Transcriber on file. Redaction Request due 21 days from today. Release of Transcript Restriction set for 90 days."
            )
        case 10:
            return (
                "memorandumOpinion",
                "MEMORANDUM OPINION AND ORDER re: [\(earlier)] Motion for Summary Judgment filed by \(party). For the foregoing reasons, the motion is GRANTED. The Clerk of Court is respectfully directed to terminate the motion pending at the entry referenced above. SO ORDERED. Signed by Judge \(judge) on \(day)."
            )
        default:
            return (
                "exhibitList",
                "DECLARATION of \(attorney) in Support re: [\(earlier)] MOTION. Document filed by \(party). (Attachments: # 1 Exhibit A - Agreement, # 2 Exhibit B - Correspondence) (\(attorney))"
            )
        }
    }
}

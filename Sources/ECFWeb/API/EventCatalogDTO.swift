import ECFDomain

/// The court's event catalog as `GET /api/v1/courts/{court}/events` shows it, by category.
struct EventCatalogDTO: Encodable {
    typealias Fee = MoneyDTO

    struct Event: Encodable {
        let id: String
        let name: String
        let mayFile: [String]
        let documentRequired: Bool
        let fee: Fee
        let opensCase: Bool
        let numbered: Bool
    }

    struct Category: Encodable {
        let id: String
        let label: String
        let events: [Event]
    }

    let categories: [Category]

    init(_ events: [FilingEvent]) {
        categories = FilingEvent.Category.allCases.compactMap { category in
            let inCategory = events.filter { $0.category == category }
            guard !inCategory.isEmpty else { return nil }
            return Category(
                id: category.rawValue, label: category.label,
                events: inCategory.map {
                    Event(
                        id: $0.id, name: $0.name, mayFile: $0.mayFile.map(\.rawValue).sorted(),
                        documentRequired: $0.documentRequired, fee: Fee(cents: FeeSchedule.amount($0.fee).cents),
                        opensCase: $0.opensCase, numbered: $0.numbered)
                })
        }
    }
}

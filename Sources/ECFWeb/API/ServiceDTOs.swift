import ECFDomain
import ECFServices

/// `GET /api/v1/courts/{court}/cases/{caseId}/service-list`
struct ServiceListDTO: Encodable {
    struct Recipient: Encodable {
        let name: String
        let role: String
        let emails: [String]
        let delivery: String
    }

    let electronic: [Recipient]
    let otherMeans: [String]

    init(_ list: ServiceList) {
        electronic = list.electronic.map {
            Recipient(
                name: $0.name, role: $0.role.rawValue, emails: $0.addresses.map(\.address),
                delivery: $0.delivery.rawValue)
        }
        otherMeans = list.otherMeans
    }
}

/// `PUT /api/v1/courts/{court}/notice-delivery` `{delivery}`
struct NoticeDeliveryDTO: Codable {
    let delivery: String?
}

struct SubscriptionDTO: Encodable {
    let caseId: String
    let subscribed: Bool
}

/// `GET /api/v1/courts/{court}/cases/{caseId}/entries/{seq}/service`
struct ServiceRecordsDTO: Encodable {
    struct Record: Encodable {
        let name: String
        let emails: [String]
        let delivery: String
        let status: String
        let problem: String?
    }

    let entryNumber: Int?
    let served: [Record]

    init(entry: DocketEntry, records: [ServiceRecord]) {
        entryNumber = entry.number
        served = records.map {
            Record(
                name: $0.name, emails: $0.addresses.map(\.address), delivery: $0.delivery.rawValue,
                status: $0.status.rawValue, problem: $0.error)
        }
    }
}

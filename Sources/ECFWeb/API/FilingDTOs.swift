import ECFDomain
import ECFServices
import Foundation

/// The JSON parts and answers of the filing API.
enum FilingDTO {
    /// `payment` in the JSON part: the card, as typed.
    struct PaymentPart: Decodable {
        let cardNumber: String?
        let expiry: String?
        let cardholder: String?

        func card(today: DateOnly) throws -> PaymentCard {
            switch PaymentCard.typed(
                number: cardNumber ?? "", expiry: expiry ?? "", holder: cardholder ?? "", today: today)
            {
            case .success(let card): return card
            case .failure(let problems): throw CourtError.invalid(problems, "Check the card details.")
            }
        }
    }

    /// The JSON part `filing`.
    struct FilingPart: Decodable {
        struct Attachment: Decodable { let description: String? }
        let event: String?
        let filers: [String]?
        let docketText: String?
        let attachments: [Attachment]?
        let redactionAcknowledged: Bool?
        let payment: PaymentPart?
    }

    /// The JSON part `case`.
    struct CasePart: Decodable {
        struct PartyPart: Decodable {
            let name: String?
            let type: String?
            let represented: Bool?
        }

        let title: String?
        let natureOfSuit: Int?
        let cause: String?
        let jurisdiction: String?
        let juryDemand: String?
        let demand: String?
        let parties: [PartyPart]?
        let redactionAcknowledged: Bool?
        let payment: PaymentPart?

        var form: CaseOpeningForm {
            CaseOpeningForm(
                title: title ?? "", natureOfSuit: natureOfSuit.map(String.init) ?? "", cause: cause ?? "",
                jurisdiction: jurisdiction ?? "", juryDemand: juryDemand ?? "None", demand: demand ?? "",
                parties: (parties ?? []).map {
                    .init(name: $0.name ?? "", type: $0.type ?? "", represented: $0.represented ?? false)
                })
        }
    }

    struct Finding: Encodable {
        let file: String
        let page: Int
        let kind: String
        let excerpt: String
        let advice: String

        static func all(_ hits: [(file: String, hit: RedactionCheck.Hit)]) -> [Finding] {
            hits.map {
                Finding(
                    file: $0.file, page: $0.hit.page, kind: $0.hit.kind.rawValue, excerpt: $0.hit.excerpt,
                    advice: $0.hit.kind.advice)
            }
        }
    }

    struct Warning: Encodable {
        let file: String
        let warning: String
    }

    /// What a validate-only call answers: the filing as it would be, without filing it.
    struct Review: Encodable {
        let docketText: String
        let fee: EventCatalogDTO.Fee
        let pages: [Int]
        let redactionFindings: [Finding]
        let warnings: [Warning]

        init(_ review: FilingReview) {
            docketText = review.docketText
            fee = .init(cents: review.fee.cents)
            pages = review.pages
            redactionFindings = Finding.all(review.redactionHits)
            warnings = review.warnings.map { .init(file: $0.file, warning: $0.warning) }
        }
    }

    struct Document: Encodable {
        let docId: String
        let pages: Int
        let sha256: String

        init(_ document: DocketDocument) {
            docId = document.id.rawValue
            pages = document.pages
            sha256 = document.sha256
        }
    }

    struct PaymentReceipt: Encodable {
        let receiptNumber: String
        let amount: EventCatalogDTO.Fee
        let cardLastFour: String

        init?(_ payment: Payment?) {
            guard let payment else { return nil }
            receiptNumber = payment.receiptNumber
            amount = .init(cents: payment.amount.cents)
            cardLastFour = payment.cardLastFour
        }
    }

    struct Receipt: Encodable {
        let entryNumber: Int?
        let docketText: String
        let dateFiled: Date
        let documents: [Document]
        let payment: PaymentReceipt?
        let repeated: Bool
    }

    struct CaseOpened: Encodable {
        let caseId: String
        let caseNumber: String
        let title: String
        let entryNumber: Int?
        let docketText: String
        let documents: [Document]
        let payment: PaymentReceipt?
        let repeated: Bool
    }

    struct Problems: Encodable {
        struct Problem: Encodable {
            let file: String
            let problem: String
        }

        let error = "invalid_documents"
        let message = "Some documents cannot be filed. Each problem is listed with its file."
        let problems: [Problem]

        init(_ rejected: FileDocument.Rejected) {
            problems = rejected.problems.map { .init(file: $0.file, problem: $0.problem) }
        }
    }
}

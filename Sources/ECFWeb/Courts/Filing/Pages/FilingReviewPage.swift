import ECFDomain
import ECFServices

/// The review before a filing is submitted (a document into a case, or a new case): the docket
/// text as it will read, each document with its pages, the fee, what Rule 5.2 says to redact with
/// its page, and the acknowledgement and card the submission needs.
struct FilingReviewPage: Page {
    static let template = "filing-review"

    struct Row: Sendable, TemplateFields {
        let label: String
        let value: String
    }

    struct Document: Sendable, TemplateFields {
        let file: String
        let description: String
        let pages: Int
    }

    struct Finding: Sendable, TemplateFields {
        let file: String
        let page: Int
        let excerpt: String
        let advice: String
    }

    struct Warning: Sendable, TemplateFields {
        let file: String
        let warning: String
    }

    let title = "Review your filing"
    let nav: NavBar
    let csrfToken: String
    let action: String
    let draftID: String
    let startAgain: String
    let summary: [Row]
    let docketText: String
    let documents: [Document]
    let fee: String?
    let findings: [Finding]
    let hasFindings: Bool
    let warnings: [Warning]
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool
    let errorHeading = "There is a problem"
    let problem: String?
    let acknowledgeError: String?
    let cardFields: [FormField]
    let testCards: Bool

    init(
        context: AppRequestContext, draft: FilingDraft, summary: [Row], review: FilingReview, action: String,
        startAgain: String, form: FormData = FormData(""), problems: [String: String] = [:], problem: String? = nil
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        self.action = action
        draftID = draft.id
        self.startAgain = startAgain
        self.summary = summary
        docketText = review.docketText
        documents = zip(draft.files, review.pages).map {
            Document(file: $0.0.originalName, description: $0.0.description, pages: $0.1)
        }
        fee = review.fee == .zero ? nil : review.fee.description
        findings = review.redactionHits.map {
            Finding(file: $0.file, page: $0.hit.page, excerpt: $0.hit.excerpt, advice: $0.hit.kind.advice)
        }
        hasFindings = !findings.isEmpty
        warnings = review.warnings.map { Warning(file: $0.file, warning: $0.warning) }
        let cardFields =
            review.fee == .zero
            ? []
            : [
                FormField(
                    "cardNumber", "Card number", autocomplete: "cc-number", answers: FormData(""), problems: problems),
                FormField(
                    "cardExpiry", "Expiry date (MM/YY)", autocomplete: "cc-exp", answers: form, problems: problems),
                FormField(
                    "cardHolder", "Name on the card", autocomplete: "cc-name", answers: form, problems: problems),
            ]
        self.cardFields = cardFields
        testCards = review.fee != .zero
        errors = .init(problems, order: ["acknowledged"] + cardFields.map(\.name))
        hasErrors = !errors.isEmpty
        self.problem = problem
        acknowledgeError = problems["acknowledged"]
    }
}

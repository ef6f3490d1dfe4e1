import ECFDomain
import ECFServices

/// `/ecf/{court}/readiness`: each step to e-filing in this court, done or not, with how to do it.
struct ReadinessPage: Page {
    static let template = "court-readiness"

    struct Step: Sendable, TemplateFields {
        let id: String
        let title: String
        let status: String
        let statusClass: String
        let how: String?
        let href: String?
    }

    let title: String
    let nav: NavBar
    let courtName: String
    let phaseLabel: String
    let phaseClass: String
    let planSentences: [String]
    let steps: [Step]
    let canEFile: Bool

    init(context: AppRequestContext, court: OpenCourt, readiness: Readiness) {
        nav = NavBar(context)
        title = "Ready for NextGen CM/ECF?"
        courtName = court.court.name
        phaseLabel = court.phase.label
        phaseClass = court.phase.rawValue
        planSentences = court.plan.sentences(in: court.zone, now: court.now)
        canEFile = readiness.canEFile
        steps = readiness.steps.map {
            Step(
                id: $0.id.rawValue, title: $0.title, status: $0.done ? "Done" : "Not yet",
                statusClass: $0.done ? "done" : "todo", how: $0.how,
                href: $0.done ? nil : ReadinessLinks.path($0.id, court: court.id, phase: court.phase))
        }
    }
}

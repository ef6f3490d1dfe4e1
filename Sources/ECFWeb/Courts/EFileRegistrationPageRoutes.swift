import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// `/pacer/efile-registration`: a PACER account asks a NextGen court for e-filing privileges.
struct EFileRegistrationPageRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer
    /// The server's court list, whose cutover plans are kept (`CourtPlansCache`).
    let listCourts: ListCourts

    func register(on router: Router<AppRequestContext>) {
        router.get("/pacer/efile-registration") { request, context in
            guard context.signedIn != nil else {
                return try pages.render(
                    MessagePage(
                        context: context, title: "Ask a court for e-filing privileges",
                        paragraphs: ["Sign in with your PACER account first; the court's clerk sees who asks."],
                        link: .init(href: "/pacer/login?next=/pacer/efile-registration", label: "Sign in with PACER"),
                        isSuccess: false))
            }
            return try pages.render(
                EFileRegistrationPage(
                    context: context, court: request.uri.queryParameters.get("court") ?? "",
                    courts: try await nextGenCourts()))
        }
        router.post("/pacer/efile-registration") { request, context in
            let form = try await CourtPageRoutes.form(request)
            guard let claims = context.signedIn else {
                return CourtPageRoutes.redirect("/pacer/login?next=/pacer/efile-registration")
            }
            do {
                let registration = try await courts.registrations.request(
                    signedIn: claims, court: form.text("court"), role: form.text("role"),
                    barNumber: form["barNumber"], barState: form["barState"])
                return try pages.render(
                    MessagePage(
                        context: context, title: "Request sent",
                        paragraphs: [
                            "Your request to e-file as \(registration.role.label) was sent to the clerk's office. You will receive its decision by e-mail."
                        ]), status: .created)
            } catch let error as CourtError
                where [.invalid, .alreadyRequested, .alreadyLinked, .courtNotNextGen, .pacerAccountNotUpgraded]
                .contains(error.code)
            {
                return try pages.render(
                    EFileRegistrationPage(
                        context: context, court: form.text("court"), courts: try await nextGenCourts(),
                        form: form, problems: error.fields, problem: error.fields.isEmpty ? error.message : nil),
                    status: ErrorPageMiddleware.status(of: error.code))
            }
        }
    }

    func nextGenCourts() async throws -> [CourtListing] {
        try await listCourts().filter { $0.phase == .nextGen }
    }
}

import ECFServices
import Hummingbird

/// The list of courts: `/` for people, `/api/v1/courts` for programs.
struct CourtRoutes {
    let dependencies: WebDependencies

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { _, context in
            try dependencies.pages.render(HomePage(listings: try await dependencies.listCourts(), context: context))
        }
        router.get("/api/v1/courts") { _, _ in
            try JSONResponse.make(try await dependencies.listCourts().map(CourtDTO.init))
        }
    }
}

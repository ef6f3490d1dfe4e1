/// A page that tells a person what went wrong, in words, with a way back.
struct ErrorPage: Page {
    static let template = "error"

    let title: String
    let message: String
    let statusCode: Int
    let nav: NavBar
}

/// A page that says one thing and offers one way on: "check your e-mail", "you are verified".
struct MessagePage: Page {
    static let template = "pacer-message"

    struct Link: Sendable, TemplateFields {
        let href: String
        let label: String
    }

    let title: String
    let nav: NavBar
    let paragraphs: [String]
    let link: Link?
    let isSuccess: Bool

    init(context: AppRequestContext, title: String, paragraphs: [String], link: Link? = nil, isSuccess: Bool = true) {
        self.nav = NavBar(context)
        self.title = title
        self.paragraphs = paragraphs
        self.link = link
        self.isSuccess = isSuccess
    }
}

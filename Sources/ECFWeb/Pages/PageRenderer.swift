import Foundation
import Hummingbird
import Mustache

/// Renders a page view model with its template inside the layout every page shares (`PageLayout`).
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads the templates shipped with ECFWeb.
    public static func bundled() async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw HTTPError(.internalServerError, message: "the page templates are missing from this build")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path))
    }

    public func render(_ page: some Page, status: HTTPResponse.Status = .ok) throws -> Response {
        response(try html(page), status: status)
    }

    /// The page's HTML (a billable report is measured before it is sent).
    func html(_ page: some Page) throws -> String {
        guard let main = page.writtenMain ?? library.render(page, withTemplate: type(of: page).template) else {
            throw HTTPError(.internalServerError, message: "the page template \(type(of: page).template) is missing")
        }
        return PageLayout.top(title: page.title, nav: page.nav) + main + PageLayout.bottom
    }

    /// A part of a page (a partial template) for an object: a docket row, a receipt.
    func fragment(_ object: Any, template: String) throws -> String {
        guard let html = library.render(object, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "the template \(template) is missing")
        }
        return html
    }

    func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A page's view model: what its template shows, already worded and formatted; the template only
/// places it.
public protocol Page: Sendable, TemplateFields {
    /// The template of what the page shows inside `<main>`, under its `<h1>`.
    static var template: String { get }
    /// The text of the page's `<title>` and its `<h1>`.
    var title: String { get }
    /// The header's account area.
    var nav: NavBar { get }
    /// What goes inside `<main>`, written out directly, for a page sent so often that its
    /// template's rendering counts (the docket report); nil for the template to render it.
    var writtenMain: String? { get }
}

extension Page {
    public var writtenMain: String? { nil }
}

import ECFDomain
import ECFServices
import Foundation
import Mustache
import Testing

@testable import ECFWeb

/// The view models that answer swift-mustache by name (`MustacheParent`) must answer every key
/// their templates use exactly as `Mirror` would: a key left out of `child(named:)` renders empty
/// (or from an outer object) without any error. Each is rendered through its real template twice,
/// once as itself and once seen only through `Mirror`, and the two must be the same.
@Suite("Templates read view models by name as they would through Mirror")
struct MustacheParentKeysTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/ECFWeb/Templates").standardizedFileURL

    static func template(_ name: String) throws -> String {
        try String(contentsOf: templates.appendingPathComponent("\(name).mustache"), encoding: .utf8)
    }

    /// The `{{#name}}…{{/name}}` section of a template, its tags included.
    static func section(_ name: String, of template: String) throws -> String {
        let start = try #require(template.firstRange(of: "{{#\(name)}}"))
        let end = try #require(template.firstRange(of: "{{/\(name)}}"))
        return String(template[start.lowerBound..<end.upperBound])
    }

    static func expectSameAsMirror(_ value: Any, through text: String) throws {
        let template = try MustacheTemplate(string: text)
        let byName = template.render(value)
        #expect(byName == template.render(MirrorOnly(value)))
        #expect(!byName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// The page a receipt ends, as the templates that place it see it.
    struct ReceiptParent: MustacheParent {
        let receipt: ReceiptView
        func child(named name: String) -> Any? { name == "receipt" ? receipt : nil }
    }

    /// A receipt is written out directly (`ReceiptView.html`): exactly as its template wrote it,
    /// every line, escaped, with and without the reason it costs nothing; the template places it.
    @Test func aReceiptIsWrittenAsItsTemplateWroteIt() throws {
        let before = """
            {{#receipt}}
            <div class="pacer-receipt" id="receipt">
            <table class="usa-table usa-table--borderless">
              <caption>PACER Service Center — Transaction Receipt — {{when}}</caption>
              <tbody>
              <tr><th scope="row">PACER Login:</th><td>{{username}}</td><th scope="row">Client Code:</th><td>{{clientCode}}</td></tr>
              <tr><th scope="row">Description:</th><td>{{description}}</td><th scope="row">Search Criteria:</th><td>{{criteria}}</td></tr>
              <tr><th scope="row">Billable Pages:</th><td>{{pages}}</td><th scope="row">Cost:</th><td>{{cost}}</td></tr>
              </tbody>
            </table>
            {{#free}}<p class="usa-hint">No charge: {{.}}.</p>{{/free}}
            </div>
            {{/receipt}}

            """
        for free in [nil, AccessFees.FreeBecause.exemption] {
            let receipt = ReceiptView(
                ChargeView.Receipt(
                    username: "press-reader", clientCode: "<b>&'\"7",
                    viewedAt: Date(timeIntervalSince1970: 1_790_000_000),
                    description: "Docket Report", criteria: "1:26-cv-00001; O'Brien & <Sons>", pages: 3,
                    amount: Money(cents: 30), free: free))
            #expect(receipt.html == (try MustacheTemplate(string: before)).render(["receipt": receipt]))
            #expect(receipt.html.contains("&lt;b&gt;&amp;"), "escaped")
            let placed = try Self.template("receipt")
            #expect((try MustacheTemplate(string: placed)).render(["receipt": receipt]) == receipt.html)
            try Self.expectSameAsMirror(ReceiptParent(receipt: receipt), through: placed)
        }
    }

    /// The case query page's main part is written out by hand (`CaseQueryPage.writtenMain`):
    /// exactly as its template, with the receipt's partial, writes it, with and without each
    /// optional line, parties and a receipt.
    @Test func theCaseQueryIsWrittenAsItsTemplateWritesIt() async throws {
        let renderer = try await PageRenderer.bundled()
        let receipt = ReceiptView(
            ChargeView.Receipt(
                username: "press-reader", clientCode: "<b>7", viewedAt: Date(timeIntervalSince1970: 1_790_000_000),
                description: "Case Summary", criteria: "1:26-cv-00001", pages: 1, amount: Money(cents: 10), free: nil))
        let parties = [
            CaseQueryPage.PartyLine(
                name: "O'Brien & <Sons>", role: "Plaintiff", attorneys: "Avery \"Atty\" Lee, Bo Kim", terminated: nil),
            CaseQueryPage.PartyLine(
                name: "Widgets Inc.", role: "Defendant", attorneys: "pro se", terminated: "terminated 01/02/2026"),
        ]
        for full in [true, false] {
            for withParties in [true, false] {
                let page = CaseQueryPage(
                    title: "Query: 1:26-cv-00001", nav: NavBar(signedInName: nil, csrfToken: "t"),
                    number: "1:26-cv-00001-ABC", caseTitle: "Roe v. O'Brien & <Sons>",
                    judgeLine: full ? "Judge <Webb>, presiding" : nil, dateFiled: "01/02/2026",
                    dateTerminated: full ? "03/04/2026" : nil, lastFiling: full ? "02/03/2026" : nil,
                    parties: withParties ? parties : [],
                    lastEntry: full ? "Entry 3, filed 02/03/2026: MOTION & <b>" : nil,
                    docketLink: "/ecf/nysd/cgi-bin/DktRpt.pl?1&a=\"b\"", receipt: full ? receipt : nil)
                let rendered = try #require(renderer.library.render(page, withTemplate: CaseQueryPage.template))
                #expect(page.writtenMain == rendered, "full: \(full), parties: \(withParties)")
            }
        }
    }

    /// The docket report's heading, metadata and parties are written out by hand
    /// (`DocketReportPage.header`): exactly as the template's sections wrote them before, for a
    /// district court's report and a bankruptcy court's, with and without parties.
    @Test func theDocketReportsHeaderIsWrittenAsTheTemplateWroteIt() throws {
        let section = #"""
            {{#bankruptcy}}<center class="docket-heading"><font size="+1">{{courtKind}}<br>{{courtName}}<br>{{heading}}</font></center>
            <table class="docket-metadata" role="presentation">
            <tr>
            <td>{{#left}}<br>{{text}}{{/left}}</td>
            <td><br>{{#right}}{{text}}<br>{{/right}}</td>
            </tr>
            </table>{{/bankruptcy}}
            {{^bankruptcy}}<h3 class="docket-heading">{{courtKind}}<br>{{courtName}}<br>{{heading}}</h3>
            <table class="docket-metadata" role="presentation">
            <tr>
            <td><br>{{caseTitle}}{{#left}}<br>{{text}}{{/left}}</td>
            <td><br>{{#right}}{{text}}<br>{{/right}}</td>
            </tr>
            </table>{{/bankruptcy}}
            {{#hasParties}}<table class="docket-parties" role="presentation">
            {{#parties}}
            {{^bankruptcy}}{{#typeHeading}}<tr><td colspan="3"><b><u>{{.}}</u></b></td></tr>{{/typeHeading}}{{/bankruptcy}}
            <tr><td>{{#bankruptcy}}<i><b>{{typeHeading}}</b></i><br>{{/bankruptcy}}<b>{{name}}</b>{{#terminated}}<br><i>{{.}}</i>{{/terminated}}</td><td>{{#represented}}represented&nbsp;by{{/represented}}</td><td>{{#attorneys}}<b>{{name}}</b><br>{{#contact}}{{text}}<br>{{/contact}}{{#roles}}<i>{{text}}</i><br>{{/roles}}{{/attorneys}}</td></tr>
            {{/parties}}
            </table>{{/hasParties}}
            """#
        let attorney = DocketReportPage.Attorney(
            name: "Avery <Attorney>", contact: [.init(text: "Harbor & Co. LLP"), .init(text: "avery@example.org")],
            roles: [.init(text: "LEAD ATTORNEY"), .init(text: "ATTORNEY TO BE NOTICED")])
        let parties = [
            DocketReportPage.PartyRow(
                typeHeading: "Plaintiff", name: "O'Brien & Sons", terminated: nil, attorneys: [attorney, attorney],
                represented: true),
            DocketReportPage.PartyRow(
                typeHeading: "", name: "\"Quoted\" Widgets", terminated: "TERMINATED: 01/02/2026", attorneys: [],
                represented: false),
            DocketReportPage.PartyRow(
                typeHeading: "Debtor", name: "Ada Lovelace", terminated: nil,
                attorneys: [.init(name: "Ada Lovelace", contact: [], roles: [.init(text: "PRO SE")])], represented: true
            ),
        ]
        let template = try MustacheTemplate(string: section)
        for bankruptcy in [false, true] {
            for parties in [parties, []] {
                let page = DocketReportPage(
                    title: "Docket report: 1:26-bk-00001", nav: NavBar(signedInName: nil, csrfToken: "t"),
                    bankruptcy: bankruptcy, courtKind: "U.S. District Court", courtName: "S.D. <New York>",
                    heading: "CIVIL DOCKET FOR CASE #: 1:26-cv-00001", caseTitle: "Roe v. O'Brien & Sons",
                    left: [.init(text: "Assigned to: Judge <Webb>"), .init(text: "Cause: 28:1332")],
                    right: [.init(text: "Date Filed: 01/02/2026"), .init(text: "Demand: $9,999")],
                    parties: parties, hasParties: !parties.isEmpty,
                    optionsLink: "/ecf/nysd/cases/1/docket-options?a=1&b=\"2\"")
                #expect(page.header == template.render(MirrorOnly(page)), "bankruptcy: \(bankruptcy)")
                // The whole page's main part too, as its template places the header and the link.
                let main = try MustacheTemplate(string: try Self.template("docket-report")).render(page)
                #expect(page.writtenMain == main && main.contains(DocketReportPage.entriesMark))
            }
        }
        let page = DocketReportPage(
            title: "t", nav: NavBar(signedInName: nil, csrfToken: "t"), bankruptcy: false, courtKind: "k",
            courtName: "n", heading: "h", caseTitle: "Roe v. O'Brien & Sons", left: [], right: [], parties: parties,
            hasParties: true, optionsLink: "")
        #expect(page.header.contains("<b>O&#39;Brien &amp; Sons</b>"))
        #expect(page.header.contains("<b>Avery &lt;Attorney&gt;</b><br>Harbor &amp; Co. LLP<br>"))
    }

    /// The home page's court rows are written out by hand (`CourtRow.html`): exactly as the
    /// template's section wrote them before, escaping and all.
    @Test func theHomePagesCourtRowsAreWrittenAsTheTemplateWroteThem() throws {
        let section = """
              {{#courts}}
                <tr data-court="{{id}}">
                  <th scope="row"><a href="/ecf/{{id}}/">{{name}}</a></th>
                  <td><code>{{id}}</code></td>
                  <td>{{kind}}</td>
                  <td><span class="usa-tag phase-{{phaseClass}}">{{phase}}</span></td>
                  <td>{{#plan}}<p class="plan-sentence">{{.}}</p>{{/plan}}</td>
                  <td>{{timeZone}}</td>
                </tr>
              {{/courts}}

            """
        let courts = [
            HomePage.CourtRow(
                id: "nysd", name: "Southern District of New York", kind: "District court", phase: "NextGen",
                phaseClass: "nextgen", timeZone: "America/New_York", plan: []),
            HomePage.CourtRow(
                id: "cacd", name: "Central District of <California> & \"Hawai'i\"", kind: "District court",
                phase: "Preparing", phaseClass: "preparing", timeZone: "America/Los_Angeles",
                plan: ["Moves to NextGen on 12/01/2026.", "Closed <for> the move & more."]),
        ]
        let template = try MustacheTemplate(string: section)
        let written = courts.map(\.html).joined()
        #expect(written == template.render(MirrorOnly(Courts(courts: courts))))
        #expect(written.contains("Central District of &lt;California&gt; &amp; &quot;Hawai&#39;i&quot;"))
    }

    /// Every page's frame is written out by hand (`PageLayout`): exactly as the layout template
    /// every page extended wrote it, signed in and out, escaping and all.
    @Test func thePageLayoutIsWrittenAsTheLayoutTemplateWroteIt() throws {
        let layout = #"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{$title}}{{title}}{{/title}} | OpenECF</title>
            <link rel="stylesheet" href="/assets/openecf.css">
            <link rel="icon" href="data:,">
            </head>
            <body>
            <a class="usa-skipnav" href="#main-content">Skip to main content</a>
            <section class="usa-banner" aria-label="About this site">
              <div class="usa-banner__inner">
                <p>OpenECF is an open implementation of federal court electronic filing. It is not an official website of the United States courts.</p>
              </div>
            </section>
            <header class="usa-header">
              <div class="usa-header__inner">
                <a class="usa-logo" href="/">OpenECF</a>
                <nav aria-label="Primary">
                  <ul class="usa-nav__list">
                    <li><a href="/">Courts</a></li>
                    <li><a href="/pacer/locator">Find a case</a></li>
                    <li><a href="/pacer/search">Search docket text</a></li>
                    {{#nav}}
                    {{#signedInName}}
                    <li><a href="/pacer/account">Manage my account</a></li>
                    <li>
                      <form class="usa-nav__form" method="post" action="/pacer/logout">
                        <input type="hidden" name="csrfToken" value="{{csrfToken}}">
                        <button class="usa-button usa-button--unstyled" type="submit">Sign out {{.}}</button>
                      </form>
                    </li>
                    {{/signedInName}}
                    {{^signedInName}}
                    <li><a href="/pacer/login">Sign in</a></li>
                    <li><a href="/pacer/register">Register for PACER</a></li>
                    {{/signedInName}}
                    {{/nav}}
                  </ul>
                </nav>
              </div>
            </header>
            <main id="main-content" class="usa-main" tabindex="-1">
            <h1>{{$heading}}{{title}}{{/heading}}</h1>
            {{$main}}{{/main}}
            </main>
            <footer class="usa-footer">
              <p>OpenECF &mdash; Case Management / Electronic Case Filing and PACER, in the open.</p>
            </footer>
            </body>
            </html>

            """#
        var library = MustacheLibrary()
        try library.register(layout, named: "layout")
        let main = "<p>{{title}}</p>\n{{#note}}<p>{{.}}</p>{{/note}}\n"
        try library.register("{{<layout}}\n{{$main}}\n" + main + "{{/main}}\n{{/layout}}\n", named: "page")
        let template = try MustacheTemplate(string: main)
        for name in [nil, "Ada O'Brien <ada@example.org>"] {
            let page = LayoutPage(
                title: "Roe v. O'Brien & \"Sons\" <1:26-cv-00001>", nav: NavBar(signedInName: name, csrfToken: "t&k"),
                note: "Filed.")
            let written = PageLayout.top(title: page.title, nav: page.nav) + template.render(page) + PageLayout.bottom
            #expect(written == library.render(page, withTemplate: "page"), "signed in: \(name != nil)")
            #expect(written.contains("<h1>Roe v. O&#39;Brien &amp; &quot;Sons&quot; &lt;1:26-cv-00001&gt;</h1>"))
        }
    }

    struct LayoutPage {
        let title: String
        let nav: NavBar
        let note: String
    }

    /// View models read through `TemplateFields` (only the property asked for) render as through
    /// `Mirror`: text, numbers, flags, lists of other view models, a name the inner value lacks
    /// (looked for further out), an empty optional (looked for further out too) and a full one;
    /// two types with the same names each answer from their own properties.
    @Test func viewModelsReadByFieldRenderAsThroughMirror() throws {
        let template = """
            {{title}}|{{#items}}[{{label}}:{{note}}:{{shared}}:{{title}}:{{count}}]{{/items}}|{{#flag}}yes{{/flag}}\
            {{^missing}}none{{/missing}}{{#present}}<{{.}}>{{/present}}|{{count}}|{{nothing}}|{{#first}}{{label}}{{/first}}
            """
        let items = [
            FieldsInner(label: "a & b", note: nil, shared: nil, count: 1),
            FieldsInner(label: "c", note: "<n>", shared: "inner", count: 2),
        ]
        for flag in [true, false] {
            let outer = FieldsOuter(
                title: "O'Brien", shared: "outer", items: items, flag: flag, count: 7, missing: nil,
                present: flag ? "here" : nil, first: items.last)
            try Self.expectSameAsMirror(outer, through: template)
        }
        let rendered = try MustacheTemplate(string: template).render(
            FieldsOuter(
                title: "t", shared: "outer", items: items, flag: true, count: 7, missing: nil, present: "p",
                first: items[0]))
        #expect(rendered.contains("[a &amp; b::outer:t:1][c:&lt;n&gt;:inner:t:2]"))
    }

    struct FieldsInner: TemplateFields {
        let label: String
        let note: String?
        let shared: String?
        let count: Int
    }

    struct FieldsOuter: TemplateFields {
        let title: String
        let shared: String
        let items: [FieldsInner]
        let flag: Bool
        let count: Int
        let missing: String?
        let present: String?
        let first: FieldsInner?
    }

    @Test func theCaseQuerysParties() throws {
        let parties = Parties(parties: [
            .init(name: "Ada Lovelace", role: "Plaintiff", attorneys: "Avery Attorney", terminated: nil),
            .init(name: "Charles Babbage", role: "Defendant", attorneys: "pro se", terminated: "terminated 01/02/2026"),
        ])
        try Self.expectSameAsMirror(parties, through: try Self.section("parties", of: try Self.template("case-query")))
    }

    struct Parties {
        let parties: [CaseQueryPage.PartyLine]
    }

    struct Courts {
        let courts: [HomePage.CourtRow]
    }

}

/// A value seen by swift-mustache only through `Mirror`, and so everything inside it.
struct MirrorOnly: CustomReflectable {
    let value: Any

    init(_ value: Any) { self.value = value }

    var customMirror: Mirror {
        let children = Mirror(reflecting: value).children.map { ($0.label, Self.wrap($0.value)) }
        return Mirror(self, children: children.map { (label: $0.0, value: $0.1) })
    }

    static func wrap(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class: return MirrorOnly(value)
        case .collection: return mirror.children.map { wrap($0.value) }
        case .optional: return mirror.children.first.map { wrap($0.value) } as Any
        default: return value
        }
    }
}

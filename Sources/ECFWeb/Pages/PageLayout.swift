import ECFServices

/// The frame around every page: the document's head, the banner, the header with its account
/// area, `<main>` with the page's `<h1>`, and the footer. Written out directly rather than as a
/// template the pages extend: looking up the title and the nav bar through the template engine
/// took a twelfth of a docket report's time (BENCHMARKS.md P1).
enum PageLayout {
    /// Everything before the page's own content, which starts on the line after its `<h1>`.
    static func top(title: String, nav: NavBar) -> String {
        let title = HTML.escape(title)
        var html = head + title + " | OpenECF</title>\n" + banner
        if let name = nav.signedInName {
            html += "        <li><a href=\"/pacer/account\">Manage my account</a></li>\n        <li>\n"
            html += "          <form class=\"usa-nav__form\" method=\"post\" action=\"/pacer/logout\">\n"
            html += "            <input type=\"hidden\" name=\"csrfToken\" value=\"" + HTML.escape(nav.csrfToken)
            html += "\">\n            <button class=\"usa-button usa-button--unstyled\" type=\"submit\">Sign out "
            html += HTML.escape(name) + "</button>\n          </form>\n        </li>\n"
        } else {
            html += "        <li><a href=\"/pacer/login\">Sign in</a></li>\n"
            html += "        <li><a href=\"/pacer/register\">Register for PACER</a></li>\n"
        }
        return html + mainStart + title + "</h1>\n"
    }

    /// Everything after the page's content.
    static let bottom = """

        </main>
        <footer class="usa-footer">
          <p>OpenECF &mdash; Case Management / Electronic Case Filing and PACER, in the open.</p>
        </footer>
        </body>
        </html>

        """

    private static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>
        """

    /// From the stylesheet's link to the header's last link open to everyone.
    private static let banner = """
        <link rel="stylesheet" href="/assets/openecf.css">
        <link rel="icon" href="data:,">
        </head>
        <body>
        <a class="usa-skipnav" href="#main-content">Skip to main content</a>
        <section class="usa-banner" aria-label="About this site">
          <div class="usa-banner__inner">
            <p>OpenECF is an open implementation of federal court electronic filing. It is not an \
        official website of the United States courts.</p>
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

        """

    private static let mainStart = """
              </ul>
            </nav>
          </div>
        </header>
        <main id="main-content" class="usa-main" tabindex="-1">
        <h1>
        """
}

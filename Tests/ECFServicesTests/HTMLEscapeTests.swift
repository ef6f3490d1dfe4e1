import Foundation
import Testing

@testable import ECFServices

/// Text placed in pages, mail and feeds: the five characters HTML and XML give meaning escaped,
/// everything else as it was.
@Suite("Escaping text for HTML and XML")
struct HTMLEscapeTests {
    @Test func theFiveAreEscapedAndTheRestKept() {
        #expect(
            HTML.escape(#"Smith & Sons <LLC> "quoted" 'single'"#)
                == "Smith &amp; Sons &lt;LLC&gt; &quot;quoted&quot; &#39;single&#39;")
        #expect(HTML.escape("Müller — § 1983 ✓ <é>") == "Müller — § 1983 ✓ &lt;é&gt;")
        #expect(HTML.escape("") == "")
        let plain = "MOTION to Dismiss filed by Avery Attorney. (Attachments: # 1 Exhibit A)"
        #expect(HTML.escape(plain) == plain)
        // A string made through Foundation, and a substring's copy: the same answer.
        #expect(HTML.escape(String(NSString(string: "a<b"))) == "a&lt;b")
        #expect(HTML.escape(String("xx&yy".dropFirst())) == "x&amp;yy")
    }
}

/// The text and HTML of a mail to a person: greeting, paragraphs, one link, signature — the shape
/// every PSC and court mail has.
enum MailBody {
    static func compose(to name: String, paragraphs: [String], link: (String, String)?, signature: String) -> (
        text: String, html: String
    ) {
        var text = "Dear \(name),\n\n" + paragraphs.joined(separator: "\n\n")
        var html =
            "<p>Dear \(HTML.escape(name)),</p>\n"
            + paragraphs.map { "<p>\(HTML.escape($0))</p>" }.joined(separator: "\n")
        if let (label, url) = link {
            text += "\n\n\(label):\n\(url)"
            html += "\n<p><a href=\"\(HTML.escape(url))\">\(HTML.escape(label))</a></p>"
        }
        text += "\n\n\(signature)"
        html += "\n<p>\(HTML.escape(signature))</p>"
        return (text, html)
    }
}

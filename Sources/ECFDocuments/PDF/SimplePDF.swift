import Foundation

/// Writes small, valid PDFs with a real text layer: for the demo's documents, for tests, and for
/// benchmarks. Options add what a court must refuse (JavaScript, an embedded file, a form field)
/// or leave the text out (a "scanned" page).
public struct SimplePDF: Sendable {
    public var pages: [[String]]
    public var textLayer = true
    public var javaScript: String?
    public var embeddedFile: String?
    public var formField = false

    public init(pages: [[String]]) {
        self.pages = pages
    }

    public func data() -> Data {
        var objects: [String] = []
        let pageCount = pages.count
        let firstPage = 4
        var catalog = "<< /Type /Catalog /Pages 2 0 R"
        var extra: [String] = []
        let nextID = { firstPage + 2 * pageCount + extra.count }
        if let javaScript {
            catalog += " /OpenAction \(nextID()) 0 R"
            extra.append("<< /S /JavaScript /JS (\(Self.escape(javaScript))) >>")
        }
        if let embeddedFile {
            let streamID = nextID()
            extra.append(
                "<< /Type /EmbeddedFile /Length \(embeddedFile.utf8.count) >>\nstream\n\(embeddedFile)\nendstream")
            let specID = nextID()
            extra.append("<< /Type /Filespec /F (attached.txt) /EF << /F \(streamID) 0 R >> >>")
            catalog += " /Names << /EmbeddedFiles << /Names [(attached.txt) \(specID) 0 R] >> >>"
        }
        if formField {
            let fieldID = nextID()
            extra.append("<< /FT /Tx /T (name) /V (typed) /Rect [72 72 272 92] /Subtype /Widget /P \(firstPage) 0 R >>")
            catalog += " /AcroForm << /Fields [\(fieldID) 0 R] >>"
        }
        catalog += " >>"
        objects.append(catalog)
        let kids = (0..<pageCount).map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (index, lines) in pages.enumerated() {
            let contentID = firstPage + 2 * index + 1
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(contentID) 0 R >>"
            )
            var content = ""
            if textLayer {
                for (number, line) in lines.enumerated() {
                    content += "BT /F1 12 Tf 72 \(720 - 16 * number) Td (\(Self.escape(line))) Tj ET\n"
                }
            } else {
                for number in lines.indices { content += "72 \(716 - 16 * number) 400 10 re f\n" }
            }
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
        }
        objects.append(contentsOf: extra)
        var output = "%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(format: "%010d 00000 n \n", offset) }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(output.utf8)
    }

    /// PDF literal strings escape backslashes and parentheses; other characters are kept to ASCII.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "(": result += "\\("
            case ")": result += "\\)"
            default: result += scalar.isASCII ? String(scalar) : "?"
            }
        }
        return result
    }
}

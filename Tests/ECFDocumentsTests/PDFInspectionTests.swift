import ECFDomain
import ECFServices
import Foundation
import Testing

@testable import ECFDocuments

@Suite("PDF inspection with qpdf and poppler")
struct PDFInspectionTests {
    let inspector = ToolPDFInspector(timeLimit: .seconds(20))
    let limit = 35 * 1_048_576

    func file(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("openecf-pdf-\(UUID().uuidString).pdf")
        try data.write(to: url)
        return url
    }

    /// A text layer is a page with anything but white space (spaces, line breaks, form feeds,
    /// no-break spaces) on it.
    @Test func aTextLayerIsAnyPageWithMoreThanWhiteSpace() {
        func layer(_ pages: [String]) -> Bool {
            PDFInspection(byteCount: 1, pageCount: pages.count, pageTexts: pages, problems: []).hasTextLayer
        }
        #expect(!layer([]))
        #expect(!layer(["", " \n\t\r", "\u{0C}\u{00A0}\u{2003}"]))
        #expect(layer(["", "  \n  x"]))
        #expect(layer(["\n§\n"]))
    }

    var brief: SimplePDF {
        SimplePDF(pages: [["MOTION TO DISMISS", "Defendant moves to dismiss."], ["Page two of the motion."]])
    }

    @Test func aGoodPDFHasItsPagesAndText() async throws {
        let inspection = try await inspector.inspect(try file(brief.data()), limitBytes: limit)
        #expect(inspection.problems.isEmpty, "\(inspection.problems)")
        #expect(inspection.pageCount == 2)
        #expect(inspection.pageTexts.first?.contains("MOTION TO DISMISS") == true)
        #expect(inspection.pageTexts.count == 2 && inspection.pageTexts[1].contains("Page two"))
    }

    /// pdftotext ends each page with a form feed: the pages split where the characters would,
    /// text of several bytes a character and carriage returns included.
    @Test func pdftotextsPagesSplitAtEachFormFeed() {
        let text = "Page one — “quoted”\r\n\u{0C}\u{0C}café ３\r\n\u{0C}"
        #expect(
            ToolPDFInspector.pages(of: Data(text.utf8))
                == text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init))
        #expect(ToolPDFInspector.pages(of: Data()) == [""])
        #expect(ToolPDFInspector.pages(of: Data("no form feed".utf8)) == ["no form feed"])
    }

    @Test func eachBadPDFGetsItsOwnMessage() async throws {
        let good = brief.data()
        var scanned = brief
        scanned.textLayer = false
        var script = brief
        script.javaScript = "app.alert('hello');"
        var attached = brief
        attached.embeddedFile = "secret notes"
        var form = brief
        form.formField = true
        let cases: [(Data, PDFProblem)] = [
            (Data(), .empty),
            (Data("Dear Court, this is a letter.".utf8), .notPDF),
            (good.prefix(good.count / 2), .damaged),
            (scanned.data(), .noTextLayer),
            (script.data(), .javaScript),
            (attached.data(), .embeddedFiles),
            (form.data(), .formFields),
        ]
        for (data, problem) in cases {
            let inspection = try await inspector.inspect(try file(data), limitBytes: limit)
            #expect(inspection.problems.contains(problem), "\(problem): \(inspection.problems)")
        }
        let small = try await inspector.inspect(try file(good), limitBytes: 100)
        #expect(small.problems.contains(.tooLarge(limitBytes: 100)))
    }

    /// Locked with a user password (it does not open without it), or with an owner password only
    /// (it opens, but is still encrypted): both are refused.
    @Test(arguments: ["user-secret", ""])
    func anEncryptedPDFIsRefused(userPassword: String) async throws {
        let plain = try file(brief.data())
        let locked = plain.deletingLastPathComponent().appendingPathComponent("locked-\(UUID().uuidString).pdf")
        // Through the inspector's own runner (swift-subprocess): Foundation's `Process.run()`
        // crashes a process with many open files (`ToolProcess`), as this one has while the
        // other suites run.
        let encrypted = try await ToolProcess(timeLimit: .seconds(20)).run(
            "qpdf", ["--encrypt", userPassword, "owner-secret", "256", "--", plain.path, locked.path])
        #expect(encrypted.status == 0)
        let inspection = try await inspector.inspect(locked, limitBytes: limit)
        #expect(inspection.problems == [.encrypted])
        #expect(PDFProblem.encrypted.description.contains("password"))
    }
}

import ECFDomain
import ECFServices
import Foundation

/// Inspects an uploaded PDF with qpdf (structure, encryption, what the file carries) and poppler
/// (page count, text), each run as a subprocess with a time limit. Every problem is reported.
public struct ToolPDFInspector: PDFInspector {
    let tools: ToolProcess

    public init(timeLimit: Duration = .seconds(20)) {
        self.tools = ToolProcess(timeLimit: timeLimit)
    }

    public func inspect(_ file: URL, limitBytes: Int) async throws -> PDFInspection {
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { return PDFInspection(byteCount: 0, pageCount: 0, pageTexts: [], problems: [.empty]) }
        var problems: [PDFProblem] = []
        if size > limitBytes { problems.append(.tooLarge(limitBytes: limitBytes)) }
        let handle = try FileHandle(forReadingFrom: file)
        let head = try handle.read(upToCount: 1024) ?? Data()
        try handle.close()
        guard String(decoding: head, as: UTF8.self).contains("%PDF-") else {
            return PDFInspection(byteCount: size, pageCount: 0, pageTexts: [], problems: problems + [.notPDF])
        }
        // The three tools run at once, each a process of its own: a filer waits for the slowest
        // rather than for the three in turn. Those still running when an earlier answer decides
        // (an encrypted file) are cancelled, which kills them.
        // The encryption, the objects and the pages in one run of qpdf. A file that needs a
        // password to open stops it ("invalid password"); one that opens without (an owner
        // password only) says it is encrypted.
        async let objectsRun = tools.run(
            "qpdf", ["--json=2", "--json-key=encrypt", "--json-key=pages", "--json-key=qpdf", file.path])
        // --check exits 2 on errors (a truncated or broken file), 3 on warnings qpdf could repair.
        async let checkRun = tools.run("qpdf", ["--check", file.path])
        async let textRun = tools.run("pdftotext", ["-enc", "UTF-8", "-layout", file.path, "-"])
        let objects = try await objectsRun
        if objects.timedOut { return timedOut(size, problems) }
        let described = try? JSONDecoder().decode(QPDFDescription.self, from: objects.output)
        if described?.encrypt?.encrypted == true || Self.needsPassword(objects) {
            return PDFInspection(byteCount: size, pageCount: 0, pageTexts: [], problems: problems + [.encrypted])
        }
        let check = try await checkRun
        if check.timedOut { return timedOut(size, problems) }
        if check.status == 2 || (check.status == 3 && Self.isTruncated(check)) {
            return PDFInspection(byteCount: size, pageCount: 0, pageTexts: [], problems: problems + [.damaged])
        }
        // Looked for in the output's bytes: `String.contains` went through Foundation's string
        // search with its options (a tenth of a filing's own time with the page split below).
        func says(_ key: String) -> Bool { objects.output.range(of: Data(key.utf8)) != nil }
        if says("\"/JavaScript\"") || says("\"/JS\"") { problems.append(.javaScript) }
        if says("\"/EmbeddedFiles\"") || says("\"/EmbeddedFile\"") { problems.append(.embeddedFiles) }
        if says("\"/AcroForm\""), says("\"/FT\"") { problems.append(.formFields) }
        let pageCount = described?.pages.count ?? 0
        let text = try await textRun
        if text.timedOut { return timedOut(size, problems) }
        // Pages end with a form feed, split at its byte: a form feed is a control character, a
        // character of its own wherever it is, so the bytes split where the characters would
        // (splitting the characters found their boundaries in 100 KB of text;
        // `components(separatedBy:)` compared strings with Foundation's options, slower still).
        var pageTexts = Self.pages(of: text.output)
        if pageTexts.count > pageCount { pageTexts = Array(pageTexts.prefix(pageCount)) }
        let inspection = PDFInspection(byteCount: size, pageCount: pageCount, pageTexts: pageTexts, problems: problems)
        if !inspection.hasTextLayer { problems.append(.noTextLayer) }
        return PDFInspection(byteCount: size, pageCount: pageCount, pageTexts: pageTexts, problems: problems)
    }

    /// pdftotext's output split at each form feed (the text after the last one included, empty
    /// or not), through the bytes themselves: `Data`'s generic `split` read them one checked
    /// access at a time.
    static func pages(of output: Data) -> [String] {
        output.withUnsafeBytes { bytes in
            var pages: [String] = []
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x0C {
                pages.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            pages.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return pages
        }
    }

    /// What `qpdf --json=2` says of the file's encryption and pages (one item each).
    struct QPDFDescription: Decodable {
        struct Encrypt: Decodable {
            let encrypted: Bool
        }
        struct Page: Decodable {}
        let encrypt: Encrypt?
        let pages: [Page]
    }

    /// qpdf stops at a file that cannot be opened without its user password.
    static func needsPassword(_ run: ToolProcess.Result) -> Bool {
        run.status == 2 && String(decoding: run.errors, as: UTF8.self).lowercased().contains("invalid password")
    }

    func timedOut(_ size: Int, _ problems: [PDFProblem]) -> PDFInspection {
        PDFInspection(byteCount: size, pageCount: 0, pageTexts: [], problems: problems + [.inspectionTimedOut])
    }

    /// qpdf repairs a file cut off before its end with a warning; a filing must not be a repair.
    static func isTruncated(_ check: ToolProcess.Result) -> Bool {
        let said = (check.text + String(decoding: check.errors, as: UTF8.self)).lowercased()
        return said.contains("file is damaged") || said.contains("can't find startxref")
            || said.contains("reconstructing") || said.contains("unexpected eof")
    }
}

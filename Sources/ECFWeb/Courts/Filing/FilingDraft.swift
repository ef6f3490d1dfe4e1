import ECFDomain
import ECFServices
import Foundation

/// A filing between its review and its submission in the browser: the answers and the uploaded
/// PDFs wait on disk under an unguessable id, for the account that uploaded them only, for two
/// hours. The API needs none of this: it files in one request.
struct FilingDraft: Codable {
    enum Kind: String, Codable {
        case filing
        case caseOpening
    }

    struct StoredFile: Codable {
        let stored: String
        let originalName: String
        let description: String
    }

    let id: String
    let kind: Kind
    let court: String
    let caseID: Int64?
    let account: UUID
    let createdAt: Date
    var event: String?
    var filers: [Int64] = []
    var addedText: String?
    var caseForm: CaseOpeningForm?
    var files: [StoredFile] = []
    /// The receipt page once the filing went through: a second submission shows it again.
    var receipt: String?

    static let lifetime: TimeInterval = 2 * 3600
}

/// Where drafts are kept: `<uploads>/drafts/<id>/`.
struct FilingDrafts {
    let root: URL

    init(uploads: URL) {
        root = uploads.appendingPathComponent("drafts")
    }

    func directory(_ id: String) -> URL { root.appendingPathComponent(id) }

    /// Moves the uploaded files into a new draft and saves it.
    func save(_ draft: FilingDraft, files: [UploadedFile]) throws -> FilingDraft {
        sweep(now: draft.createdAt)
        let folder = directory(draft.id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var saved = draft
        saved.files = try files.enumerated().map { index, file in
            let name = "file-\(index).pdf"
            try FileManager.default.moveItem(at: file.url, to: folder.appendingPathComponent(name))
            return .init(stored: name, originalName: file.originalName, description: file.description)
        }
        try write(saved)
        return saved
    }

    func write(_ draft: FilingDraft) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(draft).write(to: directory(draft.id).appendingPathComponent("draft.json"), options: .atomic)
    }

    /// The draft, when it exists, is this account's and is not too old.
    func load(_ id: String, account: CourtAccountID, now: Date) -> FilingDraft? {
        guard id.count == 32, id.allSatisfy(\.isHexDigit),
            let data = try? Data(contentsOf: directory(id).appendingPathComponent("draft.json"))
        else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let draft = try? decoder.decode(FilingDraft.self, from: data), draft.account == account.rawValue,
            now.timeIntervalSince(draft.createdAt) < FilingDraft.lifetime
        else { return nil }
        return draft
    }

    func files(of draft: FilingDraft) -> [UploadedFile] {
        draft.files.map {
            UploadedFile(
                url: directory(draft.id).appendingPathComponent($0.stored), originalName: $0.originalName,
                description: $0.description)
        }
    }

    /// Removes drafts older than their lifetime (abandoned reviews).
    func sweep(now: Date) {
        guard
            let folders = try? FileManager.default.contentsOfDirectory(
                at: root, includingPropertiesForKeys: [.contentModificationDateKey])
        else { return }
        for folder in folders {
            let modified = (try? folder.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            if let modified, now.timeIntervalSince(modified) > FilingDraft.lifetime + 600 {
                try? FileManager.default.removeItem(at: folder)
            }
        }
    }
}

import Foundation
import Hummingbird
import MultipartKit

/// Receives a `multipart/form-data` body as it arrives: file parts go straight to files on disk
/// (never whole in memory), small text parts (the JSON part) are kept up to 64 KB.
struct MultipartUpload {
    struct Part {
        let name: String
        let fileName: String?
        let file: URL?
        let text: String?
    }

    /// What one body may carry: a file over its limit, a body over the total, or too many parts
    /// stop the upload at once (the route streams, so nothing else bounds it).
    struct Limits {
        var fileBytes: Int
        var totalBytes = 300 * 1_048_576
        var parts = 60
    }

    enum Refusal: Error {
        case fileTooLarge, totalTooLarge, tooManyParts, textTooLarge
    }

    static func receive(_ request: Request, into directory: URL, limits: Limits) async throws -> [Part] {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = type.split(separator: ";").compactMap({ piece -> String? in
                let trimmed = piece.trimmingCharacters(in: .whitespaces)
                guard trimmed.lowercased().hasPrefix("boundary=") else { return nil }
                return String(trimmed.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }).first
        else {
            throw HTTPError(.unsupportedMediaType, message: "Send the filing as multipart/form-data.")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var headers: [String: String] = [:]
        var handle: FileHandle?
        var file: URL?
        var text = ByteBuffer()
        var written = 0
        var total = 0
        var failure: Refusal?
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in
            guard failure == nil else { return }
            total += buffer.readableBytes
            if total > limits.totalBytes {
                failure = .totalTooLarge
                return
            }
            let disposition = headers["content-disposition"] ?? ""
            if Self.parameter("filename", in: disposition) != nil {
                if handle == nil {
                    let url = directory.appendingPathComponent("upload-\(UUID().uuidString)")
                    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                    handle = try? FileHandle(forWritingTo: url)
                    file = url
                }
                written += buffer.readableBytes
                if written > limits.fileBytes {
                    failure = .fileTooLarge
                    return
                }
                if let bytes = buffer.readBytes(length: buffer.readableBytes) { try? handle?.write(contentsOf: bytes) }
            } else {
                if text.readableBytes + buffer.readableBytes > 64 * 1024 {
                    failure = .textTooLarge
                    return
                }
                text.writeBuffer(&buffer)
            }
        }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            let name = Self.parameter("name", in: disposition) ?? ""
            let fileName = Self.parameter("filename", in: disposition)
            if fileName != nil, file == nil {
                // A file part with no bytes is still a file: its inspection says it is empty.
                let url = directory.appendingPathComponent("upload-\(UUID().uuidString)")
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                file = url
            }
            try? handle?.close()
            parts.append(
                Part(
                    name: name, fileName: fileName, file: fileName == nil ? nil : file,
                    text: fileName == nil ? String(buffer: text) : nil))
            if parts.count > limits.parts { failure = .tooManyParts }
            headers = [:]
            handle = nil
            file = nil
            text = ByteBuffer()
            written = 0
        }
        func discardFiles() {
            try? handle?.close()
            for part in parts { if let file = part.file { try? FileManager.default.removeItem(at: file) } }
            if let file { try? FileManager.default.removeItem(at: file) }
        }
        for try await chunk in request.body {
            do {
                try parser.execute(chunk)
            } catch {
                // A body that is not well-formed multipart (a missing or broken boundary).
                discardFiles()
                throw HTTPError(
                    .badRequest,
                    message:
                        "The body could not be read as multipart/form-data: check that each part starts with the boundary given in Content-Type."
                )
            }
            if failure != nil { break }
        }
        if let failure {
            discardFiles()
            let megabytes = 1_048_576
            let message =
                switch failure {
                case .fileTooLarge:
                    "A file is larger than this court's limit of \(limits.fileBytes / megabytes) MB. Split it into parts and file them as attachments."
                case .totalTooLarge:
                    "The filing is larger than \(limits.totalBytes / megabytes) MB in all. File the rest of the attachments in a second filing."
                case .tooManyParts:
                    "The filing has more than \(limits.parts - 1) files. File the rest of the attachments in a second filing."
                case .textTooLarge: "A text part of the form is larger than 64 KB."
                }
            throw HTTPError(failure == .tooManyParts ? .unprocessableContent : .contentTooLarge, message: message)
        }
        return parts
    }

    /// `name="document"` in a Content-Disposition header.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
            return String(trimmed.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}

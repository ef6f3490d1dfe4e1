import Foundation
import Hummingbird

/// Every API error has one shape: `{"error": code, "message": words for a person, "fields"?: {name: problem}}`.
struct APIError: Encodable {
    let status: HTTPResponse.Status
    let error: String
    let message: String
    let fields: [String: String]?

    init(status: HTTPResponse.Status, message: String, code: String? = nil, fields: [String: String]? = nil) {
        self.status = status
        self.error = code ?? Self.code(status)
        self.message = message
        self.fields = fields?.isEmpty == true ? nil : fields
    }

    enum CodingKeys: String, CodingKey {
        case error, message, fields
    }

    static func code(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: "bad_request"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .conflict: "conflict"
        case .unprocessableContent: "invalid"
        case .tooManyRequests: "rate_limited"
        case .serviceUnavailable: "unavailable"
        default: status.code >= 500 ? "internal_error" : "error"
        }
    }

    func response() throws -> Response {
        try JSONResponse.make(self, status: status)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore
import MastheadStore
import NIOHTTP1

/// An API failure as JSON, never a themed page: `{"error": {"code", "message", "fields"}}`, where
/// `fields` names each bad field of a request body.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var fields: [String: String] = [:]
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, code: String, _ message: String, fields: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    var response: Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                let code: String
                let message: String
                let fields: [String: String]?
            }
            let error: Detail
        }
        var response = APIJSON.response(
            Body(error: .init(code: code, message: message, fields: fields.isEmpty ? nil : fields)), status: status)
        for field in headers { response.headers.append(field) }
        return response
    }
}

/// Turns every error in the API group into JSON: the write layer's refusals with their statuses, the
/// router's own errors, and server errors without internals.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as ActionError {
            return Self.apiError(error).response
        } catch let error as HTTPError {
            var api = APIError(error.status, code: Self.code(error.status), error.body ?? error.status.reasonPhrase)
            api.headers = error.headers
            return api.response
        } catch is HTTPParserError {
            return APIError(.badRequest, code: "bad_request", "The request body could not be read.").response
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            return APIError(error.status, code: Self.code(error.status), error.status.reasonPhrase).response
        } catch  where DatabaseUnavailable.matches(error) {
            context.logger.warning("\(request.method) \(request.uri.path): the database is unavailable: \(error)")
            var api = APIError(.serviceUnavailable, code: "unavailable", DatabaseUnavailable.message)
            api.headers = [.retryAfter: String(DatabaseUnavailable.retryAfter)]
            return api.response
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            return APIError(.internalServerError, code: "server_error", "Something went wrong on our side.").response
        }
    }

    /// The API's answer to an error met before its route group ran (no route matched, the path guard
    /// refused the address).
    static func render(_ error: any Error, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await APIErrorMiddleware().render(error, request, try APIRequestContext(context: context))
    }

    static func apiError(_ error: ActionError) -> APIError {
        switch error {
        case .notAllowed(let message): return APIError(.forbidden, code: "forbidden", message)
        case .notFound(let message): return APIError(.notFound, code: "not_found", message)
        case .invalid(let problems):
            return APIError(.unprocessableContent, code: "invalid", problems.joined(separator: " "))
        case .workflow(let refusal): return APIError(.conflict, code: "workflow", refusal.description)
        case .conflict: return APIError(.conflict, code: "edit_conflict", error.description)
        }
    }

    static func code(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: return "bad_request"
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not_found"
        case 405: return "method_not_allowed"
        case 409: return "conflict"
        case 413: return "too_large"
        case 422: return "invalid"
        case 429: return "rate_limited"
        default: return "error"
        }
    }
}

/// JSON in and out: dates as ISO 8601, keys sorted so responses are stable.
enum APIJSON {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        response(data: data(value), status: status)
    }

    static func data(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    static func response(data: Data, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: APIRequestContext) async throws
        -> T
    {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return try decode(T.self, data: Data(buffer: buffer))
    }

    /// Decodes a request body, naming the field at fault when one is missing or of the wrong type.
    static func decode<T: Decodable>(_ type: T.Type, data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = RFC3339.date(text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "Not an RFC 3339 date-time: \(text)"))
            }
            return date
        }
        do {
            return try decoder.decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(
                .unprocessableContent, code: "invalid", "A required field is missing.",
                fields: [key.stringValue: "required"])
        } catch let DecodingError.typeMismatch(_, context) {
            throw APIError(
                .unprocessableContent, code: "invalid", "A field has the wrong type.",
                fields: [Self.path(context.codingPath): "wrong type"])
        } catch let DecodingError.valueNotFound(_, context) {
            throw APIError(
                .unprocessableContent, code: "invalid", "A field is null.",
                fields: [Self.path(context.codingPath): "required"])
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw APIError(
                .unprocessableContent, code: "invalid", context.debugDescription,
                fields: [Self.path(context.codingPath): "invalid"])
        } catch {
            throw APIError(.badRequest, code: "bad_request", "The body must be a JSON object.")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map(\.stringValue).joined(separator: ".")
    }
}

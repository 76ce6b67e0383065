import HTTPTypes
import NIOCore

/// An error answer: `{"error": "<what was wrong and how to fix it>"}` with its status.
package struct APIError: Error, Sendable {
    package var status: HTTPResponse.Status
    /// What was wrong and how to fix it.
    package var message: String
    /// Extra response headers, such as `Allow` on a 405.
    package var headers: [(name: HTTPField.Name, value: String)]

    package init(_ status: HTTPResponse.Status, _ message: String, headers: [(name: HTTPField.Name, value: String)] = []) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// The error as a JSON response.
    package var response: APIResponse {
        var body = ByteBuffer()
        body.writeStaticString(#"{"error":"#)
        body.writeJSONString(message)
        body.writeStaticString("}")
        return APIResponse(status: status, contentType: .json, headers: headers, body: body)
    }
}

extension APIError {
    /// 400 for a body that is not an acceptable album.
    init(_ error: AlbumInputError) {
        self.init(.badRequest, error.message)
    }

    /// 404 for an id no album has.
    static func albumNotFound(_ id: some StringProtocol) -> APIError {
        APIError(.notFound, "No album has id '\(id.prefix(80))'; GET /albums lists the albums and their ids.")
    }

    /// Seconds a client should wait before retrying after a 503.
    package static let retryAfterSeconds = 1

    /// 503 with `Retry-After` while the store's database is unavailable.
    static func storeUnavailable(_ error: AlbumStoreError) -> APIError {
        APIError(
            .serviceUnavailable,
            "The album store is unavailable (\(error.message)); the request may not have taken effect. Retry after \(retryAfterSeconds) s: a POST with a client-chosen id answers 409 if it was stored.",
            headers: [(.retryAfter, String(retryAfterSeconds))])
    }

    /// 413 for a body over `AlbumAPI.maximumBodySize`.
    package static let contentTooLarge = APIError(
        .contentTooLarge,
        "The request body is larger than \(AlbumAPI.maximumBodySize) bytes (1 MiB); send one album per request."
    )
}

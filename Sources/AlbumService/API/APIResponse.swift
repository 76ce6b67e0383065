import HTTPTypes
import NIOCore

/// A response as the route table writes it; each engine turns it into its own types.
package struct APIResponse: Sendable {
    /// What the body is.
    package enum ContentType: Sendable {
        /// `application/json; charset=utf-8`
        case json
        /// The Prometheus text exposition format 0.0.4.
        case prometheusText

        /// The `Content-Type` header value.
        package var headerValue: String {
            switch self {
            case .json: "application/json; charset=utf-8"
            case .prometheusText: "text/plain; version=0.0.4; charset=utf-8"
            }
        }
    }

    package var status: HTTPResponse.Status
    /// The body's type; nil for a response without a body (204, 304).
    package var contentType: ContentType?
    /// Headers besides `Content-Type`, `Content-Length` and `Date`, such as `Location` or `Allow`.
    package var headers: [(name: HTTPField.Name, value: String)]
    package var body: ByteBuffer

    package init(
        status: HTTPResponse.Status = .ok,
        contentType: ContentType? = .json,
        headers: [(name: HTTPField.Name, value: String)] = [],
        body: ByteBuffer = ByteBuffer()
    ) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// A JSON response carrying `body`, which must already be JSON.
    package static func json(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> APIResponse {
        APIResponse(status: status, contentType: .json, body: body)
    }

    /// A response without a body.
    package static func empty(_ status: HTTPResponse.Status, headers: [(name: HTTPField.Name, value: String)] = [])
        -> APIResponse
    {
        APIResponse(status: status, contentType: nil, headers: headers)
    }

    /// Whether HTTP lets this status carry a body (and so a `Content-Length`): not 1xx, 204 or 304.
    package var statusAllowsBody: Bool {
        status.kind != .informational && status != .noContent && status != .notModified
    }
}

import Hummingbird

/// An error response: `{"error": "<what was wrong and how to fix it>"}` with its status.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// What was wrong and how to fix it.
    public var message: String
    /// Extra response headers, such as `Allow` on a 405.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) -> Response {
        var body = ByteBuffer()
        body.writeStaticString(#"{"error":"#)
        body.writeJSONString(message)
        body.writeStaticString("}")
        var response = Response.json(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension APIError {
    /// 400 for a body that is not an acceptable album.
    init(_ error: AlbumInputError) {
        self.init(.badRequest, error.message)
    }

    /// 404 for an id no album has.
    static func albumNotFound(_ id: String) -> APIError {
        APIError(.notFound, "No album has id '\(id)'; GET /albums lists the albums and their ids.")
    }
}

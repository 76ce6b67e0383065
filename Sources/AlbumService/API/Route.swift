import HTTPTypes

/// One row of the album API's route table: a method on a path, what answers it, and the
/// statuses it answers with (which the OpenAPI document must list, as a test checks).
package struct Route: Sendable {
    /// What answers the route; `AlbumAPI.answer(_:parameter:request:)` runs it.
    package enum Action: Sendable {
        case listAlbums, addAlbum, album, replaceAlbum, removeAlbum, health, metrics, openAPIDocument
    }

    package let method: HTTPRequest.Method
    package let path: RoutePath
    package let action: Action
    /// The OpenAPI `operationId`.
    package let operationID: String
    /// One line for the help text, e.g. "list albums (?limit=N&after=ID for pages)".
    package let summary: String
    /// Every status the route answers with.
    package let statuses: [HTTPResponse.Status]

    /// Whether the route reads a request body (an album as JSON).
    package var takesBody: Bool { method == .post || method == .put }
}

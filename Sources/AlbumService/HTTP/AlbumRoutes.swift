import HTTPTypes
import Hummingbird

/// The album API on a router: the album resource, health, metrics and the OpenAPI document.
///
/// Wrong methods on known paths get 405 with an `Allow` header, `OPTIONS` lists the allowed
/// methods, and `HEAD` works wherever `GET` does.
public struct AlbumRoutes: Sendable {
    /// The largest accepted request body: 1 MiB.
    public static let maximumBodySize = 1 << 20
    /// Albums on a page when `after` is given without `limit`.
    public static let defaultPageSize = 100
    /// The most albums on one page; larger `limit`s are lowered to this.
    public static let maximumPageSize = 1_000

    let store: any AlbumStore
    let metrics: ServiceMetrics
    /// Opens every entity tag, so tags from an earlier run of the server never match.
    let entityTagPrefix: String

    public init(store: any AlbumStore, metrics: ServiceMetrics) {
        self.store = store
        self.metrics = metrics
        self.entityTagPrefix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    /// Each path and the methods it answers (besides `HEAD` and `OPTIONS`).
    static let allowedMethods: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/albums", [.get, .post]),
        ("/albums/{id}", [.get, .put, .delete]),
        ("/health", [.get]),
        ("/metrics", [.get]),
        ("/openapi.json", [.get]),
    ]

    /// Adds every route to `router`.
    public func add(to router: Router<BasicRequestContext>) {
        router.get("/albums") { request, _ in try listAlbums(request) }
        router.post("/albums") { request, _ in try await addAlbum(request) }
        router.get("/albums/{id}") { _, context in try album(id: context.parameters.require("id")) }
        router.put("/albums/{id}") { request, context in
            try await replaceAlbum(id: context.parameters.require("id"), request: request)
        }
        router.delete("/albums/{id}") { _, context in try removeAlbum(id: context.parameters.require("id")) }
        router.get("/health") { _, _ in health() }
        router.get("/metrics") { _, _ in
            var response = Response.json(metrics.exposition(albumCount: store.count))
            response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return response
        }
        router.get("/openapi.json") { _, _ in Response.json(OpenAPIDocument.json) }
        addOptions(to: router)
    }

    // MARK: Albums

    private func listAlbums(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        let limitText = query["limit"]
        let after = query["after"].map(String.init)
        if limitText == nil && after == nil {
            if let notModified = notModified(request, version: store.version) { return notModified }
            return listResponse(store.list(), request: request)
        }
        let limit = try Self.pageSize(limitText)
        let page: AlbumPage
        do {
            page = try store.page(after: after, limit: limit)
        } catch .unknownCursor(let id) {
            throw APIError(
                .badRequest,
                "Query parameter 'after' names no album ('\(id)'); it may have been deleted. Start again from the first page by leaving 'after' out."
            )
        }
        var response = listResponse(page, request: request)
        if let last = page.lastIDBeforeMore, response.status == .ok {
            response.headers[.link] = "</albums?limit=\(limit)&after=\(last)>; rel=\"next\""
        }
        return response
    }

    private static func pageSize(_ text: Substring?) throws -> Int {
        guard let text else { return defaultPageSize }
        guard let limit = Int(text), limit >= 1 else {
            throw APIError(
                .badRequest,
                "Query parameter 'limit' must be a whole number from 1 to \(maximumPageSize) (got '\(text.prefix(40))'), e.g. /albums?limit=100."
            )
        }
        return min(limit, maximumPageSize)
    }

    private func listResponse(_ page: AlbumPage, request: Request) -> Response {
        if let notModified = notModified(request, version: page.version) { return notModified }
        var response = Response.json(page.json)
        response.headers[.eTag] = entityTag(version: page.version)
        return response
    }

    private func entityTag(version: UInt64) -> String {
        "\"\(entityTagPrefix)-\(version)\""
    }

    /// A 304 response when the request's `If-None-Match` names the tag of `version`.
    private func notModified(_ request: Request, version: UInt64) -> Response? {
        let values = request.headers[values: .ifNoneMatch]
        guard !values.isEmpty else { return nil }
        let current = entityTag(version: version)
        let matches = values.lazy.flatMap { $0.split(separator: ",") }.contains { candidate in
            var tag = candidate.trimmingPrefix(while: \.isWhitespace).trimmingSuffixWhitespace()
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            return tag == "*" || tag == current
        }
        guard matches else { return nil }
        return Response(status: .notModified, headers: [.eTag: current])
    }

    private func album(id: String) throws -> Response {
        guard let stored = store.album(id: id) else { throw APIError.albumNotFound(id) }
        return Response.json(stored.json)
    }

    private func addAlbum(_ request: Request) async throws -> Response {
        let draft = try await Self.draft(from: request)
        guard let stored = store.add(draft) else {
            let id = draft.id ?? ""
            throw APIError(
                .conflict,
                "An album with id '\(id)' already exists; leave 'id' out to get a new one, or PUT /albums/\(id) to replace it."
            )
        }
        var response = Response.json(stored.json, status: .created)
        response.headers[.location] = "/albums/\(stored.album.id)"
        return response
    }

    private func replaceAlbum(id: String, request: Request) async throws -> Response {
        guard AlbumDraft.isValidID(id), store.album(id: id) != nil else { throw APIError.albumNotFound(id) }
        let draft = try await Self.draft(from: request)
        if let bodyID = draft.id, bodyID != id {
            throw APIError(
                .badRequest,
                "Field 'id' ('\(bodyID)') differs from the id in the URL ('\(id)'); leave it out or make them equal."
            )
        }
        guard let stored = store.replaceAlbum(id: id, with: draft) else { throw APIError.albumNotFound(id) }
        return Response.json(stored.json)
    }

    private func removeAlbum(id: String) throws -> Response {
        guard store.removeAlbum(id: id) != nil else { throw APIError.albumNotFound(id) }
        return Response(status: .noContent)
    }

    /// The checked album in a request's body: JSON (or no content type), at most 1 MiB.
    private static func draft(from request: Request) async throws -> AlbumDraft {
        if let contentType = request.headers[.contentType], !isJSON(contentType) {
            throw APIError(
                .unsupportedMediaType,
                "Content-Type '\(contentType.prefix(100))' is not JSON; send the album as application/json (with curl: --json '<album>', or -H 'Content-Type: application/json')."
            )
        }
        let body = try await request.body.collect(upTo: maximumBodySize)
        do {
            return try AlbumDraft(json: body.readableBytesView)
        } catch {
            throw APIError(error)
        }
    }

    /// Whether a Content-Type names JSON: `application/json` or `application/<anything>+json`.
    static func isJSON(_ contentType: String) -> Bool {
        if contentType == "application/json" { return true }  // the common case, without lowercasing
        let mediaType = contentType.prefix { $0 != ";" }.trimmingPrefix(while: \.isWhitespace).lowercased()
            .trimmingSuffixWhitespace()
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    // MARK: Service

    private func health() -> Response {
        var body = ByteBuffer()
        body.writeString(#"{"status":"ok","albums":\#(store.count)}"#)
        return Response.json(body)
    }

    /// An `OPTIONS` answer on each known path, listing the methods it allows.
    private func addOptions(to router: Router<BasicRequestContext>) {
        for (path, methods) in Self.allowedMethods {
            let allow = Self.allowHeader(methods)
            router.on(RouterPath(path), method: .options) { _, _ in
                Response(status: .noContent, headers: [.allow: allow])
            }
        }
    }

    /// The `Allow` header of a path answering `methods`: those, `HEAD` and `OPTIONS`.
    private static func allowHeader(_ methods: [HTTPRequest.Method]) -> String {
        (methods + [.head, .options]).map(\.rawValue).joined(separator: ", ")
    }

    /// The 405 for a request the router found no handler for, when its path is a known one:
    /// the route (e.g. `/albums/{id}`) and the error naming the allowed methods; nil for an
    /// unknown path.
    ///
    /// The router answers any method it has no handler for (`PATCH`, `FOO`, …) as if the
    /// path were unknown, so wrong methods are told apart from wrong paths here.
    static func methodNotAllowed(_ request: Request) -> (route: String, error: APIError)? {
        let segments = request.uri.path.split(separator: "/")
        for (path, methods) in allowedMethods {
            let pattern = RouterPath(path)
            guard pattern.count == segments.count, zip(pattern, segments).allSatisfy({ $0 ~= $1 }) else { continue }
            guard !methods.contains(request.method), request.method != .head, request.method != .options else {
                return nil
            }
            let error = APIError(
                .methodNotAllowed,
                "\(request.method.rawValue.prefix(40)) is not allowed on \(path); use \(methods.map(\.rawValue).joined(separator: " or "))."
                    + " GET /openapi.json describes every route.",
                headers: [.allow: allowHeader(methods)]
            )
            return (pattern.description, error)
        }
        return nil
    }
}

extension StringProtocol {
    fileprivate func trimmingSuffixWhitespace() -> SubSequence {
        self[..<(lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? startIndex)]
    }
}

extension HTTPField.Name {
    /// `Link` (RFC 8288), which HTTPTypes does not name.
    public static let link = Self("Link")!
}

import HTTPTypes
import NIOCore

/// The album API as plain synchronous Swift over the store: the route table, and a request
/// in, a response out. Both engines drive it; routing, the 405 `Allow` lists, `OPTIONS`,
/// the OpenAPI document (checked against the table by a test) and the help text all come
/// from `routes`.
///
/// Wrong methods on known paths get 405 with an `Allow` header, `OPTIONS` lists the allowed
/// methods, and `HEAD` is answered as `GET` (the engine sends the head without the body).
package struct AlbumAPI: Sendable {
    /// The largest accepted request body: 1 MiB.
    package static let maximumBodySize = 1 << 20
    /// Albums on a page when `after` is given without `limit`.
    package static let defaultPageSize = 100
    /// The most albums on one page; larger `limit`s are lowered to this.
    package static let maximumPageSize = 1_000

    /// Every route of the service: the single source of the API.
    package static let routes: [Route] = [
        Route(
            method: .get, path: RoutePath("/albums"), action: .listAlbums, operationID: "listAlbums",
            summary: "list the albums (?limit=N&after=ID for pages)", statuses: [.ok, .notModified, .badRequest, .notFound]),
        Route(
            method: .post, path: RoutePath("/albums"), action: .addAlbum, operationID: "addAlbum",
            summary: "add an album",
            statuses: [.created, .badRequest, .conflict, .contentTooLarge, .unsupportedMediaType]),
        Route(
            method: .get, path: RoutePath("/albums/{id}"), action: .album, operationID: "getAlbum",
            summary: "get one album", statuses: [.ok, .notFound]),
        Route(
            method: .put, path: RoutePath("/albums/{id}"), action: .replaceAlbum, operationID: "replaceAlbum",
            summary: "replace an album",
            statuses: [.ok, .badRequest, .notFound, .contentTooLarge, .unsupportedMediaType]),
        Route(
            method: .delete, path: RoutePath("/albums/{id}"), action: .removeAlbum, operationID: "removeAlbum",
            summary: "remove an album", statuses: [.noContent, .notFound]),
        Route(
            method: .get, path: RoutePath("/health"), action: .health, operationID: "health",
            summary: "liveness and the album count", statuses: [.ok]),
        Route(
            method: .get, path: RoutePath("/metrics"), action: .metrics, operationID: "metrics",
            summary: "Prometheus metrics", statuses: [.ok]),
        Route(
            method: .get, path: RoutePath("/openapi.json"), action: .openAPIDocument, operationID: "openAPIDocument",
            summary: "the OpenAPI 3.1 document", statuses: [.ok]),
    ]

    /// Each path of the table, in table order, with the methods its routes answer and the
    /// `Allow` header it sends (those, `HEAD` and `OPTIONS`).
    package static let paths: [(path: RoutePath, methods: [HTTPRequest.Method], allow: String)] = {
        var paths: [(path: RoutePath, methods: [HTTPRequest.Method], allow: String)] = []
        for route in routes {
            if let index = paths.firstIndex(where: { $0.path == route.path }) {
                paths[index].methods.append(route.method)
            } else {
                paths.append((route.path, [route.method], ""))
            }
        }
        return paths.map { ($0.path, $0.methods, ($0.methods + [.head, .options]).map(\.rawValue).joined(separator: ", ")) }
    }()

    /// The label sets of the requests the table answers (its routes with each of their
    /// statuses, `HEAD` beside `GET`, and `OPTIONS`), for metrics to make in advance.
    package static let expectedRequests: [(route: String, method: String, status: Int)] =
        routes.flatMap { route in
            let methods = route.method == .get ? [route.method, .head] : [route.method]
            return methods.flatMap { method in
                route.statuses.map { (route.path.description, method.rawValue, $0.code) }
            }
        } + paths.map { ($0.path.description, HTTPRequest.Method.options.rawValue, HTTPResponse.Status.noContent.code) }

    /// The routes in one line each, for help text: `GET /albums: list the albums …`.
    package static var routeSummary: String {
        routes.map { "\($0.method.rawValue) \($0.path): \($0.summary)" }.joined(separator: "\n")
    }

    let store: any AlbumStore
    let metrics: ServiceMetrics
    /// Opens every entity tag, so tags from an earlier run of the server never match.
    let entityTagPrefix: String

    package init(store: any AlbumStore, metrics: ServiceMetrics) {
        self.store = store
        self.metrics = metrics
        self.entityTagPrefix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    /// Where a request goes.
    package enum Resolution {
        /// A route of the table, with its path parameter (still percent-encoded) if it has one.
        case route(Route, parameter: Substring?)
        /// `OPTIONS` on a known path.
        case options(RoutePath, allow: String)
        /// A known path that does not take the method.
        case methodNotAllowed(RoutePath, APIError)
        /// No path of the table matches.
        case notFound(APIError)
    }

    /// Finds what answers `method` on `path`; `HEAD` finds the `GET` route.
    package static func resolve(method: HTTPRequest.Method, path: Substring) -> Resolution {
        let wanted = method == .head ? .get : method
        for (pattern, methods, allow) in paths {
            guard case .some(let parameter) = pattern.match(path) else { continue }
            if method == .options { return .options(pattern, allow: allow) }
            guard methods.contains(wanted), let route = routes.first(where: { $0.path == pattern && $0.method == wanted })
            else {
                let error = APIError(
                    .methodNotAllowed,
                    "\(method.rawValue.prefix(40)) is not allowed on \(pattern); use \(methods.map(\.rawValue).joined(separator: " or "))."
                        + " GET /openapi.json describes every route.",
                    headers: [(.allow, allow)]
                )
                return .methodNotAllowed(pattern, error)
            }
            return .route(route, parameter: parameter)
        }
        return .notFound(
            APIError(
                .notFound,
                "No route matches \(method.rawValue.prefix(40)) \(path.prefix(200)); GET /openapi.json describes every route."
            ))
    }

    /// The answer to `request`, and the route it is counted under in metrics ("NotFound"
    /// when no path matches). `HEAD` gets the `GET` answer; the engine leaves out the body.
    package func respond(to request: APIRequest) -> (route: String, response: APIResponse) {
        switch Self.resolve(method: request.method, path: request.path) {
        case .route(let route, let parameter):
            return (route.path.description, answer(route, parameter: parameter, request: request))
        case .options(let path, let allow):
            return (path.description, .empty(.noContent, headers: [(.allow, allow)]))
        case .methodNotAllowed(let path, let error):
            return (path.description, error.response)
        case .notFound(let error):
            return ("NotFound", error.response)
        }
    }

    /// The answer of `route` to `request`; `parameter` is the route's path parameter.
    package func answer(_ route: Route, parameter: Substring?, request: APIRequest) -> APIResponse {
        do throws(APIError) {
            switch route.action {
            case .listAlbums: return try listAlbums(request)
            case .addAlbum: return try addAlbum(request)
            case .album: return try album(id: parameter ?? "")
            case .replaceAlbum: return try replaceAlbum(id: parameter ?? "", request: request)
            case .removeAlbum: return try removeAlbum(id: parameter ?? "")
            case .health: return health()
            case .metrics:
                return APIResponse(contentType: .prometheusText, body: metrics.exposition(albumCount: store.count))
            case .openAPIDocument: return .json(OpenAPIDocument.json)
            }
        } catch {
            return error.response
        }
    }

    private func health() -> APIResponse {
        var body = ByteBuffer()
        body.writeString(#"{"status":"ok","albums":\#(store.count)}"#)
        return .json(body)
    }
}

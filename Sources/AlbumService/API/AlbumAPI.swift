import HTTPTypes
import NIOCore

/// The album API as plain Swift over the store: the route table, and a request in, a response
/// out (at once with the in-memory store, through a future with a store that does I/O). Both engines drive it; routing, the 405 `Allow` lists, `OPTIONS`,
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
            summary: "list the albums (?limit=N&after=ID for pages)", statuses: [.ok, .notModified, .badRequest, .notFound, .serviceUnavailable]),
        Route(
            method: .post, path: RoutePath("/albums"), action: .addAlbum, operationID: "addAlbum",
            summary: "add an album",
            statuses: [.created, .badRequest, .conflict, .contentTooLarge, .unsupportedMediaType, .serviceUnavailable]),
        Route(
            method: .get, path: RoutePath("/albums/{id}"), action: .album, operationID: "getAlbum",
            summary: "get one album", statuses: [.ok, .notFound, .serviceUnavailable]),
        Route(
            method: .put, path: RoutePath("/albums/{id}"), action: .replaceAlbum, operationID: "replaceAlbum",
            summary: "replace an album",
            statuses: [.ok, .badRequest, .notFound, .contentTooLarge, .unsupportedMediaType, .serviceUnavailable]),
        Route(
            method: .delete, path: RoutePath("/albums/{id}"), action: .removeAlbum, operationID: "removeAlbum",
            summary: "remove an album", statuses: [.noContent, .notFound, .serviceUnavailable]),
        Route(
            method: .get, path: RoutePath("/health"), action: .health, operationID: "health",
            summary: "liveness and the album count", statuses: [.ok, .serviceUnavailable]),
        Route(
            method: .get, path: RoutePath("/metrics"), action: .metrics, operationID: "metrics",
            summary: "Prometheus metrics", statuses: [.ok, .serviceUnavailable]),
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
    /// A store doing I/O answers on `loop`; with the in-memory store the answer is ready.
    package func respond(to request: APIRequest, on loop: any EventLoop) -> (route: String, response: Deferred<APIResponse>) {
        switch Self.resolve(method: request.method, path: request.path) {
        case .route(let route, let parameter):
            return (route.path.description, answer(route, parameter: parameter, request: request, on: loop))
        case .options(let path, let allow):
            return (path.description, .ready(.empty(.noContent, headers: [(.allow, allow)])))
        case .methodNotAllowed(let path, let error):
            return (path.description, .ready(error.response))
        case .notFound(let error):
            return ("NotFound", .ready(error.response))
        }
    }

    /// The answer of `route` to `request`; `parameter` is the route's path parameter. A store
    /// failure becomes 503 with `Retry-After`.
    package func answer(_ route: Route, parameter: Substring?, request: APIRequest, on loop: any EventLoop)
        -> Deferred<APIResponse>
    {
        let answer: Deferred<APIResponse>
        do throws(APIError) {
            switch route.action {
            case .listAlbums: answer = try listAlbums(request, on: loop)
            case .addAlbum: answer = try addAlbum(request, on: loop)
            case .album: answer = album(id: parameter ?? "", on: loop)
            case .replaceAlbum: answer = try replaceAlbum(id: parameter ?? "", request: request, on: loop)
            case .removeAlbum: answer = removeAlbum(id: parameter ?? "", on: loop)
            case .health: answer = health(on: loop)
            case .metrics:
                answer = store.count(on: loop).map { [metrics] count in
                    APIResponse(contentType: .prometheusText, body: metrics.exposition(albumCount: count))
                }
            case .openAPIDocument: answer = .ready(.json(OpenAPIDocument.json))
            }
        } catch {
            return .ready(error.response)
        }
        guard case .pending(let future) = answer else { return answer }
        return .pending(
            future.recover { error in
                APIError.storeUnavailable(error as? AlbumStoreError ?? AlbumStoreError("\(error)")).response
            })
    }

    private func health(on loop: any EventLoop) -> Deferred<APIResponse> {
        store.count(on: loop).map { count in
            var body = ByteBuffer()
            body.writeString(#"{"status":"ok","albums":\#(count)}"#)
            return .json(body)
        }
    }
}

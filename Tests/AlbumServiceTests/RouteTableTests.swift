import AlbumService
import Foundation
import HTTPTypes
import NIOEmbedded
import Testing

/// The route table: routing, 405 `Allow` lists, and the OpenAPI document it must agree with.
struct RouteTableTests {
    @Test(arguments: [
        ("/albums", "GET, POST, HEAD, OPTIONS"),
        ("/albums/", "GET, POST, HEAD, OPTIONS"),
        ("/albums/7", "GET, PUT, DELETE, HEAD, OPTIONS"),
        ("/health", "GET, HEAD, OPTIONS"),
    ])
    func optionsAnswersTheAllowList(path: String, allow: String) {
        guard case .options(_, let answered) = AlbumAPI.resolve(method: .options, path: path[...]) else {
            Issue.record("OPTIONS \(path) did not resolve to OPTIONS")
            return
        }
        #expect(answered == allow)
    }

    @Test func headFindsTheGetRoute() {
        guard case .route(let route, let parameter) = AlbumAPI.resolve(method: .head, path: "/albums/blue-train") else {
            Issue.record("HEAD did not resolve to a route")
            return
        }
        #expect(route.method == .get)
        #expect(route.operationID == "getAlbum")
        #expect(parameter == "blue-train")
    }

    @Test(arguments: ["/", "/album", "/albums/1/tracks", "/healthz"])
    func unknownPathIsNotFound(path: String) {
        guard case .notFound = AlbumAPI.resolve(method: .get, path: path[...]) else {
            Issue.record("GET \(path) resolved")
            return
        }
    }

    @Test func percentEncodedIDIsDecoded() throws {
        let api = AlbumAPI(store: classicStore(), metrics: ServiceMetrics())
        let (route, answer) = api.respond(to: APIRequest(method: .get, target: "/albums/%32"), on: EmbeddedEventLoop())
        #expect(route == "/albums/{id}")
        let response = try #require(answer.readyValue)
        #expect(response.status == .ok)
        #expect(try decode(Album.self, from: response.body).title == "Jeru")
    }

    @Test func queryValuesArePercentDecoded() {
        let request = APIRequest(method: .get, target: "/albums?x=1&after=blue%2Dtrain&limit=2")
        #expect(request.queryValue("after") == "blue-train")
        #expect(request.queryValue("limit") == "2")
        #expect(request.queryValue("missing") == nil)
    }

    /// The served document lists exactly the table's paths, methods, operation ids and
    /// statuses, so neither can change without the other.
    @Test func openAPIDocumentIsTheRouteTable() throws {
        let api = AlbumAPI(store: classicStore(), metrics: ServiceMetrics())
        let body = try #require(
            api.respond(to: APIRequest(method: .get, target: "/openapi.json"), on: EmbeddedEventLoop()).response.readyValue
        ).body
        let document = try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        #expect(Set(paths.keys) == Set(AlbumAPI.paths.map(\.path.description)))
        for (path, methods, _) in AlbumAPI.paths {
            let operations = try #require(paths[path.description]).filter { $0.key != "parameters" }
            #expect(Set(operations.keys) == Set(methods.map { $0.rawValue.lowercased() }), "\(path)")
        }
        for route in AlbumAPI.routes {
            let operation = try #require(paths[route.path.description]?[route.method.rawValue.lowercased()] as? [String: Any])
            #expect(operation["operationId"] as? String == route.operationID)
            let responses = try #require(operation["responses"] as? [String: Any])
            #expect(Set(responses.keys) == Set(route.statuses.map { String($0.code) }), "\(route.method) \(route.path)")
        }
    }

    /// The document's limits are the ones the service checks.
    @Test func openAPIDocumentStatesTheServiceLimits() throws {
        let api = AlbumAPI(store: classicStore(), metrics: ServiceMetrics())
        let body = try #require(
            api.respond(to: APIRequest(method: .get, target: "/openapi.json"), on: EmbeddedEventLoop()).response.readyValue
        ).body
        let document = try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let input = try #require((schemas["AlbumInput"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        #expect(input["title"]?["maxLength"] as? Int == AlbumDraft.maximumTextLength)
        #expect(input["price"]?["maximum"] as? Double == AlbumDraft.maximumPrice)
        let id = try #require(schemas["AlbumID"] as? [String: Any])
        #expect((id["pattern"] as? String)?.contains("{1,\(AlbumDraft.maximumIDLength)}") == true)
    }
}

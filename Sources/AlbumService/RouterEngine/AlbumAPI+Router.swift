import HTTPTypes
import Hummingbird
import NIOCore

extension AlbumAPI {
    /// Adds every route of the table, and `OPTIONS` on each path, to a Hummingbird router:
    /// the router engine. `APIErrorMiddleware` adds the 405s, also from the table. A store that
    /// does I/O answers on one of `eventLoopGroup`'s loops, and the handler awaits it.
    func add(to router: Router<BasicRequestContext>, eventLoopGroup: any EventLoopGroup) {
        for route in Self.routes {
            let parameterName = route.path.parameterName
            router.on(RouterPath(route.path.description), method: route.method) { request, context in
                let apiRequest = try await APIRequest(request, readingBody: route.takesBody)
                let parameter = parameterName.flatMap { context.parameters[Substring($0)] }
                let answer = answer(route, parameter: parameter, request: apiRequest, on: eventLoopGroup.any())
                return Response(try await answer.get())
            }
        }
        for (path, _, allow) in Self.paths {
            router.on(RouterPath(path.description), method: .options) { _, _ in
                Response(.empty(.noContent, headers: [(.allow, allow)]))
            }
        }
    }
}

extension APIRequest {
    /// The route table's view of a Hummingbird request, with its body read (up to 1 MiB;
    /// Hummingbird throws a 413 beyond, which `APIErrorMiddleware` words) when `readingBody`.
    init(_ request: Request, readingBody: Bool) async throws {
        let body = readingBody ? try await request.body.collect(upTo: AlbumAPI.maximumBodySize) : ByteBuffer()
        self.init(
            method: request.method,
            path: Substring(request.uri.path),
            query: Substring(request.uri.query ?? ""),
            contentType: request.headers[.contentType],
            ifNoneMatch: request.headers[values: .ifNoneMatch],
            body: body
        )
    }
}

extension Response {
    /// A Hummingbird response from the route table's (Hummingbird adds `Content-Length` and `Date`).
    init(_ response: APIResponse) {
        var headers = HTTPFields()
        if let contentType = response.contentType {
            headers[.contentType] = contentType.headerValue
        }
        for (name, value) in response.headers {
            headers.append(HTTPField(name: name, value: value))
        }
        self.init(status: response.status, headers: headers, body: ResponseBody(byteBuffer: response.body))
    }
}

import HTTPTypes
import Hummingbird

/// Keeps other web sites out of the web UI: a page elsewhere cannot start, resize, stop or reset
/// a test through the visitor's browser (cross-site request forgery), and, while the UI listens
/// on loopback, a request naming another host (DNS rebinding) is refused. Scripts, which send
/// neither `Origin` nor `Sec-Fetch-Site`, are not affected.
struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Whether the Host must be a loopback name (the UI listens on loopback).
    let requiresLoopbackHost: Bool
    /// GET routes that change the test (Locust's older scripts use GET for them).
    static var changingGETPaths: Set<String> { ["/stop", "/stats/reset"] }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let authority = request.head.authority
        if requiresLoopbackHost, let authority, !Loopback.contains(authority: authority) {
            return Self.refusal("This web UI listens on loopback and answers only to localhost or 127.0.0.1 (the request named \(authority)).")
        }
        let changesTheTest = request.method != .get && request.method != .head || Self.changingGETPaths.contains(request.uri.path)
        if changesTheTest {
            if let site = request.headers[.secFetchSite], site != "same-origin", site != "none" {
                return Self.refusal("A page of another site cannot steer this load test.")
            }
            if let origin = request.headers[.origin], let authority, origin != "http://\(authority)" {
                return Self.refusal("A page of another site (\(origin)) cannot steer this load test.")
            }
        }
        return try await next(request, context)
    }

    private static func refusal(_ message: String) -> Response {
        Response(
            status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}

extension HTTPField.Name {
    /// `Sec-Fetch-Site`: where a browser's request comes from (same-origin, same-site, cross-site, none).
    static var secFetchSite: Self { Self("Sec-Fetch-Site")! }
}

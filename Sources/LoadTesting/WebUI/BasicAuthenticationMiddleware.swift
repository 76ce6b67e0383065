import HTTPTypes
import Hummingbird

/// Answers 401 with a Basic challenge to every request without the expected credentials; the
/// comparison takes the same time wherever the given header differs.
struct BasicAuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let credentials: WebCredentials

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard ConstantTimeComparison.equals(request.headers[.authorization] ?? "", credentials.authorization) else {
            return Response(
                status: .unauthorized,
                headers: [.wwwAuthenticate: #"Basic realm="scalelab", charset="UTF-8""#, .contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "This ScaleLab web UI needs the user and password given to --web-auth.\n")))
        }
        return try await next(request, context)
    }
}

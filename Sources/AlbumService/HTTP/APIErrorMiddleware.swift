import Hummingbird

/// Turns every error into a JSON `APIError` response, including the router's own 404 (a 405
/// when only the method is wrong) and the 413 of an oversized body, so clients always get
/// `{"error": "…"}` that says what to do.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            if error.status == .notFound, let wrongMethod = AlbumRoutes.methodNotAllowed(request) {
                // Recorded in metrics under its route, not as "NotFound".
                context.coreContext.endpointPath.value = wrongMethod.route
                return wrongMethod.error.response(from: request, context: context)
            }
            return Self.apiError(for: error, request: request).response(from: request, context: context)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error("Unexpected error answering \(request.method) \(request.uri.path): \(error)")
            return APIError(.internalServerError, "The server failed unexpectedly; its log has the details.")
                .response(from: request, context: context)
        }
    }

    private static func apiError(for error: any HTTPResponseError, request: Request) -> APIError {
        switch error.status {
        case .notFound:
            APIError(
                .notFound,
                "No route matches \(request.method) \(request.uri.path); GET /openapi.json describes every route."
            )
        case .contentTooLarge:
            APIError(
                .contentTooLarge,
                "The request body is larger than \(AlbumRoutes.maximumBodySize) bytes (1 MiB); send one album per request."
            )
        default:
            APIError(error.status, (error as? HTTPError)?.body ?? error.status.reasonPhrase)
        }
    }
}

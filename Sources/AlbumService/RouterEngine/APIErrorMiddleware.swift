import Hummingbird

/// The router engine's errors as JSON `APIError` responses: an `APIError` thrown by a route
/// (the 413 of an oversized body), the router's own 404 (a 405 with `Allow` when the route
/// table has the path but not the method), and anything unexpected as a 500.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Response(error.response)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            switch AlbumAPI.resolve(method: request.method, path: Substring(request.uri.path)) {
            case .methodNotAllowed(let path, let error):
                // Recorded in metrics under its route, not as "NotFound".
                context.coreContext.endpointPath.value = path.description
                return Response(error.response)
            case .notFound(let error):
                return Response(error.response)
            case .route, .options:
                // The router has every route of the table, so it found none for a reason of its own.
                return Response(APIError(.notFound, "No route matches \(request.method) \(request.uri.path).").response)
            }
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return Response(APIError.contentTooLarge.response)
        } catch let error as any HTTPResponseError {
            return Response(APIError(error.status, (error as? HTTPError)?.body ?? error.status.reasonPhrase).response)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error("Unexpected error answering \(request.method) \(request.uri.path): \(error)")
            return Response(APIError(.internalServerError, "The server failed unexpectedly; its log has the details.").response)
        }
    }
}

import HTTPTypes
import NIOCore

/// The album resource: list, pages, one album, add, replace, remove.
extension AlbumAPI {
    func listAlbums(_ request: APIRequest, on loop: any EventLoop) throws(APIError) -> Deferred<APIResponse> {
        let limitText = request.query.isEmpty ? nil : request.queryValue("limit")
        let after = request.query.isEmpty ? nil : request.queryValue("after")
        if limitText == nil && after == nil {
            guard !request.ifNoneMatch.isEmpty else {
                return store.list(on: loop).map { [self] page in listResponse(page, request: request) }
            }
            // A client that has the list asks for the version first: a 304 costs no list.
            return store.version(on: loop).flatMap { [self] version in
                if let notModified = notModified(request, version: version) { return .ready(notModified) }
                return store.list(on: loop).map { [self] page in listResponse(page, request: request) }
            }
        }
        let limit = try Self.pageSize(limitText)
        return store.page(after: after, limit: limit, on: loop).map { [self] result in
            switch result {
            case .success(let page):
                var response = listResponse(page, request: request)
                if let last = page.lastIDBeforeMore, response.status == .ok {
                    response.headers.append((.link, "</albums?limit=\(limit)&after=\(last)>; rel=\"next\""))
                }
                return response
            case .failure(.unknownCursor(let id)):
                return APIError(
                    .notFound,
                    "Query parameter 'after' names no album ('\(id.prefix(80))'); it may have been deleted. Start again from the first page by leaving 'after' out."
                ).response
            }
        }
    }

    private static func pageSize(_ text: String?) throws(APIError) -> Int {
        guard let text else { return defaultPageSize }
        guard let limit = Int(text), limit >= 1 else {
            throw APIError(
                .badRequest,
                "Query parameter 'limit' must be a whole number from 1 to \(maximumPageSize) (got '\(text.prefix(40))'), e.g. /albums?limit=100."
            )
        }
        return min(limit, maximumPageSize)
    }

    private func listResponse(_ page: AlbumPage, request: APIRequest) -> APIResponse {
        if let notModified = notModified(request, version: page.version) { return notModified }
        var response = APIResponse.json(page.json)
        response.headers.append((.eTag, entityTag(version: page.version)))
        return response
    }

    private func entityTag(version: UInt64) -> String {
        "\"\(entityTagPrefix)-\(version)\""
    }

    /// A 304 response when the request's `If-None-Match` names the tag of `version`.
    private func notModified(_ request: APIRequest, version: UInt64) -> APIResponse? {
        guard !request.ifNoneMatch.isEmpty else { return nil }
        let current = entityTag(version: version)
        let matches = request.ifNoneMatch.lazy.flatMap { $0.split(separator: ",") }.contains { candidate in
            var tag = candidate.trimmingPrefix(while: \.isWhitespace).trimmingSuffixWhitespace()
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            return tag == "*" || tag == current
        }
        guard matches else { return nil }
        return .empty(.notModified, headers: [(.eTag, current)])
    }

    func album(id: Substring, on loop: any EventLoop) -> Deferred<APIResponse> {
        store.album(id: id.percentDecoded(), on: loop).map { stored in
            guard let stored else { return APIError.albumNotFound(id).response }
            return .json(stored.json)
        }
    }

    func addAlbum(_ request: APIRequest, on loop: any EventLoop) throws(APIError) -> Deferred<APIResponse> {
        let draft = try Self.draft(from: request)
        return store.add(draft, on: loop).map { stored in
            guard let stored else {
                let id = draft.id ?? ""
                return APIError(
                    .conflict,
                    "An album with id '\(id)' already exists; leave 'id' out to get a new one, or PUT /albums/\(id) to replace it."
                ).response
            }
            var response = APIResponse.json(stored.json, status: .created)
            response.headers.append((.location, "/albums/\(stored.album.id)"))
            return response
        }
    }

    /// Replaces the album the URL names. An `id` in the body is ignored: the URL names the
    /// resource, and RFC 9110 (section 9.3.4) lets the server make the two consistent. An
    /// unknown album answers 404 before the body is looked at.
    func replaceAlbum(id encodedID: Substring, request: APIRequest, on loop: any EventLoop) throws(APIError)
        -> Deferred<APIResponse>
    {
        let id = encodedID.percentDecoded()
        guard AlbumDraft.isValidID(id) else { throw APIError.albumNotFound(id) }
        return store.album(id: id, on: loop).flatMap { [store] existing in
            guard existing != nil else { return .ready(APIError.albumNotFound(id).response) }
            let draft: AlbumDraft
            do throws(APIError) {
                draft = try Self.draft(from: request)
            } catch {
                return .ready(error.response)
            }
            return store.replaceAlbum(id: id, with: draft, on: loop).map { stored in
                guard let stored else { return APIError.albumNotFound(id).response }
                return .json(stored.json)
            }
        }
    }

    func removeAlbum(id encodedID: Substring, on loop: any EventLoop) -> Deferred<APIResponse> {
        let id = encodedID.percentDecoded()
        return store.removeAlbum(id: id, on: loop).map { removed in
            removed == nil ? APIError.albumNotFound(id).response : .empty(.noContent)
        }
    }

    /// The checked album in a request's body: JSON (or no content type).
    private static func draft(from request: APIRequest) throws(APIError) -> AlbumDraft {
        if let contentType = request.contentType, !isJSON(contentType) {
            throw APIError(
                .unsupportedMediaType,
                "Content-Type '\(contentType.prefix(100))' is not JSON; send the album as application/json (with curl: --json '<album>', or -H 'Content-Type: application/json')."
            )
        }
        do {
            return try AlbumDraft(json: request.body.readableBytesView)
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
}

extension StringProtocol {
    fileprivate func trimmingSuffixWhitespace() -> SubSequence {
        self[..<(lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? startIndex)]
    }
}

extension HTTPField.Name {
    /// `Link` (RFC 8288), which HTTPTypes does not name.
    package static let link = Self("Link")!
}

import Foundation

/// `--web-auth user:password`: the HTTP Basic credentials the web UI asks for.
public struct WebCredentials: Sendable, Equatable {
    public let user: String
    public let password: String

    /// Parses `user:password` (the password may hold colons; neither part may be empty).
    public init(parsing text: String) throws(WebCredentialsError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw WebCredentialsError("expected user:password, e.g. --web-auth admin:\"$(openssl rand -hex 12)\".")
        }
        user = String(text[..<colon])
        password = String(text[text.index(after: colon)...])
        guard !user.isEmpty, !password.isEmpty else {
            throw WebCredentialsError("both the user and the password must be given: user:password.")
        }
    }

    /// The `Authorization` header value a browser sends for these credentials.
    var authorization: String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}

/// A `--web-auth` value that is not `user:password`.
public struct WebCredentialsError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Why the web UI cannot be served.
public enum WebUIError: Error, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            "the web UI cannot listen on \(host):\(port) (\(reason)); choose another --web-port (0 picks a free one) or stop what uses it."
        }
    }
}

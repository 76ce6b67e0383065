import Foundation
import NIOCore
import NIOPosix

/// Short, stable descriptions of network errors, so failures group by reason.
enum ConnectionErrorDescription {
    /// e.g. "Connection refused", "connect timed out", "cannot resolve host".
    static func describe(_ error: any Error) -> String {
        switch error {
        case let failure as RequestFailure:
            return failure.reason
        case let io as IOError:
            return String(cString: strerror(io.errnoCode))
        case let connection as NIOConnectionError:
            if let first = connection.connectionErrors.first { return describe(first.error) }
            return "cannot resolve host \(connection.host)"
        case ChannelError.connectTimeout:
            return "connect timed out"
        case ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed, ChannelError.eof:
            return "the connection was closed"
        default:
            return String(describing: error)
        }
    }
}

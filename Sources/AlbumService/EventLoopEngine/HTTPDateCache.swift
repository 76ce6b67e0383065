import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `Date` header (RFC 9110's IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`),
/// formatted at most once a second; one per event loop, used only on its loop.
package final class HTTPDateCache {
    package init() {}

    private var second = -1
    private var value = ""

    /// The header value for now.
    package var current: String {
        let now = time(nil)
        if now != second {
            second = now
            value = Self.format(now)
        }
        return value
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `seconds` since the epoch as an IMF-fixdate.
    package static func format(_ seconds: time_t) -> String {
        var clock = seconds
        var parts = tm()
        gmtime_r(&clock, &parts)
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }

    /// One cache per event loop, made when the loop's first connection is set up.
    package final class PerEventLoop: Sendable {
        package init() {}

        private let caches = Mutex<[ObjectIdentifier: NIOLoopBound<HTTPDateCache>]>([:])

        /// The cache of `eventLoop`; call it on that loop.
        package func cache(on eventLoop: any EventLoop) -> HTTPDateCache {
            caches.withLock { caches in
                let key = ObjectIdentifier(eventLoop)
                if let cache = caches[key] { return cache }
                let cache = NIOLoopBound(HTTPDateCache(), eventLoop: eventLoop)
                caches[key] = cache
                return cache
            }.value
        }
    }
}

import AlbumService
import NIOCore
import Synchronization

/// A store that answers like one doing I/O: every call on the in-memory store it wraps runs
/// only when the test releases it (or fails it, as a database that went away), and its answer
/// arrives through a future. A store made `isDown` fails every call at once.
final class HeldAlbumStore: AlbumStore {
    let inner: InMemoryAlbumStore
    private let isDown: Bool
    private let held = Mutex<[@Sendable (_ isFailing: Bool) -> Void]>([])

    init(_ inner: InMemoryAlbumStore = classicStore(), isDown: Bool = false) {
        self.inner = inner
        self.isDown = isDown
    }

    /// The calls waiting for `release` or `fail`.
    var heldCount: Int { held.withLock { $0.count } }

    /// Runs the waiting calls and completes their futures.
    func release() { complete(isFailing: false) }

    /// Fails the waiting calls with `AlbumStoreError`; none of them runs.
    func fail() { complete(isFailing: true) }

    private func complete(isFailing: Bool) {
        let calls = held.withLock { calls in
            defer { calls = [] }
            return calls
        }
        for call in calls { call(isFailing) }
    }

    private func hold<Value: Sendable>(on loop: any EventLoop, _ call: @escaping @Sendable () -> Deferred<Value>)
        -> Deferred<Value>
    {
        let promise = loop.makePromise(of: Value.self)
        if isDown {
            promise.fail(AlbumStoreError("the test's database is down"))
            return .pending(promise.futureResult)
        }
        held.withLock {
            $0.append { isFailing in
                if isFailing {
                    promise.fail(AlbumStoreError("the test's database is down"))
                } else {
                    promise.completeWith(call().future(on: loop))
                }
            }
        }
        return .pending(promise.futureResult)
    }

    func album(id: String, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        hold(on: loop) { self.inner.album(id: id, on: loop) }
    }

    func add(_ draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        hold(on: loop) { self.inner.add(draft, on: loop) }
    }

    func replaceAlbum(id: String, with draft: AlbumDraft, on loop: any EventLoop) -> Deferred<StoredAlbum?> {
        hold(on: loop) { self.inner.replaceAlbum(id: id, with: draft, on: loop) }
    }

    func removeAlbum(id: String, on loop: any EventLoop) -> Deferred<Album?> {
        hold(on: loop) { self.inner.removeAlbum(id: id, on: loop) }
    }

    func count(on loop: any EventLoop) -> Deferred<Int> {
        hold(on: loop) { self.inner.count(on: loop) }
    }

    func version(on loop: any EventLoop) -> Deferred<UInt64> {
        hold(on: loop) { self.inner.version(on: loop) }
    }

    func list(on loop: any EventLoop) -> Deferred<AlbumPage> {
        hold(on: loop) { self.inner.list(on: loop) }
    }

    func page(after: String?, limit: Int, on loop: any EventLoop) -> Deferred<Result<AlbumPage, AlbumPageError>> {
        hold(on: loop) { self.inner.page(after: after, limit: limit, on: loop) }
    }
}

import Foundation

/// Ctrl-C handling for commands that finish their work properly when interrupted: the first
/// Ctrl-C prints a message and runs an action; a second one ends the process at once.
enum Interrupt {
    /// What `scalelab load` says on the first Ctrl-C.
    static let stoppingTest = "Stopping (press Ctrl-C again to quit at once)..."

    /// Handles SIGINT until the returned source is cancelled.
    static func onFirstCtrlC(saying message: String, _ action: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            FileHandle.standardError.write(Data("\n\(message)\n".utf8))
            signal(SIGINT, SIG_DFL)
            action()
        }
        source.resume()
        return source
    }
}

import ArgumentParser
import NIOCore
import NIOPosix

// Run Swift Concurrency's jobs on NIO's event loops, so that handlers, the upstream client and the
// server share threads instead of hopping between two pools (a measured win: see BENCHMARKS.md).
// It must happen first, on the main thread, before any task exists.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

// Parse and run by hand: from top-level code both `Junction.main()` and an existential's `run()`
// resolve to ArgumentParser's synchronous entry points, which print help instead of running.
do {
    var command = try await Junction.asyncParseAsRoot()
    if let subcommand = command as? any JunctionSubcommand {
        try await subcommand.execute()
    } else {
        try command.run()
    }
} catch {
    Junction.exit(withError: error)
}

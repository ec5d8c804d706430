import ArgumentParser
import Foundation
import JunctionSaver

/// `junction compress`: run the token saver on a file or standard input.
struct CompressCommand: JunctionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "compress",
        abstract: "Compress a tool output the way the router would; the result goes to stdout, a summary to stderr.")

    @Option(help: "The tool that produced the output (for example Bash, Read, Grep).")
    var tool: String?

    @Option(help: "The command that produced it (for example 'git diff --stat').")
    var command: String?

    @Option(help: "safe (the default) or aggressive.")
    var level: String = "safe"

    @Argument(help: "The file to read; '-' or nothing reads standard input.")
    var file: String?

    func execute() async throws {
        guard let saverLevel = SaverLevel(rawValue: level), saverLevel != .off else {
            throw ValidationError("--level must be safe or aggressive")
        }
        let data: Data
        if let file, file != "-" {
            guard let contents = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let input = String(decoding: data, as: UTF8.self)
        let result = Saver(level: saverLevel).compress(input, context: ToolContext(toolName: tool, command: command))
        FileHandle.standardOutput.write(Data(result.text.utf8))
        let percent = result.tokensBefore == 0 ? 0 : 100 * Double(result.tokensBefore - result.tokensAfter) / Double(result.tokensBefore)
        let summary = String(
            format: "%d → %d bytes, ~%d → ~%d tokens, %.1f%% saved, filter: %@\n",
            result.bytesBefore, result.bytesAfter, result.tokensBefore, result.tokensAfter, percent, result.filter)
        FileHandle.standardError.write(Data(summary.utf8))
    }
}

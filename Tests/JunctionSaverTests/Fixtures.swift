import Foundation
import Testing
@testable import JunctionSaver

/// One captured tool output from `Fixtures/<category>/<name>.txt`, with its command and must-keep lines.
struct Fixture: Sendable, CustomTestStringConvertible {
    var category: String
    var name: String
    var text: String
    var command: String?
    var keep: [String]

    var testDescription: String { "\(category)/\(name)" }

    /// The context the fixture was captured in: a shell tool running its command.
    var context: ToolContext { ToolContext(toolName: "Bash", command: command) }

    /// The fixtures directory next to this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every fixture, sorted by category and name.
    static let all: [Fixture] = {
        let fm = FileManager.default
        var fixtures: [Fixture] = []
        let categories = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        for category in categories.sorted() {
            let dir = root.appendingPathComponent(category)
            let files = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".txt") {
                let name = String(file.dropLast(4))
                guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) else { continue }
                let command = (try? String(contentsOf: dir.appendingPathComponent(name + ".cmd"), encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let keep = ((try? String(contentsOf: dir.appendingPathComponent(name + ".keep"), encoding: .utf8)) ?? "")
                    .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                fixtures.append(Fixture(category: category, name: name, text: text, command: command, keep: keep))
            }
        }
        return fixtures
    }()

    /// The fixture `category/name`.
    static func named(_ path: String) -> Fixture {
        all.first { "\($0.category)/\($0.name)" == path }!
    }
}

/// The lines of a text, as a set, for "is this line still there verbatim" checks.
func lineSet(_ text: String) -> Set<String> {
    Set(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
}

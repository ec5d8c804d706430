import Foundation
import Testing
@testable import JunctionSaver

@Test func debugFixture() throws {
    guard let name = ProcessInfo.processInfo.environment["SAVER_DEBUG"] else { return }
    let f = Fixture.named(name)
    let d = Document(Noise.strip(f.text))
    let kind = Classifier.classify(d, context: f.context)
    print("kind:", kind, "detected:", Classifier.detect(.init(d)), "hint:", CommandHint.kind(for: f.context) as Any)
    let out = try Filters.run(d, context: f.context, level: .safe, deadline: .none)
    if let out {
        print("filter:", out.name, "bytes", out.text.utf8.count, "of", d.text.utf8.count, "safe:", Saver.isSafe(out, original: d))
        let kept = lineSet(out.text)
        for line in d.lines where !kept.contains(String(line)) && Importance.mustKeep(line) && !TestDialect.isLibraryFrame(line) { print("LOST:", line) }
        if ProcessInfo.processInfo.environment["SAVER_PRINT"] != nil { print(out.text) }
    } else {
        print("filter returned nil")
    }
}

import Foundation
import Testing

/// The vault's tests, grouped so `swift test --filter Secrets` runs them all.
@Suite enum Secrets {
    /// A fresh folder path under the temporary directory, not yet created.
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("junction-secrets-\(UUID().uuidString)").path
    }

    /// The permission bits of `path`.
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

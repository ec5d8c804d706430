import Foundation
import NIOCore

/// The dashboard's files, read once from the bundled `Dashboard` folder.
struct DashboardAssets: Sendable {
    struct File: Sendable {
        var bytes: ByteBuffer
        var contentType: String
    }

    /// Files by their path inside the folder: `index.html`, `assets/app.js`…
    let files: [String: File]

    static func load() -> DashboardAssets {
        guard let root = Bundle.module.url(forResource: "Dashboard", withExtension: nil) else { return DashboardAssets(files: [:]) }
        var files: [String: File] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                let data = try? Data(contentsOf: url)
            else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = File(bytes: ByteBuffer(bytes: data), contentType: contentType(of: relative))
        }
        return DashboardAssets(files: files)
    }

    /// The OpenAPI document bundled beside the dashboard.
    static func openAPIDocument() -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let data = try? Data(contentsOf: url) else {
            return ByteBuffer(string: "openapi: 3.1.0\n")
        }
        return ByteBuffer(bytes: data)
    }

    private static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }
}

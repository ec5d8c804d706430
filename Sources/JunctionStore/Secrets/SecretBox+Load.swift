import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SecretBox {
    /// The environment variable that holds the key, as 64 hex characters or base64.
    public static let environmentVariable = "JUNCTION_SECRET_KEY"
    /// The key file's name inside the data folder.
    public static let keyFileName = "secret.key"

    /// The box for this installation: the key from `JUNCTION_SECRET_KEY` when it is set, else
    /// from `<dataDir>/secret.key`, which is created (0600, 32 random bytes in base64) on first start.
    ///
    /// The data folder is created with 0700 permissions when missing. A key file that other users
    /// can read is refused, since anyone who reads it can open every stored secret.
    ///
    /// - Throws: ``SecretError/invalidKey`` for a malformed environment key or key file;
    ///   ``SecretError/insecureKeyFile`` for a key file other users can read;
    ///   ``SecretError/keyFileUnusable`` when the folder or file cannot be created or read.
    public static func load(environment: [String: String], dataDir: String) throws -> SecretBox {
        if let text = environment[environmentVariable] {
            return try SecretBox(keyBytes: try decodeKey(text, source: environmentVariable))
        }
        return try SecretBox(keyBytes: try KeyFile(dataDir: dataDir).loadOrCreate())
    }

    /// 32 key bytes from 64 hex characters or base64 (standard or URL-safe, padding optional).
    static func decodeKey(_ text: String, source: String) throws -> [UInt8] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let fix = "Generate one with `openssl rand -base64 32` (or `openssl rand -hex 32`)."
        if trimmed.utf8.count == 64, let bytes = SecureRandom.bytes(hex: trimmed) { return bytes }
        guard let bytes = SecureRandom.bytes(base64: trimmed) else {
            throw SecretError.invalidKey("\(source) must be 32 bytes written as 64 hex characters or as base64. \(fix)")
        }
        guard bytes.count == keyByteCount else {
            throw SecretError.invalidKey(
                "\(source) must hold 32 bytes, but it decodes to \(bytes.count) bytes. \(fix)")
        }
        return bytes
    }
}

/// The key file in the data folder: created atomically with 0600 permissions, refused when other users can read it.
struct KeyFile {
    let folder: String
    let path: String

    init(dataDir: String) {
        folder = dataDir
        path = (dataDir as NSString).appendingPathComponent(SecretBox.keyFileName)
    }

    /// The key bytes, creating the folder and the file first if needed.
    func loadOrCreate() throws -> [UInt8] {
        try makeFolder()
        if !FileManager.default.fileExists(atPath: path) { try create() }
        try checkPermissions()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SecretError.keyFileUnusable("Cannot read the secret key file \(path): check its owner and permissions.")
        }
        return try SecretBox.decodeKey(String(decoding: data, as: UTF8.self), source: "The secret key file \(path)")
    }

    private func makeFolder() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SecretError.keyFileUnusable("The data folder \(folder) exists but is not a folder.")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SecretError.keyFileUnusable("Cannot create the data folder \(folder): \(error.localizedDescription)")
        }
    }

    /// Writes 32 random bytes to a private temporary file, then links it into place, so the key
    /// file appears whole or not at all and a concurrent first start keeps whichever key won.
    private func create() throws {
        let temporary = path + ".tmp-\(SecureRandom.hex(SecureRandom.bytes(6)))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw SecretError.keyFileUnusable("Cannot create the secret key file in \(folder): \(Self.errnoText()).")
        }
        defer { unlink(temporary) }
        let contents = Array((Data(SecureRandom.bytes(SecretBox.keyByteCount)).base64EncodedString() + "\n").utf8)
        let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let failure = written == contents.count && fsync(descriptor) == 0 ? nil : Self.errnoText()
        close(descriptor)
        if let failure {
            throw SecretError.keyFileUnusable("Cannot write the secret key file in \(folder): \(failure).")
        }
        if link(temporary, path) != 0, errno != EEXIST {
            throw SecretError.keyFileUnusable("Cannot create the secret key file \(path): \(Self.errnoText()).")
        }
    }

    private func checkPermissions() throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw SecretError.keyFileUnusable("Cannot read the secret key file \(path): \(Self.errnoText()).")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw SecretError.insecureKeyFile(
                "The secret key file \(path) has mode \(String(mode, radix: 8)), so other users can read it. "
                    + "Run `chmod 600 \(path)` (and consider whether the key should be rotated), then start again.")
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

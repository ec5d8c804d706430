/// How hard the saver compresses: `off` passes text through, `safe` keeps everything a model may need, `aggressive` trims harder.
public enum SaverLevel: String, Sendable, CaseIterable {
    case off, safe, aggressive
}

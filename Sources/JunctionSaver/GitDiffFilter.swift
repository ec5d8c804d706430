import Foundation

/// Diffs and patches (`git diff`, `git show`, `git log -p`, `git stash show -p`, unified diffs): commit headers,
/// messages, stat lines and file headers (with new/deleted/renamed/mode lines) are kept; long hunks keep their
/// start and end, later hunks of a very long file and files past a total budget are counted instead of shown.
enum GitDiffFilter {
    /// Limits in hunk-body lines: per hunk, per file, in all; and how much unchanged context stays around changes.
    struct Limits {
        var hunk: Int
        var hunkTail: Int
        var file: Int
        var total: Int
        var context: Int
        var messageLines: Int
        var statLines: Int
    }

    static func limits(_ level: SaverLevel) -> Limits {
        level == .aggressive
            ? Limits(hunk: 30, hunkTail: 6, file: 80, total: 500, context: 1, messageLines: 20, statLines: 20)
            : Limits(hunk: 80, hunkTail: 12, file: 240, total: 1500, context: 3, messageLines: 400, statLines: 60)
    }

    /// Compresses `d`, or nil when nothing could be left out.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        var state = DiffWriter(limits: limits(level), lines: d.lines)
        try state.run(deadline: deadline)
        guard state.writer.marked else { return nil }
        return state.writer.joined(trailingNewline: d.endsWithNewline)
    }
}

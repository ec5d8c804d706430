/// Finds the known model strings closest to an unknown one, by edit distance and token overlap.
public enum ModelSuggester {
    /// The up to `limit` candidates most similar to `name`, best first; weak matches are left out.
    public static func suggestions(for name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let query = name.lowercased()
        var seen = Set<String>()
        let scored = candidates.compactMap { candidate -> (String, Double)? in
            guard seen.insert(candidate).inserted else { return nil }
            let score = similarity(query, candidate.lowercased())
            return score >= 0.4 ? (candidate, score) : nil
        }
        return scored
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(limit)
            .map(\.0)
    }

    /// A similarity in 0…1: the better of normalised edit similarity and token Jaccard overlap,
    /// with a bonus when one string contains the other.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        let edit = 1 - Double(editDistance(a, b)) / Double(longest)
        let tokensA = tokens(a), tokensB = tokens(b)
        let union = tokensA.union(tokensB).count
        let jaccard = union == 0 ? 0 : Double(tokensA.intersection(tokensB).count) / Double(union)
        let contains = (a.contains(b) || b.contains(a)) && min(a.count, b.count) >= 3 ? 0.2 : 0
        return min(1, max(edit, jaccard) + contains)
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Lower-cased tokens split at `-`, `/`, `.`, `_`, `:` and spaces.
    static func tokens(_ text: String) -> Set<String> {
        Set(text.split { "-/._: ".contains($0) }.map(String.init))
    }
}

/// Dashboard session tokens: random, and stored only as digests.
public enum SessionToken {
    public static func make() -> String { ClientKeyMaker.randomBase64URL(bytes: 32) }
    public static func digest(_ token: String) -> String { ClientKeyMaker.hash(token) }
}

import PostgresNIO

/// A query assembled piece by piece, each value bound as the next `$n` parameter.
struct PostgresSQLBuilder {
    private var sql: String
    private var binds = PostgresBindings()

    init(_ sql: String) {
        self.sql = sql
    }

    mutating func append(_ text: String) {
        sql += text
    }

    /// Appends ` $n` and binds `value` to it.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) {
        binds.append(value)
        sql += " $\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

extension PostgresRandomAccessRow {
    /// The value of the column named `name` (written as in the SQL; PostgreSQL folds it to lower case).
    func column<Value: PostgresDecodable>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        try self[name.lowercased()].decode(Value.self)
    }
}

import GRDB

/// Where a bronze row went when it did not go to silver: quarantine (with the rule and value) or
/// superseded (by a later copy of the same id, or by a newer fetch of its partition).
enum Outcomes {
    static func quarantine(
        _ db: Database, dataset: String, partition: String, rowID: Int64, recordID: String?, reason: QuarantineReason
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO quarantine (dataset, partition_key, bronze_row_id, record_id, rule, column_name, value)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [dataset, partition, rowID, recordID, reason.rule, reason.column, reason.value])
    }

    static func supersede(
        _ db: Database, dataset: String, partition: String, rowID: Int64, by: Int64?, reason: String
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO superseded (bronze_row_id, dataset, partition_key, by_bronze_row_id, reason)
                VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [rowID, dataset, partition, by, reason])
    }
}

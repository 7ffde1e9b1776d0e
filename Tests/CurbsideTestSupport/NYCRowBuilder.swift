import CurbsideModel

/// Builds NYC rows as the portal sends them (every value a string, a null a missing key), for
/// fixtures whose sums are computed by hand.
public struct NYCRowBuilder {
    public init() {}

    public func row(
        summons: String, date: String, violation: String? = "INSP. STICKER-EXPIRED/MISSING", fine: String? = "65",
        payment: String? = "0", due: String? = "0", judgment: String? = nil, time: String? = "09:30A",
        county: String? = "NY", agency: String? = "TRAFFIC"
    ) -> String {
        var fields: [(String, String?)] = [
            ("plate", "ABC1234"), ("state", "NY"), ("license_type", "PAS"), ("summons_number", summons),
            ("issue_date", date), ("violation_time", time), ("violation", violation), ("judgment_entry_date", judgment),
            ("fine_amount", fine), ("penalty_amount", "0"), ("interest_amount", "0"), ("reduction_amount", "0"),
            ("payment_amount", payment), ("amount_due", due), ("precinct", "001"), ("county", county),
            ("issuing_agency", agency),
        ]
        fields.removeAll { $0.1 == nil }
        let body = fields.map { "\"\($0.0)\":\"\($0.1!)\"" }.joined(separator: ",")
        return "{\(body),\"summons_image\":{\"url\":\"http://example.invalid/x\",\"description\":\"View Summons\"}}"
    }

    /// A page body the way the portal joins rows.
    public func page(_ rows: [String]) -> [UInt8] {
        Array(("[" + rows.joined(separator: "\n,") + "]").utf8)
    }
}

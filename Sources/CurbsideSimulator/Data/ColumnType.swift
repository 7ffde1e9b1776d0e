/// A Socrata column type, as the portal names it in `X-SODA2-Types` and in `/api/views` metadata.
///
/// Only `.number` changes how the simulator compares values (numerically); every other type is
/// compared as text, as the real portal does for text columns such as NYC's `issue_date`.
public enum ColumnType: String, Sendable, Hashable, CaseIterable {
    case text
    case number
    case calendarDate = "calendar_date"
    case checkbox
    case url
    case point
    case location
    /// A system field's type (`:id`).
    case rowIdentifier = "row_identifier"
    /// A system timestamp (`:created_at`, `:updated_at`).
    case fixedTimestamp = "fixed_timestamp"
}

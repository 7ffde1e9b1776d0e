import CurbsideModel

/// Typed reads that name the place of a value of the wrong shape, like `versions[2].kind: expected a string`.
extension JSONValue {
    /// - Parameters:
    ///   - key: the member's name.
    ///   - path: where this object sits in the document, for the error message.
    /// - Returns: the member's value.
    /// - Throws: ``JSONFormatError`` when this is not an object or the member is absent.
    func member(_ key: String, at path: String) throws(JSONFormatError) -> JSONValue {
        guard case .object = self else { throw JSONFormatError(detail: "\(path): expected an object") }
        guard let value = self[key] else { throw JSONFormatError(detail: "\(path): missing \"\(key)\"") }
        return value
    }

    /// - Parameter path: where this value sits in the document, for the error message.
    /// - Returns: the string.
    /// - Throws: ``JSONFormatError`` when this is not a string.
    func string(at path: String) throws(JSONFormatError) -> String {
        guard case .string(let text) = self else { throw JSONFormatError(detail: "\(path): expected a string") }
        return text
    }

    /// - Parameter path: where this value sits in the document, for the error message.
    /// - Returns: the number, which must not be negative.
    /// - Throws: ``JSONFormatError`` when this is not a whole number ≥ 0.
    func count(at path: String) throws(JSONFormatError) -> Int {
        guard case .integer(let number) = self, number >= 0 else {
            throw JSONFormatError(detail: "\(path): expected a whole number ≥ 0")
        }
        return number
    }

    /// - Parameter path: where this value sits in the document, for the error message.
    /// - Returns: the items.
    /// - Throws: ``JSONFormatError`` when this is not an array.
    func items(at path: String) throws(JSONFormatError) -> [JSONValue] {
        guard case .array(let items) = self else { throw JSONFormatError(detail: "\(path): expected an array") }
        return items
    }

    /// - Parameter path: where this value sits in the document, for the error message.
    /// - Returns: the members in document order.
    /// - Throws: ``JSONFormatError`` when this is not an object.
    func members(at path: String) throws(JSONFormatError) -> [(key: String, value: JSONValue)] {
        guard case .object(let members) = self else { throw JSONFormatError(detail: "\(path): expected an object") }
        return members
    }

    /// - Parameter path: where this value sits in the document, for the error message.
    /// - Returns: the day.
    /// - Throws: ``JSONFormatError`` when this is not a `YYYY-MM-DD` string.
    func day(at path: String) throws(JSONFormatError) -> Day {
        let text = try string(at: path)
        guard let day = Day(iso: text) else {
            throw JSONFormatError(detail: "\(path): \"\(text)\" is not a YYYY-MM-DD date")
        }
        return day
    }
}

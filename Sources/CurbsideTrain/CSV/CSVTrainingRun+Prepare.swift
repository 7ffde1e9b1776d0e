extension CSVTrainingRun {
    /// Turns CSV bytes into train and test datasets (see the type's documentation for the rules).
    /// - Throws: `CSVTrainingError` for the first problem, with its line.
    public func prepare(csv: [UInt8], source: String) throws -> CSVTrainingData {
        func fail(_ reason: CSVTrainingError.Reason) -> CSVTrainingError {
            CSVTrainingError(source: source, reason: reason)
        }
        let records: CSVRecords
        do { records = try CSVRecords(csv) } catch { throw fail(error) }
        guard records.recordCount > 0 else { throw fail(.empty) }
        let header = (0..<records.fieldCount(ofRecord: 0)).map { records.text(record: 0, field: $0) }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted { throw fail(.duplicateColumn(name)) }
        guard let labelColumn = header.firstIndex(of: label) else {
            throw fail(.missingColumn(role: "label", name: label, header: header))
        }
        var splitColumn: Int?
        if let split {
            guard let column = header.firstIndex(of: split) else {
                throw fail(.missingColumn(role: "split", name: split, header: header))
            }
            splitColumn = column
        }
        let rowCount = records.recordCount - 1
        guard rowCount > 0 else { throw fail(.noDataRows) }
        for record in 1...rowCount where records.fieldCount(ofRecord: record) != header.count {
            throw fail(
                .fieldCount(
                    line: records.lines[record], expected: header.count, found: records.fieldCount(ofRecord: record)))
        }

        // Labels, the split, and the feature columns.
        var labels = [UInt8](repeating: 0, count: rowCount)
        var isTest = (0..<rowCount).map { $0 >= rowCount - rowCount / 5 }
        var names = [String]()
        var columns = [[Float]]()
        var notes = [String]()
        try csv.withUnsafeBufferPointer { bytes in
            for row in 0..<rowCount {
                let value = DecimalParser.float(bytes, records.range(record: row + 1, field: labelColumn))
                guard let value, value == 0 || value == 1 else {
                    let text = records.text(record: row + 1, field: labelColumn)
                    throw fail(.badLabel(line: records.lines[row + 1], column: label, value: text))
                }
                labels[row] = value == 1 ? 1 : 0
            }
            if let splitColumn, let split {
                for row in 0..<rowCount {
                    switch records.text(record: row + 1, field: splitColumn) {
                    case "train": isTest[row] = false
                    case "test": isTest[row] = true
                    case let text:
                        throw fail(.badSplit(line: records.lines[row + 1], column: split, value: text))
                    }
                }
            }
            for column in header.indices where column != labelColumn && column != splitColumn {
                var values = [Float](repeating: .nan, count: rowCount)
                var bad: Int?
                for row in 0..<rowCount {
                    guard let value = DecimalParser.float(bytes, records.range(record: row + 1, field: column)) else {
                        bad = row
                        break
                    }
                    values[row] = value
                }
                if let bad {
                    let text = records.text(record: bad + 1, field: column)
                    notes.append(
                        "skipped column '\(header[column])': not a number at line \(records.lines[bad + 1]) ('\(text)')"
                    )
                } else {
                    names.append(header[column])
                    columns.append(values)
                }
            }
        }
        guard !columns.isEmpty else { throw fail(.noFeatures(label: label)) }
        let trainRows = (0..<rowCount).filter { !isTest[$0] }
        let testRows = (0..<rowCount).filter { isTest[$0] }
        guard !trainRows.isEmpty else { throw fail(.emptyPart("train")) }
        guard !testRows.isEmpty else { throw fail(.emptyPart("test")) }
        do {
            let all = try Dataset(featureNames: names, columns: columns, labels: labels)
            return CSVTrainingData(train: all.subset(trainRows), test: all.subset(testRows), notes: notes)
        } catch let error as TrainingError {
            throw fail(.training(error))
        }
    }
}

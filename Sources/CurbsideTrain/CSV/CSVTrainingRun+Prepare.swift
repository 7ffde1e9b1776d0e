extension CSVTrainingRun {
    /// Turns CSV bytes into train and test datasets (see the type's documentation for the rules).
    /// - Throws: `CSVTrainingError` for the first problem, with its line.
    public func prepare(csv: [UInt8], source: String) throws -> CSVTrainingData {
        var reader = CSVReader(bytes: csv)
        return try prepare(&reader, source: source)
    }

    /// Reads the file at `path` a chunk at a time into train and test datasets.
    /// - Parameter chunk: bytes read at a time (more only while a record is longer).
    /// - Throws: `CSVTrainingError` (`.unreadable` when the file cannot be opened or read).
    public func prepare(file path: String, chunk: Int = 1 << 20) throws -> CSVTrainingData {
        guard var reader = CSVReader(path: path, chunk: max(1, chunk)) else {
            throw CSVTrainingError(source: path, reason: .unreadable)
        }
        return try prepare(&reader, source: path)
    }

    /// Reads record after record, each value straight into its column; the first problem stops the read.
    func prepare(_ reader: inout CSVReader, source: String) throws -> CSVTrainingData {
        func fail(_ reason: CSVTrainingError.Reason) -> CSVTrainingError {
            CSVTrainingError(source: source, reason: reason)
        }
        func next() throws -> Bool {
            do { return try reader.next() } catch { throw fail(error) }
        }
        guard try next() else { throw fail(.empty) }
        let header = reader.fields.indices.map { reader.text($0) }
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

        // Every other column is a feature until a field of it is not a number.
        let candidates = header.indices.filter { $0 != labelColumn && $0 != splitColumn }
        var values = [[Float]](repeating: [], count: candidates.count)
        var firstBad = [(line: Int, text: String)?](repeating: nil, count: candidates.count)
        var labels: [UInt8] = []
        var isTest: [Bool] = []
        while try next() {
            guard reader.fields.count == header.count else {
                throw fail(.fieldCount(line: reader.line, expected: header.count, found: reader.fields.count))
            }
            let fields = reader.fields
            // Features go straight into their columns; the label is checked before the row counts.
            var notNumbers: [Int] = []
            let labelValue: Float? = reader.buffer.withUnsafeBufferPointer { bytes in
                for k in candidates.indices where firstBad[k] == nil {
                    if let value = DecimalParser.float(bytes, fields[candidates[k]]) {
                        values[k].append(value)
                    } else {
                        notNumbers.append(k)
                    }
                }
                return DecimalParser.float(bytes, fields[labelColumn])
            }
            guard let labelValue, labelValue == 0 || labelValue == 1 else {
                throw fail(.badLabel(line: reader.line, column: label, value: reader.text(labelColumn)))
            }
            labels.append(labelValue == 1 ? 1 : 0)
            if let splitColumn, let split {
                switch reader.text(splitColumn) {
                case "train": isTest.append(false)
                case "test": isTest.append(true)
                case let text: throw fail(.badSplit(line: reader.line, column: split, value: text))
                }
            }
            for k in notNumbers {
                firstBad[k] = (reader.line, reader.text(candidates[k]))
                values[k] = []
            }
        }
        let rowCount = labels.count
        guard rowCount > 0 else { throw fail(.noDataRows) }
        var notes = [String]()
        var names = [String]()
        for (k, column) in candidates.enumerated() {
            if let (line, text) = firstBad[k] {
                notes.append("skipped column '\(header[column])': not a number at line \(line) ('\(text)')")
            } else {
                names.append(header[column])
            }
        }
        guard !names.isEmpty else { throw fail(.noFeatures(label: label)) }
        // Without a split column the last fifth is the test set.
        if splitColumn == nil { isTest = (0..<rowCount).map { $0 >= rowCount - rowCount / 5 } }
        guard isTest.contains(false) else { throw fail(.emptyPart("train")) }
        guard isTest.contains(true) else { throw fail(.emptyPart("test")) }
        // Each column split in turn and let go, so the rows are held about once.
        func parts<T>(_ all: [T]) -> (train: [T], test: [T]) {
            var train: [T] = []
            var test: [T] = []
            for (row, value) in all.enumerated() {
                if isTest[row] { test.append(value) } else { train.append(value) }
            }
            return (train, test)
        }
        var trainColumns: [[Float]] = []
        var testColumns: [[Float]] = []
        for k in candidates.indices where firstBad[k] == nil {
            let (train, test) = parts(values[k])
            values[k] = []
            trainColumns.append(train)
            testColumns.append(test)
        }
        let (trainLabels, testLabels) = parts(labels)
        do {
            return CSVTrainingData(
                train: try Dataset(featureNames: names, columns: trainColumns, labels: trainLabels),
                test: try Dataset(featureNames: names, columns: testColumns, labels: testLabels), notes: notes)
        } catch let error as TrainingError {
            throw fail(.training(error))
        }
    }
}

/// Turns features into the numeric columns of a linear model, learned on the training rows:
/// a numeric feature becomes its standardised value, missing values imputed with the mean (so 0),
/// plus a 0/1 "missing" column when the training rows had missing values; a categorical feature
/// becomes one 0/1 column per training category (missing and unknown categories: all 0).
struct DesignEncoder: Sendable, Equatable {
    enum Column: Sendable, Equatable {
        case standardized(feature: Int, mean: Double, scale: Double)
        case missing(feature: Int)
        case category(feature: Int, code: Float)
    }

    let columns: [Column]
    let names: [String]

    init(fitting dataset: Dataset) {
        var columns = [Column]()
        var names = [String]()
        for (feature, values) in dataset.columns.enumerated() {
            let name = dataset.featureNames[feature]
            if dataset.categorical[feature] {
                for code in Set(values.filter { !$0.isNaN }).sorted() {
                    columns.append(.category(feature: feature, code: code))
                    names.append("\(name)=\(code)")
                }
                continue
            }
            var sum = 0.0
            var count = 0
            for value in values where !value.isNaN {
                sum += Double(value)
                count += 1
            }
            let mean = count > 0 ? sum / Double(count) : 0
            var squares = 0.0
            for value in values where !value.isNaN { squares += (Double(value) - mean) * (Double(value) - mean) }
            let deviation = count > 1 ? (squares / Double(count)).squareRoot() : 0
            columns.append(.standardized(feature: feature, mean: mean, scale: deviation > 0 ? deviation : 1))
            names.append(name)
            if count < values.count {
                columns.append(.missing(feature: feature))
                names.append("\(name) missing")
            }
        }
        self.columns = columns
        self.names = names
    }

    /// The encoded value of column `column` for a row whose raw values `value(feature)` gives.
    @inline(__always)
    func encode(_ column: Int, _ value: (Int) -> Float) -> Double {
        switch columns[column] {
        case .standardized(let feature, let mean, let scale):
            let x = value(feature)
            return x.isNaN ? 0 : (Double(x) - mean) / scale
        case .missing(let feature):
            return value(feature).isNaN ? 1 : 0
        case .category(let feature, let code):
            return value(feature) == code ? 1 : 0
        }
    }

    /// The columns of row `row` of `dataset` whose encoded value is not zero, in column order, as (1 + column,
    /// value) after the intercept (0, 1): a linear model's sums skip the zeros and stay the same to the bit
    /// (adding a zero changes no sum), and nothing of size rows × columns is ever held.
    func nonzeros(row: Int, of dataset: Dataset, into out: inout [(column: Int, value: Double)]) {
        out.removeAll(keepingCapacity: true)
        out.append((0, 1))
        for column in columns.indices {
            let value = encode(column) { dataset.columns[$0][row] }
            if value != 0 { out.append((column + 1, value)) }
        }
    }
}

/// Runs a checked query over a dataset: filter, order, page.
///
/// Comparisons are textual (byte order) unless a column of type `.number` or a number literal
/// takes part, then numeric. A missing field is NULL, and NULL compares as unknown, so
/// `field != 'x'` does not match rows without the field, as in SQL.
struct SoQLEvaluator: Sendable {
    let query: SoQLQuery
    let dataset: SimulatedDataset

    /// Checks every column the query names against the dataset, and the types each comparison mixes.
    /// - Throws: `SoQLError` (`no-such-column` or `type-mismatch`), positioned in the clause's text.
    init(query: SoQLQuery, dataset: SimulatedDataset) throws(SoQLError) {
        for condition in query.conditions {
            for column in condition.expression.columns where dataset.type(of: column.name) == nil {
                throw SoQLError.noSuchColumn(column.name, in: condition.text, at: column.offset)
            }
            try SoQLTypeCheck(dataset: dataset, text: condition.text).check(condition.expression)
        }
        for term in query.ordering where dataset.type(of: term.column) == nil {
            throw SoQLError.noSuchColumn(term.column, in: query.orderText, at: term.offset)
        }
        for column in query.selection ?? [] where dataset.type(of: column.name) == nil {
            throw SoQLError.noSuchColumn(column.name, in: query.selectText, at: column.offset)
        }
        self.query = query
        self.dataset = dataset
    }

    /// The rows of the requested page, in order, as indices into the dataset.
    func rowIndices() -> [Int] {
        let conjuncts = query.conditions.flatMap { Self.conjuncts(of: $0.expression) }
        // An equality on a text column narrows the rows through the column's index first.
        var matching = conjuncts.lazy.compactMap(candidates(for:)).first ?? Array(0..<dataset.rowCount)
        if !conjuncts.isEmpty {
            let predicates = conjuncts.map(bind)
            matching = matching.filter { row in predicates.allSatisfy { $0.evaluate(row) == true } }
        }
        if !query.ordering.isEmpty {
            matching = SoQLSorter(terms: query.ordering, dataset: dataset).sorted(matching)
        }
        let start = min(query.offset, matching.count)
        let end = min(start + query.limit, matching.count)
        return Array(matching[start..<end])
    }

    /// Which rows of the dataset match `expression`, in load order (for tests of the engine).
    func rows(matching expression: SoQLExpression) -> [Int] {
        let predicate = bind(expression)
        return (0..<dataset.rowCount).filter { predicate.evaluate($0) == true }
    }

    private static func conjuncts(of expression: SoQLExpression) -> [SoQLExpression] {
        if case .and(let left, let right) = expression { return conjuncts(of: left) + conjuncts(of: right) }
        return [expression]
    }

    /// The rows an indexable conjunct (`text_column = 'x'`, `text_column IN ('x', …)`) allows.
    private func candidates(for expression: SoQLExpression) -> [Int]? {
        let column: String
        let literals: [SoQLOperand]
        switch expression {
        case .comparison(.column(let name, _), .equal, let literal),
            .comparison(let literal, .equal, .column(let name, _)):
            (column, literals) = (name, [literal])
        case .isIn(.column(let name, _), let list, negated: false):
            (column, literals) = (name, list)
        default:
            return nil
        }
        guard dataset.type(of: column) != .number else { return nil }
        var texts: [String] = []
        for literal in literals {
            guard case .text(let text) = literal else { return nil }
            texts.append(text)
        }
        let index = dataset.cache.index(of: column, in: dataset)
        let rows = Set(texts).flatMap { index[$0] ?? [] }
        return texts.count == 1 ? rows : rows.sorted()
    }

    private func bind(_ expression: SoQLExpression) -> SoQLPredicate {
        switch expression {
        case .comparison(let left, let op, let right):
            return .compare(bind(left), op, bind(right), numeric: isNumeric(left) || isNumeric(right))
        case .isNull(let operand, let negated):
            return .isNull(bind(operand), negated: negated)
        case .isIn(let operand, let list, let negated):
            let numeric = isNumeric(operand) || list.contains(where: isNumeric)
            return .isIn(bind(operand), list.map(bind), numeric: numeric, negated: negated)
        case .between(let operand, let low, let high, let negated):
            let numeric = isNumeric(operand) || isNumeric(low) || isNumeric(high)
            return .between(bind(operand), bind(low), bind(high), numeric: numeric, negated: negated)
        case .and(let left, let right): return .and(bind(left), bind(right))
        case .or(let left, let right): return .or(bind(left), bind(right))
        case .not(let inner): return .not(bind(inner))
        }
    }

    private func bind(_ operand: SoQLOperand) -> SoQLPredicate.Operand {
        switch operand {
        case .column(let name, _): return .column(dataset.values(of: name) ?? [])
        case .text(let text): return .literal(text, Double(text))
        case .number(let number): return .literal(number, Double(number))
        }
    }

    private func isNumeric(_ operand: SoQLOperand) -> Bool {
        switch operand {
        case .column(let name, _): return dataset.type(of: name) == .number
        case .number: return true
        case .text: return false
        }
    }
}

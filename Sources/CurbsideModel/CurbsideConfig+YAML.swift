import Yams

extension CurbsideConfig {
    /// Reads a config from YAML text.
    /// - Parameters:
    ///   - yaml: the text of the file.
    ///   - file: the file's name, used in error messages.
    /// - Throws: `ConfigError` naming the file, line and key at fault. Unknown keys are errors, so a typo
    ///   never silently falls back to a default.
    public init(yaml: String, file: String) throws {
        self.init()
        if let alias = YAMLAliases.first(in: yaml) {
            throw ConfigError(file: file, line: alias.line, key: nil, reason: .syntax(alias.description))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError(
                file: file, line: Self.line(of: error), key: nil, reason: .syntax(Self.problem(of: error)))
        } catch {
            throw ConfigError(file: file, line: nil, key: nil, reason: .syntax("\(error)"))
        }
        guard let root else { return }
        let reader = YAMLReader(file: file)
        let top = try reader.mapping(
            root, path: "", allowed: ["site", "ingest", "clean", "datasets", "quality", "model", "catalog"])
        if let node = top["site"] {
            let m = try reader.mapping(
                node, path: "site", allowed: ["title", "base_url", "retention", "query_timeout_seconds"])
            if let n = m["title"] { site.title = try reader.string(n, path: "site.title") }
            if let n = m["base_url"] { site.baseURL = try reader.string(n, path: "site.base_url") }
            if let n = m["retention"] { site.retention = try reader.int(n, path: "site.retention", in: 1...10_000) }
            if let n = m["query_timeout_seconds"] {
                site.queryTimeoutSeconds = try reader.number(n, path: "site.query_timeout_seconds", in: 0.001...86_400)
            }
        }
        if let node = top["ingest"] {
            let m = try reader.mapping(
                node, path: "ingest",
                allowed: ["page_size", "concurrency", "connect_timeout_seconds", "timeout_seconds", "max_attempts"])
            if let n = m["page_size"] { ingest.pageSize = try reader.int(n, path: "ingest.page_size", in: 1...50_000) }
            if let n = m["concurrency"] {
                ingest.concurrency = try reader.int(n, path: "ingest.concurrency", in: 1...64)
            }
            if let n = m["connect_timeout_seconds"] {
                ingest.connectTimeoutSeconds = try reader.int(n, path: "ingest.connect_timeout_seconds", in: 1...600)
            }
            if let n = m["timeout_seconds"] {
                ingest.timeoutSeconds = try reader.int(n, path: "ingest.timeout_seconds", in: 1...86_400)
            }
            if let n = m["max_attempts"] {
                ingest.maxAttempts = try reader.int(n, path: "ingest.max_attempts", in: 1...100)
            }
        }
        if let node = top["clean"] {
            let m = try reader.mapping(node, path: "clean", allowed: ["max_text_bytes"])
            if let n = m["max_text_bytes"] {
                clean.maxTextBytes = try reader.int(n, path: "clean.max_text_bytes", in: 16...100_000_000)
            }
        }
        if let node = top["datasets"] {
            let m = try reader.mapping(node, path: "datasets", allowed: ["nyc", "chicago"])
            if let node = m["nyc"] { try readNYC(node, reader) }
            if let node = m["chicago"] { try readChicago(node, reader) }
        }
        if let node = top["quality"] {
            let m = try reader.mapping(node, path: "quality", allowed: ["gates"])
            if let node = m["gates"] { try readGates(node, reader) }
        }
        if let node = top["model"] { try readModel(node, reader) }
        if let node = top["catalog"] { try readCatalog(node, reader) }
        if nyc.windowStartDays < nyc.windowEndDays, let node = top["datasets"] {
            throw ConfigError(
                file: file, line: node.mark?.line, key: "datasets.nyc.window_start_days",
                reason: .outOfRange(
                    "must be at least window_end_days (\(nyc.windowEndDays)): the window runs from as-of − start to as-of − end"
                ))
        }
    }

    private mutating func readNYC(_ node: Node, _ reader: YAMLReader) throws {
        let p = "datasets.nyc"
        let m = try reader.mapping(
            node, path: p,
            allowed: [
                "enabled", "portal_url", "dataset_id", "window_start_days", "window_end_days",
                "max_days_per_run", "refresh_after_days",
            ])
        if let n = m["enabled"] { nyc.enabled = try reader.bool(n, path: "\(p).enabled") }
        if let n = m["portal_url"] { nyc.portalURL = try reader.url(n, path: "\(p).portal_url") }
        if let n = m["dataset_id"] { nyc.datasetID = try reader.socrataID(n, path: "\(p).dataset_id") }
        if let n = m["window_start_days"] {
            nyc.windowStartDays = try reader.int(n, path: "\(p).window_start_days", in: 0...3650)
        }
        if let n = m["window_end_days"] {
            nyc.windowEndDays = try reader.int(n, path: "\(p).window_end_days", in: 0...3650)
        }
        if let n = m["max_days_per_run"] {
            nyc.maxDaysPerRun = try reader.int(n, path: "\(p).max_days_per_run", in: 0...3650)
        }
        if let n = m["refresh_after_days"] {
            nyc.refreshAfterDays = try reader.int(n, path: "\(p).refresh_after_days", in: 0...3650)
        }
    }

    private mutating func readChicago(_ node: Node, _ reader: YAMLReader) throws {
        let p = "datasets.chicago"
        let m = try reader.mapping(
            node, path: p,
            allowed: ["enabled", "portal_url", "crashes_id", "vehicles_id", "people_id", "backfill_days"])
        if let n = m["enabled"] { chicago.enabled = try reader.bool(n, path: "\(p).enabled") }
        if let n = m["portal_url"] { chicago.portalURL = try reader.url(n, path: "\(p).portal_url") }
        if let n = m["crashes_id"] { chicago.crashesID = try reader.socrataID(n, path: "\(p).crashes_id") }
        if let n = m["vehicles_id"] { chicago.vehiclesID = try reader.socrataID(n, path: "\(p).vehicles_id") }
        if let n = m["people_id"] { chicago.peopleID = try reader.socrataID(n, path: "\(p).people_id") }
        if let n = m["backfill_days"] {
            chicago.backfillDays = try reader.int(n, path: "\(p).backfill_days", in: 1...3650)
        }
    }

    private mutating func readModel(_ node: Node, _ reader: YAMLReader) throws {
        let m = try reader.mapping(
            node, path: "model",
            allowed: [
                "enabled", "train_fraction", "validation_fraction", "max_depth", "learning_rate", "rounds",
                "min_child_weight", "lambda", "min_split_gain", "subsample", "colsample_bytree",
                "early_stopping_rounds", "scale_pos_weight", "max_bins", "seed",
            ])
        func number(_ key: String, _ range: ClosedRange<Double>) throws -> Double? {
            try m[key].map { try reader.number($0, path: "model.\(key)", in: range) }
        }
        func whole(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            try m[key].map { try reader.int($0, path: "model.\(key)", in: range) }
        }
        if let n = m["enabled"] { model.enabled = try reader.bool(n, path: "model.enabled") }
        model.trainFraction = try number("train_fraction", 0.1...0.9) ?? model.trainFraction
        model.validationFraction = try number("validation_fraction", 0.05...0.5) ?? model.validationFraction
        model.maxDepth = try whole("max_depth", 1...16) ?? model.maxDepth
        model.learningRate = try number("learning_rate", 0.001...1) ?? model.learningRate
        model.rounds = try whole("rounds", 1...10_000) ?? model.rounds
        model.minChildWeight = try number("min_child_weight", 0...1_000_000) ?? model.minChildWeight
        model.lambda = try number("lambda", 0...1_000_000) ?? model.lambda
        model.minSplitGain = try number("min_split_gain", 0...1_000_000) ?? model.minSplitGain
        model.subsample = try number("subsample", 0.01...1) ?? model.subsample
        model.colsampleByTree = try number("colsample_bytree", 0.01...1) ?? model.colsampleByTree
        model.earlyStoppingRounds = try whole("early_stopping_rounds", 0...10_000) ?? model.earlyStoppingRounds
        model.scalePosWeight = try number("scale_pos_weight", 0.001...1_000) ?? model.scalePosWeight
        model.maxBins = try whole("max_bins", 2...256) ?? model.maxBins
        model.seed = try whole("seed", 0...Int(Int32.max)) ?? model.seed
        if model.trainFraction + model.validationFraction > 0.95,
            let node = m["validation_fraction"] ?? m["train_fraction"]
        {
            throw ConfigError(
                file: reader.file, line: node.mark?.line, key: "model.validation_fraction",
                reason: .outOfRange("train_fraction + validation_fraction must leave at least 5% of the rows to test"))
        }
    }

    /// `catalog`: `table` or `table.column` → a description. Whether the table and column exist is checked when the
    /// warehouse is read (rendering), with this key's line.
    private mutating func readCatalog(_ node: Node, _ reader: YAMLReader) throws {
        guard case .mapping(let mapping) = node else {
            let found: String
            switch node {
            case .scalar(let scalar): found = scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
            case .sequence: found = "a list"
            case .mapping, .alias: found = "an alias"
            }
            throw ConfigError(
                file: reader.file, line: node.mark?.line, key: "catalog",
                reason: .wrongType(expected: "a mapping of table or table.column to a description", found: found))
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let path = "catalog.\(key)"
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            let isName = { (part: Substring) in
                !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            }
            guard (1...2).contains(parts.count), parts.allSatisfy(isName) else {
                throw ConfigError(
                    file: reader.file, line: keyNode.mark?.line, key: path,
                    reason: .wrongType(
                        expected: "a table or table.column name (lower case, digits, _)", found: "'\(key)'"))
            }
            let text = try reader.string(value, path: path)
            guard !text.allSatisfy(\.isWhitespace) else {
                throw ConfigError(
                    file: reader.file, line: value.mark?.line ?? keyNode.mark?.line, key: path,
                    reason: .wrongType(expected: "a description", found: "nothing"))
            }
            catalog.descriptions[key] = text
            catalog.lines[key] = keyNode.mark?.line
        }
    }

    /// `quality.gates`: check id → maximum (a number), or `off` to drop a default gate.
    private mutating func readGates(_ node: Node, _ reader: YAMLReader) throws {
        let ids = QualityCatalog.checks.map(\.id)
        let m = try reader.mapping(node, path: "quality.gates", allowed: ids)
        for (id, value) in m {
            let path = "quality.gates.\(id)"
            if case .scalar(let scalar) = value, ["off", "none", "false"].contains(scalar.string.lowercased()) {
                quality.gates[id] = nil
                continue
            }
            let isRate = QualityCatalog.check(id)?.isRate ?? true
            quality.gates[id] = try reader.number(value, path: path, in: 0...(isRate ? 1 : 1_000_000))
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            return [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ": ")
        default: return "\(error)"
        }
    }
}

/// Typed reads of YAML nodes that fail with the file, line and key.
struct YAMLReader {
    let file: String

    func mapping(_ node: Node, path: String, allowed: [String]) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(
                node, path.isEmpty ? nil : path, .wrongType(expected: "a mapping of settings", found: describe(node)))
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? "\(keyNode)"
            let full = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else { throw error(keyNode, full, .unknownKey(allowed: allowed)) }
            result[key] = value
        }
        return result
    }

    func string(_ node: Node, path: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, path, .wrongType(expected: "text", found: describe(node)))
        }
        return scalar.string
    }

    func int(_ node: Node, path: String, in range: ClosedRange<Int>) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error(node, path, .wrongType(expected: "a whole number", found: describe(node)))
        }
        guard range.contains(value) else {
            throw error(
                node, path, .outOfRange("must be between \(range.lowerBound) and \(range.upperBound), found \(value)"))
        }
        return value
    }

    func number(_ node: Node, path: String, in range: ClosedRange<Double>) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error(node, path, .wrongType(expected: "a number (or off)", found: describe(node)))
        }
        guard range.contains(value) else {
            throw error(
                node, path, .outOfRange("must be between \(range.lowerBound) and \(range.upperBound), found \(value)"))
        }
        return value
    }

    func bool(_ node: Node, path: String) throws -> Bool {
        guard case .scalar(let scalar) = node else {
            throw error(node, path, .wrongType(expected: "true or false", found: describe(node)))
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, path, .wrongType(expected: "true or false", found: describe(node)))
        }
    }

    func url(_ node: Node, path: String) throws -> String {
        let text = try string(node, path: path)
        guard text.hasPrefix("http://") || text.hasPrefix("https://"), !text.contains(" ") else {
            throw error(node, path, .wrongType(expected: "an http:// or https:// URL", found: "'\(text)'"))
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Socrata ids are two groups of four lowercase letters or digits: `nc67-uf89`.
    func socrataID(_ node: Node, path: String) throws -> String {
        let text = try string(node, path: path)
        let ok =
            text.count == 9
            && text.enumerated().allSatisfy { index, c in
                index == 4 ? c == "-" : (c.isASCII && (c.isLowercase || c.isNumber))
            }
        guard ok else {
            throw error(node, path, .wrongType(expected: "a Socrata dataset id like nc67-uf89", found: "'\(text)'"))
        }
        return text
    }

    private func error(_ node: Node, _ key: String?, _ reason: ConfigError.Reason) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, key: key, reason: reason)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "nothing" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

import Foundation

@testable import CurbsideSimulator

/// Datasets the simulator tests share.
enum SimulatorFixtures {
    /// The 1,000 real NYC rows bundled under `samples/`, as bytes.
    static func nycSampleBytes() throws -> [UInt8] {
        // Tests/CurbsideSimulatorTests/SimulatorFixtures.swift → the package root is two levels up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return Array(try Data(contentsOf: root.appendingPathComponent("samples/nyc/nc67-uf89.json")))
    }

    /// The real NYC sample as the simulator serves it, amounts typed as numbers.
    static func nycSample() throws -> SimulatedDataset {
        try SimulatedDataset(
            id: "nc67-uf89", name: "Open Parking and Camera Violations", rowsJSON: try nycSampleBytes(),
            columnTypes: ["fine_amount": .number, "amount_due": .number, "summons_number": .number],
            rowsUpdatedAt: 1_771_064_425)
    }

    /// Five hand-made rows covering quotes, missing fields, numbers that sort differently as text,
    /// and a nested object.
    static let tinyRowsText = """
        [{"id": "1", "name": "alpha", "amount": "10", "day": "05/10/2025", "link": {"url": "http://x/1"}}
        ,{"id": "2", "name": "beta", "amount": "9", "day": "05/11/2025"}
        ,{"id": "3", "name": "O'Brien", "amount": "100", "day": "12/31/2024"}
        ,{"id": "4", "amount": "-5.5", "day": "05/10/2025"}
        ,{"id": "5", "name": "gamma", "day": "01/01/2026"}]
        """

    static func tiny() throws -> SimulatedDataset {
        try SimulatedDataset(
            id: "tiny-0001", name: "Tiny", rowsJSON: Array(tinyRowsText.utf8), columnTypes: ["amount": .number],
            rowsUpdatedAt: 1_771_064_425)
    }

    /// The `id` field of each row, in order.
    static func ids(_ rows: [Int], in dataset: SimulatedDataset) -> [String] {
        let ids = dataset.values(of: "id") ?? []
        return rows.map { ids[$0]?.text ?? "?" }
    }

    /// The row texts of a response body (`[` row `\n,` row … `]\n`).
    static func rowTexts(of body: String) throws -> [String] {
        let bytes = Array(body.utf8)
        return try JSONSlicer.elements(ofArray: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}

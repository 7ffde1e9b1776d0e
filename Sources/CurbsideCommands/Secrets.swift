import Foundation

/// The Socrata app token: from `SOCRATA_APP_TOKEN`, else from a `.env` file in the project folder.
/// It is only ever placed in the `X-App-Token` header; never logged, stored or published.
public enum Secrets {
    public static func appToken(environment: [String: String], projectRoot: String) -> String? {
        if let token = environment["SOCRATA_APP_TOKEN"]?.trimmingCharacters(in: .whitespaces), !token.isEmpty {
            return token
        }
        let path = (projectRoot as NSString).appendingPathComponent(".env")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return token(inDotEnv: text)
    }

    /// The value of `SOCRATA_APP_TOKEN=` in `.env` text (optionally `export`ed and quoted).
    static func token(inDotEnv text: String) -> String? {
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard line.hasPrefix("SOCRATA_APP_TOKEN=") else { continue }
            var value = String(line.dropFirst("SOCRATA_APP_TOKEN=".count)).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

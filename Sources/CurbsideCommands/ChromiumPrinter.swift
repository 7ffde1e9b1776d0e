import Foundation

/// Prints a self-contained HTML file to PDF with headless Chromium (`build --pdf`).
///
/// The PDF takes its page size, margins and page numbers from the report's own `@page` rules (Chromium's header
/// and footer are turned off). Chromium stamps the PDF with the time it was made; ``normalisedDates(_:to:)``
/// rewrites both stamps to the as-of date, in place and at the same length, so printing the same report twice
/// on one machine gives the same bytes. Another Chromium or other fonts still give other bytes, which is why the
/// PDF lives beside the versions (`site/pdf/<id>.pdf`), never inside one.
struct ChromiumPrinter {
    /// The names tried on `PATH`, in order, after `$CURBSIDE_CHROMIUM`.
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]

    /// The executable.
    let executable: String

    /// The first Chromium found: `$CURBSIDE_CHROMIUM`, else one of ``candidates`` on `PATH`.
    /// - Returns: nil when none is installed.
    static func find(environment: [String: String]) -> ChromiumPrinter? {
        if let explicit = environment["CURBSIDE_CHROMIUM"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? ChromiumPrinter(executable: explicit) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in candidates {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return ChromiumPrinter(executable: "\(folder)/\(name)")
            }
        }
        return nil
    }

    /// What to tell a person when no Chromium is installed.
    static let missingNote =
        "note: --pdf: no Chromium found (looked for $CURBSIDE_CHROMIUM, then "
        + candidates.joined(separator: ", ") + " on PATH), so report.pdf was not printed; "
        + "report.html is published and prints from any browser. "
        + "Install Chromium (Debian: apt-get install chromium) and build again with --pdf."

    /// Prints `html` (a file path) to PDF.
    /// - Parameters:
    ///   - html: the HTML file.
    ///   - pdf: where to write the PDF.
    ///   - timeout: seconds to wait for Chromium.
    /// - Throws: ``PrintError`` when Chromium fails, times out or writes nothing.
    func print(_ html: String, to pdf: String, timeout: Double = 120) throws(PrintError) {
        let profile = NSTemporaryDirectory() + "curbside-chromium-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile)", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: html).absoluteString,
        ]
        // Chromium's messages go to a file, not a pipe: a full pipe would stall it, and reading one would block
        // past the timeout.
        let log = profile + ".log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: log)
        do {
            try process.run()
        } catch {
            throw PrintError(executable: executable, reason: .couldNotStart("\(error)"))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            throw PrintError(executable: executable, reason: .timedOut(seconds: timeout))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let output = FileManager.default.contents(atPath: log) ?? Data()
            let detail = String(decoding: output, as: UTF8.self).split(separator: "\n")
                .filter { !$0.contains("dbus") && !$0.contains("Fontconfig") }.suffix(3).joined(separator: "; ")
            throw PrintError(executable: executable, reason: .failed(status: process.terminationStatus, detail: detail))
        }
    }

    /// Rewrites the PDF's `/CreationDate` and `/ModDate` to midnight UTC of `day` (`D:20191123000000+00'00'`),
    /// keeping every byte offset.
    /// - Parameters:
    ///   - pdf: the PDF's bytes.
    ///   - day: `YYYY-MM-DD`.
    static func normalisedDates(_ pdf: [UInt8], to day: String) -> [UInt8] {
        let stamp = Array(("D:" + day.replacingOccurrences(of: "-", with: "") + "000000").utf8)
        var bytes = pdf
        for key in ["/CreationDate (", "/ModDate ("] {
            let needle = Array(key.utf8)
            var index = 0
            while index + needle.count + stamp.count <= bytes.count {
                if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle {
                    let start = index + needle.count
                    if bytes[start..<start + 2].elementsEqual("D:".utf8) {
                        bytes.replaceSubrange(start..<start + stamp.count, with: stamp)
                        // Skia writes the zone as +HH'MM': make it UTC too, at the same length.
                        let zone = start + stamp.count
                        if zone + 7 <= bytes.count,
                            bytes[zone] == UInt8(ascii: "+") || bytes[zone] == UInt8(ascii: "-"),
                            bytes[zone + 3] == UInt8(ascii: "'"), bytes[zone + 6] == UInt8(ascii: "'")
                        {
                            bytes.replaceSubrange(zone..<zone + 7, with: Array("+00'00'".utf8))
                        }
                    }
                    index = start
                } else {
                    index += 1
                }
            }
        }
        return bytes
    }
}

/// Why printing `report.pdf` failed.
struct PrintError: Error, CustomStringConvertible {
    enum Reason {
        case couldNotStart(String)
        case timedOut(seconds: Double)
        case failed(status: Int32, detail: String)
    }

    var executable: String
    var reason: Reason

    var description: String {
        switch reason {
        case .couldNotStart(let detail): return "\(executable) could not be started: \(detail)"
        case .timedOut(let seconds): return "\(executable) did not finish printing within \(Int(seconds)) s"
        case .failed(let status, let detail):
            return "\(executable) exited with status \(status) without a PDF" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }
}

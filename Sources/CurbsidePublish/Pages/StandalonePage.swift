import CurbsideModel
import Foundation

/// The frame of the pages publish writes outside versions (`versions.html`): one self-contained HTML file with
/// its stylesheet inline, allowed by its hash in the page's Content-Security-Policy, in light and dark.
enum StandalonePage {
    static let css = """
        :root { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --muted: #57606a; --border: #d0d7de; \
        --surface: #f6f8fa; --accent: #0b5cad; --focus: #c2410c; }
        @media (prefers-color-scheme: dark) { :root { --bg: #0f1419; --fg: #e6e9ed; --muted: #9aa5b1; \
        --border: #2f3a45; --surface: #18212a; --accent: #6cb6ff; --focus: #ffa657; } }
        body { margin: 0; background: var(--bg); color: var(--fg); \
        font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        h1 { font-size: 1.8rem; line-height: 1.2; }
        .frame { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.95rem; }
        caption { text-align: left; color: var(--muted); font-size: 0.85rem; margin-bottom: 0.5rem; }
        th, td { padding: 0.4rem 0.75rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--muted); white-space: nowrap; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
        .muted { color: var(--muted); }
        .nowrap { white-space: nowrap; }
        @media print { :root { color-scheme: light; --bg: #fff; --fg: #000; --muted: #444; --accent: #000; } }

        """

    /// `sha256-<base64>` of the stylesheet, for the policy.
    static var styleHash: String {
        let hex = Array(SHA256Hex.of(css).utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index + 1 < hex.count {
            let high = hex[index] >= 97 ? hex[index] - 87 : hex[index] - 48
            let low = hex[index + 1] >= 97 ? hex[index + 1] - 87 : hex[index + 1] - 48
            bytes.append(high << 4 | low)
            index += 2
        }
        return "sha256-" + Data(bytes).base64EncodedString()
    }

    /// A whole document around `body` (already escaped markup).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '\(styleHash)'; \
        img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(MarkupEscape.text(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}

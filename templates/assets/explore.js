// Curbside's explorer: charts a reader can question and tables a reader can work, from any static host and offline.
// Charts (figures holding a <script type="application/json" class="chart-data">): the exact value on hover and on
// keyboard focus (arrow keys), a date range and series toggles for line charts, redrawn as Sources/CurbsideCharts
// draws them, and downloads of the data (CSV) and the drawing (SVG). Tables marked data-sortable: sort by any
// column, filter by text, pages. Without this script every chart and table is plain SVG and HTML. Ours, vanilla,
// no dependencies; README.md, "Exploring the site", gives its size budget.
(() => {
  "use strict";
  const doc = document;
  let count = 0;

  const make = (name, attributes = {}, text, ns) => {
    const node = ns ? doc.createElementNS("http://www.w3.org/2000/svg", name) : doc.createElement(name);
    for (const key in attributes) if (attributes[key] != null) node.setAttribute(key, attributes[key]);
    if (text != null) node.textContent = text;
    return node;
  };
  const draw = (name, attributes, text) => make(name, attributes, text, true);
  const max = (values, empty) => (values.length ? Math.max(...values) : empty);
  const min = (values, empty) => (values.length ? Math.min(...values) : empty);

  // Numbers as Sources/CurbsideCharts/Format writes them: no locale, grouped thousands, never -0.
  const fixed = (value, decimals) => {
    if (!isFinite(value)) return "\u2014";
    const scale = 10 ** decimals, units = Math.round(Math.abs(value) * scale), part = units % scale;
    const whole = String((units - part) / scale).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const fraction = decimals ? "." + String(part).padStart(decimals, "0") : "";
    return (units === 0 || value >= 0 ? "" : "-") + whole + fraction;
  };
  const decimalsFor = (step) => {
    for (let d = 0; d <= 6 && step > 0 && isFinite(step); d++) {
      const scaled = step * 10 ** d;
      if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
    }
    return step > 0 && isFinite(step) ? 6 : 0;
  };
  // NiceScale: from 0 (or below) to a round tick, steps of 1, 2, 2.5 or 5 × 10^n.
  const niceScale = (low, high, integral) => {
    low = Math.min(0, isFinite(low) ? low : 0);
    high = Math.max(0, isFinite(high) ? high : 0);
    if (high - low <= 0) high = low + 1;
    const raw = (high - low) / 5, magnitude = 10 ** Math.floor(Math.log10(raw));
    let step = 10 * magnitude;
    for (const multiple of [1, 2, 2.5, 5, 10]) {
      const candidate = multiple * magnitude;
      if (integral && (candidate < 1 || (multiple === 2.5 && magnitude < 10))) continue;
      if (candidate >= raw * (1 - 1e-9)) { step = candidate; break; }
    }
    low = Math.floor(low / step) * step;
    high = Math.ceil(high / step) * step;
    const power = 10 ** decimalsFor(step), ticks = [];
    for (let k = 0; k <= Math.round((high - low) / step); k++) ticks.push(Math.round((low + k * step) * power) / power);
    return { ticks, at: (v) => (v - low) / (high - low) };
  };
  // ValueFormat.tickLabels: one unit and one number of decimals for every tick ($1.2M, 40%).
  const tickLabels = (ticks, format) => {
    const largest = max(ticks.map(Math.abs), 0), divisor = largest >= 1e9 ? 1e9 : largest >= 1e6 ? 1e6 : 1;
    const decimals = decimalsFor((ticks.length > 1 ? ticks[1] - ticks[0] : 1) / divisor);
    return ticks.map((t) => {
      let number = fixed(Math.abs(t) / divisor, decimals);
      if (number.includes(".")) number = number.replace(/0+$/, "").replace(/\.$/, "");
      const sign = fixed(t / divisor, decimals)[0] === "-" ? "-" : "";
      const unit = number === "0" ? "" : { 1e9: "B", 1e6: "M", 1: "" }[divisor];
      return sign + (format === "money" ? "$" : "") + number + (format === "percent" ? "%" : unit);
    });
  };
  // SVGNumber: at most two decimals, trailing zeros dropped.
  const at2 = (value) => {
    const units = Math.round(Math.abs(value) * 100), part = units % 100;
    if (!isFinite(value) || !units) return "0";
    const fraction = part ? "." + String(part).padStart(2, "0").replace(/0$/, "") : "";
    return (value < 0 ? "-" : "") + (units - part) / 100 + fraction;
  };
  // ChartMetrics.width and .truncated: a label's estimated width at 13 units.
  const em = (c) => (/[MWmw@%]/.test(c) ? 0.9 : /[ijlItfr.,:;'!|()[\]]/.test(c) ? 0.36 : c === " " ? 0.3
    : /[0-9$]/.test(c) ? 0.6 : /[A-Z&\u2014\u2026]/.test(c) ? 0.74 : 0.62);
  const textWidth = (text) => 13 * Array.from(String(text)).reduce((sum, c) => sum + em(c), 0);
  const truncated = (text, room) => {
    if (textWidth(text) <= room) return text;
    const kept = Array.from(text);
    while (kept.length && textWidth(kept.join("") + "\u2026") > room) kept.pop();
    return kept.join("").trimEnd() + "\u2026";
  };
  // TickPlacement: the smallest stride whose labels keep apart.
  const stride = (span, plot, label, strides) => {
    if (span <= 0) return 1;
    const needed = (label + 10) / (plot / span), last = strides[strides.length - 1];
    return strides.find((s) => s >= needed) || last * Math.ceil(needed / last);
  };
  const DAY_STRIDES = [1, 2, 7, 14, 28, 56, 91, 182, 364, 728];
  const labelStrides = (n) => {
    const strides = [1, 2, 3, 4, 5];
    for (let b = 10; b <= Math.max(10, n); b *= 10) strides.push(b, b * 1.5, b * 2, b * 2.5, b * 5);
    return strides;
  };
  const dayOf = (text) => {
    const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(String(text));
    return m ? Date.UTC(+m[1], m[2] - 1, +m[3]) / 864e5 : NaN;
  };
  const iso = (day) => new Date(day * 864e5).toISOString().slice(0, 10);
  const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
  const shortDay = (day) => { const d = new Date(day * 864e5); return MONTHS[d.getUTCMonth()] + " " + d.getUTCDate(); };
  const numberOf = (value) => typeof value === "number" ? (isFinite(value) ? value : null)
    : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? parseFloat(value) : null;
  // A CSV field as Curbside's CSVs write them: quoted when needed, text guarded against spreadsheet formulas.
  const csvField = (value) => {
    if (value == null || typeof value === "number") return value == null ? "" : String(value);
    const text = /^[=+\-@]/.test(value) ? "'" + value : value;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  };
  const allRows = (data) => data.rows.map((row, i) => i);

  class Chart {
    constructor(figure, data) {
      this.figure = figure;
      this.data = data;
      this.rows = allRows(data);
      this.views = [...figure.querySelectorAll("svg.chart")].map((svg) => ({
        svg,
        box: svg.getAttribute("viewBox").split(" ").map(Number),
        plot: (svg.getAttribute("data-plot") || "").split(" ").map(Number),
      }));
      const first = this.views[0];
      if (!first) return;
      this.line = data.type === "line" && first.plot.length === 4;
      this.axis = first.svg.getAttribute("data-x");
      this.shown = data.labels.map(() => true);
      this.tip = make("div", { class: "chart-tip", "aria-hidden": "true", hidden: "" });
      this.status = make("p", { class: "visually-hidden", "aria-live": "polite" });
      this.hint = make("span", { class: "visually-hidden", id: "chart-hint-" + ++count },
        `Arrow keys read each ${this.line ? "point" : data.type === "bar" ? "bar" : "cell"}; Escape closes.`);
      figure.classList.add("is-explorable");
      figure.append(this.tip, this.status, this.hint);
      if (this.line) this.readValues(first.svg);
      for (const view of this.views) {
        for (const mark of view.svg.querySelectorAll(".point, .bar, .cell")) {
          const title = mark.querySelector("title");
          if (title) { mark.setAttribute("data-tip", title.textContent); title.remove(); }
        }
        this.listen(view);
        this.marks(view);
      }
      this.controls();
    }

    // Each point's value and x as the server wrote them in its title, so no text differs from the drawing's.
    readValues(svg) {
      const { rows, labels } = this.data, groups = svg.querySelectorAll("g.series");
      this.values = labels.map(() => ({}));
      this.xText = {};
      this.days = rows.map((row) => dayOf(row[0]));
      labels.forEach((name, s) => {
        const points = groups[s] ? groups[s].querySelectorAll(".point") : [];
        let k = 0;
        rows.forEach((row, i) => {
          if (numberOf(row[s + 1]) === null || !points[k]) return;
          const title = points[k++].querySelector("title").textContent, cut = title.lastIndexOf(": ");
          this.values[s][i] = title.slice(cut + 2);
          this.xText[i] = title.slice(name.length + 2, cut);
        });
      });
    }

    value(s, i) { return this.values[s][i] ?? String(this.data.rows[i][s + 1]); }
    x(i) { return this.xText[i] ?? String(this.data.rows[i][0]); }

    // The line chart again for the rows and series shown, laid out as LineChartLayout does.
    redraw(view) {
      const { svg, plot: [, top, right, bottom] } = view, { rows: data, labels, format } = this.data, rows = this.rows;
      for (const child of [...svg.children]) {
        if (/(^| )(y-axis|x-axis|series|empty)( |$)/.test(child.getAttribute("class"))) child.remove();
      }
      const series = labels.map((name, s) => s).filter((s) => this.shown[s]);
      const values = series.flatMap((s) => rows.map((i) => numberOf(data[i][s + 1])).filter((v) => v !== null));
      const scale = niceScale(min(values, 0), max(values, 1), format === "integer");
      const labelsY = tickLabels(scale.ticks, format);
      const left = Math.max(40, max(labelsY.map(textWidth), 0) + 14), y = (v) => bottom - (bottom - top) * scale.at(v);
      const xs = {}, grid = draw("g", { class: "axis y-axis" }), axis = draw("g", { class: "axis x-axis" });
      const line = (x1, y1, x2, y2, name) => draw("line", {
        x1: at2(x1), y1: at2(y1), x2: at2(x2), y2: at2(y2), class: name, stroke: "currentColor",
      });
      const tick = (x, label) => axis.append(line(x, bottom, x, bottom + 5, "tick"),
        draw("text", { x: at2(x), y: at2(bottom + 19), "text-anchor": "middle", class: "tick-label" }, label));
      scale.ticks.forEach((t, k) => grid.append(
        line(left, y(t), right, y(t), t ? "gridline" : "baseline"),
        draw("text", { x: at2(left - 8), y: at2(y(t)), dy: "0.32em", "text-anchor": "end", class: "tick-label" },
          labelsY[k])));
      if (this.axis === "numbers") {
        const positions = rows.map((i) => numberOf(data[i][0]));
        const xScale = niceScale(min(positions, 0), max(positions, 1));
        const place = (v) => left + (right - left) * xScale.at(v);
        rows.forEach((i, k) => { xs[i] = place(positions[k]); });
        tickLabels(xScale.ticks, "decimal").forEach((label, k) => tick(place(xScale.ticks[k]), label));
      } else if (this.axis === "days") {
        const days = rows.map((i) => this.days[i]), first = min(days, 0), last = max(days, 0);
        for (const i of rows) {
          xs[i] = last > first ? left + (right - left) * (this.days[i] - first) / (last - first) : (left + right) / 2;
        }
        const widest = max(days.map((d) => textWidth(shortDay(d))), 0);
        const every = stride(days[days.length - 1] - days[0], right - left, widest, DAY_STRIDES);
        rows.forEach((i, k) => { if ((days[k] - days[0]) % every === 0) tick(xs[i], shortDay(days[k])); });
      } else {
        const names = rows.map((i) => (data[i][0] == null ? "(none)" : String(data[i][0])));
        rows.forEach((i, k) => {
          xs[i] = rows.length > 1 ? left + (right - left) * k / (rows.length - 1) : (left + right) / 2;
        });
        const widest = max(names.map((n) => textWidth(truncated(n, 110))), 0);
        const every = stride(rows.length - 1, right - left, widest, labelStrides(rows.length));
        for (let k = 0; k < rows.length; k += every) tick(xs[rows[k]], truncated(names[k], 110));
      }
      svg.append(grid, axis);
      if (!values.length) {
        svg.append(draw("text", {
          x: at2((left + right) / 2), y: at2((top + bottom) / 2), "text-anchor": "middle", class: "empty",
        }, "No data"));
      }
      for (const s of series) {
        const group = draw("g", { class: "series series-" + (s % 8 + 1) }), points = [];
        let path = "", down = false;
        for (const i of rows) {
          const v = numberOf(data[i][s + 1]);
          if (v === null) { down = false; continue; }
          path += (path ? " " : "") + (down ? "L" : "M") + at2(xs[i]) + " " + at2(y(v));
          down = true;
          points.push(draw("circle", { cx: at2(xs[i]), cy: at2(y(v)), r: rows.length <= 62 ? 3 : 1.8, class: "point",
            "data-i": i, "data-tip": `${labels[s]}, ${this.x(i)}: ${this.value(s, i)}` }));
        }
        if (path) group.append(draw("path", { d: path, class: "line", fill: "none" }));
        group.append(...points);
        svg.append(group);
      }
      svg.querySelectorAll(".legend-item").forEach((item, s) => item.classList.toggle("is-off", !this.shown[s]));
      view.xs = xs;
      this.marks(view);
    }

    // What the keyboard steps through: each x position of a line chart in order, else each bar or cell.
    marks(view) {
      if (this.line) {
        if (!view.xs) {
          // The server drew one point per series and row with a value, in that order.
          const { rows, labels } = this.data;
          const order = labels.flatMap((name, s) => this.rows.filter((i) => numberOf(rows[i][s + 1]) !== null));
          view.xs = {};
          view.svg.querySelectorAll(".point").forEach((point, k) => {
            point.setAttribute("data-i", order[k]);
            view.xs[order[k]] = +point.getAttribute("cx");
          });
        }
        view.order = this.rows.filter((i) => view.xs[i] != null).sort((a, b) => view.xs[a] - view.xs[b] || a - b);
      } else {
        view.order = [...view.svg.querySelectorAll(this.data.type === "bar" ? ".bar" : ".cell")];
      }
      view.at = -1;
    }

    listen(view) {
      const svg = view.svg;
      svg.setAttribute("tabindex", "0");
      svg.setAttribute("aria-describedby", this.hint.id);
      svg.addEventListener("focus", () => this.show(view, Math.max(0, view.at), true));
      svg.addEventListener("blur", () => this.hide(view));
      svg.addEventListener("pointerleave", () => { if (doc.activeElement !== svg) this.hide(view); });
      // Moving a mouse, or touching the drawing on a phone.
      const point = (event) => {
        const at = this.nearest(view, event);
        if (at >= 0) this.show(view, at, false); else if (doc.activeElement !== svg) this.hide(view);
      };
      svg.addEventListener("pointermove", point);
      svg.addEventListener("pointerdown", point);
      svg.addEventListener("keydown", (event) => {
        const key = event.key, last = view.order.length - 1, grid = !this.line && this.data.type !== "bar";
        let at = view.at;
        if (key === "Escape") return this.hide(view);
        if (grid && (key === "ArrowUp" || key === "ArrowDown")) at = this.vertical(view, key === "ArrowUp" ? -1 : 1);
        else if (key === "ArrowRight" || key === "ArrowDown") at = Math.min(last, at + 1);
        else if (key === "ArrowLeft" || key === "ArrowUp") at = Math.max(0, at - 1);
        else if (key === "Home" || key === "End") at = key === "Home" ? 0 : last;
        else return;
        event.preventDefault();
        this.show(view, at, true);
      });
    }

    // The mark under the pointer: the nearest x of a line chart, the bar of that row, the cell hovered.
    nearest(view, event) {
      if (!this.line) {
        let mark = event.target.closest(this.data.type === "bar" ? ".bar" : ".cell"), best = Infinity;
        if (!mark && this.data.type === "bar") {
          for (const bar of view.order) {
            const box = bar.getBoundingClientRect(), d = Math.abs(box.top + box.height / 2 - event.clientY);
            if (d < best && d < box.height) { best = d; mark = bar; }
          }
        }
        return mark ? view.order.indexOf(mark) : -1;
      }
      const matrix = view.svg.getScreenCTM();
      if (!matrix || !view.order.length) return -1;
      const x = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse()).x, xs = view.xs;
      const distance = (k) => Math.abs(xs[view.order[k]] - x);
      return view.order.reduce((best, i, k) => (distance(k) < distance(best) ? k : best), 0);
    }

    // The nearest cell above or below, for the heat map's and the grid map's arrow keys.
    vertical(view, direction) {
      const from = view.order[Math.max(0, view.at)].getBoundingClientRect();
      let at = view.at, best = Infinity;
      view.order.forEach((mark, k) => {
        const box = mark.getBoundingClientRect(), dy = (box.top - from.top) * direction;
        const score = dy + 3 * Math.abs(box.left - from.left);
        if (dy > 1 && score < best) { best = score; at = k; }
      });
      return Math.max(0, at);
    }

    // The tooltip: a line chart's x with every series shown there; a bar's or a cell's own title.
    show(view, at, keyboard) {
      const tip = this.tip, lines = [];
      if (!view.order.length) return;
      view.at = at = Math.max(0, Math.min(view.order.length - 1, at));
      this.clear(view);
      let anchor = null;
      tip.textContent = "";
      if (this.line) {
        const i = view.order[at];
        lines.push(this.x(i));
        tip.append(make("strong", {}, lines[0]));
        for (const point of view.svg.querySelectorAll(`.point[data-i="${i}"]`)) {
          point.classList.add("is-active");
          if (!anchor || +point.getAttribute("cy") < +anchor.getAttribute("cy")) anchor = point;
        }
        this.shown.forEach((on, s) => {
          if (!on || numberOf(this.data.rows[i][s + 1]) === null) return;
          const line = make("span", { class: "tip-line" }), text = `${this.data.labels[s]}: ${this.value(s, i)}`;
          line.append(make("span", { class: "series-swatch series-" + (s % 8 + 1) }), text);
          tip.append(line);
          lines.push(text);
        });
        if (lines.length === 1) tip.append(make("span", { class: "tip-line" }, "No data"));
      } else {
        anchor = view.order[at];
        anchor.classList.add("is-active");
        lines.push(anchor.getAttribute("data-tip"));
        tip.append(make("span", { class: "tip-line" }, lines[0]));
      }
      if (keyboard) {
        const keys = this.line || this.data.type === "bar" ? "\u2190 \u2192" : "\u2190 \u2191 \u2192 \u2193";
        tip.append(make("span", { class: "tip-hint" }, keys + " move \u00b7 Esc close"));
        this.status.textContent = lines.join(". ");
      }
      tip.hidden = false;
      const frame = this.figure.getBoundingClientRect(), box = (anchor || view.svg).getBoundingClientRect();
      let left = box.left + box.width / 2 - frame.left + 12, top = box.top - frame.top - tip.offsetHeight - 8;
      if (left + tip.offsetWidth > frame.width) left = Math.max(0, box.left - frame.left - tip.offsetWidth - 12);
      if (top < 0) top = box.bottom - frame.top + 8;
      tip.style.left = Math.round(left) + "px";
      tip.style.top = Math.round(top) + "px";
    }

    clear(view) { view.svg.querySelectorAll(".is-active").forEach((mark) => mark.classList.remove("is-active")); }
    hide(view) { this.tip.hidden = true; this.clear(view); }

    // The date range, the series toggles and the downloads, between the caption and the drawing.
    controls() {
      const { rows, labels } = this.data, bar = make("div", { class: "chart-controls" });
      const group = (name, legend) => {
        const set = make("fieldset", { class: name });
        set.append(make("legend", {}, legend));
        bar.append(set);
        return set;
      };
      if (this.line && this.axis === "days" && rows.length > 1) {
        const days = this.days.filter(isFinite), lo = min(days), hi = max(days);
        const range = group("chart-range", "Dates shown");
        const from = make("input", { type: "date", min: iso(lo), max: iso(hi), value: iso(lo) });
        const to = make("input", { type: "date", min: iso(lo), max: iso(hi), value: iso(hi) });
        const all = make("button", { type: "button" }, "All dates");
        const apply = () => {
          let a = dayOf(from.value), b = dayOf(to.value);
          a = isNaN(a) ? lo : a;
          b = isNaN(b) ? hi : b;
          if (a > b) { [a, b] = [b, a]; from.value = iso(a); to.value = iso(b); }
          this.rows = allRows(this.data).filter((i) => this.days[i] >= a && this.days[i] <= b);
          this.update();
        };
        for (const [name, input] of [["From ", from], ["To ", to]]) {
          const label = make("label", {}, name);
          label.append(input);
          range.append(label);
          input.addEventListener("change", apply);
        }
        range.append(all);
        all.addEventListener("click", () => { from.value = iso(lo); to.value = iso(hi); apply(); });
      }
      if (this.line && labels.length > 1) {
        const toggles = group("chart-series", "Series shown");
        labels.forEach((name, s) => {
          const label = make("label"), box = make("input", { type: "checkbox", checked: "" });
          box.addEventListener("change", () => { this.shown[s] = box.checked; this.update(); });
          label.append(box, make("span", { class: "series-swatch series-" + (s % 8 + 1) }), " " + name);
          toggles.append(label);
        });
      }
      const files = make("p", { class: "chart-downloads" });
      const name = (this.figure.querySelector(".figure-title") || {}).textContent || "chart";
      const file = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "chart";
      const downloads = [
        ["Download data (CSV)", ".csv", "text/csv", () => this.csv()],
        ["Download SVG", ".svg", "image/svg+xml", () => this.svgText()],
      ];
      downloads.forEach(([text, extension, type, body], k) => {
          const link = make("a", { href: "#", download: file + extension, class: "chart-download" }, text);
          link.addEventListener("click", () => {
            if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
            link.href = URL.createObjectURL(new Blob([body()], { type: type + ";charset=utf-8" }));
          });
          files.append(k ? " \u00b7 " : "", link);
        });
      bar.append(files);
      const caption = this.figure.querySelector("figcaption");
      this.figure.insertBefore(bar, caption ? caption.nextSibling : this.figure.firstChild);
    }

    update() {
      const { rows, labels } = this.data, first = this.rows[0], last = this.rows[this.rows.length - 1];
      for (const view of this.views) this.redraw(view);
      this.tip.hidden = true;
      this.status.textContent = this.rows.length
        ? `Showing ${this.rows.length} of ${rows.length} points, ${this.x(first)} to ${this.x(last)}; series: ` +
          (labels.filter((name, s) => this.shown[s]).join(", ") || "none") + "."
        : "No points in this range.";
    }

    // The data shown: a line chart's rows in the range and the series chosen; every row of other charts.
    csv() {
      const { rows, columns } = this.data;
      const shown = columns.map((c, k) => k).filter((k) => !k || !this.line || this.shown[k - 1]);
      return [columns, ...(this.line ? this.rows : allRows(this.data)).map((i) => rows[i])]
        .map((row) => shown.map((k) => csvField(row[k])).join(",")).join("\n") + "\n";
    }

    // The drawing shown, standing alone: computed colours written in, each mark's title back, a background.
    svgText() {
      const view = this.views.find((v) => v.svg.getBoundingClientRect().width > 0) || this.views[0];
      const copy = view.svg.cloneNode(true), copies = copy.querySelectorAll("*");
      view.svg.querySelectorAll("*").forEach((node, k) => {
        if (!/^(line|path|circle|rect|text)$/.test(node.localName)) return;
        const style = getComputedStyle(node);
        for (const p of ["fill", "stroke", "stroke-width", "stroke-linejoin", "stroke-linecap", "opacity", "font-size",
          "font-weight"]) copies[k].setAttribute(p, style.getPropertyValue(p));
      });
      for (const mark of copy.querySelectorAll("[data-tip]")) {
        mark.prepend(draw("title", {}, mark.getAttribute("data-tip")));
        mark.removeAttribute("data-tip");
        mark.removeAttribute("data-i");
        mark.classList.remove("is-active");
      }
      for (const name of ["tabindex", "aria-describedby", "data-plot", "data-x"]) copy.removeAttribute(name);
      copy.setAttribute("width", view.box[2]);
      copy.setAttribute("height", view.box[3]);
      const background = getComputedStyle(doc.body).backgroundColor;
      copy.querySelector("desc").after(draw("rect", { width: "100%", height: "100%", fill: background }));
      return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy) + "\n";
    }
  }

  // A table: sort by a column (again to reverse), filter by text, pages of data-page-size rows (25).
  const table = (node) => {
    const body = node.tBodies[0], head = node.tHead && node.tHead.rows[0];
    const rows = body && head ? [...body.rows] : [];
    if (!rows.length || rows[0].querySelector(".empty")) return;
    const heads = [...head.cells], size = +node.getAttribute("data-page-size") || 25;
    const frame = node.closest(".table-frame") || node;
    const state = { column: -1, direction: 1, query: "", page: 0 }, tools = make("div", { class: "table-tools" });
    const status = make("p", { class: "table-status", "aria-live": "polite" });
    let pager = null;
    heads.forEach((th, column) => {
      const button = make("button", { type: "button", class: "sort-button" });
      button.append(...th.childNodes, make("span", { class: "sort-icon", "aria-hidden": "true" }));
      th.append(button);
      button.addEventListener("click", () => {
        state.direction = state.column === column ? -state.direction : 1;
        state.column = column;
        state.page = 0;
        apply();
      });
    });
    if (rows.length > 10) {
      const label = make("label", {}, "Filter rows "), filter = make("input", { type: "search", spellcheck: "false" });
      label.append(filter);
      tools.append(label);
      filter.addEventListener("input", () => { state.query = filter.value.trim(); state.page = 0; apply(); });
    }
    tools.append(status);
    if (rows.length > Math.min(10, size)) { if (node.caption) node.caption.append(tools); else frame.before(tools); }
    if (rows.length > size) {
      pager = make("div", { class: "table-pager" });
      const previous = make("button", { type: "button" }, "Previous");
      const next = make("button", { type: "button" }, "Next");
      pager.append(previous, make("span"), next);
      previous.addEventListener("click", () => { state.page--; apply(); });
      next.addEventListener("click", () => { state.page++; apply(); });
      frame.after(pager);
    }
    const key = (row, column) => {
      const cell = row.cells[column], text = !cell ? "" : cell.getAttribute("data-sort") ?? cell.textContent.trim();
      return text === "" || text === "\u2014" ? null : text;
    };
    const apply = () => {
      const list = rows.slice(), column = state.column, query = state.query.toLowerCase();
      if (column >= 0) {
        const numeric = heads[column].classList.contains("num");
        list.sort((a, b) => {
          const x = key(a, column), y = key(b, column);
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
          const d = numeric && !isNaN(x) && !isNaN(y) ? x - y : x.localeCompare(y, "en", { numeric: true });
          return d * state.direction;
        });
      }
      for (const th of heads) th.removeAttribute("aria-sort");
      if (column >= 0) heads[column].setAttribute("aria-sort", state.direction > 0 ? "ascending" : "descending");
      const matching = list.filter((row) => !query || row.textContent.toLowerCase().includes(query));
      const pages = Math.max(1, Math.ceil(matching.length / size));
      state.page = Math.max(0, Math.min(state.page, pages - 1));
      const first = pager ? state.page * size : 0, visible = matching.slice(first, pager ? first + size : undefined);
      for (const row of visible.concat(list.filter((r) => !visible.includes(r)))) {
        row.hidden = !visible.includes(row);
        body.append(row);
      }
      const match = query ? `${matching.length} of ${rows.length} rows match \u201c${state.query}\u201d` : "";
      const rowsShown = `Rows ${first + 1}\u2013${first + visible.length} of ${matching.length}`;
      status.textContent = pager && visible.length ? rowsShown + (match && "; " + match) : match;
      if (pager) {
        pager.children[0].disabled = state.page === 0;
        pager.children[1].textContent = `Page ${state.page + 1} of ${pages}`;
        pager.children[2].disabled = state.page >= pages - 1;
      }
    };
    apply();
  };

  const start = () => {
    for (const figure of doc.querySelectorAll("figure.chart-figure")) {
      const block = figure.querySelector("script.chart-data");
      try {
        if (block) new Chart(figure, JSON.parse(block.textContent));
      } catch (error) { /* the figure stays as drawn */ }
    }
    doc.querySelectorAll("table[data-sortable]").forEach(table);
  };
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start); else start();
})();

/// A dependency-free JavaScript scorer for `model.json`, for pages that score rows in the browser.
///
/// `score(model, features)` returns the probability and `margin(model, features)` the log-odds;
/// `features` is an array in the model's feature order or an object keyed by feature name. A value
/// that is `null`, `undefined`, `""` or not a number is missing. The scorer does what
/// `GBTModel.margin` does, in the same order: values rounded to 32-bit floats (`Math.fround`),
/// leaves added to `base_margin` in tree order in double precision, then `1 / (1 + Math.exp(−m))`.
/// So margins match Swift's exactly and probabilities to the last bit or so of `exp`.
public enum ModelScorerJS {
    public static let source = #"""
        // Scores rows with a Curbside gradient-boosted trees model (model.json, format curbside-gbt/1).
        "use strict";

        function curbsideValue(model, features, index) {
          const raw = Array.isArray(features) ? features[index] : features[model.features[index].name];
          if (raw === null || raw === undefined || raw === "") return NaN;
          return Math.fround(Number(raw));
        }

        function curbsideGoesLeft(model, node, x) {
          if (Number.isNaN(x)) return node.default_left;
          if (node.threshold !== undefined) return x <= Math.fround(node.threshold);
          const known = model.features[node.feature].categories.some((c) => Math.fround(c) === x);
          if (!known) return node.default_left;
          return node.categories_left.some((c) => Math.fround(c) === x);
        }

        /** The margin (log-odds) of one row. */
        function margin(model, features) {
          const values = model.features.map((_, index) => curbsideValue(model, features, index));
          let sum = model.base_margin;
          for (const tree of model.trees) {
            let node = tree[0];
            while (node.leaf === undefined) {
              node = tree[curbsideGoesLeft(model, node, values[node.feature]) ? node.left : node.right];
            }
            sum += node.leaf;
          }
          return sum;
        }

        /** The probability of the positive class for one row. */
        function score(model, features) {
          return 1 / (1 + Math.exp(-margin(model, features)));
        }

        if (typeof module !== "undefined" && module.exports) {
          module.exports = { margin, score };
        }

        """#

    /// The scorer plus the glue of the model page's form (`form.scorer` with the model in a
    /// `<script type="application/json">` named by `data-model`): every change re-scores the crash.
    public static let formScript =
        source + #"""

            function curbsideFormatPercent(p) {
              return (Math.round(p * 1000) / 10).toFixed(1) + "%";
            }

            function curbsideScoreForm(form) {
              const data = document.getElementById(form.dataset.model);
              if (!data) return;
              const model = JSON.parse(data.textContent);
              const output = form.querySelector("output");
              const update = () => {
                const features = {};
                for (const feature of model.features) {
                  const field = form.elements.namedItem(feature.name);
                  features[feature.name] = field ? field.value : "";
                }
                const p = score(model, features);
                const called = p >= model.threshold;
                output.textContent = "Probability of a hit-and-run: " + curbsideFormatPercent(p) + ". That is " +
                  (called ? "at or above" : "below") + " the threshold (" + curbsideFormatPercent(model.threshold) +
                  "), so the model calls it " + (called ? "a hit-and-run." : "not a hit-and-run.");
                output.dataset.probability = String(p);
              };
              form.addEventListener("input", update);
              form.addEventListener("change", update);
              form.addEventListener("submit", (event) => { event.preventDefault(); update(); });
              update();
            }

            if (typeof document !== "undefined") {
              const start = () => document.querySelectorAll("form.scorer").forEach(curbsideScoreForm);
              if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
              else start();
            }

            """#
}

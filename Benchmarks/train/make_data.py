#!/usr/bin/env python3
"""Writes the synthetic binary-classification CSV that compare_xgboost.sh trains both trainers on.

200,000 rows x 20 numeric features (f0..f19) and a 0/1 label `y`, from a fixed seed, so the file is
the same on every machine. The signal is nonlinear (a sine, products, a step, a square, a modulus,
an interaction gated by a sign), eight features are pure noise, and four features have missing
values (written as empty fields) that are drawn after the label, so missingness hides signal.
The label is drawn from the logistic of the signal: an honest model reaches a test ROC AUC near 0.85.

Usage: make_data.py OUT.csv [ROWS]
"""

import sys

import numpy as np
import pandas as pd


def main() -> None:
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    rng = np.random.default_rng(20_260_501)
    x = rng.standard_normal((rows, 20))
    x[:, 5] = rng.integers(0, 10, rows)  # a small integer feature (many ties)
    x[:, 10] = rng.uniform(-3, 3, rows)
    signal = (
        1.1 * np.sin(2.0 * x[:, 0])
        + 0.9 * x[:, 1] * x[:, 2]
        + 1.0 * (x[:, 3] > 0.5)
        - 0.6 * (x[:, 4] ** 2 - 1.0)
        + 0.15 * (x[:, 5] - 4.5)
        + 0.7 * (np.abs(x[:, 6]) - 0.8)
        + 0.5 * x[:, 7] * (x[:, 8] > 0)
        + 0.4 * x[:, 9]
        + 0.5 * np.cos(1.5 * x[:, 10])
        + 0.3 * x[:, 11]
        - 0.9
    )
    y = (rng.uniform(size=rows) < 1.0 / (1.0 + np.exp(-1.15 * signal))).astype(np.int8)
    for column, rate in ((1, 0.05), (3, 0.08), (7, 0.05), (12, 0.10)):
        x[rng.uniform(size=rows) < rate, column] = np.nan
    frame = pd.DataFrame(x.astype(np.float32), columns=[f"f{i}" for i in range(20)])
    frame["y"] = y
    frame.to_csv(out, index=False, float_format="%.6g", na_rep="")


if __name__ == "__main__":
    main()

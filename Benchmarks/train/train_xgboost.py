#!/usr/bin/env python3
"""Trains XGBoost on a CSV the way `curbside train --csv` does, and prints the same last line.

Features are every column but the label (and the split column, when given); an empty field is
missing. With --split the column says train/test, otherwise the last 20% of rows are the test set.
Parameters match curbside's defaults: hist, depthwise, depth 6, eta 0.1, 300 rounds, 256 bins,
min_child_weight 1, lambda 1, gamma 0, no subsampling, base_score from the training prevalence.
Timed: building the DMatrix (the binning) and training, not reading the CSV; the same boundary
as curbside's train_seconds.

Usage: train_xgboost.py FILE --label COLUMN [--split COLUMN] [--threads N]
Last line: train_seconds=<s> test_auc=<auc>
"""

import argparse
import time

import numpy as np
import pandas as pd
import xgboost as xgb


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC with ties counted as half (the Mann-Whitney statistic), as sklearn computes it."""
    ranks = pd.Series(scores).rank(method="average").to_numpy()
    positives = labels.sum()
    negatives = len(labels) - positives
    return float((ranks[labels == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--label", required=True)
    parser.add_argument("--split")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    frame = pd.read_csv(args.file)
    labels = frame.pop(args.label).to_numpy().astype(np.float32)
    if args.split:
        is_test = (frame.pop(args.split) == "test").to_numpy()
    else:
        cut = len(frame) - len(frame) // 5
        is_test = np.arange(len(frame)) >= cut
    features = frame.to_numpy(dtype=np.float32)
    x_train, y_train = features[~is_test], labels[~is_test]
    x_test, y_test = features[is_test], labels[is_test]

    prevalence = float(y_train.mean())
    params = {
        "objective": "binary:logistic",
        "tree_method": "hist",
        "grow_policy": "depthwise",
        "max_depth": 6,
        "eta": 0.1,
        "max_bin": 256,
        "min_child_weight": 1.0,
        "lambda": 1.0,
        "gamma": 0.0,
        "nthread": args.threads,
        "base_score": prevalence,
        "seed": 42,
    }
    start = time.perf_counter()
    cpu_start = time.process_time()
    train = xgb.QuantileDMatrix(x_train, label=y_train, max_bin=256, nthread=args.threads)
    booster = xgb.train(params, train, num_boost_round=300)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    scores = booster.predict(xgb.DMatrix(x_test, nthread=args.threads))
    print(f"xgboost {xgb.__version__}: {len(y_train)} train rows, {len(y_test)} test rows, {cpu_seconds:.3f} s of CPU")
    print(f"train_seconds={seconds:.3f} test_auc={roc_auc(scores, y_test.astype(np.int64)):.6f}")


if __name__ == "__main__":
    main()

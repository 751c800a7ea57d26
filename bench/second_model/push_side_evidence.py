#!/usr/bin/env python3
"""Is there evidence of a push to a mark boundary beyond the histogram of scores?

boundary_bunching sees a push only as too many works at the boundary and too few just below it;
for a push of 1-3 points that moves fewer than 6-9 works, even the most powerful test of the
histogram cannot tell it from chance (docs/methodology.md, 3.3). This script asks whether the
works at the boundary carry other evidence, on a region of second_model.py (`generate`; the
directory with flat.csv and truth.csv). For every ВПР unit of 20+ works and each boundary «3» and
«4» (read from the marks: the lowest score at which most works of the region got the mark) with
3+ works at it, two statistics of the works at exactly the boundary:

- pattern: how far their task scores are from the region's works with the same total,
  sum over tasks of (x - m)^2 / v, standardised by the region's works at that total (under a
  Rasch-like model the pattern given the total does not depend on the pupil, so this would be
  free of the school's level);
- journal: the mean journal mark of the works at the boundary minus that of the unit's other
  works, each as a residual from the region's mean journal mark at the same score (a pushed
  pupil's journal follows what the pupil knows, i.e. a lower score), as a two-sample z.

It prints the quantiles over honest units and each planted push at its boundary. Standard library
only; a study, not part of the analysis.
"""

import argparse
import collections
import csv
import math


def read(directory):
    truth = {}
    with open(directory + "/truth.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = (r["year"], r["procedure"], r["grade"], r["subject"], r["school_code"])
            truth[key] = r
    units = collections.defaultdict(list)
    with open(directory + "/flat.csv", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter=";")
        head = next(rows)
        tasks = [i for i, c in enumerate(head) if c.startswith("З") and c[1:].isdigit()]
        primary, mark = head.index("Первичный балл"), head.index("Отметка")
        journal = head.index("Отметка по журналу")
        for r in rows:
            if r[1] != "ВПР" or not r[mark]:
                continue
            points = [int(r[i]) if r[i] else None for i in tasks]
            used = max([i for i, p in enumerate(points) if p is not None], default=-1) + 1
            units[tuple(r[0:4])].append((r[5], int(r[primary]), int(r[mark]),
                                         int(r[journal]) if r[journal] else None,
                                         [p or 0 for p in points[:used]]))
    return truth, units


def boundaries(works):
    by_score = collections.defaultdict(collections.Counter)
    for _, score, mark, _, _ in works:
        by_score[score][mark] += 1
    modal = {s: c.most_common(1)[0][0] for s, c in by_score.items()}
    return {m: min(s for s in modal if modal[s] >= m)
            for m in (3, 4) if any(modal[s] >= m for s in modal)}


def pattern_model(works):
    """Per total: each task's mean and variance, and the mean and SD of the works' distances."""
    by_total = collections.defaultdict(list)
    for *_, points in works:
        by_total[sum(points)].append(points)
    model = {}
    for total, rows in by_total.items():
        n, k = len(rows), len(rows[0])
        mean = [sum(r[t] for r in rows) / n for t in range(k)]
        var = [max(1e-3, sum((r[t] - mean[t]) ** 2 for r in rows) / n) for t in range(k)]
        dist = [sum((r[t] - mean[t]) ** 2 / var[t] for t in range(k)) for r in rows]
        mu = sum(dist) / n
        sd = math.sqrt(sum((x - mu) ** 2 for x in dist) / n) or 1.0
        model[total] = (mean, var, mu, sd)
    return model


def study(truth, units):
    honest = {"pattern": [], "journal": []}
    pushes = []
    for key, works in units.items():
        bounds = boundaries(works)
        model = pattern_model(works)
        journals = collections.defaultdict(list)
        for _, score, _, j, _ in works:
            if j is not None:
                journals[score].append(j)
        journal_mean = {s: sum(v) / len(v) for s, v in journals.items()}
        schools = collections.defaultdict(list)
        for school, score, _, j, points in works:
            schools[school].append((score, j, points))
        for school, own in schools.items():
            if len(own) < 20:
                continue
            plant = truth.get(key + (school,))
            for mark, b in bounds.items():
                at = [points for score, _, points in own if sum(points) == b]
                if len(at) < 3 or b not in model:
                    continue
                mean, var, mu, sd = model[b]
                dist = [sum((x[t] - mean[t]) ** 2 / var[t] for t in range(len(mean))) for x in at]
                z_pattern = (sum(dist) - len(dist) * mu) / (math.sqrt(len(dist)) * sd)
                res_at = [j - journal_mean[s] for s, j, _ in own if s == b and j is not None]
                res_rest = [j - journal_mean[s] for s, j, _ in own if s != b and j is not None]
                z_journal = float("nan")
                if len(res_at) >= 3 and len(res_rest) >= 5:
                    m_rest = sum(res_rest) / len(res_rest)
                    v = sum((x - m_rest) ** 2 for x in res_rest) / (len(res_rest) - 1) or 0.1
                    z_journal = (sum(res_at) / len(res_at) - m_rest) / math.sqrt(
                        v / len(res_at) + v / len(res_rest))
                if plant and plant["manipulation"] == "boundary_push":
                    pushed = {"«3»": [3], "«4»": [4], "«3»+«4»": [3, 4]}[plant["detail"].split()[1]]
                    if mark in pushed:
                        pushes.append((z_pattern, z_journal, len(at), plant["detail"]))
                elif not plant:
                    honest["pattern"].append(z_pattern)
                    if not math.isnan(z_journal):
                        honest["journal"].append(z_journal)
    return honest, pushes


def quantile(values, f):
    values = sorted(values)
    return values[int(f * (len(values) - 1))]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("directory", help="a region of second_model.py generate (flat.csv, truth.csv)")
    args = p.parse_args()
    honest, pushes = study(*read(args.directory))
    hp, hj = honest["pattern"], honest["journal"]
    pattern_cut, journal_cut = quantile(hp, 0.99), quantile(hj, 0.01)
    print("honest unit-boundaries: %d" % len(hp))
    print("  pattern z: median %.2f, 90 %% %.2f, 99 %% %.2f, 99.9 %% %.2f"
          % (quantile(hp, .5), quantile(hp, .9), pattern_cut, quantile(hp, .999)))
    print("  journal z: median %.2f, 10 %% %.2f, 1 %% %.2f, 0.1 %% %.2f"
          % (quantile(hj, .5), quantile(hj, .1), journal_cut, quantile(hj, .001)))
    print("planted pushes at their boundary: %d" % len(pushes))
    print("  pattern z median %.2f, beyond the honest 99 %%: %d"
          % (quantile([x[0] for x in pushes], .5), sum(x[0] > pattern_cut for x in pushes)))
    js = [x[1] for x in pushes if not math.isnan(x[1])]
    print("  journal z median %.2f, beyond the honest 1 %%: %d of %d"
          % (quantile(js, .5), sum(x < journal_cut for x in js), len(js)))
    for zp, zj, n, detail in sorted(pushes, reverse=True):
        print("  pattern %6.2f  journal %6.2f  works at the boundary %2d  %s" % (zp, zj, n, detail))


if __name__ == "__main__":
    main()

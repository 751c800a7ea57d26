#!/usr/bin/env python3
"""Study: can a school that kept its weakest pupils away from one ВПР be named from the data?

Not part of the analysis (docs/methodology.md §6, «Отсутствие на ВПР»). Reads a data directory of
second_model.py (flat.csv, truth.csv), made with --sent-home and usually --absence, and tries
three tests on every ВПР unit whose pupils wrote other ВПР of the same year and grade (codes name
pupils within a year, as ФИС ОКО gives one code per pupil):

- selectivity: a pupil's standing is the mean of the region-standardised primary scores of the
  other ВПР they wrote that year; E = the parallel's pupils with a standing, A = those of E absent
  from the unit. Under the region's selection (absent ~ logistic(α_unit + β·standing), β common to
  the region, α fitted so that the expected number absent is |A|) the score test of
  T = Σ_{i∈A} standing_i: z = (E[T] − T)/√Var[T], the Bernoulli variances centred at their
  weighted mean (the conditional test given |A|); z divided by its robust spread over the region;
- count: the unit's absent share of the parallel (every code of the year and grade) against the
  mean share of the school's other ВПР of that parallel, a binomial z divided by its robust spread;
- the three ways of using them: selectivity alone, Fisher's combination of the two p, and
  selectivity after a screen on the count (z ≥ --screen; independent filtering, Bourgon, Gentleman,
  Huber 2010: the conditional test does not depend on the count under the null).

Each is corrected by Benjamini–Hochberg at 0.05 over the units it tests (3+ absent); a unit is
named when q ≤ 0.05 and the present pupils' mean standing is at least 0.1 above the parallel's.
Pure standard library; 3–4 minutes for a region of 200 schools.

Usage: participation_study.py DATA_DIR [--screen 2.0]
"""
import argparse
import collections
import csv
import math
import statistics


def load(directory):
    works = collections.defaultdict(dict)  # (year, grade, subject) -> {(school, code): primary}
    with open(directory + "/flat.csv", encoding="utf-8") as f:
        r = csv.reader(f, delimiter=";")
        h = next(r)
        iy, ip, ig, isub, isch, icode, iprim = (h.index(x) for x in (
            "Год", "Процедура", "Параллель", "Предмет", "Логин ОО", "Код участника",
            "Первичный балл"))
        for row in r:
            if row[ip] == "ВПР":
                works[(int(row[iy]), int(row[ig]), row[isub])][(row[isch], row[icode])] = \
                    float(row[iprim])
    truth = {}
    with open(directory + "/truth.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            truth[(int(r["year"]), int(r["grade"]), r["subject"], r["school_code"])] = \
                r["manipulation"]
    return works, truth


def upper(z):
    return 0.5 * math.erfc(z / math.sqrt(2))


def units_of(works):
    z = {}
    for k, w in works.items():
        m, s = statistics.fmean(w.values()), statistics.pstdev(w.values())
        z[k] = {key: (v - m) / s for key, v in w.items()}
    parallels = collections.defaultdict(set)
    for (year, grade, subject), w in works.items():
        for school, _ in w:
            parallels[(year, grade, school)].add(subject)
    units = []
    for (year, grade, school), subjects in parallels.items():
        codes = {s: {c: v for (sch, c), v in z[(year, grade, s)].items() if sch == school}
                 for s in subjects}
        everyone = set().union(*codes.values())
        for subject in subjects:
            others = [o for o in subjects if o != subject]
            if not others:
                continue
            standing = collections.defaultdict(list)
            for o in others:
                for c, v in codes[o].items():
                    standing[c].append(v)
            s = {c: statistics.fmean(v) for c, v in standing.items()}
            present = [s[c] for c in s if c in codes[subject]]
            absent = [s[c] for c in s if c not in codes[subject]]
            if len(present) < 10:
                continue
            share = statistics.fmean(1 - len(codes[o]) / len(everyone) for o in others)
            units.append(dict(key=(year, grade, subject, school), s=present + absent,
                              absent=len(absent), n=len(codes[subject]),
                              missing=len(everyone) - len(codes[subject]), parallel=len(everyone),
                              share=share,
                              lift=statistics.fmean(present) - statistics.fmean(present + absent)))
    return units


def score_test(s, k, beta):
    lo, hi = -30.0, 30.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if sum(1 / (1 + math.exp(-(mid + beta * x))) for x in s) < k:
            lo = mid
        else:
            hi = mid
    p = [1 / (1 + math.exp(-((lo + hi) / 2 + beta * x))) for x in s]
    w = [pi * (1 - pi) for pi in p]
    centre = sum(wi * x for wi, x in zip(w, s)) / sum(w)
    return sum(pi * x for pi, x in zip(p, s)), sum(wi * (x - centre) ** 2 for wi, x in zip(w, s))


def robust(values):
    med = statistics.median(values)
    return med, max(1e-9, 1.4826 * statistics.median(abs(v - med) for v in values))


def bh_cutoff(ps):
    ps = sorted(ps)
    cut = 0.0
    for i, p in enumerate(ps, 1):
        if p <= 0.05 * i / len(ps):
            cut = p
    return cut


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("data")
    a.add_argument("--screen", type=float, default=2.0)
    args = a.parse_args()
    works, truth = load(args.data)
    units = units_of(works)
    tested = [u for u in units if u["absent"] >= 3]
    for u in tested:
        u["T"] = sum(u["s"][-u["absent"]:])
    lo, hi = -4.0, 2.0  # the region's β: Σ (T − E[T]) = 0 over the tested units
    for _ in range(40):
        mid = (lo + hi) / 2
        if sum(u["T"] - score_test(u["s"], u["absent"], mid)[0] for u in tested) < 0:
            hi = mid
        else:
            lo = mid
    beta = (lo + hi) / 2
    for u in tested:
        mean, var = score_test(u["s"], u["absent"], beta)
        u["z"] = (mean - u["T"]) / math.sqrt(var) if var > 0 else 0.0
        r = min(max(u["share"], 0.5 / u["parallel"]), 0.9)
        u["zc"] = (u["missing"] - u["parallel"] * r) / math.sqrt(u["parallel"] * r * (1 - r))
    mz, sz = robust([u["z"] for u in tested])
    mc, sc = robust([u["zc"] for u in tested])
    for u in tested:
        u["pz"] = upper((u["z"] - mz) / max(1.0, sz))
        u["pc"] = upper((u["zc"] - mc) / sc)
        both = max(u["pz"] * u["pc"], 1e-300)
        u["pf"] = both * (1 - math.log(both))
    print("units of 10+ with other ВПР of the year: %d; tested (3+ absent): %d; region β %.2f; "
          "selectivity z median %.2f, robust SD %.2f; count z robust SD %.2f"
          % (len(units), len(tested), beta, mz, sz, sc))
    screened = [u for u in tested if (u["zc"] - mc) / sc >= args.screen]
    for name, family, key in (("selectivity", tested, "pz"), ("Fisher", tested, "pf"),
                              ("screened (count z >= %.1f, %d units)" % (args.screen,
                                                                         len(screened)),
                               screened, "pz")):
        cut = bh_cutoff([u[key] for u in family])
        named = collections.Counter()
        total = collections.Counter()
        for u in units:
            if u["n"] < 20:
                continue
            kind = truth.get(u["key"], "honest")
            total[kind] += 1
            named[kind] += u in family and cut > 0 and u[key] <= cut and u["lift"] >= 0.1
        print("%s: sent_home %d/%d, honest %d/%d, other plants %d/%d" % (
            name, named["sent_home"], total["sent_home"], named["honest"], total["honest"],
            sum(named[k] for k in named if k not in ("sent_home", "honest")),
            sum(total[k] for k in total if k not in ("sent_home", "honest"))))
    sent = [u for u in tested if truth.get(u["key"]) == "sent_home"]
    print("sent_home units (selectivity z / count z, robust): " + " ".join(
        "%.1f/%.1f" % ((u["z"] - mz) / max(1.0, sz), (u["zc"] - mc) / sc) for u in sent))


if __name__ == "__main__":
    main()

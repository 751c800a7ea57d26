#!/usr/bin/python3
"""Compares the C++ statistics (src/core) with SciPy on generated data.

Usage: /usr/bin/python3 tests/scripts/check_stats.py PATH/TO/core_tests
Exit 0 = all agree, 1 = a mismatch, 77 = SciPy is not available (ctest reports the test as skipped).
"""
import itertools
import math
import os
import subprocess
import sys
import tempfile

try:
    import numpy as np
    import scipy.stats as st
    from scipy.optimize import brentq
    from scipy.special import logsumexp
    from scipy.integrate import quad
except ImportError:
    print("SciPy is not installed for this interpreter: skipped")
    sys.exit(77)


def bh(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    q = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(q[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out


def kappa_quadratic(a, b, lo=2, hi=5):
    k = hi - lo + 1
    t = np.zeros((k, k))
    for x, y in zip(a, b):
        t[x - lo, y - lo] += 1
    n = t.sum()
    w = np.array([[(i - j) ** 2 for j in range(k)] for i in range(k)]) / (k - 1) ** 2
    expected = np.outer(t.sum(1), t.sum(0)) / n
    return 1 - (w * t).sum() / (w * expected).sum()


def trinomial_tail(parts, u):
    """P(sum of wA*A + wB*B >= u) over independent multinomial windows, by enumeration."""
    dist = {0: 1.0}
    for m, pa, pb, wa, wb in parts:
        one = {}
        for a in range(m + 1):
            for b in range(m - a + 1):
                v = a * wa + b * wb
                # a window without a cell above has pA + pB = 1: the third share is 0, not −ε
                one[v] = one.get(v, 0.0) + st.multinomial.pmf([a, b, m - a - b], m,
                                                              [pa, pb, max(0.0, 1 - pa - pb)])
        joint = {}
        for x, px in dist.items():
            for y, py in one.items():
                joint[x + y] = joint.get(x + y, 0.0) + px * py
        dist = joint
    return min(1.0, sum(p for v, p in dist.items() if v >= u))


def saddle_cgf(groups, tau2, t):
    """K(t), K'(t), K''(t) of Σ X + N(0, τ²): X of a group takes h with probability probs[h]."""
    k0, k1, k2 = tau2 * t * t / 2, tau2 * t, tau2
    for count, probs in groups:
        h = np.nonzero(probs)[0]
        log_w = np.log(probs[h]) + t * h
        log_m = logsumexp(log_w)
        w = np.exp(log_w - log_m)
        mean = (w * h).sum()
        k0 += count * log_m
        k1 += count * mean
        k2 += count * max(0.0, (w * h * h).sum() - mean * mean)
    return k0, k1, k2


def saddle_lr(groups, tau2, observed, exact_when_cheap=True):
    """Lugannani–Rice, written from Butler (2007) §1.2: on the lattice (τ² = 0) with Daniels's
    second continuity correction at observed − d/2, continuous at observed otherwise; within 24
    points of the largest sum, or where the convolution is cheap, the exact tail."""
    x, span = observed, 0
    if tau2 == 0:
        smallest = largest = 0
        for count, probs in groups:
            h = np.nonzero(probs)[0]
            span = math.gcd(span, *[int(v - h[0]) for v in h[1:]]) if len(h) > 1 else span
            smallest += count * h[0]
            largest += count * h[-1]
        if observed > largest:
            return 0.0
        if observed <= smallest:
            return 1.0
        deficits = math.floor(largest - observed + 1e-9)
        cost = sum(count * (min(np.nonzero(probs)[0][-1], deficits) + 1) * (deficits + 1)
                   for count, probs in groups)
        if exact_when_cheap and (deficits <= 24 or cost <= 2e5):  # as the program
            return saddle_exact(groups, 0.0, observed)
        if observed == largest:  # the formula alone: exact at the top itself
            return math.prod(probs[np.nonzero(probs)[0][-1]] ** count for count, probs in groups)
        x = observed - span / 2
    _, mean, var = saddle_cgf(groups, tau2, 0.0)
    if abs(x - mean) < 0.05 * math.sqrt(var):
        return float(st.norm.sf((x - mean) / math.sqrt(var)))
    t = brentq(lambda s: saddle_cgf(groups, tau2, s)[1] - x, -1e3, 1e3, xtol=1e-15, rtol=1e-15)
    k0, _, k2 = saddle_cgf(groups, tau2, t)
    w = math.copysign(math.sqrt(max(0.0, 2 * (t * x - k0))), t)
    u = 2 / span * math.sinh(t * span / 2) * math.sqrt(k2) if span else t * math.sqrt(k2)
    return min(1.0, max(0.0, st.norm.sf(w) + st.norm.pdf(w) * (1 / u - 1 / w)))


def saddle_exact(groups, tau2, observed):
    """The exact tail: the distribution of Σ X by convolution; with τ² > 0, P(S + Y ≥ x) as
    Σ P(S = s)·P(Y ≥ x − s)."""
    dist = np.ones(1)
    for count, probs in groups:
        for _ in range(count):
            dist = np.convolve(dist, probs)
    s = np.arange(len(dist))
    if tau2 == 0:
        return float(dist[s >= observed - 1e-9].sum())
    return float((dist * st.norm.sf((observed - s) / math.sqrt(tau2))).sum())


def saddle_exact_mixture(groups, observed, tilt_variance):
    """P(S ≥ observed) when every term is tilted by one θ ~ N(0, v): P(X = h | θ) ∝ P(X = h)·e^(θh);
    the exact tilted tail (convolution) integrated over θ by scipy.integrate.quad."""
    sd = math.sqrt(tilt_variance)

    def tilted(theta):
        out = []
        for count, probs in groups:
            w = probs * np.exp(theta * np.arange(len(probs)) - theta * (len(probs) - 1) * (theta > 0))
            out.append((count, w / w.sum()))
        return out

    f = lambda theta: saddle_exact(tilted(theta), 0.0, observed) * st.norm.pdf(theta, 0, sd)
    return quad(f, -10 * sd, 10 * sd, limit=400, epsabs=0, epsrel=1e-8)[0]


def lround(x):
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def tilted(region, unit):
    """The region's histogram tilted to the unit's mean, h(x)·e^(λx) scaled to the region's count
    (λ by Brent's root finder, clamped to [-3, 3]: the C++ code uses Newton's method)."""
    r = np.array(region, dtype=float)
    u = np.array(unit, dtype=float)
    x = np.arange(len(r), dtype=float)
    n = r.sum()
    if n <= 0 or u.sum() <= 0:
        return list(r)
    mean = (r * x).sum() / n
    if not ((r * x * x).sum() / n - mean * mean > 0):
        return list(r)
    target = (u * x[:len(u)]).sum() / u.sum()

    def weights(lam):
        a = lam * x
        a = a - a[r > 0].max()
        return np.where(r > 0, r * np.exp(a), 0.0)

    def tilted_mean(lam):
        w = weights(lam)
        return (w * x).sum() / w.sum()

    if tilted_mean(-3.0) >= target:
        lam = -3.0
    elif tilted_mean(3.0) <= target:
        lam = 3.0
    else:
        lam = brentq(lambda v: tilted_mean(v) - target, -3.0, 3.0, xtol=1e-14)
    w = weights(lam)
    return list(w * n / w.sum())


def bunching(unit, region, bounds, max_primary, widest, min_count=8, min_missing=0.5):
    """boundary_bunching p-values, one per boundary tested (docs/methodology.md, 3.3)."""
    region = tilted(region, unit)
    out = []
    tested = []
    prev = -1
    for i, b in enumerate(bounds):
        if b <= prev or b <= 0:
            continue
        nxt = next((x for x in bounds[i + 1:] if x > b), 0)
        low = max(prev + 1, 0)
        prev = b
        above_limit = nxt - widest - 1 if nxt > 0 else max_primary
        wins = []
        for w in range(1, widest + 1):
            bf, at_to = max(low, b - w), min(b + w - 1, above_limit)
            cnt = lambda h, lo, hi: sum(h[max(lo, 0):hi + 1])
            below, at, above = cnt(unit, bf, b - 1), cnt(unit, b, b), cnt(unit, b + 1, at_to)
            rb, ra, rab = cnt(region, bf, b - 1), cnt(region, b, b), cnt(region, b + 1, at_to)
            m = below + at + above
            if rb + ra + rab < 1 or m == 0 or bf > b - 1:
                continue
            if wins and wins[-1]["bf"] == bf and wins[-1]["to"] == at_to:
                continue
            tot = rb + ra + rab + (1.5 if at_to > b else 1.0)
            wins.append(dict(w=w, bf=bf, to=at_to, below=below, at=at, m=m,
                             pb=(rb + 0.5) / tot, pa=(ra + 0.5) / tot))
        if not wins or wins[-1]["m"] < min_count:
            continue
        for x in wins:
            real_a, real_b = math.log1p(0.7 * x["pb"] / x["pa"]), math.log1p(-0.7)
            scale = 10 / (real_a - real_b)
            wa, wb = max(1, lround(real_a * scale)), min(-1, lround(real_b * scale))
            u = wa * x["at"] + wb * x["below"]
            m, pa, pb = x["m"], x["pa"], x["pb"]
            mu = pa * wa + pb * wb
            var = m * (pa * wa * wa + pb * wb * wb - mu * mu)
            approx = st.norm.sf((u - 0.5 - m * mu) / math.sqrt(var)) if var > 0 else float(u <= m * mu)
            if m <= 80 and approx < 0.2:
                pc = max(0.0, 1 - pa - pb)  # no cell above: a binomial window
                x["p"] = min(1.0, sum(st.multinomial.pmf([a, c, m - a - c], m, [pa, pb, pc])
                                      for a in range(m + 1) for c in range(m - a + 1)
                                      if a * wa + c * wb >= u))
            else:
                x["p"] = approx
            x["effect"] = x["at"] > m * pa and \
                1 - (x["below"] + 0.5) / (m * pb + 0.5) >= min_missing
        best = wins[0]
        for x in wins[1:]:
            if (x["effect"] != best["effect"] and x["effect"]) or \
                    (x["effect"] == best["effect"] and x["p"] < best["p"]):
                best = x
        out.append(min(1.0, best["p"] * len(wins)))
        tested.append(wins)
    if len(tested) >= 2:  # every tested boundary together («все границы»)
        widths = []
        for w in range(1, widest + 1):
            picks = [max((x for x in wins if x["w"] <= w), key=lambda x: x["w"], default=None)
                     for wins in tested]
            picks = [x for x in picks if x is not None]
            if len(picks) < 2 or (widths and [id(x) for x in widths[-1]["wins"]] ==
                                  [id(x) for x in picks]):
                continue
            gap = max(math.log1p(0.7 * x["pb"] / x["pa"]) - math.log1p(-0.7) for x in picks)
            scale = 10 / gap
            parts, u = [], 0
            for x in picks:
                wa = max(1, lround(math.log1p(0.7 * x["pb"] / x["pa"]) * scale))
                wb = min(-1, lround(math.log1p(-0.7) * scale))
                parts.append((x["m"], x["pa"], x["pb"], wa, wb))
                u += wa * x["at"] + wb * x["below"]
            mean = sum(m * (pa * wa + pb * wb) for m, pa, pb, wa, wb in parts)
            var = sum(m * (pa * wa * wa + pb * wb * wb - (pa * wa + pb * wb) ** 2)
                      for m, pa, pb, wa, wb in parts)
            approx = st.norm.sf((u - 0.5 - mean) / math.sqrt(var)) if var > 0 else float(u <= mean)
            total = sum(x["m"] for x in picks)
            pv = trinomial_tail(parts, u) if total <= 80 and approx < 0.2 else approx
            at = sum(x["at"] for x in picks)
            below = sum(x["below"] for x in picks)
            e_at = sum(x["m"] * x["pa"] for x in picks)
            e_below = sum(x["m"] * x["pb"] for x in picks)
            effect = at > e_at and 1 - (below + 0.5) / (e_below + 0.5) >= min_missing
            widths.append(dict(wins=picks, p=pv, effect=effect))
        if widths:
            best = widths[0]
            for x in widths[1:]:
                if (x["effect"] != best["effect"] and x["effect"]) or \
                        (x["effect"] == best["effect"] and x["p"] < best["p"]):
                    best = x
            out.append(min(1.0, best["p"] * len(widths)))
    return out


def journal_counts(table, lo=2, hi=5):
    """(pairs, Σ mark − journal, Σ squares, journal count, Σ journal, Σ journal²) of a 4×4 table
    (marks 2..5 × journal 2..5)."""
    t = np.asarray(table, dtype=float).reshape(4, 4)
    marks, journals = np.meshgrid(np.arange(2, 6), np.arange(2, 6), indexing="ij")
    side = (marks >= lo) & (marks <= hi)
    d = marks - journals
    return (t[side].sum(), (t * d)[side].sum(), (t * d * d)[side].sum(), t.sum(),
            (t * journals).sum(), (t * journals * journals).sum())


def journal_spread(tables, positions, unit, position, k, min_z, lo=2, hi=5):
    """JournalSpread::of, robustZ, the per-unit z and its p, levelZ, then the Šidák threshold and
    p for k classes, as docs/methodology.md §3.4 writes them."""
    rows = [(journal_counts(t, lo, hi), x) for t, x in zip(tables, positions)]
    rows = [(c, x) for c, x in rows if c[0] > 0]
    n = sum(c[0] for c, _ in rows)
    s1 = sum(c[1] for c, _ in rows)
    s2 = sum(c[2] for c, _ in rows)
    diff_mean, diff_var = s1 / n, (s2 - s1 * s1 / n) / (n - 1)
    jn = sum(c[3] for c, _ in rows)
    js = sum(c[4] for c, _ in rows)
    jss = sum(c[5] for c, _ in rows)
    j_mean, j_sd = js / jn, math.sqrt((jss - js * js / jn) / (jn - 1))
    shift = np.array([c[1] / c[0] for c, _ in rows])
    pos = np.array([x for _, x in rows])
    # Tukey's resistant line: medians of the lowest and the highest third by position
    order = np.argsort(pos, kind="stable")
    third = len(order) // 3
    slope = 0.0
    if third >= 1:
        left, right = order[:third], order[::-1][:third]
        dx = np.median(pos[right]) - np.median(pos[left])
        slope = (np.median(shift[right]) - np.median(shift[left])) / dx if dx > 1e-9 else 0.0
    res = shift - slope * pos
    centre = float(np.median(res))
    v = float(np.median([diff_var / c[0] for c, _ in rows]))
    low = np.median([centre - r for r in res if r <= centre])
    high = np.median([r - centre for r in res if r >= centre])
    b_low = math.sqrt(max(0.0, (1.4826 * low) ** 2 - v))
    b_high = math.sqrt(max(0.0, (1.4826 * high) ** 2 - v))
    u = journal_counts(unit, lo, hi)
    d = u[1] / u[0] - (centre + slope * position)
    robust = d / math.sqrt((b_low if d < 0 else b_high) ** 2 + diff_var / u[0])
    z = (u[1] / u[0] - diff_mean) / math.sqrt(diff_var / u[0])
    level = (u[4] / u[3] - j_mean) / (j_sd / math.sqrt(u[3]))
    p_one = st.norm.sf(z)
    sidak_z = st.norm.isf(1 - (1 - st.norm.sf(min_z)) ** (1 / k))
    return [centre, slope, b_low, b_high, diff_mean, diff_var, j_mean, j_sd, robust, z, p_one,
            level, sidak_z, 1 - (1 - p_one) ** k]


def journal_scatter(units):
    """journal_mismatch_scatter from the pupils themselves: units = [(class tables, table of pupils
    without a class)], each table 16 counts (mark 2..5 × journal 2..5); the last unit is tested.
    d = mark − journal about each class's mean, pooled (over the whole unit when a pupil has no
    class or there are fewer than two classes)."""
    def pupils(table):
        return np.repeat([(2 + i // 4) - (2 + i % 4) for i in range(16)], table).astype(float)

    rows = []
    for classes, extra in units:
        groups = [pupils(t) for t in classes if sum(t) > 0]
        if sum(extra) > 0 or len(groups) < 2:
            groups = [np.concatenate([pupils(t) for t in classes] + [pupils(extra)])]
            within = 0
        else:
            within = len(groups)
        squares = sum(float(((g - g.mean()) ** 2).sum()) for g in groups if len(g))
        fourth = sum(float(((g - g.mean()) ** 4).sum()) for g in groups if len(g))
        df = sum(max(len(g) - 1, 0) for g in groups)
        rows.append((sum(len(g) for g in groups), df, within, squares, fourth))
    tested = [r for r in rows if r[1] > 0]
    logs = np.array([math.log(max(r[3], 0.25) / r[1]) for r in tested])
    sq, fo = sum(r[3] for r in tested), sum(r[4] for r in tested)
    df, n = sum(r[1] for r in tested), sum(r[0] for r in tested)
    kurt = max(1 + 1e-9, fo / n / (sq / df) ** 2) if sq > 0 else 3.0
    centre = float(np.median(logs))
    scale = 1.4826 * float(np.median(logs[logs >= centre] - centre))
    sampling = float(np.median([(kurt - 1) / r[1] for r in tested]))
    between = math.sqrt(max(0.0, scale ** 2 - sampling))
    pairs, udf, within, squares, fourth = rows[-1]
    log_v = math.log(max(squares, 0.25) / udf)
    z = (log_v - centre) / math.sqrt(between ** 2 + (kurt - 1) / udf)
    t = (log_v - centre) / math.sqrt((kurt - 1) / udf)
    return [pairs, udf, within, squares, fourth, centre, between, kurt, z, t, st.norm.sf(t)]


def gpoly_ref(matrix, maxes):
    """Brute force: steps ordered by popularity (stable, item then step), G = pairs (easier failed,
    harder passed); max over all score vectors with the same total."""
    X = np.asarray(matrix)
    N = len(X)
    steps = []  # (popularity, item, step)
    for j, m in enumerate(maxes):
        for k in range(1, m + 1):
            steps.append((float(np.mean(np.clip(X[:, j], 0, m) >= k)), j, k))
    order = sorted(range(len(steps)), key=lambda i: -steps[i][0])  # Python sort is stable
    ordered = [steps[i] for i in order]
    def G(row):
        y = [1 if max(0, min(row[j], maxes[j])) >= k else 0 for _, j, k in ordered]
        return sum(1 for a in range(len(y)) for b in range(a + 1, len(y)) if y[a] == 0 and y[b] == 1)
    maxg = {}
    for vec in itertools.product(*[range(m + 1) for m in maxes]):
        t = sum(vec)
        maxg[t] = max(maxg.get(t, 0), G(vec))
    out = []
    for row in X:
        g = G(row)
        t = sum(max(0, min(row[j], maxes[j])) for j in range(len(maxes)))
        out.append((g, g / maxg[t] if maxg[t] > 0 else float("nan")))
    return out

def lzpoly_ref(P, x):
    """Drasgow, Levine & Williams (1985) with the double-sum variance."""
    l0 = sum(math.log(P[j][x[j]]) for j in range(len(P)))
    E = sum(p * math.log(p) for Pj in P for p in Pj if p > 0)
    V = 0.0
    for Pj in P:
        for a in Pj:
            for b in Pj:
                if a > 0 and b > 0:
                    V += a * b * math.log(a) * math.log(a / b)
    return (l0 - E) / math.sqrt(V)


def saddle_cases(rng, cases, saddle_exact_of, wanted):
    """difficulty_inversion's tails, until `wanted` of them have an exact tail to compare."""
    start = len(saddle_exact_of)
    while len(saddle_exact_of) - start < wanted:
        top = int(rng.integers(1, 13))
        even = top >= 2 and rng.uniform() < 0.15
        groups = []
        for _ in range(int(rng.integers(2, 16))):
            shape = rng.dirichlet(np.exp(-rng.uniform(0, 1.2) * np.arange(top + 1))
                                  * rng.uniform(0.5, 5))
            if even:
                shape[1::2] = 0
            counts = rng.multinomial(int(rng.integers(20, 2000)), shape / shape.sum())
            groups.append((int(rng.integers(1, 9)), counts / counts.sum()))
        _, mean, var = saddle_cgf(groups, 0.0, 0.0)
        if sum(c for c, _ in groups) < 10 or var <= 0:
            continue
        tau2 = 0.0
        observed = mean + rng.uniform(1.5, 6) * math.sqrt(var + tau2)
        if tau2 == 0:  # on the lattice, as a sum of real points is; sometimes the top itself
            lows = [np.nonzero(p)[0] for _, p in groups]
            low = sum(c * h[0] for (c, _), h in zip(groups, lows))
            high = sum(c * h[-1] for (c, _), h in zip(groups, lows))
            span = math.gcd(*[int(v - h[0]) for h in lows for v in h[1:]])
            if span == 0:
                continue
            steps = round((observed - low) / span)
            observed = float(high if rng.uniform() < 0.15 else min(low + span * steps, high))
        flat = ",".join(f"{c},{len(p)}," + ",".join(repr(float(v)) for v in p) for c, p in groups)
        saddle_exact_of[len(cases)] = saddle_exact(groups, tau2, observed)
        cases.append((f"saddle {tau2!r},{observed!r}|{flat}",
                      [saddle_lr(groups, tau2, observed),
                       saddle_lr(groups, tau2, observed, exact_when_cheap=False)], 1e-8))
        if tau2 == 0:  # the same sum mixed over a school's tilt θ ~ N(0, v), v·V² from 0.05·V to 2·V
            v = float(rng.uniform(0.05, 2.0) / var)
            exact = saddle_exact_mixture(groups, observed, v)
            if exact > 1e-12:  # quad's ±10 SD misses the mass of a p of 10⁻⁸⁰ at the top value
                saddle_exact_of[len(cases)] = exact
                cases.append((f"saddle 0.0,{observed!r},{v!r}|{flat}", [exact], 0.1))


def main():
    binary = sys.argv[1]
    rng = np.random.default_rng(20240517)
    cases = []  # (line, expected values, tolerance)
    for x in rng.normal(0, 2.5, 40):
        cases.append((f"norm_cdf {x!r}", [st.norm.cdf(x)], 1e-12))
    for p in list(rng.uniform(0, 1, 40)) + [1e-12, 1e-5, 0.999999]:
        cases.append((f"norm_ppf {p!r}", [st.norm.ppf(p)], 1e-9))
    for _ in range(40):
        n = int(rng.integers(1, 400))
        k = int(rng.integers(0, n + 1))
        p = float(rng.uniform(0.01, 0.99))
        cases.append((f"binom_sf {k},{n},{p!r}", [st.binom.sf(k - 1, n, p)], 1e-9))
    # gia_vs_annual with the region's spread of schools: a share of a few per cent, 10-300
    # graduates, intra-class correlation 0.001-0.2
    for _ in range(60):
        n = int(rng.integers(10, 300))
        k = int(rng.integers(0, min(n, 40) + 1))
        p = float(rng.uniform(0.01, 0.3))
        rho = float(rng.uniform(0.001, 0.2))
        a, b = p * (1 / rho - 1), (1 - p) * (1 / rho - 1)
        cases.append((f"betabinom_sf {k},{n},{a!r},{b!r}", [st.betabinom.sf(k - 1, n, a, b)],
                      1e-9))
    for _ in range(40):
        n1, n2 = int(rng.integers(5, 200)), int(rng.integers(50, 5000))
        x1, x2 = int(rng.integers(0, n1 + 1)), int(rng.integers(1, n2))
        pp = (x1 + x2) / (n1 + n2)
        z = (x1 / n1 - x2 / n2) / np.sqrt(pp * (1 - pp) * (1 / n1 + 1 / n2))
        cases.append((f"zprop {x1},{n1},{x2},{n2}", [z, st.norm.sf(z)], 1e-9))
    for _ in range(60):
        n1, n2 = int(rng.integers(3, 60)), int(rng.integers(3, 300))
        # integer scores: many ties, as primary scores are
        a = rng.integers(0, 20, n1) + int(rng.integers(0, 3))
        b = rng.integers(0, 20, n2)
        r = st.mannwhitneyu(a, b, alternative="greater", method="asymptotic")
        cases.append((f"mwu {','.join(map(str, a))}|{','.join(map(str, b))}",
                      [r.statistic, r.pvalue], 1e-9))
    for _ in range(60):
        n = int(rng.integers(3, 300))
        x = rng.integers(0, 30, n)
        y = np.clip(x // 6 + rng.integers(-1, 2, n) + 2, 2, 5)
        cases.append((f"spearman {','.join(map(str, x))}|{','.join(map(str, y))}",
                      [st.spearmanr(x, y).correlation], 1e-9))
        m = np.clip(x // 7 + 2, 2, 5)
        cases.append((f"kappa {','.join(map(str, m))}|{','.join(map(str, y))}",
                      [kappa_quadratic(m, y)], 1e-9))
    for _ in range(30):
        parts = []
        for _ in range(int(rng.integers(1, 4))):
            pa, pb = rng.uniform(0.05, 0.5), rng.uniform(0.05, 0.45)
            parts.append((int(rng.integers(1, 13)), float(pa), float(pb),
                          int(rng.integers(1, 11)), -int(rng.integers(1, 11))))
        lo = sum(m * wb for m, _, _, _, wb in parts)
        hi = sum(m * wa for m, _, _, wa, _ in parts)
        u = int(rng.integers(lo, hi + 1))
        flat = ",".join(f"{m},{pa!r},{pb!r},{wa},{wb}" for m, pa, pb, wa, wb in parts)
        cases.append((f"trinom {flat}|{u}", [trinomial_tail(parts, u)], 1e-10))
    for _ in range(40):
        a, b = rng.normal(0, 1, 2)
        sa, sb = rng.uniform(0.01, 0.5, 2)
        z = (a - b) / math.hypot(sa, sb)
        cases.append((f"zdiff {a!r},{sa!r},{b!r},{sb!r}", [z, st.norm.sf(z)], 1e-12))
    for _ in range(40):
        mx = int(rng.integers(15, 36))
        b3 = int(rng.integers(4, 10))
        b4 = b3 + int(rng.integers(2, 9))
        b5 = min(mx - 1, b4 + int(rng.integers(2, 9)))
        shape = np.exp(-0.5 * ((np.arange(mx + 1) - rng.uniform(0.3, 0.7) * mx) / (0.25 * mx)) ** 2)
        region = rng.poisson(shape * rng.uniform(20, 200)).astype(int)
        unit = rng.multinomial(int(rng.integers(10, 90)), shape / shape.sum()).astype(int)
        v = rng.uniform()
        if v < 0.7:  # works moved up to one boundary, or to every boundary
            d = int(rng.integers(1, 4))
            for b in ([b3, b4, b5][int(rng.integers(0, 3))],) if v < 0.4 else (b3, b4, b5):
                if b > mx:
                    continue
                unit[b] += unit[max(0, b - d):b].sum()
                unit[max(0, b - d):b] = 0
        widest = int(rng.integers(1, 4))
        expected = bunching(list(unit), list(region), [b3, b4, b5], mx, widest)
        if expected:
            cases.append((f"bunch {','.join(map(str, unit))}|{','.join(map(str, region))}|"
                          f"{b3},{b4},{b5},{widest}", expected, 1e-10))
    for _ in range(30):
        schools = int(rng.integers(5, 40))
        tables = [list(rng.poisson(rng.uniform(0.2, 6, 16))) for _ in range(schools)]
        positions = list(rng.normal(0, 0.5, schools))
        unit = list(rng.poisson(rng.uniform(0.5, 8, 16)))
        unit[5] += 1  # at least one «3» with a «3»: both sides have a pair
        k = int(rng.integers(1, 6))
        position = float(rng.normal(0, 0.5))
        flat = ",".join(str(int(v)) for t in tables for v in t)
        cases.append((f"jspread {flat}|{','.join(repr(float(x)) for x in positions)}|"
                      f"{','.join(str(int(v)) for v in unit)}|{position!r},{k}",
                      journal_spread(tables, positions, unit, position, k, 2.0), 1e-9))
    for _ in range(30):  # person-fit: G^p and G^p_normed against a brute force (all step pairs)
        maxes = [int(v) for v in rng.integers(1, 4, int(rng.integers(2, 6)))]
        works = [[int(rng.integers(-1, m + 1)) for m in maxes] for _ in range(int(rng.integers(3, 25)))]
        expected = [v for pair in gpoly_ref(works, maxes) for v in pair]
        flat = ",".join(str(v) for w in works for v in w)
        cases.append((f"gpoly {','.join(map(str, maxes))}|{flat}", expected, 1e-12))
    for _ in range(30):  # lz^p with the double-sum variance of Drasgow et al. (1985)
        maxes = [int(v) for v in rng.integers(1, 4, int(rng.integers(1, 8)))]
        probs = [list(rng.dirichlet(np.ones(m + 1))) for m in maxes]
        x = [int(rng.integers(0, m + 1)) for m in maxes]
        flat = ",".join(repr(float(v)) for pj in probs for v in pj)
        cases.append((f"lzpoly {','.join(map(str, maxes))}|{flat}|{','.join(map(str, x))}",
                      [lzpoly_ref(probs, x)], 1e-10))
    # difficulty_inversion's tail: pupils' points on hard tasks in strata of equal primary score,
    # each stratum with the region's distribution there (counts / total, skewed: mostly 0 for weak
    # pupils; sometimes only even values, a lattice of span 2); the C++ must equal this script's
    # own Lugannani–Rice and be near the exact tail (convolution); mixed over a school's tilt, near
    # the exact mixture (convolution at every θ, integrated by quad)
    saddle_exact_of = {}
    saddle_cases(rng, cases, saddle_exact_of, 100)
    for _ in range(20):
        p = rng.uniform(0, 1, int(rng.integers(1, 200))) ** 3
        cases.append((f"bh {','.join(repr(float(v)) for v in p)}", list(bh(p)), 1e-12))
    for _ in range(30):  # journal_mismatch_scatter: units of 1-4 classes, some pupils without one
        units = []
        for u in range(int(rng.integers(5, 40))):
            noise = rng.uniform(0.1, 0.9)  # how often the journal departs from the work
            classes, extra = [], [0] * 16
            for _ in range(int(rng.integers(1, 5))):
                table = [0] * 16
                shift = int(rng.integers(-1, 2))
                for _ in range(int(rng.integers(0 if u else 3, 30))):
                    mark = int(rng.integers(2, 6))
                    step = int(rng.choice([-1, 1])) if rng.uniform() < noise else 0
                    journal = min(5, max(2, mark + step + (shift if rng.uniform() < 0.5 else 0)))
                    table[(mark - 2) * 4 + journal - 2] += 1
                classes.append(table)
            if rng.uniform() < 0.2:
                extra[int(rng.integers(0, 16))] += int(rng.integers(1, 4))
            units.append((classes, extra))
        units.append(units.pop(0))  # the unit tested (3+ pupils) last
        flat = ",".join(str(v) for classes, _ in units for t in classes for v in t)
        sizes = ",".join(str(len(classes)) for classes, _ in units)
        extras = ",".join(str(v) for _, extra in units for v in extra)
        cases.append((f"jscatter {flat}|{sizes}|{extras}", journal_scatter(units), 1e-9))

    # 100 more from a stream of their own (the first 100 missed a lumpy sum near its top: a
    # saddlepoint 2.7 times the exact tail)
    saddle_cases(np.random.default_rng(20261206), cases, saddle_exact_of, 100)

    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "in.txt"), os.path.join(tmp, "out.txt")
        with open(src, "w") as f:
            f.write("\n".join(c[0] for c in cases) + "\n")
        env = dict(os.environ, OBJECTIVITY_STATS_IN=src, OBJECTIVITY_STATS_OUT=dst,
                   QT_QPA_PLATFORM="offscreen")
        run = subprocess.run([binary, "--gtest_filter=StatsCrossCheck.*"], env=env,
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout, run.stderr)
            return 1
        with open(dst) as f:
            got = [list(map(float, line.split())) for line in f if line.strip()]
    bad = 0
    for (line, expected, tol), values in zip(cases, got):
        # a tail probability far out is compared relatively: 1e-9 against 3e-9 is a mismatch
        atol = 0 if line.startswith("saddle") else tol
        if len(values) != len(expected) or not np.allclose(values, expected, rtol=tol, atol=atol,
                                                           equal_nan=True):
            bad += 1
            print("MISMATCH", line[:80] if not line.startswith("bunch") else line, "expected", expected[:4], "got", values[:4])
    # the saddlepoint is an approximation: where a finding may hang on it (p ≤ 10⁻³) it must be
    # within −15 % / +25 % of the exact tail, and never far on the side that overstates evidence
    ratios = []
    for i, exact in saddle_exact_of.items():
        if i < len(got) and exact > 1e-12:
            ratio = got[i][0] / exact
            ratios.append(ratio)
            low, high = (0.85, 1.25) if exact <= 1e-3 else (0.75, 1.5)
            if not low <= ratio <= high:
                bad += 1
                print("SADDLEPOINT FAR FROM THE EXACT TAIL", cases[i][0][:2000], "exact", exact,
                      "got", got[i][0])
    formula = [got[i][1] / exact for i, exact in saddle_exact_of.items()
               if i < len(got) and len(got[i]) > 1 and exact > 1e-12]
    if formula:
        print(f"the formula alone / exact tail over {len(formula)} cases: "
              f"{min(formula):.3f}…{max(formula):.3f}")
    if ratios:
        mixed = sum(1 for i in saddle_exact_of if cases[i][0].split("|")[0].count(",") == 2)
        print(f"the program's tail / exact tail over {len(ratios)} cases ({mixed} mixed over a tilt): "
              f"{min(ratios):.3f}…{max(ratios):.3f}")
    if len(got) != len(cases):
        print(f"expected {len(cases)} lines, got {len(got)}")
        bad += 1
    print(f"{len(cases)} cases compared with SciPy, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

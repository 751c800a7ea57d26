#!/usr/bin/env python3
"""A second model of a region's results, written apart from src/simulation.

The analysis must hold on data it was not tuned to. src/simulation's generator has several
settings, but they share one structure: a pupil's ability, a school level constant over the
years, tasks of a two- or three-parameter model, marks by the generator's own scale, journals as
the mark plus noise. This script draws a region from a different structure, writes it in the
program's flat format, loads it with objectivity-cli, runs `analyze --json --all-units` and scores
the findings against what it planted:

- pupils keep a standing across grades (correlation 0.85 from year to year), schools drift (a
  trend per school), the spread of pupils differs between schools, 15 % of schools stream their
  pupils into classes by ability (a strong and a weak class);
- tasks follow a graded response model (1-3 points, discriminations 0.5-2), the Б/П/В levels are
  read from a noisy difficulty (as published levels only roughly follow how hard a task was);
- every procedure has its own scale (boundaries at random shares of the maximum), never an
  official one;
- journal and annual marks come from the pupil's ability (not from the work), the school's
  teacher leniency and noise, with a region that is lenient on the whole; 10 % of honest schools
  are strict, 10 % mark relative to the class;
- ОГЭ electives and ЕГЭ profile mathematics are chosen by the stronger pupils; 45 % of grade 9
  continue to grade 10-11, the stronger ones.

Settings: A (the base), B (wider task spread, lower discrimination, 30 % of schools with parallels
of 8-20), C (a city: a quarter of the schools with parallels of 100-220, six municipalities of
different levels, tasks of up to 4 points, reliable tests, journals not lenient on the whole),
D (every class its own journal teacher, softer or stricter than the school's; a region skewed to
the weak end; ВПР tasks of 1-2 points; a lenient region), E (A with a teacher per unit who raises
or lowers what the pupils know of the subject by N(0, 0.3) SD: the work and a usual journal follow
it, a journal marked relative to the class does not), F (A where each unit's teacher taught some
topics better than others: every task is easier or harder in that unit by N(0, 0.4) on the
difficulty scale, a school × task interaction).

Manipulations (one per planted ВПР unit): answers on hard tasks (a class or the parallel), points
added up to the «3» or «4» boundary (1-3 points), a lenient journal (a class or the parallel), a
weak school's whole ВПР inflated, marks above the scale without points. Apart, from a random stream
of its own (the plants above and every honest unit are the same with or without it): in 6 % of the
schools one more ВПР unit whose journal does not follow the pupils (70 % of the marks from the
class's level and chance), for journal_mismatch_scatter.

Usage:
  second_model.py run --cli build/src/cli/objectivity-cli --work /tmp/sm --seed 1 [--setting A…F]
  second_model.py check --cli build/src/cli/objectivity-cli --work DIR   (CTest: 120 schools, every setting)
  second_model.py sweep --cli build/src/cli/objectivity-cli --work DIR [--seeds 1 2 3] [--rater SD]
      (every setting × seed, the table of docs/methodology.md §6)
  second_model.py generate --out DIR --seed N [--setting A…F] [--schools N]
  second_model.py score --json analysis.json --truth DIR/truth.csv
  second_model.py limits --work DIR    (a sweep's DIR: missed plants, p against the cutoff)
Only the Python standard library is used.
"""
import argparse
import collections
import csv
import json
import math
import os
import random
import subprocess
import sys

YEARS = [2023, 2024, 2025]
LETTERS = "АБВГДЕЖИКЛМН"

# (procedure, grade, subject, tasks, elective share, chosen by ability)
PROCEDURES = [
    ("ВПР", 4, "Русский язык", 14, 1.0), ("ВПР", 4, "Математика", 12, 1.0),
    ("ВПР", 5, "Русский язык", 13, 1.0), ("ВПР", 5, "Математика", 14, 1.0),
    ("ВПР", 5, "История", 8, 1.0),
    ("ВПР", 6, "Русский язык", 14, 1.0), ("ВПР", 6, "Математика", 13, 1.0),
    ("ВПР", 6, "История", 9, 1.0),
    ("ВПР", 7, "Русский язык", 15, 1.0), ("ВПР", 7, "Математика", 16, 1.0),
    ("ВПР", 7, "Биология", 11, 1.0),
    ("ВПР", 8, "Русский язык", 15, 1.0), ("ВПР", 8, "Математика", 16, 1.0),
    ("ВПР", 8, "Биология", 12, 1.0),
    ("ОГЭ", 9, "Русский язык", 16, 1.0), ("ОГЭ", 9, "Математика", 22, 1.0),
    ("ОГЭ", 9, "Обществознание", 20, 0.55), ("ОГЭ", 9, "Информатика", 14, 0.35),
    ("ЕГЭ", 11, "Русский язык", 24, 1.0), ("ЕГЭ", 11, "Математика (профиль)", 18, 0.5),
    ("ЕГЭ", 11, "Обществознание", 22, 0.45),
]

SETTINGS = {
    # task difficulty spread, discrimination scale, share of schools with small parallels
    "A": dict(difficulty_sd=0.9, discrimination=1.0, small_share=0.15, growth=0.85),
    "B": dict(difficulty_sd=1.4, discrimination=0.7, small_share=0.30, growth=0.75),
    # C: a city region with large schools (parallels of 100-220), municipalities of different
    # levels, tasks of up to 4 points, reliable tests, a region whose journals are not lenient
    "C": dict(difficulty_sd=1.1, discrimination=1.3, small_share=0.10, growth=0.9,
              large_share=0.25, municipality_sd=0.4, max_points=[1, 2, 3, 4],
              vpr_weights=[0.4, 0.3, 0.2, 0.1], gia_weights=[0.3, 0.3, 0.2, 0.2],
              leniency=0.0),
    # D: every class has its own teacher, whose journal is softer or stricter than the school's
    # (SD 0.3); a region skewed to the weak end (a fifth of the pupils from a weaker group); ВПР
    # tasks of 1-2 points only; a lenient region
    "D": dict(difficulty_sd=1.0, discrimination=1.0, small_share=0.2, growth=0.8,
              max_points=[1, 2], vpr_weights=[0.5, 0.5], gia_weights=[0.5, 0.5],
              leniency=0.4, class_leniency=0.3, weak_group=0.2),
    # E: A with a teacher per unit (school, year, grade, subject) who raises or lowers what the
    # pupils know of the subject by N(0, 0.3) SD: the work and a usual journal follow it, a journal
    # marked relative to the class does not
    "E": dict(difficulty_sd=0.9, discrimination=1.0, small_share=0.15, growth=0.85,
              teacher_sd=0.3),
    # F: A where each unit's teacher taught some topics better than others: every task of the
    # unit is easier or harder there by N(0, 0.4) on the difficulty scale (a school × task
    # interaction, which real results have: textbooks, programmes, what the teacher stresses)
    "F": dict(difficulty_sd=0.9, discrimination=1.0, small_share=0.15, growth=0.85,
              task_sd=0.4),
}
SEED_OFFSET = {"A": 0, "B": 104729, "C": 1299709, "D": 15485863, "E": 32452843,
               "F": 49979687}

MANIPULATIONS = ["help_hard", "boundary_push", "lenient_journal", "inflated_weak",
                 "marks_above_scale"]
# planted apart, from a random stream of its own (the plants above and every honest unit stay as
# they were): a journal whose marks do not follow what the pupil knows; with --sent-home, the
# weakest pupils kept away from the ВПР
REPORTED = MANIPULATIONS + ["journal_unrelated", "sent_home"]


def logistic(x):
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


class Test:
    """One procedure of one year: tasks, their levels and the scale."""

    def __init__(self, rng, kind, n_tasks, setting):
        self.kind = kind
        weights = setting.get("vpr_weights", [0.55, 0.3, 0.15]) if kind == "ВПР" else \
            setting.get("gia_weights", [0.45, 0.35, 0.2])
        points = setting.get("max_points", [1, 2, 3])
        self.maxima = [rng.choices(points, weights)[0] for _ in range(n_tasks)]
        self.difficulty = [rng.gauss(-0.3, setting["difficulty_sd"]) for _ in range(n_tasks)]
        self.discrimination = [setting["discrimination"] * math.exp(rng.gauss(0.0, 0.3))
                               for _ in range(n_tasks)]
        noisy = sorted(range(n_tasks), key=lambda t: self.difficulty[t] + rng.gauss(0, 0.5))
        self.levels = [""] * n_tasks
        for rank, t in enumerate(noisy):
            share = rank / n_tasks
            self.levels[t] = "Б" if share < 0.6 else ("П" if share < 0.9 else "В")
        self.max_primary = sum(self.maxima)
        f3, f4, f5 = rng.uniform(0.26, 0.36), rng.uniform(0.5, 0.6), rng.uniform(0.76, 0.86)
        b = [max(1, round(f * self.max_primary)) for f in (f3, f4, f5)]
        b[1] = max(b[1], b[0] + 1)
        b[2] = min(max(b[2], b[1] + 1), self.max_primary)
        self.boundaries = b  # least primary score for «3», «4», «5»

    def answer(self, rng, theta, shift=None):
        points = []
        for t, m in enumerate(self.maxima):
            a, d = self.discrimination[t], self.difficulty[t] + (shift[t] if shift else 0.0)
            score = 0
            for step in range(1, m + 1):
                threshold = d + (step - (m + 1) / 2.0) * 0.7
                if rng.random() < logistic(1.7 * a * (theta - threshold)):
                    score = step
                else:
                    break
            points.append(score)
        return points

    def mark(self, primary):
        mark = 2
        for k, b in enumerate(self.boundaries):
            if primary >= b:
                mark = k + 3
        return mark

    def test_score(self, primary):
        share = primary / self.max_primary
        return max(0, min(100, round(100 * (0.15 + 0.85 * share) ** 1.3 - 8)))


class School:
    def __init__(self, rng, index, municipality, setting):
        self.index = index
        self.login = "edu%02d%04d" % (10 + municipality, index)
        self.municipality = "Муниципалитет %d" % (municipality + 1)
        roll = rng.random()
        if roll < 0.06:
            self.kind, self.level, self.parallel = "лицей", rng.gauss(0.8, 0.25), rng.randint(45, 100)
        elif roll < 0.14:
            self.kind, self.level, self.parallel = "гимназия", rng.gauss(0.6, 0.25), rng.randint(45, 100)
        elif roll < 0.14 + setting["small_share"]:
            self.kind, self.level, self.parallel = "СОШ", rng.gauss(-0.3, 0.35), rng.randint(8, 20)
        elif roll < 0.14 + setting["small_share"] + setting.get("large_share", 0.0):
            self.kind, self.level, self.parallel = "СОШ", rng.gauss(0.1, 0.3), rng.randint(100, 220)
        else:
            self.kind, self.level, self.parallel = "СОШ", rng.gauss(0.0, 0.35), rng.randint(20, 90)
        self.name = "МБОУ «%s № %d»" % ({"лицей": "Лицей", "гимназия": "Гимназия"}.get(
            self.kind, "СОШ"), index + 1)
        self.trend = rng.gauss(0.0, 0.12)        # improving or declining, per year
        self.spread = rng.uniform(0.75, 1.15)    # the school's own spread of pupils
        self.streamed = rng.random() < 0.15      # classes by ability
        roll = rng.random()
        self.journal_style = "strict" if roll < 0.1 else ("class" if roll < 0.2 else "usual")
        lenient = setting.get("leniency", 0.25)
        self.leniency = rng.gauss(lenient, 0.25) if self.journal_style != "strict" else \
            lenient - 0.7
        self.cohorts = {}

    def level_in(self, year):
        return self.level + self.trend * (year - 2024)

    def cohort(self, rng, start, setting):
        """Pupils who are in grade 4 in year `start` (kept with their classes as they grow)."""
        if start not in self.cohorts:
            n = max(6, round(self.parallel * rng.uniform(0.85, 1.15)))
            weak = setting.get("weak_group", 0.0)
            if weak > 0:  # a skewed region: a weaker group, the rest slightly above 0
                z = [rng.gauss(-1.2, 0.8) if rng.random() < weak else rng.gauss(0.3, 0.85)
                     for _ in range(n)]
            else:
                z = [rng.gauss(0, 1) for _ in range(n)]
            classes = max(1, math.ceil(n / 27))
            order = sorted(range(n), key=lambda i: z[i]) if self.streamed else list(range(n))
            if not self.streamed:
                rng.shuffle(order)
            klass = [0] * n
            for rank, i in enumerate(order):
                klass[i] = min(classes - 1, rank * classes // n)
            effects = [rng.gauss(0, 0.2) for _ in range(classes)]
            teacher = setting.get("class_leniency", 0.0)  # each class's own journal teacher
            lenient = [rng.gauss(0, teacher) for _ in range(classes)] if teacher > 0 else \
                [0.0] * classes
            self.cohorts[start] = dict(z=z, klass=klass, effects=effects, years={},
                                       teacher=lenient,
                                       codes=["%s-%d-%03d" % (self.login, start, i)
                                              for i in range(n)])
        return self.cohorts[start]


def standing(rng, cohort, year, setting):
    """Each pupil's standing in `year`: correlated with the year before."""
    if year not in cohort["years"]:
        before = cohort["years"].get(year - 1)
        r = setting["growth"]
        if before is None:
            cohort["years"][year] = list(cohort["z"])
        else:
            cohort["years"][year] = [r * s + math.sqrt(1 - r * r) * rng.gauss(0, 1) for s in before]
    return cohort["years"][year]


def journal_mark(rng, latent):
    cuts = (-1.75, -0.35, 0.8)
    mark = 2
    for k, c in enumerate(cuts):
        if latent >= c:
            mark = k + 3
    return mark


def plant(rng, schools, tests):
    """A quarter of the schools, one to three ВПР units each, one manipulation per unit."""
    planted = {}
    vpr_keys = [(y, p, g, s) for (y, p, g, s) in tests if p == "ВПР"]
    for school in schools:
        if rng.random() >= 0.25:
            continue
        for key in rng.sample(vpr_keys, rng.randint(1, 3)):
            kind = rng.choice(MANIPULATIONS)
            if kind == "inflated_weak" and school.level_in(key[0]) > -0.05:
                kind = rng.choice(["help_hard", "boundary_push", "lenient_journal"])
            plan = dict(kind=kind, one_class=rng.random() < 0.5)
            if kind == "boundary_push":
                plan["boundary"] = rng.choices([0, 1, 2], [0.5, 0.3, 0.2])[0]  # 2 = «3» and «4»
                plan["distance"] = rng.randint(1, 3)
            planted[(key[0], key[1], key[2], key[3], school.login)] = plan
    return planted


def plant_apart(rng, schools, tests, planted, share, kind):
    """`share` of the schools: one ВПР unit not planted otherwise gets `kind`, drawn from `rng`,
    a random stream of its own (the plants of plant() and every honest unit stay as they were)."""
    vpr_keys = sorted((y, p, g, s) for (y, p, g, s) in tests if p == "ВПР")
    for school in schools:
        if rng.random() >= share:
            continue
        free = [k for k in vpr_keys if (k[0], k[1], k[2], k[3], school.login) not in planted]
        if free:
            key = rng.choice(free)
            planted[(key[0], key[1], key[2], key[3], school.login)] = dict(
                kind=kind, one_class=False, rng=rng)


def plant_unrelated(rng, schools, tests, planted):
    """6 % of the schools: one ВПР unit where 70 % of the journal marks follow the class's level
    and chance instead of the pupil (marks for conduct, for turning up, the same «4» with a random
    step up or down)."""
    plant_apart(rng, schools, tests, planted, 0.06, "journal_unrelated")


def plant_sent_home(rng, schools, tests, planted, share):
    """`share` of the schools: one ВПР unit where the weakest pupils were asked to stay at home on
    the day (each pupil of the unit's lowest quarter by standing misses it with probability 0.8).
    Off by default."""
    plant_apart(rng, schools, tests, planted, share, "sent_home")


def describe(plan):
    """The plant as the score prints it: «help_hard class», «boundary_push «3» d=2»."""
    detail = plan["kind"]
    if plan["kind"] in ("help_hard", "lenient_journal"):
        detail += " class" if plan["one_class"] else " parallel"
    if plan["kind"] == "boundary_push":
        detail += " %s d=%d" % (["«3»", "«4»", "«3»+«4»"][plan["boundary"]], plan["distance"])
    return detail


def push(rng, test, points, plan):
    """Points added to the tasks with most room until the work reaches the pushed boundary."""
    primary = sum(points)
    which = [0, 1] if plan["boundary"] == 2 else [plan["boundary"]]
    for bi in which:
        b = test.boundaries[bi]
        if b - plan["distance"] <= primary < b and rng.random() < 0.85:
            for t in sorted(range(len(points)), key=lambda t: -test.maxima[t]):
                while points[t] < test.maxima[t] and sum(points) < b:
                    points[t] += 1
    return sum(points)


class Unit:
    """One school in one procedure: who writes it and what was planted there."""

    def __init__(self, rng, year, proc, grade, subject, share, school, test, plan, setting):
        self.year, self.proc, self.grade, self.subject = year, proc, grade, subject
        self.school, self.test, self.plan = school, test, plan
        self.cohort = school.cohort(rng, year - grade + 4, setting)
        self.z = standing(rng, self.cohort, year, setting)
        pupils = list(range(len(self.z)))
        if grade == 11:  # the stronger 45 % stay for grades 10-11
            pupils = sorted(pupils, key=lambda i: -self.z[i] - rng.gauss(0, 0.6))
            pupils = pupils[:max(5, round(0.45 * len(pupils)))]
        if share < 1.0:  # electives: the stronger pupils choose them
            pupils = [i for i in pupils
                      if rng.random() < logistic(math.log(share / (1 - share)) + 0.9 * self.z[i])]
        self.pupils = pupils
        classes = sorted(set(self.cohort["klass"][i] for i in pupils))
        self.target_class = rng.choice(classes) if classes else 0
        hard = [t for t in range(len(test.maxima)) if test.levels[t] != "Б"]
        self.dictated = [t for t in hard if rng.random() < 0.75] or hard[:1]
        self.class_mean = collections.defaultdict(list)
        for i in pupils:
            self.class_mean[self.cohort["klass"][i]].append(self.z[i])
        self.level = school.level_in(year) + (0.8 if self.is_plant("inflated_weak") else 0.0)
        # E: this unit's teacher (drawn only in E, so that A-D keep their random stream)
        self.teaching = rng.gauss(0.0, setting["teacher_sd"]) if setting.get("teacher_sd") else 0.0
        # F: the unit's own emphasis per task (drawn only in F)
        self.emphasis = [rng.gauss(0.0, setting["task_sd"]) for _ in test.maxima] \
            if setting.get("task_sd") else None

    def is_plant(self, kind):
        return self.plan is not None and self.plan["kind"] == kind

    def row(self, rng, i, max_tasks):
        """One pupil's work, marks and journal mark as a row of flat.csv."""
        school, test, cohort, k = self.school, self.test, self.cohort, self.cohort["klass"][i]
        targeted = self.plan is not None and (not self.plan["one_class"] or k == self.target_class)
        ability = (school.level_in(self.year) + cohort["effects"][k] + self.teaching
                   + school.spread * self.z[i])
        theta = (self.level + cohort["effects"][k] + self.teaching + school.spread * self.z[i]
                 + rng.gauss(0, 0.35))
        points = test.answer(rng, theta, self.emphasis)
        if self.proc == "ВПР" and school.generosity > 0:
            for t, m in enumerate(test.maxima):
                if m >= 2 and points[t] < m and rng.random() < school.generosity:
                    points[t] += 1
        if targeted and self.is_plant("help_hard") and rng.random() < 0.65:
            for t in self.dictated:
                points[t] = test.maxima[t]
        primary = sum(points)
        if self.is_plant("boundary_push"):
            primary = push(rng, test, points, self.plan)
        mark = test.mark(primary)
        if self.is_plant("marks_above_scale") and mark < 4:
            b = test.boundaries[mark - 2]
            if b - 2 <= primary < b and rng.random() < 0.9:
                mark += 1
        latent = ability + rng.gauss(0, 0.55)
        if school.journal_style == "class":  # the pupil's place in the class, not in the region
            latent -= (school.level_in(self.year) + cohort["effects"][k] + self.teaching
                       + school.spread * sum(self.class_mean[k]) / len(self.class_mean[k]))
        if self.is_plant("journal_unrelated") and self.plan["rng"].random() < 0.7:
            # the class's level and chance, not the pupil (the main stream draws as before)
            latent = (school.level_in(self.year) + cohort["effects"][k] + self.teaching
                      + school.spread * sum(self.class_mean[k]) / len(self.class_mean[k])
                      + self.plan["rng"].gauss(0, 1.0))
        latent += school.leniency + cohort["teacher"][k]
        if targeted and self.is_plant("lenient_journal"):
            latent += 1.0
        journal = journal_mark(rng, latent)
        row = [self.year, self.proc, self.grade, self.subject, school.municipality, school.login,
               school.name, school.kind, "%d%s" % (self.grade, LETTERS[k]), cohort["codes"][i]]
        row += points + [""] * (max_tasks - len(points))
        if self.proc == "ЕГЭ":
            return row + [primary, "", test.test_score(primary), "", journal]
        if self.proc == "ОГЭ":
            return row + [primary, mark, "", "", journal]
        return row + [primary, mark, "", journal, ""]


def write_csv(path, header, rows, delimiter=","):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)


def generate(out, seed, setting_name, n_schools, rater=0.0, absence=0.0, selection=0.7,
             sent_home=0.0, totals_only=0.0):
    """Writes flat.csv, tasks.csv, truth.csv (the plants) and units.csv (every unit's school).

    `absence` > 0: honest absence from the ВПР (not from the ОГЭ/ЕГЭ, which nearly everybody
    sits). Every school has its own rate, `absence` × exp(N(0, 0.6)) up to 45 %, and a weaker
    pupil misses more often: P = logistic(logit(rate) − `selection` · standing). The works are
    drawn as without absence and the absent ones are not written, so every unit keeps its random
    stream and its truth. `sent_home` > 0: that share of the schools kept their weakest pupils
    away from one ВПР unit (plant_sent_home). `totals_only` > 0: that share of the schools gives
    the primary score and no task points (a template without task columns): every task cell of
    their works is blank."""
    setting = SETTINGS[setting_name]
    rng = random.Random(seed * 7919 + SEED_OFFSET[setting_name])
    os.makedirs(out, exist_ok=True)
    schools = [School(rng, i, i % 6, setting) for i in range(n_schools)]
    if setting.get("municipality_sd", 0.0) > 0:  # municipalities of different levels
        offsets = [rng.gauss(0.0, setting["municipality_sd"]) for _ in range(6)]
        for i, school in enumerate(schools):
            school.level += offsets[i % 6]
    # generosity of the school's own teachers checking the ВПР (they check it themselves): a
    # point below the maximum of a task of 2-3 points is raised by one with this probability
    for school in schools:
        school.generosity = max(0.0, rng.gauss(0.0, rater)) if rater > 0 else 0.0
    tests = {}
    for year in YEARS:
        for proc, grade, subject, n_tasks, _ in PROCEDURES:
            tests[(year, proc, grade, subject)] = Test(rng, proc, n_tasks, setting)
    planted = plant(rng, schools, tests)
    plant_unrelated(random.Random(seed * 7919 + SEED_OFFSET[setting_name] + 1), schools, tests,
                    planted)
    if sent_home > 0:
        plant_sent_home(random.Random(seed * 7919 + SEED_OFFSET[setting_name] + 3), schools,
                        tests, planted, sent_home)
    away = random.Random(seed * 7919 + SEED_OFFSET[setting_name] + 2)  # absence's own stream
    blank = random.Random(seed * 7919 + SEED_OFFSET[setting_name] + 4)  # totals only: own stream
    totals = {school.login for school in schools if blank.random() < totals_only}
    absence_logit = {school.login: math.log(r / (1 - r)) for school, r in (
        (school, min(0.45, absence * math.exp(away.gauss(0.0, 0.6)))) for school in schools)} \
        if absence > 0 else {}

    header = ["Год", "Процедура", "Параллель", "Предмет", "Муниципалитет", "Логин ОО",
              "Наименование ОО", "Тип ОО", "Класс", "Код участника"]
    max_tasks = max(p[3] for p in PROCEDURES)
    header += ["З%d" % (t + 1) for t in range(max_tasks)]
    header += ["Первичный балл", "Отметка", "Тестовый балл", "Отметка по журналу",
               "Годовая отметка"]
    truth_rows = []
    units_info = []
    with open(os.path.join(out, "flat.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(header)
        for year in YEARS:
            for school in schools:
                for proc, grade, subject, _, share in PROCEDURES:
                    if school.kind == "СОШ" and school.parallel <= 20 and grade == 11:
                        continue  # a small school has no grades 10-11
                    plan = planted.get((year, proc, grade, subject, school.login))
                    unit = Unit(rng, year, proc, grade, subject, share, school,
                                tests[(year, proc, grade, subject)], plan, setting)
                    written = 0
                    weakest = sorted(unit.z[i] for i in unit.pupils)[len(unit.pupils) // 4] \
                        if unit.is_plant("sent_home") and unit.pupils else None
                    for i in unit.pupils:
                        row = unit.row(rng, i, max_tasks)
                        if proc == "ВПР" and absence_logit and away.random() < logistic(
                                absence_logit[school.login] - selection * unit.z[i]):
                            continue  # absent on the day
                        if weakest is not None and unit.z[i] < weakest and \
                                plan["rng"].random() < 0.8:
                            continue  # asked to stay at home
                        if school.login in totals:
                            row[10:10 + max_tasks] = [""] * max_tasks
                        w.writerow(row)
                        written += 1
                    units_info.append([year, proc, grade, subject, school.login, school.kind,
                                       school.journal_style, "1" if school.streamed else "0",
                                       round(school.level_in(year), 3), written,
                                       len(unit.pupils)])
                    if plan:
                        target = "%d%s" % (grade, LETTERS[unit.target_class]) \
                            if plan["one_class"] and plan["kind"] in ("help_hard",
                                                                      "lenient_journal") else ""
                        truth_rows.append([year, proc, grade, subject, school.login,
                                           plan["kind"], describe(plan), target])
    write_csv(os.path.join(out, "tasks.csv"),
              ["Год", "Процедура", "Параллель", "Предмет", "Номер", "Метка", "Макс. балл",
               "Уровень"],
              [[year, proc, grade, subject, t + 1, t + 1, m, test.levels[t]]
               for (year, proc, grade, subject), test in tests.items()
               for t, m in enumerate(test.maxima)], delimiter=";")
    write_csv(os.path.join(out, "truth.csv"),
              ["year", "procedure", "grade", "subject", "school_code", "manipulation", "detail",
               "class"],
              truth_rows)
    write_csv(os.path.join(out, "units.csv"),
              ["year", "procedure", "grade", "subject", "school_code", "school_kind",
               "journal_style", "streamed", "level", "n", "enrolled"], units_info)
    return len(truth_rows)


OWN_CRITERIA = {
    "help_hard": {"difficulty_inversion", "person_fit"},
    "boundary_push": {"boundary_bunching"},
    "lenient_journal": {"journal_mismatch_lenient"},
    "inflated_weak": {"high_results_unconfirmed", "cohort_unconfirmed", "cohort_drop"},
    "marks_above_scale": {"mark_scale_mismatch"},
    "journal_unrelated": {"journal_mismatch_scatter"},
    # no criterion of its own: the results no longer describe the whole parallel, which the
    # comparisons with the school's ГИА, its cohorts and its journal may show
    "sent_home": {"high_results_unconfirmed", "cohort_unconfirmed", "cohort_drop"},
}


def another_class(named):
    """One-class plants found whose finding names neither the planted class nor the parallel."""
    return named.get("found", 0) - named.get("right class", 0) - named.get("parallel", 0)


def unit_key(r):
    """(year, procedure, grade, subject, school) of a JSON unit or a row of truth.csv/units.csv."""
    return (int(r["year"]), r["procedure"], int(r["grade"]), r["subject"], r["school_code"])


def keyed_rows(path):
    """The rows of truth.csv or units.csv by unit_key."""
    return {unit_key(r): r for r in csv.DictReader(open(path, encoding="utf-8"))}


def score(analysis_path, truth_dir, out=None, min_n=20):
    """Prints the figures; returns them (recall per manipulation, honest shares)."""
    out = out or sys.stdout
    data = json.load(open(analysis_path, encoding="utf-8"))
    units = {unit_key(u): u for u in data["units"]}
    truth = keyed_rows(os.path.join(truth_dir, "truth.csv"))
    info = keyed_rows(os.path.join(truth_dir, "units.csv"))
    found = collections.defaultdict(lambda: [0, 0, 0])   # own, any results, planted
    by_detail = collections.defaultdict(lambda: [0, 0])
    named = collections.Counter()  # one-class plants found: the finding names the planted class
    missed = []
    for key, t in truth.items():
        u = units.get(key)
        if u is None or u["n"] < min_n:
            continue
        flags = u["flags"]
        own = any(f["criterion"] in OWN_CRITERIA[t["manipulation"]] for f in flags)
        anyr = any(f["kind"] == "results" for f in flags)
        if t["manipulation"] in ("lenient_journal", "journal_unrelated"):
            anyr = own
        c = found[t["manipulation"]]
        c[0] += own
        c[1] += anyr
        c[2] += 1
        by_detail[t["detail"]][0] += own
        by_detail[t["detail"]][1] += 1
        if t["manipulation"] == "lenient_journal" and key in info:
            # a strict teacher made softer by the plant ends near the region's usual journal
            style = "lenient_journal at a school of %s journals" % info[key]["journal_style"]
            by_detail[style][0] += own
            by_detail[style][1] += 1
        if own and t.get("class"):
            # «класс 6Б» or «класс 6Б, по сравнению с этим же классом»: the class named is before the comma
            parts = [(f.get("part") or "").split(",")[0] for f in flags
                     if f["criterion"] in OWN_CRITERIA[t["manipulation"]]]
            named["found"] += 1
            named["right class"] += ("класс " + t["class"]) in parts
            named["parallel"] += any(not p or not p.startswith("класс") for p in parts) and \
                ("класс " + t["class"]) not in parts
        if not own:
            missed.append((key, t["detail"], u["n"]))
    honest = honest_results = honest_journal = 0
    strong_high = 0
    # honest units named by the ВПР result against the school's own journal: where the journal
    # does not follow the results (marked relative to the class) it witnesses nothing
    journal_witness = 0
    journal_by_style = collections.defaultdict(lambda: [0, 0])
    honest_flags = []
    for key, u in units.items():
        if key in truth or u["n"] < min_n:
            continue
        i = info.get(key)
        honest += 1
        results = [f["criterion"] for f in u["flags"] if f["kind"] == "results"]
        style = i["journal_style"] if i else "?"
        journal = [f["criterion"] for f in u["flags"] if f["kind"] == "current_assessment"
                   and not (style == "strict" and f["criterion"] == "journal_mismatch_strict")]
        if results:
            honest_results += 1
            honest_flags.append((key, results, i["school_kind"] if i else "?",
                                 i["level"] if i else "?"))
        if journal:
            honest_journal += 1
        journal_by_style[style][0] += bool(journal)
        journal_by_style[style][1] += 1
        if i and i["school_kind"] in ("лицей", "гимназия") and \
                "high_results_unconfirmed" in results:
            strong_high += 1
        journal_witness += any(f["criterion"] == "high_results_unconfirmed" and
                               f.get("part") == "по сравнению с журналом школы"
                               for f in u["flags"])
    print("manipulation          own criterion   any results flag", file=out)
    for m in REPORTED:
        own, anyr, n = found[m]
        if n:
            print("%-20s  %3d/%-3d %.2f    %3d/%-3d %.2f" % (m, own, n, own / n, anyr, n, anyr / n),
                  file=out)
    print("by variant:", file=out)
    for d in sorted(by_detail):
        own, n = by_detail[d]
        print("  %-32s %3d/%-3d" % (d, own, n), file=out)
    if named["found"]:
        print("one-class plants found: %d, the finding names the planted class %d, the parallel "
              "%d, another class %d" % (named["found"], named["right class"], named["parallel"],
                                        another_class(named)), file=out)
    print("honest units %d+: %d; with a results flag %d (%.2f %%); with a journal flag %d "
          "(%.2f %%; strict at strict journals not counted)" % (
              min_n, honest, honest_results, 100.0 * honest_results / max(1, honest),
              honest_journal, 100.0 * honest_journal / max(1, honest)), file=out)
    for style, (k, n) in sorted(journal_by_style.items()):
        print("  journal style %-6s %4d of %5d (%.2f %%)" % (style, k, n, 100.0 * k / max(1, n)),
              file=out)
    print("strong honest units (лицей, гимназия) with high_results_unconfirmed: %d" % strong_high,
          file=out)
    print("honest units named by the ВПР result against the school's journal: %d"
          % journal_witness, file=out)
    for key, crits, kind, level in honest_flags:
        print("  honest flagged: %s %s (%s, level %s)" % (key, ",".join(crits), kind, level),
              file=out)
    for key, detail, n in missed:
        print("  missed: %s %s n=%d" % (key, detail, n), file=out)
    return dict(found={m: tuple(found[m]) for m in REPORTED}, honest=honest,
                honest_results=honest_results, honest_journal=honest_journal,
                strong_high=strong_high, journal_witness=journal_witness,
                variants={d: tuple(v) for d, v in by_detail.items()}, named=dict(named),
                styles={k: tuple(v) for k, v in journal_by_style.items()})


def run(args):
    os.makedirs(args.work, exist_ok=True)
    out = os.path.join(args.work, "data-%s-%d" % (args.setting, args.seed))
    planted = generate(out, args.seed, args.setting, args.schools, args.rater, args.absence,
                       args.selection, args.sent_home, args.totals_only)
    db = os.path.join(args.work, "region-%s-%d.db" % (args.setting, args.seed))
    if os.path.exists(db):
        os.remove(db)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([args.cli, "--db", db, "results", "import", os.path.join(out, "flat.csv"),
                    "--tasks", os.path.join(out, "tasks.csv")], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    analysis = os.path.join(args.work, "analysis-%s-%d.json" % (args.setting, args.seed))
    with open(analysis, "w", encoding="utf-8") as f:
        subprocess.run([args.cli, "--db", db, "analyze", "--json", "--all-units"], check=True,
                       env=env, stdout=f)
    print("setting %s, seed %d, %d schools, %d planted units%s" % (
        args.setting, args.seed, args.schools, planted,
        ", checking generosity SD %.2f" % args.rater if args.rater else "") + (
        ", absent from the ВПР %.2f (selection %.1f)" % (args.absence, args.selection)
        if args.absence else "") + (
        ", schools without task points %.2f" % args.totals_only if args.totals_only else ""))
    return score(analysis, out)


# What `check` (CTest second_model_detection) asks of a small region in each setting: the honest
# figures of issue 12 and recall well below what the full runs give (docs/methodology.md §6), so
# that a criterion broken for data it was not tuned to fails, not a seed's bad luck.
CHECK_MIN_RECALL = {"help_hard": 0.6, "marks_above_scale": 0.7}
# F: a unit's own emphasis per task is honest variation the help criteria must allow for (the
# region's spread of schools widens their tests), which costs power: 41/59 over seeds 1-3 at 200
# schools, 6/11 at the check's 120
CHECK_MIN_RECALL_IN = {"F": {"help_hard": 0.4}}


def sweep(args):
    """Every setting × seed; prints the table of docs/methodology.md §6 (sums over the seeds)."""
    totals = {}
    for setting in args.settings:
        t = dict(found=collections.defaultdict(lambda: [0, 0, 0]),
                 variants=collections.defaultdict(lambda: [0, 0]),
                 styles=collections.defaultdict(lambda: [0, 0]),
                 named=collections.Counter(), honest=0, honest_results=0, honest_journal=0,
                 strong_high=0)
        for seed in args.seeds:
            args.setting, args.seed = setting, seed
            with open(os.devnull, "w") as quiet:
                saved, sys.stdout = sys.stdout, quiet
                try:
                    r = run(args)
                finally:
                    sys.stdout = saved
            for m, v in r["found"].items():
                for i in range(3):
                    t["found"][m][i] += v[i]
            for group in ("variants", "styles"):
                for k, v in r[group].items():
                    t[group][k][0] += v[0]
                    t[group][k][1] += v[1]
            for k in ("honest", "honest_results", "honest_journal", "strong_high"):
                t[k] += r[k]
            t["named"].update(r["named"])
        totals[setting] = t
    settings = args.settings
    print("%d schools, seeds %s%s; units of 20+, found by the manipulation's own criterion" % (
        args.schools, " ".join(map(str, args.seeds)),
        ", checking generosity SD %.2f" % args.rater if args.rater else "") + (
        ", absent from the ВПР %.2f (selection %.1f)" % (args.absence, args.selection)
        if args.absence else "") + (
        ", schools without task points %.2f" % args.totals_only if args.totals_only else ""))
    print("| | " + " | ".join(settings) + " |")
    print("|---" * (len(settings) + 1) + "|")
    for m in REPORTED:
        cells = []
        for st in settings:
            own, _, n = totals[st]["found"][m]
            cells.append("%d/%d (%.2f)" % (own, n, own / n) if n else "—")
        print("| %s | %s |" % (m, " | ".join(cells)))
    variants = sorted(set(k for st in settings for k in totals[st]["variants"]))
    for v in variants:
        cells = ["%d/%d" % tuple(totals[st]["variants"][v]) for st in settings]
        print("| — %s | %s |" % (v, " | ".join(cells)))
    rows = [("honest units with a results flag", "honest_results"),
            ("honest units with a journal flag", "honest_journal")]
    for label, key in rows:
        cells = ["%d of %d (%.3f %%)" % (totals[st][key], totals[st]["honest"],
                                         100.0 * totals[st][key] / max(1, totals[st]["honest"]))
                 for st in settings]
        print("| %s | %s |" % (label, " | ".join(cells)))
    for style in ("usual", "strict", "class"):
        cells = ["%d of %d" % tuple(totals[st]["styles"][style]) for st in settings]
        print("| — journal style %s | %s |" % (style, " | ".join(cells)))
    print("| one-class plants found: the finding names that class (another class) | %s |" % " | ".join(
        "%d of %d (%d)" % (totals[st]["named"]["right class"], totals[st]["named"]["found"],
                           another_class(totals[st]["named"])) for st in settings))
    print("| strong honest units with high_results_unconfirmed | %s |" % " | ".join(
        str(totals[st]["strong_high"]) for st in settings))
    return 0


def check(args):
    failures = []
    for setting in sorted(SETTINGS):
        args.setting = setting
        r = run(args)
        honest = max(1, r["honest"])
        if r["honest_results"] / honest > 0.005:
            failures.append("%s: honest units with a results flag %d of %d (> 0.5 %%)"
                            % (setting, r["honest_results"], r["honest"]))
        if r["honest_journal"] / honest > 0.05:
            failures.append("%s: honest units with a journal flag %d of %d (> 5 %%)"
                            % (setting, r["honest_journal"], r["honest"]))
        if r["strong_high"]:
            failures.append("%s: %d strong honest units flagged high_results_unconfirmed"
                            % (setting, r["strong_high"]))
        if r["journal_witness"]:
            failures.append("%s: %d honest units named by the ВПР result against the school's "
                            "journal" % (setting, r["journal_witness"]))
        # where every class has its own journal teacher (D), another class of the planted parallel
        # may truly have the softest journal: a lenient plant named by it is no false name there
        wrong = another_class(r["named"])
        if wrong and not SETTINGS[setting].get("class_leniency"):
            failures.append("%s: %d one-class plants found under another class's name"
                            % (setting, wrong))
        for m, least in CHECK_MIN_RECALL.items():
            least = CHECK_MIN_RECALL_IN.get(setting, {}).get(m, least)
            own, _, n = r["found"][m]
            if n >= 5 and own / n < least:
                failures.append("%s: %s found %d of %d (< %.2f)" % (setting, m, own, n, least))
    for f in failures:
        print("FAILED: " + f)
    return 1 if failures else 0


def limits(args):
    """For every missed plant of a sweep's work directory (analysis-S-N.json beside data-S-N):
    its criterion's smallest p against the largest p that passed the correction (q ≤ 0.05) in the
    same criterion and run — lost to another condition (effect, level), near the cutoff, or far
    above it (the unit's own participants do not carry the evidence). docs/methodology.md §6,
    «Что осталось ненайденным»."""
    rows = collections.defaultdict(collections.Counter)
    for setting in args.settings:
        for seed in args.seeds:
            data = json.load(open(os.path.join(args.work, "analysis-%s-%d.json" % (setting, seed)),
                                  encoding="utf-8"))
            truth = keyed_rows(os.path.join(args.work, "data-%s-%d" % (setting, seed),
                                            "truth.csv"))
            cutoff = {}
            for u in data["units"]:
                for f in u["criteria"]:
                    if f.get("q_value") is not None and f["q_value"] <= 0.05:
                        cutoff[f["criterion"]] = max(cutoff.get(f["criterion"], 0), f["p_value"])
            for u in data["units"]:
                t = truth.get(unit_key(u))
                if t is None or u["n"] < 20:
                    continue
                own = OWN_CRITERIA[t["manipulation"]]
                row = t["detail"] if t["manipulation"] == "lenient_journal" else t["manipulation"]
                if any(f["criterion"] in own for f in u["flags"]):
                    rows[row]["found"] += 1
                    continue
                tested = [f for f in u["criteria"]
                          if f["criterion"] in own and f.get("p_value") is not None]
                if not tested:
                    rows[row]["not tested"] += 1
                    continue
                ratio = min(f["p_value"] / max(cutoff.get(f["criterion"], 0), 1e-300)
                            for f in tested)
                rows[row]["p <= cutoff" if ratio <= 1 else
                          "cutoff < p <= 10 cutoff" if ratio <= 10 else "p > 10 cutoff"] += 1
    columns = ["found", "p <= cutoff", "cutoff < p <= 10 cutoff", "p > 10 cutoff", "not tested"]
    print("| missed by its own criterion, units 20+ | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for row in sorted(rows):
        print("| %s | %s |" % (row, " | ".join(str(rows[row][c]) for c in columns)))
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--out", required=True)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--setting", choices=sorted(SETTINGS), default="A")
    g.add_argument("--schools", type=int, default=200)
    g.add_argument("--rater", type=float, default=0.0)
    g.add_argument("--absence", type=float, default=0.0)
    g.add_argument("--selection", type=float, default=0.7)
    g.add_argument("--sent-home", type=float, default=0.0)
    g.add_argument("--totals-only", type=float, default=0.0)
    lim = sub.add_parser("limits")
    lim.add_argument("--work", required=True, help="a sweep's --work directory")
    lim.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    lim.add_argument("--settings", nargs="+", choices=sorted(SETTINGS), default=sorted(SETTINGS))
    s = sub.add_parser("score")
    s.add_argument("--json", required=True)
    s.add_argument("--truth", required=True)
    for name in ("run", "check", "sweep"):
        r = sub.add_parser(name)
        r.add_argument("--cli", required=True)
        r.add_argument("--work", required=True)
        r.add_argument("--seed", type=int, default=1)
        r.add_argument("--schools", type=int, default=120 if name == "check" else 200)
        r.add_argument("--rater", type=float, default=0.0,
                       help="SD of the schools' generosity in checking the ВПР (0 = none)")
        r.add_argument("--absence", type=float, default=0.0,
                       help="honest absence from the ВПР: the region's typical share (0 = none)")
        r.add_argument("--selection", type=float, default=0.7,
                       help="how much more often weaker pupils are absent (logit per SD)")
        r.add_argument("--sent-home", type=float, default=0.0,
                       help="share of schools that kept their weakest pupils from one ВПР unit")
        r.add_argument("--totals-only", type=float, default=0.0,
                       help="share of schools whose works give no task points (primary only)")
        if name == "run":
            r.add_argument("--setting", choices=sorted(SETTINGS), default="A")
        if name == "sweep":
            r.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
            r.add_argument("--settings", nargs="+", choices=sorted(SETTINGS),
                           default=sorted(SETTINGS))
    a = p.parse_args()
    if a.command == "generate":
        print(generate(a.out, a.seed, a.setting, a.schools, a.rater, a.absence, a.selection,
                       a.sent_home, a.totals_only), "planted units")
    elif a.command == "score":
        score(a.json, a.truth)
    elif a.command == "limits":
        sys.exit(limits(a))
    elif a.command == "check":
        sys.exit(check(a))
    elif a.command == "sweep":
        sys.exit(sweep(a))
    else:
        run(a)


if __name__ == "__main__":
    main()

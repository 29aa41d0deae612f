"""Date expressions in news text, resolved against the publication date.

`find_dates(text, lang, published)` returns every date expression in `text` as `DateRef`s
(character offsets into `text`, sorted by start) with a precision of day | week | month | year.

The vocabulary (month and weekday names, relative words, number words, prepositions, year context
words …) is data in `lexicons/<lang>/dates.tsv` (columns `pattern kind value note`; the kinds are
described at the top of `de/dates.tsv`).  Only the regex *structure* lives here; it is compiled once
per language and process.

Rules
-----
* Absolute dates: ISO `2024-10-03`; numeric `3.10.2024` / `03/10/2024` (order from the `numeric_order`
  option: dmy or mdy, a first number > 12 is always the day); day + month (+ year)
  (`am 3. Oktober`, `3 October`, `el 3 de octubre de 2024`, `le 1er octobre`); month + day (+ year)
  where the `month_day` option is on (`October 3`, `Oct. 3, 2024`); month + year (`Oktober 2024`);
  month alone (`im Juni`; full month names only — abbreviations need a day or year).
* Relative dates: `rel_day/rel_week/rel_month/rel_year` phrases (`gestern`, `letzte Woche`, `el año
  pasado`), "N units ago" (`vor zwei Tagen`, `two days ago`, `hace dos días`, `il y a deux jours`),
  and weekdays (`am Dienstag`): the most recent such weekday on or before the publication date (the
  publication weekday itself = that day); with a "last" modifier strictly before, with a "next"
  modifier strictly after.  Week values are the Monday of the week, month values the 1st, year
  values 1 January.
* Year inference (no year written): take the year that puts the date on or before `published`;
  if that is more than 300 days back and the same date in the following year lies at most 62 days
  after `published`, take the following year (news announces near-future dates).  For a month
  alone the 1st of the month is compared.
* Year numbers: a 4-digit number 1900–2100 that is a token of its own (not next to other digits,
  decimal/thousand separators or currency signs) counts as a year when a `year_ctx` word stands
  right before it (`im`, `seit`, `in`, `since`, `Jahr` …), or otherwise when the next word is not a
  `not_year_before` word (`Soldaten`, `km`, `people` …) and — for languages with the option
  `year_after_capitalised_is_count` (German: nouns are capitalised) — not a capitalised word.
  Other numbers ("sechs", "3") are never dates.
* `published=None`: only expressions that carry their own year are returned.
* Overlapping candidates: the longest span wins (then the more specific pattern).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from eventwire.lexicons import load_table
from eventwire.records import DateRef

__all__ = ["find_dates"]

_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s.replace("’", "'").strip().lower())


def _alt(patterns, dot_optional: bool = False) -> str:
    """A non-capturing alternation of lexicon patterns, longest first; spaces match any whitespace."""
    parts = []
    for p in sorted(set(patterns), key=lambda x: (-len(x), x)):
        if not p:
            continue
        toks = p.split(" ")
        parts.append(r"\s+".join(re.escape(t).replace("'", "['’]") for t in toks))
    if not parts:
        return r"(?!x)x"  # matches nothing
    return "(?:" + "|".join(parts) + ")"


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _infer_year(month: int, day: int, pub: date) -> date | None:
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            pass
    before = [c for c in cands if c <= pub]
    after = [c for c in cands if c > pub]
    d0 = max(before) if before else None
    d1 = min(after) if after else None
    if d0 is not None:
        if (pub - d0).days > 300 and d1 is not None and (d1 - pub).days <= 62:
            return d1
        return d0
    return d1


@dataclass
class _Cand:
    start: int
    end: int
    value: date | None
    precision: str
    prio: int  # lower = more specific


class _Spec:
    """Compiled regexes and lookup tables for one language."""

    def __init__(self, lang: str) -> None:
        kinds: dict[str, dict[str, str]] = {}
        for row in load_table(lang, "dates"):
            kinds.setdefault(row["kind"], {}).setdefault(_norm(row["pattern"]), row["value"])
        self.lang = lang
        g = lambda k: kinds.get(k, {})  # noqa: E731
        opt = g("option")
        self.month_cap = opt.get("month_capitalised", "0") == "1"
        self.weekday_cap = opt.get("weekday_capitalised", "0") == "1"
        self.cap_is_count = opt.get("year_after_capitalised_is_count", "0") == "1"
        self.mdy = opt.get("numeric_order", "dmy") == "mdy"
        month_day = opt.get("month_day", "0") == "1"

        self.months = {k: int(v) for k, v in g("month").items()}
        self.months_abbr = {k: int(v) for k, v in g("month_abbr").items()}
        self.month_ambiguous = set(g("month_ambiguous"))
        self.all_months = {**self.months_abbr, **self.months}
        self.weekdays = {k: int(v) for k, v in g("weekday").items()}
        self.wd_mod = {k: int(v or 0) for k, v in {**g("weekday_mod_pre"), **g("weekday_mod_post")}.items()}
        self.wd_mod_pre = {k: int(v or 0) for k, v in g("weekday_mod_pre").items()}
        self.wd_mod_post = {k: int(v or 0) for k, v in g("weekday_mod_post").items()}
        self.rel: dict[str, tuple[str, int]] = {}
        for kind, prec in (("rel_day", "day"), ("rel_week", "week"), ("rel_month", "month"),
                           ("rel_year", "year")):
            for k, v in g(kind).items():
                self.rel.setdefault(k, (prec, int(v)))
        self.ignore = set(g("ignore"))
        self.numbers = {k: int(v) for k, v in g("number").items()}
        self.units = dict(g("unit"))
        self.ago_pre = {k: int(v or -1) for k, v in g("ago_pre").items()}
        self.ago_post = {k: int(v or -1) for k, v in g("ago_post").items()}
        self.not_year_before = set(g("not_year_before"))

        prep = _alt(g("prep"))
        of = _alt(g("of"))
        suffix = _alt(g("day_suffix"))
        part = _alt(g("month_part"))
        mon = r"(?P<mon>" + _alt(self.all_months) + r")(?P<mdot>\.)?"
        wd = _alt(self.weekdays)
        P = r"(?<![\w])(?:(?P<prep>" + prep + r")\s+)?"
        WD = r"(?:(?P<wd>" + wd + r"),?\s+(?:" + prep + r"\s+)?)?"
        PART = r"(?:(?P<part>" + part + r")(?:\s+|(?<=-)))?"
        DAY = r"(?<![\w.,/])(?P<d>\d{1,2})(?:" + suffix + r")?"
        YEAR_TAIL = r"(?:,?\s+(?:" + of + r"\s+)?(?P<y>\d{4})(?!\d))?"
        F = re.IGNORECASE
        regs: list[tuple[str, re.Pattern[str]]] = [
            ("iso", re.compile(r"(?<![\w.,/-])(?:(?P<prep>" + prep + r")\s+)?"
                               r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\w-])", F)),
            ("num", re.compile(P + r"(?<![\w.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)"
                               r"(?P<y>\d{4})(?!\w|[.,/]\d)", F)),
            ("dm", re.compile(P + WD + DAY + r"\s*(?:" + of + r"\s+)?" + mon + YEAR_TAIL + r"(?!\w)", F)),
            ("my", re.compile(P + PART + mon + r",?\s+(?:" + of + r"\s+)?(?P<y>\d{4})(?!\w)", F)),
            ("m", re.compile(P + PART + mon + r"(?!\w)", F)),
            ("wd", re.compile(P + r"(?:(?P<wmpre>" + _alt(self.wd_mod_pre) + r")\s+)?(?P<wd>" + wd
                              + r")(?P<wsuf>" + _alt(g("weekday_suffix")) + r")?(?:\s+(?P<wmpost>"
                              + _alt(self.wd_mod_post) + r"))?(?!\w)", F)),
            ("rel", re.compile(r"(?<!\w)(?P<rel>" + _alt(list(self.rel) + list(self.ignore)) + r")(?!\w)", F)),
            ("ago_pre", re.compile(r"(?<!\w)(?P<apre>" + _alt(self.ago_pre) + r")\s+(?P<n>"
                                   + _alt(self.numbers) + r"|\d{1,3})\s+(?P<unit>" + _alt(self.units)
                                   + r")(?!\w)", F)),
            ("ago_post", re.compile(r"(?<!\w)(?P<n>" + _alt(self.numbers) + r"|\d{1,3})\s+(?P<unit>"
                                    + _alt(self.units) + r")\s+(?P<apost>" + _alt(self.ago_post)
                                    + r")(?!\w)", F)),
            ("year", re.compile(r"(?<!\w)(?:(?P<yctx>" + _alt(g("year_ctx")) + r")\s+)?"
                                r"(?<![\w.,:/$€£])(?P<y>(?:19|20)\d\d|2100)(?!\w|[.,:/]\d|\s?%)", F)),
        ]
        if month_day:
            regs.insert(3, ("md", re.compile(P + WD + mon + r"\s+(?P<d>\d{1,2})(?:" + suffix + r")?(?!\d)"
                                             + r"(?:,?\s+(?P<y>\d{4})(?!\d))?(?!\w)", F)))
        self.regs = regs
        self.prio = {name: i for i, (name, _) in enumerate(regs)}
        self._next_word = re.compile(r"\s*([^\W\d_][\w'’-]*)")

    # -- helpers ------------------------------------------------------------------------------
    def _month_ok(self, m: re.Match[str], bare: bool) -> int | None:
        surface = m.group("mon")
        key = _norm(surface)
        if bare and key not in self.months:
            return None  # abbreviations only with a day or a year
        if bare and key in self.month_ambiguous and not (m["prep"] or m["part"]):
            return None  # "May" (modal verb, Theresa May) only as "in May", "early May"
        if self.month_cap and not surface[:1].isupper():
            return None
        return self.all_months.get(key)

    def _weekday_ok(self, surface: str | None) -> bool:
        return not self.weekday_cap or not surface or surface[:1].isupper()

    def _end(self, m: re.Match[str]) -> int:
        """Drop a sentence-final dot after a full month name from the span."""
        end = m.end()
        if m.groupdict().get("mdot") and end == m.end("mdot") and _norm(m.group("mon")) in self.months:
            end -= 1
        return end

    # -- candidates -------------------------------------------------------------------------
    def candidates(self, text: str, pub: date | None) -> list[_Cand]:
        out: list[_Cand] = []
        for name, rx in self.regs:
            prio = self.prio[name]
            for m in rx.finditer(text):
                c = self._resolve(name, m, text, pub)
                if c is not None:
                    c.prio = prio
                    out.append(c)
        return out

    def _resolve(self, name: str, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        s = m.start()
        try:
            if name == "iso":
                return _Cand(s, m.end(), date(int(m["y"]), int(m["m"]), int(m["d"])), "day", 0)
            if name == "num":
                a, b = int(m["a"]), int(m["b"])
                day, month = (b, a) if self.mdy and a <= 12 else (a, b)
                return _Cand(s, m.end(), date(int(m["y"]), month, day), "day", 0)
            if name in ("dm", "md"):
                month = self._month_ok(m, bare=False)
                if month is None or not self._weekday_ok(m["wd"]):
                    return None
                day = int(m["d"])
                if m["y"]:
                    value = date(int(m["y"]), month, day)
                elif pub is None:
                    return None
                else:
                    date(2000, month, day)  # validates day (leap year allows 29 Feb)
                    value = _infer_year(month, day, pub)
                return _Cand(s, self._end(m), value, "day", 0) if value else None
            if name == "my":
                month = self._month_ok(m, bare=False)
                if month is None:
                    return None
                return _Cand(s, m.end(), date(int(m["y"]), month, 1), "month", 0)
            if name == "m":
                month = self._month_ok(m, bare=True)
                if month is None or pub is None:
                    return None
                value = _infer_year(month, 1, pub)
                return _Cand(s, self._end(m), value, "month", 0) if value else None
            if name == "wd":
                if pub is None or not self._weekday_ok(m["wd"]):
                    return None
                wd = self.weekdays[_norm(m["wd"])]
                mod = 0
                if m["wmpre"]:
                    mod = self.wd_mod_pre.get(_norm(m["wmpre"]), 0)
                if m["wmpost"]:
                    mod = self.wd_mod_post.get(_norm(m["wmpost"]), 0)
                back = (pub.weekday() - wd) % 7
                if mod < 0 and back == 0:
                    back = 7
                if mod > 0:
                    fwd = (wd - pub.weekday()) % 7 or 7
                    value = pub + timedelta(days=fwd)
                else:
                    value = pub - timedelta(days=back)
                return _Cand(s, m.end(), value, "day", 0)
            if name == "rel":
                key = _norm(m["rel"])
                if key in self.ignore and key not in self.rel:
                    return _Cand(s, m.end(), None, "ignore", 0)
                if pub is None:
                    return None
                prec, off = self.rel[key]
                return _Cand(s, m.end(), _shift(pub, prec, off), prec, 0)
            if name in ("ago_pre", "ago_post"):
                if pub is None:
                    return None
                sign = (self.ago_pre.get(_norm(m["apre"]), -1) if name == "ago_pre"
                        else self.ago_post.get(_norm(m["apost"]), -1))
                n_txt = _norm(m["n"])
                n = int(n_txt) if n_txt.isdigit() else self.numbers[n_txt]
                unit = self.units[_norm(m["unit"])]
                return _Cand(s, m.end(), _shift(pub, unit, sign * n), unit, 0)
            if name == "year":
                if not m["yctx"]:
                    nxt = self._next_word.match(text, m.end())
                    if nxt:
                        word = nxt.group(1)
                        if _norm(word) in self.not_year_before:
                            return None
                        # Only a word right after the number (same sentence, no punctuation between).
                        if self.cap_is_count and word[:1].isupper() and text[m.end():nxt.start(1)].strip() == "":
                            return None
                    if m.start("y") > 0 and text[m.start("y") - 1] == "-":
                        return None
                return _Cand(s, m.end(), date(int(m["y"]), 1, 1), "year", 0)
        except (ValueError, KeyError, OverflowError):
            return None
        return None


def _shift(pub: date, unit: str, n: int) -> date:
    if unit == "day":
        return pub + timedelta(days=n)
    if unit == "week":
        return _monday(pub) + timedelta(weeks=n)
    if unit == "month":
        return _add_months(date(pub.year, pub.month, 1), n)
    return date(pub.year + n, 1, 1)


@lru_cache(maxsize=None)
def _spec(lang: str) -> _Spec:
    return _Spec(lang)


@lru_cache(maxsize=None)
def month_words(lang: str) -> frozenset[str]:
    """The language's month names and abbreviations, lower-cased ("oktober", "oct")."""
    return frozenset(_spec(lang).all_months)


def find_dates(text: str, lang: str, published: date | None) -> list[DateRef]:
    """Every date expression in `text` (offsets into `text`), resolved against `published`.

    Returns `DateRef`s sorted by start; overlapping matches keep the longest span.  A language
    without `dates.tsv` gives only ISO and numeric dates and bare years.
    """
    if not text:
        return []
    spec = _spec(lang)
    cands = spec.candidates(text, published)
    if not cands:
        return []
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    taken: list[_Cand] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return [DateRef(text=text[c.start:c.end], start=c.start, end=c.end, value=c.value, precision=c.precision)
            for c in taken if c.precision != "ignore" and c.value is not None]

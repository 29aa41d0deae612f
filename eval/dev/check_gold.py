#!/usr/bin/env python3
"""Validate eval/dev/de_dev.jsonl and eval/dev/en_dev.jsonl.

Checks: JSON schema of every sentence record and event; PLOVER event types, modes and
sector codes; country codes (ISO-3166 alpha-3 + PLOVER/eventwire extras); modality values;
date format and precision; that every German `text` occurs verbatim in its 10kGNAD article
(only the rows used are read, and the reader stops at row 599: rows >= 600 are held out)
or in the seed file; that every surface string of an event (actor/recipient/speaker/via text,
cue, trigger, location text, date text) occurs in its sentence; that the English translations
carry the same events (types and codes) as the German sentences they translate.

    python eval/dev/check_gold.py          # exit 0 when clean, 1 with a list of problems
"""
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path("/work/shared/corpora/10kGNAD_test.csv")
SEED_FILE = Path("/work/shared/seed/seed_de_dayfr.txt")
MAX_ROW = 599

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
_RQ = {"assist", "change", "yield", "meet"}
MODES = {
    "AGREE": set(), "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": _RQ, "REJECT": _RQ,
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
           "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
           "IGO", "NGO"}
ISO3 = set("""AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ
BEN BMU BTN BOL BES BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL
COM COG COD COK CRI CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI
FIN FRA GUF PYF ATF GAB GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG
HUN ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR
LBY LIE LTU LUX MAC MDG MWI MYS MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR
NAM NRU NPL NLD NCL NZL NIC NER NGA NIU NFK MKD MNP NOR OMN PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT
PRI QAT REU ROU RUS RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SXM SVK SVN SLB
SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA THA TLS TGO TKL TON TTO TUN TUR TKM TCA TUV
UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB VIR WLF ESH YEM ZMB ZWE""".split())
EXTRA = {"UNO", "NAT", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC", "KOS"}
POLARITY = {"asserted", "negated", "denied"}
CERTAINTY = {"certain", "probable", "possible"}
TENSE = {"past", "present", "future"}
PRECISION = {"day", "week", "month", "year"}
REC_KEYS = {"doc", "row", "sent", "language", "published", "text", "events"}
EV_KEYS = {"event_type", "mode", "actor", "recipient", "attribution", "modality", "date", "date_precision",
           "date_text", "date_source", "location", "trigger"}
EV_OPT = {"alt_event_types", "note"}
ENT_KEYS = {"text", "country", "sector", "name"}

problems = []


def err(where, msg):
    problems.append(f"{where}: {msg}")


def in_sentence(s, sentence):
    """A surface string occurs in the sentence; '...' marks a discontinuous span."""
    parts = [p.strip() for p in s.split("...")]
    pos = 0
    for p in parts:
        i = sentence.find(p, pos)
        if i < 0:
            return False
        pos = i + len(p)
    return True


def check_entity(where, ent, sentence, allow_none=False):
    if ent is None:
        if not allow_none:
            err(where, "entity is null")
        return
    if not isinstance(ent, dict) or set(ent) != ENT_KEYS:
        err(where, f"entity keys {sorted(ent) if isinstance(ent, dict) else ent}")
        return
    if ent["text"] is not None and not in_sentence(ent["text"], sentence):
        err(where, f"text {ent['text']!r} not in sentence")
    c, s = ent["country"], ent["sector"]
    if c is not None and c not in ISO3 and c not in EXTRA:
        err(where, f"bad country {c!r}")
    if s is not None and s not in SECTORS:
        err(where, f"bad sector {s!r}")
    if ent["text"] is None and c is None and s is None and ent["name"] is None:
        err(where, "empty entity")


def check_event(where, ev, sentence, published):
    keys = set(ev)
    if not EV_KEYS <= keys or keys - EV_KEYS - EV_OPT:
        err(where, f"event keys {sorted(keys)}")
        return
    t = ev["event_type"]
    if t not in TYPES:
        err(where, f"bad type {t!r}")
        return
    for m in ev["mode"]:
        if m not in MODES[t]:
            err(where, f"mode {m!r} not a {t} mode")
    for alt in ev.get("alt_event_types", []):
        if alt not in TYPES or alt == t:
            err(where, f"bad alt type {alt!r}")
    for role in ("actor", "recipient"):
        if not isinstance(ev[role], list):
            err(where, f"{role} not a list")
            continue
        for k, ent in enumerate(ev[role]):
            check_entity(f"{where} {role}[{k}]", ent, sentence)
    att = ev["attribution"]
    if not isinstance(att, dict) or set(att) != {"speaker", "cue", "via"}:
        err(where, "attribution keys")
    else:
        check_entity(f"{where} speaker", att["speaker"], sentence, allow_none=True)
        if att["cue"] is not None and not in_sentence(att["cue"], sentence):
            err(where, f"cue {att['cue']!r} not in sentence")
        for k, ent in enumerate(att["via"]):
            check_entity(f"{where} via[{k}]", ent, sentence)
    mod = ev["modality"]
    if not isinstance(mod, dict) or set(mod) != {"polarity", "certainty", "tense", "hedge"}:
        err(where, "modality keys")
    else:
        if mod["polarity"] not in POLARITY:
            err(where, f"polarity {mod['polarity']!r}")
        if mod["certainty"] not in CERTAINTY:
            err(where, f"certainty {mod['certainty']!r}")
        if mod["tense"] not in TENSE:
            err(where, f"tense {mod['tense']!r}")
        if mod["hedge"] is not None and not in_sentence(mod["hedge"], sentence):
            err(where, f"hedge {mod['hedge']!r} not in sentence")
        if mod["polarity"] == "denied" and not (att.get("speaker")):
            err(where, "denied event without speaker")
    d, p, src = ev["date"], ev["date_precision"], ev["date_source"]
    if d is None:
        if p is not None or src is not None:
            err(where, "date null but precision/source set")
    else:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
            err(where, f"bad date {d!r}")
        if p not in PRECISION:
            err(where, f"bad precision {p!r}")
        if src not in {"text", "publication"}:
            err(where, f"bad date_source {src!r}")
        if src == "publication" and published is None:
            err(where, "date_source publication without published date")
        if p == "month" and not d.endswith("-01"):
            err(where, "month precision must be day 01")
        if p == "year" and not d.endswith("-01-01"):
            err(where, "year precision must be YYYY-01-01")
        if src == "text" and ev["date_text"] is None:
            err(where, "date from text but no date_text")
    if ev["date_text"] is not None and not in_sentence(ev["date_text"], sentence):
        err(where, f"date_text {ev['date_text']!r} not in sentence")
    loc = ev["location"]
    if loc is not None:
        if set(loc) != {"text", "name", "country"}:
            err(where, "location keys")
        else:
            if loc["text"] is not None and not in_sentence(loc["text"], sentence):
                err(where, f"location text {loc['text']!r} not in sentence")
            if loc["country"] not in ISO3:
                err(where, f"location country {loc['country']!r}")
    if not ev["trigger"] or not in_sentence(ev["trigger"], sentence):
        err(where, f"trigger {ev['trigger']!r} not in sentence")


def load(name):
    out = []
    with open(HERE / name, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{name}:{n}", f"bad JSON {e}")
    return out


def read_rows(rows):
    rows = set(rows)
    if rows and max(rows) > MAX_ROW:
        err("corpus", f"rows >= 600 referenced: {sorted(r for r in rows if r > MAX_ROW)}")
        rows = {r for r in rows if r <= MAX_ROW}
    got = {}
    with open(CORPUS, encoding="utf-8", newline="") as f:
        for i, rec in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if i > MAX_ROW:
                break  # never read held-out rows
            if i in rows:
                got[i] = rec
    return got


def shape(ev):
    """What must be equal between a German event and its English translation."""
    ents = lambda xs: [(x["country"], x["sector"], x["name"]) for x in xs]  # noqa: E731
    sp = ev["attribution"]["speaker"]
    return (ev["event_type"], tuple(ev["mode"]), tuple(ents(ev["actor"])), tuple(ents(ev["recipient"])),
            (sp["country"], sp["sector"], sp["name"]) if sp else None,
            tuple(sorted(ev["modality"].items() - {("hedge", ev["modality"]["hedge"])})),
            ev["date"], ev["date_precision"],
            (ev["location"]["name"], ev["location"]["country"]) if ev["location"] else None)


def main():
    de, en = load("de_dev.jsonl"), load("en_dev.jsonl")
    rows = {r["row"] for r in de if r.get("doc", "").startswith("gnad-")}
    arts = read_rows(rows)
    seed = SEED_FILE.read_text(encoding="utf-8")
    seen = set()
    for name, recs, lang in (("de_dev.jsonl", de, "de"), ("en_dev.jsonl", en, "en")):
        for r in recs:
            where = f"{name} {r.get('doc')}#{r.get('sent')}"
            if set(r) != REC_KEYS:
                err(where, f"record keys {sorted(r)}")
                continue
            if (r["doc"], r["sent"]) in seen:
                err(where, "duplicate (doc, sent)")
            seen.add((r["doc"], r["sent"]))
            if r["language"] != lang:
                err(where, "language")
            if r["published"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]):
                err(where, "published")
            if lang == "de":
                if r["doc"] == "seed-de":
                    if r["text"] not in seed:
                        err(where, "text not in seed file")
                elif r["doc"] == f"gnad-{r['row']}":
                    if r["row"] not in arts:
                        err(where, "row not read")
                    elif r["text"] not in arts[r["row"]][1]:
                        err(where, "text not verbatim in article")
                else:
                    err(where, "doc id")
            for k, ev in enumerate(r["events"]):
                check_event(f"{where} ev{k}", ev, r["text"], r["published"])
    # sentence order: German article texts appear in order in their article
    for row, (cat, text) in arts.items():
        pos = 0
        for r in sorted((r for r in de if r["doc"] == f"gnad-{row}"), key=lambda r: r["sent"]):
            i = text.find(r["text"], pos)
            if i < 0:
                err(f"gnad-{row}#{r['sent']}", "sentence out of order")
            else:
                pos = i + len(r["text"])
    # English translations carry the same events as their German source
    de_by = {(r["doc"], r["sent"]): r for r in de}
    for r in en:
        src = ("seed-de", r["sent"]) if r["doc"] == "seed-en" else (r["doc"][:-3], r["sent"])
        if src not in de_by:
            err(f"en {r['doc']}#{r['sent']}", f"no German source {src}")
            continue
        a = [shape(e) for e in de_by[src]["events"]]
        b = [shape(e) for e in r["events"]]
        if a != b:
            err(f"en {r['doc']}#{r['sent']}", "events differ from the German source")
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1
    c = Counter(e["event_type"] for r in de + en for e in r["events"])
    print(f"OK: de {len(de)} sentences / {sum(len(r['events']) for r in de)} events; "
          f"en {len(en)} sentences / {sum(len(r['events']) for r in en)} events; rows read: {sorted(arts)}")
    print(dict(sorted(c.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

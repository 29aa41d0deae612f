"""Rebuild eval/consolidation/gold.jsonl: code the chosen 10kGNAD rows (0–599 only), attach the
hand annotation, add the seed story (de + en) and hand translations (en) of German sentences.

    .venv/bin/python eval/consolidation/build_gold.py [/path/to/10kGNAD_test.csv]

Rows >= 600 of 10kGNAD_test.csv are held out and never read (the reader stops at row 600).
The annotation is keyed by "row:evidence_start:EVENT_TYPE" of the coder's mentions at the time of
annotation; mentions that no longer match a key are dropped (and reported), so rebuilding with a
changed coder keeps only what was annotated.  A null label = an event mentioned once (singleton).
"""
from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.documents import build_article  # noqa: E402
from eventwire.pipeline import code_article  # noqa: E402
from eventwire.records import RawDocument  # noqa: E402

CSV = Path("/work/shared/corpora/10kGNAD_test.csv")
MAX_ROW = 600
ROWS = [4, 21, 63, 129, 164, 167, 173, 182, 209, 305, 361, 374, 421, 436, 439, 506, 551, 554, 564]

# Hand translations (de → en) of German evidence sentences; label = the German mention's event.
TRANSLATIONS = [
    (173, 387, "ASSAULT", "During the attack on the Al-Quds hospital, at least 20 people were killed on Wednesday night."),
    (209, 1129, "ASSAULT", "In a missile attack on the town of Maarat al-Numan in north-western Syria, two more hospitals were hit, according to the reports."),
    (374, 524, "ASSAULT", "Sunday's attack targeted an army and police base near the town of Dogubayazit on the Iranian border."),
    (564, 69, "ASSAULT", "Two Palestinians were shot dead by the army after a knife attack on an Israeli soldier in the north of the occupied West Bank."),
    (305, 0, "ASSAULT", "Israel attacks Hamas training camp in the Gaza Strip."),
    (554, 1286, "ASSAULT", "In November, 130 people were killed in Islamist attacks in Paris."),
    (209, 2321, "THREATEN", "Turkish Prime Minister Ahmet Davutoglu threatened on Monday the harshest response should Kurdish YPG fighters take the town of Azaz north of Aleppo."),
    (421, 90, "ASSAULT", "Civilians are increasingly the victims of the Turkish offensive against PKK fighters in the south-east of the country."),
    (439, 2411, "ASSAULT", "In Hebron, 15 Palestinians were injured in clashes between stone-throwing Palestinians and Israeli soldiers after Friday prayers."),
    (182, 62, "ASSAULT", "Jerusalem - Once again on Monday, a Palestinian attacker attacked an Israeli woman inside a settlement in the occupied West Bank."),
]

# Seed story (examples/seed_de_dayfr.txt + examples/seed_en.txt, published 2024-10-08):
# label by (event type, words that pick the sentence in either language); unlisted → singleton per
# language pair (sentence position + type), i.e. a German mention and its English translation merge.
SEED_LABELS = [
    ("AID", ("zurückgewiesen, es liefere", "rejected accusations that it supplies", "Waffenlieferanten",
             "major supplier", "beiden Länder haben die Vorwürfe", "two countries have rejected"), "PRK_ARMS_TO_RUS"),
    # Russia's invasion of Ukraine, named in two sentences, is one event
    ("ASSAULT", ("Invasion in der Ukraine", "Invasion der Ukraine", "invasion of Ukraine"), "RUS_INVASION_UKR"),
]

SEED_SENTENCES = [
    ("Nach Angaben des Verteidigungsministers", "According to Seoul's defence minister"),
    ("Kim Yong-hyun sagte", "Kim Yong-hyun told"),
    ("Nordkorea hat Vorwürfe", "North Korea has rejected"),
    ("„Wir gehen davon aus", '"We assume'),
    ("„Die Frage der Stationierung", '"The question of deploying'),
    ("Der nordkoreanische Staatschef", "North Korean leader Kim Jong Un"),
    ("Südkorea behauptet", "South Korea, backed"),
    ("Die beiden Länder haben", "The two countries have"),
    ("Analysten haben", "Analysts have"),
    ("Nordkorea ist aufgrund", "North Korea is barred"),
    ("Im März nutzte", "In March, however"),
    ("Es wird erwartet", "North Korea is expected"),
    ("Moskau und Pjöngjang sind", "Moscow and Pyongyang have been"),
    ("Russlands Präsident Wladimir Putin und Nordkoreas", "(caption: German only)"),
    ("Nordkoreanische Truppen kämpfen", "North Korean troops fighting"),
]

ANNOTATION_FILE = HERE / "annotation.json"


def read_rows(path: Path) -> dict[int, tuple[str, str]]:
    out = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'")):
            if i >= MAX_ROW:
                break  # held out: never read
            if i in ROWS:
                out[i] = (row[0], row[1])
    return out


def code(text: str, url: str, lang: str, published: date | None = None):
    a = build_article(RawDocument(uri=url, data=text.encode("utf-8"), hints={"url": url}),
                      language=lang, published=published)
    return a, code_article(a).mentions


def main(csv_path: Path = CSV) -> None:
    ann = json.loads(ANNOTATION_FILE.read_text("utf-8"))
    out, order, dropped = [], 0, 0
    originals = {}
    for i, (_cat, text) in sorted(read_rows(csv_path).items()):
        a, ms = code(text, f"https://derstandard.example/10kGNAD_test/row{i}", "de")
        order += 1
        for m in ms:
            key = f"{i}:{m.evidence.start}:{m.event_type}"
            if key not in ann:
                dropped += 1
                continue
            rec = m.to_json()
            rec.update(gold_event=ann[key] or f"single:{key}", order=order, source=f"10kGNAD_test row {i}")
            originals[key] = rec["gold_event"]
            out.append(rec)
    for i, start, etype, sent in TRANSLATIONS:
        a, ms = code(sent, f"https://translation.example/row{i}-{start}", "en")
        order += 1
        for m in ms:
            if m.event_type != etype:
                continue
            rec = m.to_json()
            rec.update(gold_event=originals[f"{i}:{start}:{etype}"], order=order,
                       source=f"hand translation of 10kGNAD_test row {i} @{start}")
            out.append(rec)
    seed = [(ROOT / "examples" / "seed_de_dayfr.txt", "de", "https://dayfr.example/de/nk"),
            (ROOT / "examples" / "seed_en.txt", "en", "https://english.example/nk")]
    for path, lang, url in seed:
        a, ms = code(path.read_text("utf-8"), url, lang, date(2024, 10, 8))
        order += 1
        for m in ms:
            label = None
            for etype, cues, name in SEED_LABELS:
                if m.event_type == etype and any(c in m.evidence.sentence for c in cues) \
                        and m.modality.certainty != "possible":
                    label = name
            if label is None:
                # the English file is a translation: sentence n of one language = sentence n of the other
                pos = next((n for n, pair in enumerate(SEED_SENTENCES)
                            if any(m.evidence.sentence.startswith(c) for c in pair)), -1)
                label = f"seed:{pos}:{m.event_type}"
            rec = m.to_json()
            rec.update(gold_event=label, order=order, source=f"seed ({lang})")
            out.append(rec)
    (HERE / "gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), "utf-8")
    print(f"{len(out)} gold mentions, {len({r['gold_event'] for r in out})} events; "
          f"{dropped} unannotated mentions dropped")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CSV)

"""Near-duplicates: republished wire copies and syndicated pages link to their original."""
from __future__ import annotations

from pathlib import Path

from eventwire.documents.neardup import NearDupIndex, signature
from eventwire.pipeline import ingest
from eventwire.store import Store
from eventwire.store.signatures import FOLDER, load_index

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "seed_de_dayfr.txt"
INGEST = ROOT / "tests" / "fixtures" / "ingest" / "folder"
NAV = ("Startseite | Politik | Wirtschaft | Sport | Kultur | Anmelden | Abo\nMeistgelesen: Wetter morgen, "
       "Lottozahlen, Horoskop\n\n")
FOOTER = ("\n\n© 2024 Beispielzeitung. Alle Rechte vorbehalten. Impressum | Datenschutz | AGB | Kontakt\n"
          "Diese Website verwendet Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten.")


def wire_original() -> str:
    """The wire story the seed republishes: the seed less the republisher's site name and page title."""
    lines = SEED.read_text("utf-8").splitlines()
    return "\n".join(ln for ln in lines if ln.strip() not in ("DayFR Deutsch", "-") and "|" not in ln)


def same_topic_other_article() -> str:
    return ("Südkorea warnt vor Truppen aus Pjöngjang\n\nDer südkoreanische Geheimdienst hat am Freitag "
            "mitgeteilt, Nordkorea habe bereits 1500 Soldaten der Spezialkräfte nach Russland verlegt. "
            "Die Männer würden in Wladiwostok ausgebildet und sollten bald an die Front in der Ukraine "
            "geschickt werden, hieß es in Seoul. Präsident Yoon Suk Yeol berief eine Sondersitzung des "
            "Sicherheitsrates ein und sprach von einer ernsten Bedrohung. Der Kreml bestritt die Angaben, "
            "ein Sprecher nannte sie Falschmeldungen. Die Ukraine forderte vom Westen mehr Waffen und "
            "Langstreckenraketen, um auf die Verlegung reagieren zu können.")


def test_signature_is_deterministic_and_similar_for_copies():
    a, na = signature(wire_original())
    b, nb = signature(NAV + SEED.read_text("utf-8") + FOOTER)
    a2, _ = signature(wire_original())
    assert (a == a2).all() and na > 100
    assert (a == b).mean() > 0.6
    c, _ = signature(same_topic_other_article())
    assert (a == c).mean() < 0.2


def test_index_links_copies_not_same_topic():
    idx = NearDupIndex()
    from eventwire.records import Article

    def art(i, text):
        return Article(id=f"a{i}", url=None, site=None, title=None, text=text, published=None, language="de",
                       content_hash=f"h{i}", source_uri=f"u{i}")

    first = idx.link(art(1, wire_original()))[0]
    seed = idx.link(art(2, SEED.read_text("utf-8")))[0]
    nav = idx.link(art(3, NAV + SEED.read_text("utf-8") + FOOTER))[0]
    other = idx.link(art(4, same_topic_other_article()))[0]
    assert first.dup_of is None
    assert seed.dup_of == "a1" and nav.dup_of == "a1"  # the root of the cluster, not the copy it matched
    assert other.dup_of is None


def test_ingest_links_against_store_and_batch(tmp_path):
    (tmp_path / "in1").mkdir()
    (tmp_path / "in2").mkdir()
    (tmp_path / "in1" / "a_wire.txt").write_text(wire_original(), "utf-8")
    (tmp_path / "in1" / "b_other.txt").write_text(same_topic_other_article(), "utf-8")
    (tmp_path / "in1" / "c_seed.txt").write_text(SEED.read_text("utf-8"), "utf-8")  # same batch as the original
    page = ("<html><head><title>Nordkoreanische Truppen</title></head><body><nav><a href='/'>Start</a>"
            "<a href='/p'>Politik</a></nav><article>"
            + "".join(f"<p>{p}</p>" for p in wire_original().split("\n\n"))
            + "<p>Mehr zum Thema lesen Sie in unserem Liveblog zum Krieg in der Ukraine.</p></article>"
            "<footer>Impressum Datenschutz Kontakt</footer></body></html>")
    (tmp_path / "in2" / "syndicated.html").write_text(page, "utf-8")
    (tmp_path / "in2" / "navcopy.txt").write_text(NAV + SEED.read_text("utf-8") + FOOTER, "utf-8")
    store = Store(tmp_path / "s")
    s1 = ingest([str(tmp_path / "in1")], store, language="de", batch_size=10)
    assert (s1.coded, s1.near_duplicates) == (3, 1)
    s2 = ingest([str(tmp_path / "in2")], store, language="de", batch_size=10)  # against the stored articles
    assert (s2.coded, s2.near_duplicates) == (2, 2)
    cur = store._cursor()
    rows = {Path(u).name: (i, d) for i, u, d in cur.execute(
        "SELECT id, source_uri, dup_of FROM raw_articles").fetchall()}
    wire_id = rows["a_wire.txt"][0]
    assert rows["a_wire.txt"][1] is None and rows["b_other.txt"][1] is None
    assert rows["c_seed.txt"][1] == wire_id
    assert rows["syndicated.html"][1] == wire_id and rows["navcopy.txt"][1] == wire_id
    # signatures persisted per batch; a lost cache is recomputed from the stored text
    assert len(list((tmp_path / "s" / FOLDER).glob("*.parquet"))) == 2
    _, counts = load_index(store)
    assert counts == {"cached": 5, "recomputed": 0}
    for f in (tmp_path / "s" / FOLDER).glob("*.parquet"):
        f.unlink()
    index, counts = load_index(store)
    assert counts == {"cached": 0, "recomputed": 5} and len(index) == 5


def test_real_articles_are_not_near_duplicates_of_each_other(tmp_path):
    store = Store(tmp_path / "s")
    summary = ingest([str(INGEST)], store, batch_size=100)
    assert summary.coded == 53 and summary.near_duplicates == 0

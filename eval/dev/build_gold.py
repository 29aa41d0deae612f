#!/usr/bin/env python3
"""Source of truth for the eventwire development gold (eval/dev/*.jsonl).

The annotations below were made by hand, sentence by sentence (see GUIDE.md).
This script only turns the compact notation into JSONL:

    python eval/dev/build_gold.py      # writes de_dev.jsonl and en_dev.jsonl

German sentences are cut from the 10kGNAD test rows listed in ARTICLES (all < 600;
rows >= 600 are held out and are never read: the reader stops at row 599).
Text fields that differ between the German original and its English translation
are written T("deutsch", "english"); plain strings are used in both versions only
where the string is identical (names such as "Kerry").
"""
import csv
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path("/work/shared")
CORPUS = SHARED / "corpora" / "10kGNAD_test.csv"
SEED_FILE = SHARED / "seed" / "seed_de_dayfr.txt"
MAX_ROW = 599  # rows >= 600 are held out


# --------------------------------------------------------------------------- notation
class T(tuple):
    """A text field in two languages: T(de, en)."""

    def __new__(cls, de, en):
        return super().__new__(cls, (de, en))


def pick(v, lang):
    if isinstance(v, T):
        return v[0] if lang == "de" else v[1]
    return v


def A(text, country, sector, name=None):
    return {"text": text, "country": country, "sector": sector, "name": name}


def L(text, name, country):
    return {"text": text, "name": name, "country": country}


POL = {"a": "asserted", "n": "negated", "d": "denied"}
CERT = {"c": "certain", "pr": "probable", "po": "possible"}


def E(event_type, trigger, a=(), r=(), m=(), sp=None, cue=None, via=(), pol="a", cert="c",
      tense="past", date=None, prec=None, dt=None, loc=None, hedge=None, alt=None, note=None):
    ev = {
        "event_type": event_type, "mode": list(m), "actor": list(a), "recipient": list(r),
        "attribution": {"speaker": sp, "cue": cue, "via": list(via)},
        "modality": {"polarity": POL[pol], "certainty": CERT[cert], "tense": tense, "hedge": hedge},
        "date": date, "date_precision": prec, "date_text": dt,
        "date_source": "text" if date else None,
        "location": loc, "trigger": trigger,
    }
    if alt:
        ev["alt_event_types"] = list(alt)
    if note:
        ev["note"] = note
    return ev


def localise(obj, lang):
    if isinstance(obj, T):
        return pick(obj, lang)
    if isinstance(obj, dict):
        return {k: localise(v, lang) for k, v in obj.items()}
    if isinstance(obj, list):
        return [localise(v, lang) for v in obj]
    return obj


# --------------------------------------------------------------------------- sentence split
SPLIT = re.compile(r'(?<=[.!?:"“])\s+(?=[A-ZÄÖÜ"„])')
# (row, i): merge sentence i with i+1 of the raw split (false boundaries)
MERGE = {(4, 2), (89, 0)}


def split_article(row, text):
    raw = [s for s in SPLIT.split(text) if s.strip()]
    out = []
    i = 0
    while i < len(raw):
        s = raw[i]
        while (row, i) in MERGE:
            # re-join with the exact separator of the original text
            nxt = raw[i + 1]
            start = text.index(s)
            end = text.index(nxt, start + len(s)) + len(nxt)
            s = text[start:end]
            i += 1
        out.append(s)
        i += 1
    return out


def read_rows(rows):
    want = set(rows)
    assert max(want) <= MAX_ROW
    got = {}
    with open(CORPUS, encoding="utf-8", newline="") as f:
        for i, rec in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if i > MAX_ROW:
                break
            if i in want:
                got[i] = rec
    return got


# --------------------------------------------------------------------------- common actors
IS_ = lambda t: A(t, "IMG", "REB", "Islamic State")  # noqa: E731

# =========================================================================== ANNOTATIONS
# D[row] = {sentence index: [events]}; sentences not listed have "events": [].
D = {}

# ---- row 4: mustard gas in Syria --------------------------------------------------------
D[4] = {
    0: [E("ASSAULT", T("verwendeten Chemikalie", "used chemical"), a=[A(T("Aufständische", "Insurgents"), "SYR", "REB")],
          m=["unconventional"], dt=T("im August", "in August"))],
    1: [E("ASSAULT", T("Senfgas eingesetzt", "mustard gas was used"), a=[A(T("Rebellengruppen", "rebel groups"), "SYR", "REB")],
          m=["unconventional"], sp=A(T("unabhängiger Experten", "independent experts"), None, None),
          cue=T("nach Angaben", "According to"), loc=L(T("Syrien", "Syria"), "Syria", "SYR"))],
    2: [E("ASSAULT", T("verwendet", "used"), a=[A(None, "SYR", "REB")], m=["unconventional"],
          sp=A(T("Kreisen der Organisation für das Verbot von Chemiewaffen (OPCW)",
                 "sources at the Organisation for the Prohibition of Chemical Weapons (OPCW)"), "IGO", "IGO", "OPCW"),
          cue=T("verlautete", "said"), dt=T("am 21. August", "on 21 August"),
          loc=L("Marea", "Marea", "SYR"), note="year not stated; published unknown -> date null")],
    3: [E("ASSAULT", T("Einsatz von Senfgas", "use of mustard gas"), m=["unconventional"],
          sp=A(None, "IGO", "IGO", "OPCW"), cue=T("demnach", "According to them"),
          loc=L(T("Bürgerkriegsland", "civil-war country"), "Syria", "SYR"))],
    4: [E("ACCUSE", T("ausfindig machen", "identify"), a=[A(T("Der UN-Sicherheitsrat", "the UN Security Council"), "UNO", "IGO")],
          m=["investigate"], dt=T("Anfang August", "At the beginning of August")),
        E("ASSAULT", T("Angriffe mit Chlorgas", "attacks with chlorine gas"), m=["unconventional"],
          loc=L(T("Syrien", "Syria"), "Syria", "SYR"))],
    5: [E("ACCUSE", T("werfen", "accuse"), a=[A(T("Die syrische Opposition", "Syria's opposition"), "SYR", "OPP"),
                                             A(T("der Westen", "the West"), None, None)],
          r=[A(T("den Truppen von Syriens Staatschef Bashar al-Assad", "the troops of Syrian leader Bashar al-Assad"), "SYR", "MIL")],
          m=["allege"], tense="present"),
        E("ASSAULT", T("Fassbomben mit Chlorgas von Hubschraubern abzuwerfen", "dropping barrel bombs containing chlorine gas from helicopters"),
          a=[A(T("den Truppen von Syriens Staatschef Bashar al-Assad", "the troops of Syrian leader Bashar al-Assad"), "SYR", "MIL")],
          m=["unconventional", "aerial"], sp=A(T("Die syrische Opposition", "Syria's opposition"), "SYR", "OPP"),
          cue=T("werfen", "accuse"), cert="pr", tense="present"),
        E("ASSAULT", T("Fassbomben mit Chlorgas von Hubschraubern abzuwerfen", "dropping barrel bombs containing chlorine gas from helicopters"),
          a=[A(T("den Truppen von Syriens Staatschef Bashar al-Assad", "the troops of Syrian leader Bashar al-Assad"), "SYR", "MIL")],
          m=["unconventional", "aerial"], sp=A(T("der Westen", "the West"), None, None),
          cue=T("werfen", "accuse"), cert="pr", tense="present")],
    6: [E("ASSAULT", T("Vorwurf", "accusation"), a=[A(None, "SYR", "MIL")], m=["unconventional", "aerial"],
          sp=A(T("Syriens Führung", "Syria's leadership"), "SYR", "GOV"), cue=T("weist den Vorwurf zurück", "rejects the accusation"),
          pol="d", tense="present")],
    7: [E("ASSAULT", T("Chlorgas einzusetzen", "using chlorine gas"), a=[IS_(T("Die Jihadistenmiliz Islamischer Staat (IS)", "The jihadist militia Islamic State (IS)"))],
          m=["unconventional"], cert="po", tense="present", hedge=T("im Verdacht", "suspected"))],
}
EN_4 = [
    "Insurgents used chemical in fighting in August.",
    "Damascus – According to independent experts, mustard gas was used in fighting between rebel groups in Syria.",
    "The chemical was used on 21 August during fighting in Marea in the northern province of Aleppo, sources at the Organisation for the Prohibition of Chemical Weapons (OPCW) said on Thursday.",
    "According to them, it is the first confirmed use of mustard gas in the civil-war country.",
    "At the beginning of August the UN Security Council had decided that a team of experts from the United Nations and the OPCW should identify those responsible for attacks with chlorine gas and other toxic chemicals in Syria.",
    "Syria's opposition and the West accuse the troops of Syrian leader Bashar al-Assad of dropping barrel bombs containing chlorine gas from helicopters.",
    "Syria's leadership rejects the accusation.",
    "The jihadist militia Islamic State (IS) is also suspected of using chlorine gas.",
]

# ---- row 8: Taliban hostages in Faryab ----------------------------------------------
TAL = lambda t: A(t, "AFG", "REB", "Taliban")  # noqa: E731
AFG_SEC = lambda t: A(t, "AFG", "MIL")  # noqa: E731
D[8] = {
    0: [E("ASSAULT", T("verschleppt", "abducted"), a=[TAL(None)], r=[A(T("18 Menschen", "18 people"), None, "CVL")], m=["abduct"])],
    1: [E("AID", T("befreien", "free"), a=[AFG_SEC(T("Sicherheitskräfte", "security forces"))],
          r=[A(T("Insassen", "occupants"), None, "CVL")], cert="po", hedge=T("versucht", "tried"), dt=T("am Mittwoch", "on Wednesday"),
          loc=L(T("im Norden Afghanistans", "in northern Afghanistan"), "Faryab", "AFG"),
          note="hostage rescue = AID (PLOVER); attempt with open outcome -> possible"),
        E("ASSAULT", T("als Geiseln genommene", "taken hostage"), a=[TAL(T("Taliban-Kämpfern", "Taliban fighters"))],
          r=[A(T("Insassen", "occupants"), None, "CVL")], m=["abduct"],
          loc=L(T("im Norden Afghanistans", "in northern Afghanistan"), "Faryab", "AFG"))],
    3: [E("ASSAULT", T("Feuergefecht", "firefight"), a=[TAL(T("den Taliban", "the Taliban"))],
          r=[A(T("drei der Insassen", "three of the occupants"), None, "CVL")], m=["firearms"],
          sp=A(None, "AFG", "GOV", "Afghan Ministry of Defence"), cue=T("demnach", "According to the ministry"))],
    4: [E("ASSAULT", T("abgeschossen", "shot down"), a=[TAL(T("Die Taliban", "The Taliban"))],
          r=[A(T("den Hubschrauber", "the helicopter"), None, None)],
          sp=A(T("Die Taliban", "The Taliban"), "AFG", "REB", "Taliban"), cue=T("gaben", "claimed"))],
    8: [E("ASSAULT", T("Geiseln", "hostages"), a=[TAL(None)], r=[A(T("zwei Ausländer", "two foreigners"), None, "CVL")], m=["abduct"],
          sp=A(T("Dem afghanischen Verteidigungsministerium", "the Afghan defence ministry"), "AFG", "GOV"), cue=T("zufolge", "According to"))],
    9: [E("AID", T("befreien", "free"), a=[AFG_SEC(T("der Sicherheitskräfte", "by the security forces"))],
          r=[A(T("die Geiseln", "the hostages"), None, "CVL")], pol="n", dt=T("am Dienstag", "on Tuesday"),
          note="failed rescue attempt: the rescue did not happen"),
        E("ASSAULT", T("abgewehrt", "repelled"), a=[TAL(T("den Taliban", "the Taliban"))],
          r=[AFG_SEC(T("der Sicherheitskräfte", "by the security forces"))], dt=T("am Dienstag", "on Tuesday"))],
}
EN_8 = [
    "18 people abducted.",
    "Kabul – After a helicopter crash in northern Afghanistan, security forces tried on Wednesday to free 18 occupants taken hostage by Taliban fighters.",
    "As the defence ministry in Kabul announced, the helicopter with a total of 21 people on board had to make an emergency landing on Tuesday near Maimana, the capital of Faryab province.",
    "According to the ministry, three of the occupants, two Afghans and a foreigner, were killed in a firefight with the Taliban.",
    "The Taliban claimed on their website to have shot down the helicopter.",
    "On board the helicopter were two pilots and an engineer from Moldova, as the Moldovan head of government Gheorghe Brega told journalists in Chisinau.",
    "According to him, the Mi-17 aircraft belonged to the private company Walan ICC from Moldova.",
    "Brega did not comment on whether the three compatriots had been killed or taken hostage.",
    "According to the Afghan defence ministry, two foreigners were among the hostages.",
    "A first attempt by the security forces on Tuesday to free the hostages was repelled by the Taliban.",
]

# ---- row 87: Netanyahu-Abbas phone call --------------------------------------------
NET = lambda t: A(t, "ISR", "GOV", "Benjamin Netanyahu")  # noqa: E731
ABB = lambda t: A(t, "PSE", "GOV", "Mahmoud Abbas")  # noqa: E731
D[87] = {
    0: [E("AGREE", "Einigung", a=[ABB("Palästinensischer Präsident")], tense="present",
          note="party to the conflict urging a settlement = intent to cooperate (PLOVER REQUEST ambiguity -> AGREE)",
          alt=["REQUEST"])],
    1: [E("CONSULT", "telefoniert", a=[NET("Benjamin Netanyahu"), ABB("Mahmoud Abbas")], m=["phone"])],
    2: [E("CONSULT", "angerufen", a=[NET("Ministerpräsident")], r=[ABB("Abbas")], m=["phone"],
          sp=A("Netanyahus Büro", "ISR", "GOV"), cue="teilte", dt="am späten Freitagabend")],
    3: [E("AGREE", "Frieden", a=[NET("Netanyahu")], sp=A(None, "ISR", "GOV", "Office of the Prime Minister"),
          cue="Der Mitteilung zufolge", tense="present")],
    4: [E("CONSULT", "Gespräch", a=[NET(None), ABB(None)], m=["phone"],
          sp=A("Die offizielle palästinensische Nachrichtenagentur WAFA", "PSE", "JRN", "WAFA"), cue="bestätigte")],
    5: [E("AGREE", "Einigung", a=[ABB("Abbas")], sp=A(None, "PSE", "JRN", "WAFA"), cue="Demnach", tense="present")],
    6: [E("CONSULT", "Telefonat", a=[NET(None), ABB(None)], m=["phone"], sp=A("Der Zeitung Haaretz", "ISR", "JRN", "Haaretz"),
          cue="zufolge", date="2014-06-01", prec="month", dt="im Juni 2014")],
    8: [E("SUPPORT", "Beitritt", a=[A("der Palästinenser", "PSE", "GOV")],
          r=[A("Internationalen Strafgerichtshof", "IGO", "JUD", "International Criminal Court")],
          note="accession to a treaty body = ratify/join (SUPPORT)")],
}

# ---- row 89: Serbia and Vuk Jeremic's UN candidacy -----------------------------------
JER = lambda t: A(t, "SRB", "ELI", "Vuk Jeremic")  # noqa: E731
D[89] = {
    0: [E("SUPPORT", "einsetzen", a=[A("Russland", "RUS", "GOV")], r=[JER("früheren Chefdiplomaten Vuk Jeremic")],
          sp=A("Tageszeitung", "SRB", "JRN", "Danas"), cue=":", cert="pr", tense="present", hedge="soll"),
        E("ACCUSE", "Kritik", a=[A("dem Westen", None, None)], r=[JER(None)], m=["disapprove"],
          sp=A("Tageszeitung", "SRB", "JRN", "Danas"), cue=":", tense="present")],
    1: [E("REJECT", "kann nicht mit der Unterstützung Belgrads", a=[A("Belgrads", "SRB", "GOV")], r=[JER("Vuk Jeremic")],
          m=["assist"], tense="present", alt=["SUPPORT"],
          note="refusal of support = REJECT; alternative reading SUPPORT negated")],
    2: [E("SUPPORT", "einsetzen", a=[A("Moskau", "RUS", "GOV")], r=[JER("Jeremic")], sp=A("die Zeitung Danas", "SRB", "JRN", "Danas"),
          cue="berichtete", cert="po", tense="future", hedge="würde"),
        E("REJECT", "Widerstand", a=[A("europäischen", None, "GOV"), A("US-amerikanischen Diplomatenkreisen", "USA", "GOV")],
          r=[JER(None)], sp=A("die Zeitung Danas", "SRB", "JRN", "Danas"), cue="berichtete", tense="present")],
    3: [E("REJECT", "nicht unterstützen", a=[A("Der serbische Präsident Tomislav Nikolic", "SRB", "GOV", "Tomislav Nikolic")],
          r=[JER("Jeremic")], m=["assist"], dt="Anfang des Jahres")],
    4: [E("REJECT", "keine Unterstützung", a=[A("der Regierung", "SRB", "GOV")], r=[JER("sein Amtsvorgänger")], m=["assist"],
          sp=A("Außenminister Ivica Dacic", "SRB", "GOV", "Ivica Dacic"), cue="bestätigte", tense="present")],
    8: [E("REJECT", "keinen Kandidaten aus der Region unterstützen", a=[A("Belgrad", "SRB", "GOV")],
          r=[A("Kandidaten aus der Region", None, None)], m=["assist"],
          sp=A("serbischen Regierungskreisen", "SRB", "GOV"), cue="Laut", tense="future")],
}

# ---- row 111: Mali, operations near the Ivorian border -------------------------------
MLI_MIL = lambda t: A(t, "MLI", "MIL")  # noqa: E731
JIH = lambda t: A(t, "MLI", "REB")  # noqa: E731
ANS = lambda t: A(t, "MLI", "REB", "Ansar Dine")  # noqa: E731
D[111] = {
    0: [E("ASSAULT", "Festnahmen", a=[MLI_MIL(None)], m=["abduct"],
          loc=L("nahe der Elfenbeinküste", "Sikasso", "MLI"),
          note="combatants captured in conflict = ASSAULT abduct (PLOVER COERCE/ASSAULT ambiguity)", alt=["COERCE"])],
    1: [E("ASSAULT", "zerstört", a=[MLI_MIL("malische Soldaten")], r=[JIH("zwei Jihadistencamps")], m=["destroy"],
          sp=A("Armeeangaben", "MLI", "MIL"), cue="nach", loc=L("Nahe der Grenze zur Elfenbeinküste", "Sikasso", "MLI")),
        E("ASSAULT", "festgenommen", a=[MLI_MIL("malische Soldaten")], r=[JIH("mutmaßliche Kämpfer")], m=["abduct"],
          sp=A("Armeeangaben", "MLI", "MIL"), cue="nach", loc=L("Nahe der Grenze zur Elfenbeinküste", "Sikasso", "MLI"),
          alt=["COERCE"])],
    2: [E("ASSAULT", "festgenommen", a=[MLI_MIL(None)], r=[JIH("15 Jihadisten")], m=["abduct"],
          sp=A("ein malischer Offizier", "MLI", "MIL"), cue="sagte", loc=L("Grenzregion Sikasso", "Sikasso", "MLI"), alt=["COERCE"]),
        E("ASSAULT", "zerstört", a=[MLI_MIL(None)], r=[JIH("ihr Rückzugslager")], m=["destroy"],
          sp=A("ein malischer Offizier", "MLI", "MIL"), cue="sagte", loc=L("Grenzregion Sikasso", "Sikasso", "MLI"))],
    3: [E("ASSAULT", "Festgenommenen", a=[MLI_MIL(None)], r=[A("ein radikaler Prediger von der Elfenbeinküste", "CIV", "REL")],
          m=["abduct"], sp=A(None, "MLI", "MIL"), alt=["COERCE"])],
    5: [E("COERCE", "beschlagnahmt", a=[MLI_MIL("die Soldaten")], m=["seize"],
          sp=A("Ein anderer malischer Militärvertreter", "MLI", "MIL"), cue="sagte")],
    6: [E("ASSAULT", "angegriffen", a=[ANS("der Islamistengruppe Ansar Dine")], r=[A("Grenzstadt Fakola", "MLI", None)],
          dt="Ende Juni", loc=L("Fakola", "Fakola", "MLI"))],
    7: [E("COERCE", "plünderte", a=[ANS("Die Gruppe")],
          r=[A("der Verwaltung", "MLI", "GOV"), A("der Sicherheitskräfte", "MLI", "COP")], m=["seize"],
          loc=L("dort", "Fakola", "MLI"))],
    8: [E("ASSAULT", "getötet", a=[MLI_MIL("malische Soldaten")], r=[JIH("mehrere Jihadisten")], dt="in der vergangenen Woche",
          loc=L("Region Sikasso", "Sikasso", "MLI")),
        E("ASSAULT", "zerstört", a=[MLI_MIL("malische Soldaten")], r=[JIH("deren Lager")], m=["destroy"],
          dt="in der vergangenen Woche", loc=L("Region Sikasso", "Sikasso", "MLI"))],
    9: [E("ASSAULT", "Angriffe", a=[ANS("Die Gruppe Ansar Dine")], loc=L("im Norden Malis", "Northern Mali", "MLI"))],
    10: [E("COERCE", "unter ihre Kontrolle gebracht", a=[ANS("Ansar Dine"), JIH("andere Islamistengruppen")], m=["seize"],
           date="2012-04-01", prec="month", dt="im April 2012", loc=L("den Norden Malis", "Northern Mali", "MLI"),
           note="occupy territory = COERCE seize (CAMEO 192 -> PLOVER)")],
    11: [E("ASSAULT", "Militärintervention", a=[A("französische", "FRA", "MIL")], r=[JIH("der bewaffneten Islamisten")],
           date="2013-01-01", prec="year", dt="Anfang 2013", loc=L(None, "Mali", "MLI"))],
    12: [E("COOPERATE", "übergab", a=[A("Frankreich", "FRA", "MIL")], r=[A("UNO-Truppe MINUSMA", "UNO", "MIL", "MINUSMA")])],
}

# ---- row 164: drone strike near Raqqa ---------------------------------------------------
SOHR = lambda t: A(t, "SYR", "NGO", "Syrian Observatory for Human Rights")  # noqa: E731
D[164] = {
    0: [E("ASSAULT", "tödlich getroffen", r=[IS_("Tunesier")], loc=L("Raqqa", "Raqqa", "SYR"))],
    1: [E("ASSAULT", "Drohnenangriff", r=[IS_("ein Kommandant der Jihadistenmiliz Islamischer Staat (IS)")], m=["drone"],
          sp=SOHR("der Syrischen Beobachtungsstelle für Menschenrechte"), cue="nach Angaben", loc=L("Raqqa", "Raqqa", "SYR"))],
    2: [E("ASSAULT", "tödlich getroffen", r=[IS_("der Tunesier Abu al-Hija")], sp=SOHR("die Organisation"), cue="mitteilte",
          dt="am Mittwochabend")],
    4: [E("ASSAULT", "Die Drohne", a=[A("der US-geführten Militärkoalition", "USA", "MIL")], r=[IS_(None)], m=["drone"],
          sp=SOHR(None), cue="hieß es", cert="pr", hedge="aller Wahrscheinlichkeit nach")],
    7: [E("ASSAULT", "getötet", a=[A("US-Einheiten", "USA", "MIL")], r=[IS_("den stellvertretenden IS-Chef Abdelrahman al-Kaduli")],
          m=["targeted"], sp=A("Pentagon", "USA", "GOV", "Pentagon"), cue="nach Pentagon-Angaben", dt="Vergangene Woche")],
    8: [E("ASSAULT", "Angriff", a=[A("der US-geführten Militärallianz", "USA", "MIL")], r=[IS_("der Kriegsminister des IS, Omar al-Shishani")],
          sp=A(None, "USA", "GOV", "Pentagon"), cue="demnach", dt="Zu Beginn des Monats")],
}

# ---- row 166: Lavrov on chemical weapons ------------------------------------------------
LAV = lambda t: A(t, "RUS", "GOV", "Sergey Lavrov")  # noqa: E731
D[166] = {
    2: [E("CONSULT", "UN-Konferenz", a=[LAV("Außenminister Sergej Lawrow")], r=[A("UN", "UNO", "IGO")], m=["multilateral"],
          dt="am Dienstag", loc=L("Genf", "Geneva", "CHE"))],
    3: [E("COERCE", "eroberten", a=[A("sie", None, "REB")], m=["seize"], sp=LAV(None), cert="pr", tense="present",
          note="reported by Lavrov as hearsay ('Es gebe Berichte', previous sentence) -> probable")],
    4: [E("REQUEST", "forderte", a=[LAV("Lawrow")], m=["meet"])],
    5: [E("ASSAULT", "Senfgas eingesetzt", a=[IS_("IS-Kämpfer")], m=["unconventional"], sp=A("US-Informationen", "USA", "GOV"),
          cue="zufolge", cert="pr", hedge="sollen", dt="im vergangenen Jahr", loc=L("in Syrien", "Syria", "SYR")),
        E("ASSAULT", "Senfgas eingesetzt", a=[IS_("IS-Kämpfer")], m=["unconventional"], sp=A("US-Informationen", "USA", "GOV"),
          cue="zufolge", cert="pr", hedge="sollen", dt="im vergangenen Jahr", loc=L("im Irak", "Iraq", "IRQ"))],
    6: [E("ASSAULT", "Senfgas ausgesetzt", r=[A("mindestens zwei Menschen", None, None)], m=["unconventional"],
          sp=A("der Organisation für das Verbot chemischer Waffen", "IGO", "IGO", "OPCW"), cue="Nach einem Bericht",
          dt="im August", loc=L("nördlich der syrischen Stadt Aleppo", "Aleppo", "SYR"))],
}

# ---- row 167: Turkey vs PKK in Sirnak ---------------------------------------------------
PKK = lambda t: A(t, "TUR", "REB", "PKK")  # noqa: E731
D[167] = {
    0: [E("MOBILIZE", "Großeinsatz", a=[A("Armee", "TUR", "MIL"), A("Polizei", "TUR", "COP")], m=["troops", "police"], tense="present",
          loc=L("Provinz Sirnak", "Sirnak", "TUR"))],
    1: [E("ASSAULT", "getötet", a=[A("türkische Sicherheitskräfte", "TUR", "MIL")], r=[PKK("23 mutmaßliche Rebellen")],
          loc=L("im Südosten des Landes", "Southeastern Anatolia", "TUR"), dt="binnen zwei Tagen")],
    2: [E("ASSAULT", "eliminiert", a=[A("Soldaten", "TUR", "MIL"), A("Polizisten", "TUR", "COP")], r=[PKK("Die Terroristen")],
          sp=A("die regierungsnahe Nachrichtenagentur Anadolu", "TUR", "JRN", "Anadolu Agency"), cue="berichtete",
          loc=L("Provinz Sirnak", "Sirnak", "TUR"))],
    3: [E("MOBILIZE", "Sondereinsatz", a=[A("tausende Sicherheitskräfte", "TUR", "MIL")], m=["troops", "police"], tense="present",
          loc=L("Kurdenregion", "Southeastern Anatolia", "TUR"))],
    4: [E("COERCE", "Ausgangssperren", a=[A(None, "TUR", "GOV")], m=["curfew"], tense="present")],
    5: [E("ASSAULT", "Kampf", a=[PKK("Kurdische Aufständische")], r=[A(None, "TUR", "GOV")], date="1984-01-01", prec="year",
          dt="im Jahr 1984", loc=L("im Südosten der Türkei", "Southeastern Anatolia", "TUR"))],
    6: [E("ASSAULT", "eskalierte", a=[A("der Regierung in Ankara", "TUR", "GOV"), PKK("der PKK")], dt="im Juni")],
}

# ---- row 173: attack on the al-Quds hospital in Aleppo -----------------------------------
BAN = lambda t: A(t, "UNO", "IGO", "Ban Ki-moon")  # noqa: E731
KER = lambda t: A(t, "USA", "GOV", "John Kerry")  # noqa: E731
HOSP = lambda t: A(t, "SYR", "MED")  # noqa: E731
ALEPPO = L(T("Aleppo", "Aleppo"), "Aleppo", "SYR")
D[173] = {
    0: [E("ASSAULT", T("Bombardement", "bombardment"), loc=ALEPPO)],
    1: [E("ACCUSE", T("verurteilt", "condemned"), a=[BAN(T("UNO-Generalsekretär Ban Ki Moon", "UN Secretary-General Ban Ki-moon"))],
          m=["disapprove"]),
        E("ASSAULT", T("Angriff", "attack"), r=[HOSP(T("ein Krankenhaus", "a hospital"))], loc=ALEPPO)],
    2: [E("ACCUSE", T("unentschuldbar", "inexcusable"), a=[BAN(T("Bans", "Ban"))], m=["disapprove"], tense="present",
          dt=T("am Donnerstag", "on Thursday"))],
    3: [E("REQUEST", T("zur Rechenschaft gezogen", "held accountable"), a=[BAN(None)],
          r=[A(T("Die Verantwortlichen", "Those responsible"), None, None)], m=["change"], tense="present")],
    4: [E("ASSAULT", T("Attacke", "attack"), r=[HOSP(T("Al-Kuds-Krankenhaus", "al-Quds hospital"))], dt=T("in der Nacht auf Donnerstag", "on Wednesday night"),
          loc=L(None, "Aleppo", "SYR"))],
    5: [E("ACCUSE", T("verantwortlich", "responsible"), a=[A(T("Syrische Menschenrechtsgruppen", "Syrian human rights groups"), "SYR", "NGO")],
          r=[A(T("Regierungstruppen", "government troops"), "SYR", "MIL")], m=["allege"]),
        E("ASSAULT", T("dafür", "for it"), a=[A(T("Regierungstruppen", "government troops"), "SYR", "MIL")], r=[HOSP(None)],
          sp=A(T("Syrische Menschenrechtsgruppen", "Syrian human rights groups"), "SYR", "NGO"),
          cue=T("machten", "held"), cert="pr", loc=L(None, "Aleppo", "SYR"))],
    6: [E("ACCUSE", T("klagte", "complained"), a=[BAN("Ban")],
          r=[A(T("Kräfte der Regierung", "government forces"), "SYR", "MIL"), A(T("der Opposition", "the opposition"), "SYR", "REB")],
          m=["disapprove"]),
        E("ASSAULT", T("Bombardierungen", "bombardments"),
          a=[A(T("Kräfte der Regierung", "government forces"), "SYR", "MIL"), A(T("der Opposition", "the opposition"), "SYR", "REB")],
          sp=BAN("Ban"), cue=T("klagte", "complained"), cert="pr", loc=L(T("Syrien", "Syria"), "Syria", "SYR"))],
    7: [E("REQUEST", T("rief", "called on"), a=[BAN(T("Er", "He"))], r=[A(T("die Konfliktparteien", "the parties to the conflict"), "SYR", None)],
          m=["yield"])],
    8: [E("REQUEST", T("forderte", "urged"), a=[BAN(T("Der UNO-Generalsekretär", "The UN Secretary-General"))],
          r=[A(T("die USA", "the United States"), "USA", "GOV"), A(T("Russland", "Russia"), "RUS", "GOV")])],
    9: [E("REQUEST", T("richtete diese Erwartung", "directed this expectation"), a=[KER(T("US-Außenminister John Kerry", "US Secretary of State John Kerry"))],
          r=[A(T("Russland", "Russia"), "RUS", "GOV")])],
    10: [E("ASSAULT", T("griffen", "attacked"), a=[A(T("Die Truppen der von Russland unterstützten Regierung von Baschar al-Assad",
                                                     "The troops of the Russian-backed government of Bashar al-Assad"), "SYR", "MIL")],
           r=[A(T("medizinische Einrichtungen", "medical facilities"), "SYR", "MED")], sp=KER("Kerry"), cue=T("erklärte", "said"),
           cert="pr", hedge=T("offenbar", "apparently")),
         E("ACCUSE", T("erklärte", "said"), a=[KER("Kerry")],
           r=[A(T("Die Truppen der von Russland unterstützten Regierung von Baschar al-Assad",
                  "The troops of the Russian-backed government of Bashar al-Assad"), "SYR", "MIL")], m=["allege"]),
         E("SUPPORT", T("unterstützten", "backed"), a=[A(T("Russland", "Russian"), "RUS", "GOV")],
           r=[A(T("Regierung von Baschar al-Assad", "government of Bashar al-Assad"), "SYR", "GOV")], sp=KER("Kerry"),
           cue=T("erklärte", "said"), tense="present", alt=["AID"],
           note="kind of backing (political vs material) not stated -> SUPPORT")],
    11: [E("ACCUSE", T("kritisierte", "he criticised"), a=[KER(T("er", "he"))], m=["disapprove"]),
         E("ASSAULT", T("Attacke", "attack"), r=[HOSP(T("das Krankenhaus", "the hospital"))], sp=KER(T("er", "he")),
           cue=T("kritisierte", "criticised"), loc=ALEPPO)],
    12: [E("REQUEST", T("Druck auf das Regime auszuüben", "to put pressure on the regime"), a=[KER(None)],
           r=[A(T("Russland", "Russia"), "RUS", "GOV")], m=["change"], tense="present")],
    13: [E("ACCUSE", T("verstoße", "violated"), a=[KER(None)], r=[A(T("Regierungstruppen", "government troops"), "SYR", "MIL")],
           m=["allege"], tense="present"),
         E("ASSAULT", T("militärische Vorgehen", "military action"), a=[A(T("Regierungstruppen", "government troops"), "SYR", "MIL")],
           sp=KER(None), cert="pr", tense="present", loc=ALEPPO, note="ceasefire violation (CAMEO 196 -> ASSAULT)")],
    14: [E("RETREAT", T("Feuerpause", "truce"), a=[A(T("Regierungstruppen", "government troops"), "SYR", "MIL"),
                                                 A(T("Rebellen", "rebels"), "SYR", "REB")],
           m=["ceasefire"], tense="present", dt=T("seit Ende Februar", "since the end of February"))],
    16: [E("RETREAT", T("hielt", "has held"), a=[A(None, "SYR", "MIL"), A(None, "SYR", "REB")], m=["ceasefire"], tense="present")],
    17: [E("REQUEST", T("forderte", "called"), a=[A(T("Der UN-Sondergesandte Staffan de Mistura", "UN special envoy Staffan de Mistura"),
                                                   "UNO", "IGO", "Staffan de Mistura")],
           m=["yield"], dt=T("in der Nacht auf Donnerstag", "on Wednesday night"), loc=L(T("Genf", "Geneva"), "Geneva", "CHE"))],
}
EN_173 = [
    "Most recently around 30 dead in bombardment in Aleppo.",
    "Aleppo – UN Secretary-General Ban Ki-moon has sharply condemned the attack on a hospital in the Syrian city of Aleppo.",
    "It was inexcusable to target civilians with such attacks, said a statement by Ban released in New York on Thursday.",
    "Those responsible must be held accountable.",
    "In the attack on the al-Quds hospital at least 20 people had been killed on Wednesday night.",
    "Syrian human rights groups held government troops responsible for it.",
    "Ban complained that there had recently again been indiscriminate bombardments by government forces and the opposition in Syria.",
    "He called on the parties to the conflict to cease hostilities immediately.",
    "The UN Secretary-General urged in particular the United States and Russia to use their influence and to move the warring parties to end the violence.",
    "US Secretary of State John Kerry directed this expectation above all at Russia.",
    "The troops of the Russian-backed government of Bashar al-Assad apparently attacked medical facilities deliberately, Kerry said in Washington.",
    "The attack on the hospital in Aleppo was outrageous, he criticised.",
    "Russia has an urgent responsibility to put pressure on the regime.",
    "The military action of the government troops in Aleppo violated the ceasefire agreements.",
    "Actually, a truce between government troops and rebels has been in force since the end of February.",
    "Attacks on Islamist extremists are excluded from it.",
    "Despite repeated violations, the ceasefire has held in principle so far, but it now threatens to collapse.",
    "UN special envoy Staffan de Mistura called in Geneva on Wednesday night for the ceasefire to be urgently revived before the next round of peace talks begins in May.",
]

# ---- row 182: knife attacks in West Bank settlements --------------------------------------
PAL_ATT = lambda t: A(t, "PSE", None)  # noqa: E731
D[182] = {
    0: [E("ASSAULT", "Attacke", loc=L("bei Hebron", "Hebron", "PSE")),
        E("ASSAULT", "Anschlag", r=[A("Israelin", "ISR", "CVL")], loc=L("nahe Bethlehem", "Bethlehem", "PSE"))],
    1: [E("ASSAULT", "angegriffen", a=[PAL_ATT("ein palästinensischer Angreifer")], r=[A("eine israelische Frau", "ISR", "CVL")],
          dt="am Montag", loc=L("im besetzten Westjordanland", "West Bank", "PSE"))],
    2: [E("ASSAULT", "Stichwunden", a=[PAL_ATT(None)], r=[A("Das Opfer", "ISR", "CVL")], m=["primitive"],
          sp=A("Armee", "ISR", "MIL"), cue="mitteilten"),
        E("ASSAULT", "angeschossen", a=[A("Wachpersonal", "ISR", "COP")], r=[PAL_ATT("der Angreifer")], m=["firearms"],
          sp=A("Armee", "ISR", "MIL"), cue="mitteilten")],
    3: [E("ASSAULT", "erstochen", r=[A("eine sechsfache Mutter", "ISR", "CVL")], m=["primitive"], dt="Am Sonntagabend",
          loc=L(None, "Otniel", "PSE"))],
    4: [E("ASSAULT", "Attentate", loc=L("innerhalb jüdischer Siedlungen", "West Bank", "PSE"))],
    5: [E("ASSAULT", "Der Angriff", dt="am Montag", loc=L("in der Siedlung Tekoa", "Tekoa", "PSE"))],
    6: [E("ASSAULT", "Messerstiche", a=[PAL_ATT(None)], r=[A("Eine Frau", "ISR", "CVL")], m=["primitive"],
          loc=L("dort", "Tekoa", "PSE")),
        E("ASSAULT", "Schüssen", a=[A("Wachleute", "ISR", "COP")], r=[PAL_ATT("den palästinensischen Angreifer")], m=["firearms"],
          loc=L("dort", "Tekoa", "PSE"))],
    8: [E("ACCUSE", "Großfahndung", a=[A(None, "ISR", "COP")], r=[PAL_ATT("dem Attentäter")], m=["investigate"],
          tense="present", dt="am Montag", alt=["COERCE"], note="manhunt = criminal investigation"),
        E("ASSAULT", "erstochen", a=[PAL_ATT("dem Attentäter")], r=[A("eine 38-jährige Israelin", "ISR", "CVL")], m=["primitive"],
          dt="am Sonntagabend", loc=L("in der Siedlung Otniel", "Otniel", "PSE"))],
    11: [E("ASSAULT", "Angriffen", a=[PAL_ATT("Palästinensern")], r=[A("24 Israelis", "ISR", None), A("ein US-Bürger", "USA", "CVL")],
           m=["primitive", "firearms"], dt="Seit Anfang Oktober")],
    12: [E("PROTEST", "Protestaktionen", a=[A(None, "PSE", "CVL")], dt="Im gleichen Zeitraum")],
}

# ---- row 189: African Union and Burundi ----------------------------------------------------
AU = lambda t: A(t, "IGO", "IGO", "African Union")  # noqa: E731
FALL = lambda t: A(t, "IGO", "IGO", "Ibrahima Fall")  # noqa: E731
NKU = lambda t: A(t, "BDI", "GOV", "Pierre Nkurunziza")  # noqa: E731
D[189] = {
    1: [E("CONCEDE", T("nimmt offenbar Abstand", "apparently backing away"), a=[AU(T("Die Afrikanische Union (AU)", "The African Union (AU)"))],
          r=[A(T("Burundi", "Burundi"), "BDI", "GOV")], cert="pr", hedge=T("offenbar", "apparently"), tense="present")],
    2: [E("CONCEDE", T("unvorstellbar", "unthinkable"), a=[FALL(T("der AU-Sondergesandte für Burundi, Ibrahima Fall", "the AU special envoy for Burundi, Ibrahima Fall"))],
          r=[A(T("der dortigen Regierung", "the government there"), "BDI", "GOV")], tense="present", dt=T("am Sonntag", "on Sunday"))],
    4: [E("CONCEDE", T("niemals die Absicht", "never the intention"), a=[AU(T("der Afrikanischen Union", "the African Union"))],
          r=[A(T("der burundischen Behörden", "the Burundian authorities"), "BDI", "GOV")], sp=FALL(None), tense="present")],
    5: [E("CONCEDE", T("unvorstellbar", "unthinkable"), a=[FALL("Fall")], tense="present")],
    6: [E("CONSULT", T("beraten", "deliberating"), a=[A(T("Staats- und Regierungschefs der Mitgliedsländer", "heads of state and government of the member countries"), "IGO", "GOV", "African Union Assembly")],
          m=["multilateral"], sp=FALL(T("Er", "He")), cue=T("betonte", "stressed"), tense="present", dt=T("seit Samstag", "since Saturday"),
          loc=L(T("Addis Abeba", "Addis Ababa"), "Addis Ababa", "ETH"))],
    7: [E("CONSULT", T("Sitzung", "meeting"), a=[A(T("Friedens- und Sicherheitsrats", "Peace and Security Council"), "IGO", "IGO", "AU Peace and Security Council")],
          m=["multilateral"], dt=T("am Freitag", "on Friday")),
        E("ACCUSE", T("kritisch", "critical"), a=[A(T("mehrere Staatschefs", "several heads of state"), None, "GOV")],
          r=[AU(None)], m=["disapprove"], dt=T("am Freitag", "on Friday"))],
    8: [E("REJECT", T("lehnt", "vehemently rejects"), a=[NKU(T("Dieser", "He"))], r=[AU(None)], m=["assist"], tense="present"),
        E("ACCUSE", T("Invasionsarmee", "invasion army"), a=[NKU(T("Dieser", "He"))], r=[AU(None)], m=["disapprove"])],
    9: [E("AGREE", T("geeinigt", "agreed"), a=[AU(T("Die AU", "the AU"))], r=[A(T("Burundi", "Burundi"), "BDI", None)],
          dt=T("im Dezember", "In December"), note="agreement in principle to deploy peacekeepers = intent to provide peacekeeping (CAMEO 0334)")],
    12: [E("ACCUSE", T("bezeichnete", "called"), a=[A(T("Die Opposition", "The opposition"), "BDI", "OPP")], r=[NKU(None)], m=["allege"])],
    13: [E("ASSAULT", T("Militärputsch", "military coup"), a=[A(None, "BDI", "MIL")], r=[NKU("Nkurunziza")], dt=T("Im Mai", "In May"),
           note="coup attempt (failed) is an act of force against the government")],
    15: [E("SANCTION", T("flohen", "fled"), r=[A(T("Mindestens 230.000 Menschen", "At least 230,000 people"), "BDI", "REF")], m=["expel"],
           note="flight from violence: SANCTION expel, causative agent as actor (here unnamed)")],
    16: [E("AGREE", T("Entsendung einer hochrangigen Delegation für Gespräche", "sending a high-level delegation for talks"),
           a=[A(T("die Staats- und Regierungschefs", "the heads of state and government"), "IGO", "GOV", "African Union Assembly")],
           r=[A(T("Burundis Regierung", "Burundi's government"), "BDI", "GOV")], sp=FALL("Fall"), cue=T("kündigte", "announced"),
           cert="po", hedge=T("erwägen", "consider"), tense="future")],
}
EN_189 = [
    "Peace mission depends on the government's consent.",
    "Addis Ababa/Bujumbura – The African Union (AU) is apparently backing away from its plan to send peacekeeping troops to Burundi.",
    "Sending a peace mission without the consent of the government there was unthinkable, the AU special envoy for Burundi, Ibrahima Fall, told the broadcaster Radio France Internationale on Sunday.",
    "There had apparently been a miscommunication about it.",
    "There was never the intention of the African Union to send a mission to Burundi without the consent of the Burundian authorities.",
    "That is unthinkable, said Fall.",
    "He stressed at the same time that the decision on the peace mission lay with the heads of state and government of the member countries, who have been deliberating on the controversial mission in Burundi at the AU headquarters in Addis Ababa since Saturday.",
    "At a meeting of the Peace and Security Council of the African union of states on Friday, several heads of state had been critical of the idea of sending peacekeepers without the consent of Burundi's President Pierre Nkurunziza.",
    "He vehemently rejects the deployment of troops to stabilise his country and has called the planned mission an invasion army.",
    "In December the AU had agreed in principle on a peacekeeping force of 5,000 soldiers to contain the violence in Burundi, which has claimed more than 400 lives since the crisis began in April last year.",
    "The violence raises fears of a relapse into the ethnically motivated civil war in which more than 300,000 people were killed between 1993 and 2006.",
    "Nkurunziza had announced last April that he would run for a third term.",
    "The opposition called this illegal.",
    "In May there was a military coup against Nkurunziza, which however failed.",
    "The president had himself re-elected in July but remains controversial.",
    "At least 230,000 people have meanwhile fled the violence to neighbouring countries.",
    "Fall now announced that the heads of state and government would consider sending a high-level delegation for talks with Burundi's government.",
]

# ---- row 305: Israeli strike on Hamas camp after rocket (dateline 7.8.2015) ------------------
HAMAS_MIL = lambda t: A(t, "PSE", "REB", "Hamas")  # noqa: E731
GRAND = lambda t: A(t, "PSE", "REB", "Grandchildren of the Companions of the Prophet")  # noqa: E731
D[305] = {
    0: [E("ASSAULT", "greift", a=[A("Israel", "ISR", "MIL")], r=[HAMAS_MIL("Hamas-Trainingslager")],
          loc=L("im Gazastreifen", "Gaza Strip", "PSE"))],
    1: [E("ASSAULT", "Raketenangriff", a=[GRAND(None)], r=[A(None, "ISR", None)], m=["heavy-weapons"],
          note="actor named in sentence 4"),
        E("ASSAULT", "Vergeltungsangriff", a=[A("die israelische Armee", "ISR", "MIL")], r=[A("zwei Palästinenser", "PSE", None)],
          loc=L(None, "Gaza Strip", "PSE"))],
    2: [E("ASSAULT", "Angriff", a=[A(None, "ISR", "MIL")], r=[HAMAS_MIL("ein Trainingslager des bewaffneten Arms der Hamas-Bewegung")],
          sp=A("ein Sprecher der Notdienste in Gaza", "PSE", "MED"), cue="sagte",
          date="2015-08-07", prec="day", dt="am Freitagabend",
          loc=L("im Zentrum des Gazastreifens", "Gaza Strip", "PSE"),
          note="Friday resolved against the article's own dateline '(7.8.2015)', a Friday")],
    3: [E("ASSAULT", "eingeschlagen", a=[GRAND(None)], r=[A(None, "ISR", None)], m=["heavy-weapons"],
          sp=A("Die israelische Armee", "ISR", "MIL"), cue="mitgeteilt", loc=L("im Süden Israels", "Southern District", "ISR"))],
    4: [E("ASSAULT", "Raketenangriff", a=[GRAND("Eine bisher unbekannte Jihadistengruppe namens Die Enkel der Gefährten des Propheten")],
          r=[A(None, "ISR", None)], m=["heavy-weapons"],
          sp=GRAND("Eine bisher unbekannte Jihadistengruppe namens Die Enkel der Gefährten des Propheten"), cue="bekannte sich")],
    5: [E("ASSAULT", "Antwort", a=[GRAND("der salafistischen Jihadisten")], r=[A(None, "ISR", None)], m=["heavy-weapons"],
          sp=GRAND("die Gruppe"), cue="erklärte"),
        E("ASSAULT", "Angriff auf Al-Aksa", a=[A("jüdischen", "ISR", None)], sp=GRAND("die Gruppe"), cue="erklärte",
          loc=L("Al-Aksa", "Al-Aqsa Mosque", "ISR"))],
    6: [E("ASSAULT", "Zusammenstößen", a=[A("Die israelische Polizei", "ISR", "COP"), A("Palästinensern", "PSE", "CVL")],
          date="2015-07-01", prec="month", dt="im Juli", loc=L("auf dem Tempelberg in Jerusalem", "Temple Mount", "ISR"),
          note="year from the dateline (7.8.2015)"),
        E("COERCE", "eingedrungen", a=[A("Die israelische Polizei", "ISR", "COP")], r=[A("Al-Aksa Moschee", "PSE", "REL")], m=["seize"],
          date="2015-07-01", prec="month", dt="im Juli", loc=L("in die Al-Aksa Moschee", "Al-Aqsa Mosque", "ISR"))],
    7: [E("ACCUSE", "vorwerfen", a=[A("militanter Salafistengruppen", "PSE", "REB")], r=[A("der herrschenden Hamas-Bewegung", "PSE", "GOV", "Hamas")],
          m=["disapprove"], tense="present")],
}

# ---- row 564: knife attack near Ariel -----------------------------------------------------
D[564] = {
    0: [E("ASSAULT", "Attentatsversuch", loc=L("nahe Großsiedlung Ariel", "Ariel", "PSE"))],
    1: [E("ASSAULT", "Messerattacke", a=[PAL_ATT("Zwei Palästinenser")], r=[A("eine israelische Soldatin", "ISR", "MIL")], m=["primitive"],
          loc=L("im Norden des besetzten Westjordanlandes", "West Bank", "PSE")),
        E("ASSAULT", "erschossen", a=[A("der Armee", "ISR", "MIL")], r=[PAL_ATT("Zwei Palästinenser")], m=["firearms"],
          loc=L("im Norden des besetzten Westjordanlandes", "West Bank", "PSE"))],
    2: [E("ASSAULT", "Angriff", sp=A("die Streitkräfte", "ISR", "MIL"), cue="mitteilten", dt="am Donnerstag",
          loc=L("nahe der israelischen Großsiedlung Ariel", "Ariel", "PSE"))],
    3: [E("ASSAULT", "Stichwunden", a=[PAL_ATT(None)], r=[A("die etwa 20-jährige Soldatin", "ISR", "MIL")], m=["primitive"],
          sp=A("der Rettungsdienste", "ISR", "MED"), cue="Nach Angaben")],
    6: [E("ASSAULT", "Angriffe", a=[PAL_ATT("erwiesene oder mutmaßliche Attentäter")], m=["primitive", "firearms"])],
    7: [E("PROTEST", "Protestaktionen", a=[A(None, "PSE", "CVL")], r=[A("die israelische Besatzung", "ISR", "GOV")])],
}

# ---- row 579: Kerry meets Abbas and King Abdullah in Jordan --------------------------------
KS = lambda t: A(t, "USA", "GOV", "US State Department spokesperson")  # noqa: E731
ABB2 = lambda t: A(t, "PSE", "GOV", "Mahmoud Abbas")  # noqa: E731
KING = lambda t: A(t, "JOR", "GOV", "Abdullah II")  # noqa: E731
ISR_P = [A(T("Israelis", "Israelis"), "ISR", None), A(T("Palästinenser", "Palestinians"), "PSE", None)]
JORDAN = L(T("Jordanien", "Jordan"), "Jordan", "JOR")
D[579] = {
    0: [E("CONSULT", T("traf", "met"), a=[KER(T("US-Außenminister", "US Secretary of State")), ABB2(T("Palästinenserpräsident Abbas", "Palestinian President Abbas"))],
          m=["third-party"], loc=JORDAN)],
    1: [E("REQUEST", T("aufgerufen", "called on"), a=[KER(T("US-Außenminister John Kerry", "US Secretary of State John Kerry"))], r=ISR_P, m=["yield"])],
    2: [E("CONSULT", T("Gespräch", "meeting"), a=[KER("Kerry"), ABB2(T("dem palästinensischen Präsidenten Mahmoud Abbas", "Palestinian President Mahmoud Abbas"))],
          m=["third-party"], sp=KS(T("ein US-Außenamtssprecher", "a US State Department spokesman")), cue=T("sagte", "said"),
          dt=T("am Sonntag", "on Sunday"), loc=JORDAN),
        E("REQUEST", T("deutlich gemacht", "made this clear"), a=[KER("Kerry")], r=[A(None, "ISR", None), A(None, "PSE", None)], m=["yield"],
          sp=KS(T("ein US-Außenamtssprecher", "a US State Department spokesman")), cue=T("sagte", "said"),
          dt=T("am Sonntag", "on Sunday"), loc=JORDAN)],
    3: [E("CONSULT", T("sprachen", "talked"), a=[KER(T("die beiden Politiker", "the two politicians")), ABB2(T("die beiden Politiker", "the two politicians"))],
          m=["third-party"], sp=KS(None), cue=T("Demnach", "According to him"))],
    4: [E("PROTEST", T("Protestaktionen", "protests"), a=[A(None, "PSE", "CVL")], r=[A(T("die anhaltende Besatzung", "the continuing occupation"), "ISR", "GOV")],
          dt=T("Seit Oktober", "Since October"))],
    5: [E("ASSAULT", T("attackierten", "attacked"), a=[PAL_ATT(T("erwiesene oder mutmaßliche Attentäter", "proven or suspected attackers"))],
          r=[A(T("Israelis", "Israelis"), "ISR", None)], m=["primitive", "firearms"])],
    6: [E("ACCUSE", T("illegal", "illegal"), a=[A(T("die USA", "the United States"), "USA", "GOV")],
          r=[A(T("den israelischen Siedlungsbau", "Israeli settlement construction"), "ISR", "GOV")], m=["disapprove"],
          sp=KS(T("Kerrys Sprecher", "Kerry's spokesman")), cue=T("unterstrich", "stressed"), tense="present")],
    7: [E("AGREE", T("einsetzen", "continue to work"), a=[A("Washington", "USA", "GOV")], r=ISR_P, sp=KS(None), tense="future",
          note="the actor's own announcement of future SUPPORT = AGREE")],
    8: [E("CONSULT", T("traf", "met"), a=[KER("Kerry")], r=[KING(T("König Abdullah II", "King Abdullah II"))], m=["visit"], loc=JORDAN)],
    9: [E("CONSULT", T("Gespräch", "talks"), a=[KER(None)], r=[KING(None)], m=["visit"],
          sp=A(T("der Palast in Amman", "the palace in Amman"), "JOR", "GOV"), cue=T("teilte", "announced"))],
    10: [E("REQUEST", T("Notwendigkeit unterstrichen", "stressed the need"), a=[KING(T("der König", "the king"))],
           r=[A(T("Israelis", "Israelis"), "ISR", None), A(T("Palästinensern", "Palestinians"), "PSE", None)], m=["meet"],
           sp=A(None, "JOR", "GOV"), cue=T("habe", "had"))],
}
EN_579 = [
    "US Secretary of State met Palestinian President Abbas in Jordan.",
    "Washington – US Secretary of State John Kerry has called on Israelis and Palestinians to reduce the current tensions.",
    "Kerry made this clear on Sunday in a meeting with Palestinian President Mahmoud Abbas in Jordan, a US State Department spokesman said.",
    "According to him, the two politicians talked, among other things, about the recent acts of violence in the West Bank and in Jerusalem.",
    "Since October, 176 Palestinians and 27 Israelis have been killed in Israel and the Palestinian territories in politically motivated acts of violence and in protests against the continuing occupation.",
    "Most of the Palestinian victims were proven or suspected attackers who attacked Israelis mostly with stabbing weapons and in some cases also with cars or firearms.",
    "Kerry's spokesman stressed that the United States continued to regard Israeli settlement construction in the occupied territories as illegal.",
    "Washington would also continue to work for a two-state solution for Israelis and Palestinians.",
    "In Jordan Kerry also met King Abdullah II.",
    "The talks were mainly about the civil war in Syria, the palace in Amman announced afterwards.",
    "At the same time, the king had stressed the need to revive the peace process between Israelis and Palestinians and to arrive at a two-state solution.",
]

# ---- row 588: Hadi returns to Aden ---------------------------------------------------------
HUTHI = lambda t: A(t, "YEM", "REB", "Houthis")  # noqa: E731
HADI = lambda t: A(t, "YEM", "GOV", "Abd Rabbo Mansour Hadi")  # noqa: E731
D[588] = {
    0: [E("ASSAULT", "Militäroffensive", a=[A(None, "YEM", "MIL")], r=[HUTHI("die Rebellen")], tense="present")],
    1: [E("ASSAULT", "Offensive", a=[A(None, "YEM", "MIL")], r=[HUTHI("die Rebellen")])],
    2: [E("ASSAULT", "Militäroffensive", a=[A(None, "YEM", "MIL")], r=[HUTHI("die Aufständischen")],
          sp=A("Präsidentschaftskreisen", "YEM", "GOV"), cue="hieß es", tense="present",
          loc=L("in der südwestlichen Provinz Taez", "Taiz", "YEM"))],
    3: [E("COERCE", "unter ihre Kontrolle gebracht", a=[HUTHI("die Huthi-Rebellen")], m=["seize"],
          loc=L("Sanaa", "Sanaa", "YEM"))],
    4: [E("AID", "Exil", a=[A("Bündnispartner Saudi-Arabien", "SAU", "GOV")], r=[HADI("Hadi")], dt="vor sechs Monaten",
          note="hosting an exiled head of state = asylum (AID, CAMEO 075)")],
    6: [E("ASSAULT", "Bombenanschlag", r=[A("den improvisierten Sitz der Regierung", "YEM", "GOV")], m=["explosives"],
          loc=L("in einem Hotel in Aden", "Aden", "YEM"))],
    8: [E("AGREE", "Friedensverhandlungen", a=[A(None, "YEM", "GOV"), HUTHI(None)], cert="po", hedge="möglicherweise",
          tense="future", note="future talks = AGREE; parties from article context")],
}

ARTICLES = [4, 8, 87, 89, 111, 164, 166, 167, 173, 182, 189, 305, 564, 579, 588]
EN_ARTICLES = {4: EN_4, 8: EN_8, 173: EN_173, 189: EN_189, 579: EN_579}

# =========================================================================== SEED
SEED_PUB = "2024-10-08"
SEED_DE = [
    "Nordkoreanische Truppen kämpfen für Russland in der Ukraine: Seoul | Nachrichten zum Russland-Ukraine-Krieg",
    "Nach Angaben des Verteidigungsministers von Seoul scheinen nordkoreanische Soldaten in der Ukraine Seite an Seite mit russischen Truppen zu kämpfen.",
    "Kim Yong-hyun sagte am Dienstag vor südkoreanischen Politikern, es sei „höchstwahrscheinlich“, dass sechs nordkoreanische Offiziere bei einem ukrainischen Raketenangriff in der Nähe von Donezk am 3. Oktober getötet wurden, wie ukrainische Medien letzte Woche berichteten.",
    "Der Vorschlag kommt vor dem Hintergrund einer Stärkung der Beziehungen zwischen Pjöngjang und Moskau.",
    "Nordkorea hat Vorwürfe zurückgewiesen, es liefere Waffen an die russischen Streitkräfte für deren Invasion in der Ukraine.",
    "„Wir gehen davon aus, dass das Auftreten von Verlusten unter nordkoreanischen Offizieren und Soldaten in der Ukraine unter Berücksichtigung verschiedener Umstände sehr wahrscheinlich ist“, sagte Kim und fügte hinzu, dass Seoul erwartet, dass Pjöngjang mehr Truppen entsendet, um die Kriegsanstrengungen Russlands zu unterstützen.",
    "„Die Frage der Stationierung regulärer Truppen ist höchstwahrscheinlich auf gegenseitige Vereinbarungen zurückzuführen, die einem Militärbündnis zwischen Russland und Nordkorea ähneln“, bemerkte er.",
    "Bindungen vertiefen",
    "Der nordkoreanische Staatschef Kim Jong Un und der russische Präsident Wladimir Putin haben im Juni eine umfassende strategische Partnerschaft vereinbart, die einen gegenseitigen Verteidigungspakt umfasst.",
    "Südkorea behauptet mit Unterstützung der USA, dass Pjöngjang zu einem wichtigen Waffenlieferanten für Russland geworden sei, der in der Ukraine eingesetzt werde.",
    "Die beiden Länder haben die Vorwürfe zurückgewiesen.",
    "Analysten haben gewarnt, dass die jüngste Steigerung der Produktion und Erprobung von Artillerie- und Marschflugkörpern durch Nordkorea als Vorbereitung für weitere Lieferungen nach Russland dienen könnte.",
    "Nordkorea ist aufgrund der Sanktionen der Vereinten Nationen von jeglichen Tests mit ballistischer Technologie ausgeschlossen.",
    "Russlands Präsident Wladimir Putin und Nordkoreas Machthaber Kim Jong Un posieren für ein Foto während einer Unterzeichnungszeremonie im Anschluss an bilaterale Gespräche in Pjöngjang, Nordkorea, am 19. Juni 2024 [File: Sputnik/Kristina Kormilitsyna/Kremlin via Reuters]",
    "Im März nutzte Moskau jedoch sein Veto im UN-Sicherheitsrat, um die UN-Überwachung von Verstößen effektiv zu beenden, ein Schritt, für den Pjöngjang Russland ausdrücklich dankte.",
    "Die Spannungen auf der koreanischen Halbinsel haben in den letzten Monaten aufgrund von Waffentests in Nordkorea und groß angelegten Militärübungen in Südkorea zugenommen.",
    "Es wird erwartet, dass Nordkorea ein bahnbrechendes innerkoreanisches Abkommen aufkündigt, das 1991 bei einer Parlamentssitzung diese Woche unterzeichnet wurde, als Teil von Kims Bestreben, den Süden offiziell als Feindstaat zu definieren.",
    "Moskau und Pjöngjang sind seit der Gründung Nordkoreas nach dem Zweiten Weltkrieg Verbündete und die Beziehungen zwischen den beiden Ländern sind enger geworden, seit Moskau mit der umfassenden Invasion der Ukraine begann.",
]
SEED_EN = [
    "North Korean troops fight for Russia in Ukraine: Seoul | News on the Russia-Ukraine war",
    "According to Seoul's defence minister, North Korean soldiers appear to be fighting side by side with Russian troops in Ukraine.",
    "Kim Yong-hyun told South Korean politicians on Tuesday that it was \"highly likely\" that six North Korean officers were killed in a Ukrainian missile strike near Donetsk on October 3, as Ukrainian media reported last week.",
    "The suggestion comes against the backdrop of strengthening ties between Pyongyang and Moscow.",
    "North Korea has rejected accusations that it is supplying weapons to the Russian armed forces for their invasion of Ukraine.",
    "\"We assume that the occurrence of casualties among North Korean officers and soldiers in Ukraine is very likely, taking various circumstances into account,\" Kim said, adding that Seoul expects Pyongyang to send more troops to support Russia's war effort.",
    "\"The issue of stationing regular troops is most likely due to mutual agreements resembling a military alliance between Russia and North Korea,\" he noted.",
    "Deepening ties",
    "North Korean leader Kim Jong Un and Russian President Vladimir Putin agreed in June on a comprehensive strategic partnership that includes a mutual defence pact.",
    "South Korea, with the support of the United States, claims that Pyongyang has become a major arms supplier for Russia, used in Ukraine.",
    "The two countries have rejected the accusations.",
    "Analysts have warned that North Korea's recent increase in the production and testing of artillery and cruise missiles could serve as preparation for further deliveries to Russia.",
    "North Korea is barred from any tests using ballistic technology because of United Nations sanctions.",
    "Russian President Vladimir Putin and North Korean leader Kim Jong Un pose for a photo during a signing ceremony following bilateral talks in Pyongyang, North Korea, on June 19, 2024 [File: Sputnik/Kristina Kormilitsyna/Kremlin via Reuters]",
    "In March, however, Moscow used its veto in the UN Security Council to effectively end UN monitoring of violations, a move for which Pyongyang explicitly thanked Russia.",
    "Tensions on the Korean peninsula have risen in recent months due to weapons tests in North Korea and large-scale military exercises in South Korea.",
    "North Korea is expected to scrap a landmark inter-Korean agreement signed in 1991 at a parliamentary session this week, as part of Kim's drive to officially define the South as an enemy state.",
    "Moscow and Pyongyang have been allies since North Korea's founding after World War II, and relations between the two countries have grown closer since Moscow launched its full-scale invasion of Ukraine.",
]
KYH = lambda t: A(t, "KOR", "GOV", "Kim Yong-hyun")  # noqa: E731
KJU = lambda t: A(t, "PRK", "GOV", "Kim Jong Un")  # noqa: E731
PUT = lambda t: A(t, "RUS", "GOV", "Vladimir Putin")  # noqa: E731
UKR_LOC = L(T("in der Ukraine", "in Ukraine"), "Ukraine", "UKR")
SEED_ANN = {
    0: [E("COOPERATE", T("kämpfen für Russland", "fight for Russia"), a=[A(T("Nordkoreanische Truppen", "North Korean troops"), "PRK", "MIL")],
          r=[A(T("Russland", "Russia"), "RUS", "MIL")], sp=A("Seoul", "KOR", "GOV"), cue=":", tense="present", loc=UKR_LOC,
          alt=["AID"], note="fighting alongside = joint military operation (COOPERATE); sending troops = AID")],
    1: [E("COOPERATE", T("Seite an Seite mit russischen Truppen zu kämpfen", "fighting side by side with Russian troops"),
          a=[A(T("nordkoreanische Soldaten", "North Korean soldiers"), "PRK", "MIL")],
          r=[A(T("russischen Truppen", "Russian troops"), "RUS", "MIL")],
          sp=KYH(T("des Verteidigungsministers von Seoul", "Seoul's defence minister")), cue=T("Nach Angaben", "According to"),
          cert="pr", hedge=T("scheinen", "appear"), tense="present", loc=UKR_LOC, alt=["AID"])],
    2: [E("ASSAULT", T("Raketenangriff", "missile strike"), a=[A(T("ukrainischen", "Ukrainian"), "UKR", "MIL")],
          r=[A(T("sechs nordkoreanische Offiziere", "six North Korean officers"), "PRK", "MIL")], m=["heavy-weapons"],
          sp=KYH("Kim Yong-hyun"), cue=T("sagte", "told"), via=[A(T("ukrainische Medien", "Ukrainian media"), "UKR", "JRN")],
          cert="pr", hedge=T("höchstwahrscheinlich", "highly likely"),
          date="2024-10-03", prec="day", dt=T("am 3. Oktober", "on October 3"),
          loc=L(T("Donezk", "Donetsk"), "Donetsk", "UKR"))],
    3: [E("SUPPORT", T("Stärkung der Beziehungen", "strengthening ties"), a=[A(T("Pjöngjang", "Pyongyang"), "PRK", "GOV"),
                                                                           A(T("Moskau", "Moscow"), "RUS", "GOV")], tense="present",
          note="improve/expand diplomatic relations (reciprocal actors)")],
    4: [E("AID", T("liefere Waffen", "supplying weapons"), a=[A(T("Nordkorea", "North Korea"), "PRK", "GOV")],
          r=[A(T("die russischen Streitkräfte", "the Russian armed forces"), "RUS", "MIL")],
          sp=A(T("Nordkorea", "North Korea"), "PRK", "GOV"), cue=T("zurückgewiesen", "rejected"), pol="d", tense="present"),
        E("ASSAULT", T("Invasion", "invasion"), a=[A(T("die russischen Streitkräfte", "the Russian armed forces"), "RUS", "MIL")],
          r=[A(T("Ukraine", "Ukraine"), "UKR", None)], tense="present",
          loc=L(T("in der Ukraine", "Ukraine"), "Ukraine", "UKR"))],
    5: [E("ASSAULT", T("Verlusten", "casualties"), r=[A(T("nordkoreanischen Offizieren und Soldaten", "North Korean officers and soldiers"), "PRK", "MIL")],
          sp=KYH("Kim"), cue=T("sagte", "said"), cert="pr", hedge=T("sehr wahrscheinlich", "very likely"), loc=UKR_LOC),
        E("AID", T("mehr Truppen entsendet", "send more troops"), a=[A(T("Pjöngjang", "Pyongyang"), "PRK", "MIL")],
          r=[A(T("Russlands", "Russia's"), "RUS", "MIL")], sp=KYH("Kim"), cue=T("fügte hinzu", "adding"),
          cert="pr", hedge=T("erwartet", "expects"), tense="future",
          note="third-party prediction, not a promise by the actor: keeps AID with tense future (not AGREE)")],
    6: [E("AID", T("Stationierung regulärer Truppen", "stationing regular troops"), a=[A(None, "PRK", "MIL")], r=[A(None, "RUS", "MIL")],
          sp=KYH(T("er", "he")), cue=T("bemerkte", "noted"), cert="pr", hedge=T("höchstwahrscheinlich", "most likely"), tense="present"),
        E("AGREE", T("gegenseitige Vereinbarungen", "mutual agreements"), a=[A(T("Russland", "Russia"), "RUS", "GOV"), A(T("Nordkorea", "North Korea"), "PRK", "GOV")],
          sp=KYH(T("er", "he")), cue=T("bemerkte", "noted"), cert="pr", hedge=T("höchstwahrscheinlich", "most likely"), alt=["COOPERATE"])],
    8: [E("AGREE", T("vereinbart", "agreed"), a=[KJU(T("Der nordkoreanische Staatschef Kim Jong Un", "North Korean leader Kim Jong Un")),
                                               PUT(T("der russische Präsident Wladimir Putin", "Russian President Vladimir Putin"))],
          date="2024-06-01", prec="month", dt=T("im Juni", "in June"), alt=["SUPPORT", "COOPERATE"],
          note="agreement on future (military) cooperation = AGREE; see GUIDE.md")],
    9: [E("ACCUSE", T("behauptet", "claims"), a=[A(T("Südkorea", "South Korea"), "KOR", "GOV"), A(T("USA", "United States"), "USA", "GOV")],
          r=[A(T("Pjöngjang", "Pyongyang"), "PRK", "GOV")], m=["allege"], tense="present"),
        E("AID", T("Waffenlieferanten", "arms supplier"), a=[A(T("Pjöngjang", "Pyongyang"), "PRK", "GOV")],
          r=[A(T("Russland", "Russia"), "RUS", "MIL")], sp=A(T("Südkorea", "South Korea"), "KOR", "GOV"), cue=T("behauptet", "claims"),
          cert="pr", tense="present")],
    10: [E("AID", T("Vorwürfe", "accusations"), a=[A(None, "PRK", "GOV")], r=[A(None, "RUS", "MIL")],
           sp=A(T("Die beiden Länder", "The two countries"), "PRK", "GOV"), cue=T("zurückgewiesen", "rejected"), pol="d", tense="present"),
         E("AID", T("Vorwürfe", "accusations"), a=[A(None, "PRK", "GOV")], r=[A(None, "RUS", "MIL")],
           sp=A(T("Die beiden Länder", "The two countries"), "RUS", "GOV"), cue=T("zurückgewiesen", "rejected"), pol="d", tense="present")],
    11: [E("MOBILIZE", T("Erprobung", "testing"), a=[A(T("Nordkorea", "North Korea"), "PRK", "MIL")], m=["weapons"],
           sp=A(T("Analysten", "Analysts"), None, None), cue=T("gewarnt", "warned")),
         E("AID", T("weitere Lieferungen", "further deliveries"), a=[A(T("Nordkorea", "North Korea"), "PRK", "GOV")],
           r=[A(T("Russland", "Russia"), "RUS", "MIL")], sp=A(T("Analysten", "Analysts"), None, None), cue=T("gewarnt", "warned"),
           cert="po", hedge=T("könnte", "could"), tense="future")],
    12: [E("SANCTION", T("Sanktionen", "sanctions"), a=[A(T("Vereinten Nationen", "United Nations"), "UNO", "IGO")],
           r=[A(T("Nordkorea", "North Korea"), "PRK", "GOV")], m=["discontinue"], tense="present")],
    13: [E("AGREE", T("Unterzeichnungszeremonie", "signing ceremony"), a=[PUT(T("Russlands Präsident Wladimir Putin", "Russian President Vladimir Putin")),
                                                                         KJU(T("Nordkoreas Machthaber Kim Jong Un", "North Korean leader Kim Jong Un"))],
           date="2024-06-19", prec="day", dt=T("am 19. Juni 2024", "on June 19, 2024"),
           loc=L(T("Pjöngjang", "Pyongyang"), "Pyongyang", "PRK"), alt=["SUPPORT"]),
         E("CONSULT", T("bilaterale Gespräche", "bilateral talks"), a=[PUT(T("Russlands Präsident Wladimir Putin", "Russian President Vladimir Putin"))],
           r=[KJU(T("Nordkoreas Machthaber Kim Jong Un", "North Korean leader Kim Jong Un"))], m=["visit"],
           date="2024-06-19", prec="day", dt=T("am 19. Juni 2024", "on June 19, 2024"),
           loc=L(T("Pjöngjang", "Pyongyang"), "Pyongyang", "PRK"))],
    14: [E("REJECT", T("Veto", "veto"), a=[A(T("Moskau", "Moscow"), "RUS", "GOV")], r=[A(T("UN-Sicherheitsrat", "UN Security Council"), "UNO", "IGO")],
           m=["yield"], date="2024-03-01", prec="month", dt=T("Im März", "In March"), note="veto = REJECT yield (CAMEO 129)"),
         E("SUPPORT", T("dankte", "thanked"), a=[A(T("Pjöngjang", "Pyongyang"), "PRK", "GOV")], r=[A(T("Russland", "Russia"), "RUS", "GOV")])],
    15: [E("MOBILIZE", T("Waffentests", "weapons tests"), a=[A(T("Nordkorea", "North Korea"), "PRK", "MIL")], m=["weapons"],
           loc=L(T("Nordkorea", "North Korea"), "North Korea", "PRK")),
         E("MOBILIZE", T("Militärübungen", "military exercises"), a=[A(T("Südkorea", "South Korea"), "KOR", "MIL")], m=["troops"],
           loc=L(T("Südkorea", "South Korea"), "South Korea", "KOR"),
           note="exercise not stated to be joint -> MOBILIZE (a joint one would be COOPERATE)")],
    16: [E("SANCTION", T("aufkündigt", "scrap"), a=[A(T("Nordkorea", "North Korea"), "PRK", "GOV")], r=[A(None, "KOR", "GOV")],
           m=["discontinue"], cert="pr", hedge=T("Es wird erwartet", "is expected"), tense="future",
           date="2024-10-07", prec="week", dt=T("diese Woche", "this week"),
           note="abrogating a treaty reduces relations -> SANCTION; date = the week of publication (Mon 2024-10-07)"),
         E("AGREE", T("unterzeichnet", "signed"), a=[A(None, "PRK", "GOV"), A(None, "KOR", "GOV")],
           date="1991-01-01", prec="year", dt="1991", alt=["SUPPORT"])],
    17: [E("SUPPORT", T("Beziehungen ... sind enger geworden", "relations ... have grown closer"),
           a=[A(T("Moskau", "Moscow"), "RUS", "GOV"), A(T("Pjöngjang", "Pyongyang"), "PRK", "GOV")], note="trigger is discontinuous"),
         E("ASSAULT", T("Invasion", "invasion"), a=[A(T("Moskau", "Moscow"), "RUS", "MIL")], r=[A(T("Ukraine", "Ukraine"), "UKR", None)])],
}


# =========================================================================== output
def record(doc, row, sent, lang, published, text, events):
    return {"doc": doc, "row": row, "sent": sent, "language": lang, "published": published,
            "text": text, "events": localise(events, lang)}


def build():
    arts = read_rows(ARTICLES)
    de, en = [], []
    for row in ARTICLES:
        cat, text = arts[row]
        sents = split_article(row, text)
        ann = D.get(row, {})
        assert max(ann, default=0) < len(sents), row
        for j, s in enumerate(sents):
            de.append(record(f"gnad-{row}", row, j, "de", None, s, ann.get(j, [])))
        if row in EN_ARTICLES:
            ens = EN_ARTICLES[row]
            assert len(ens) == len(sents), (row, len(ens), len(sents))
            for j, s in enumerate(ens):
                en.append(record(f"gnad-{row}-en", row, j, "en", None, s, ann.get(j, [])))
    seed_text = SEED_FILE.read_text(encoding="utf-8")
    for j, s in enumerate(SEED_DE):
        assert s in seed_text, s
        de.append(record("seed-de", None, j, "de", SEED_PUB, s, SEED_ANN.get(j, [])))
    for j, s in enumerate(SEED_EN):
        en.append(record("seed-en", None, j, "en", SEED_PUB, s, SEED_ANN.get(j, [])))
    for name, recs in (("de_dev.jsonl", de), ("en_dev.jsonl", en)):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return de, en


if __name__ == "__main__":
    de, en = build()
    print(f"de: {len(de)} sentences, {sum(len(r['events']) for r in de)} events")
    print(f"en: {len(en)} sentences, {sum(len(r['events']) for r in en)} events")

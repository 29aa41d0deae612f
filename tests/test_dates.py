from datetime import date

import pytest

from eventwire.coding.coder import code_text
from eventwire.nlp.dates import find_dates

PUB = date(2024, 10, 8)  # a Tuesday


def one(text, lang, pub=PUB):
    found = find_dates(text, lang, pub)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


@pytest.mark.parametrize("lang,text,span,value,precision", [
    ("de", "Er kam am 3. Oktober an.", "am 3. Oktober", date(2024, 10, 3), "day"),
    ("de", "Das Treffen fand am 19. Juni 2024 statt.", "am 19. Juni 2024", date(2024, 6, 19), "day"),
    ("de", "Sie haben im Juni eine Partnerschaft vereinbart.", "im Juni", date(2024, 6, 1), "month"),
    ("de", "Im März nutzte Moskau sein Veto.", "Im März", date(2024, 3, 1), "month"),
    ("de", "Kim sagte am Dienstag vor Politikern", "am Dienstag", date(2024, 10, 8), "day"),
    ("de", "Er sagte am Montag", "am Montag", date(2024, 10, 7), "day"),
    ("de", "wie ukrainische Medien letzte Woche berichteten", "letzte Woche", date(2024, 9, 30), "week"),
    ("de", "ein Abkommen, das 1991 bei einer Parlamentssitzung unterzeichnet wurde", "1991", date(1991, 1, 1), "year"),
    ("de", "Das sagte er gestern.", "gestern", date(2024, 10, 7), "day"),
    ("de", "Das geschah vor zwei Tagen.", "vor zwei Tagen", date(2024, 10, 6), "day"),
    ("de", "bei einer Parlamentssitzung diese Woche", "diese Woche", date(2024, 10, 7), "week"),
    ("de", "Stichtag ist der 3.10.2024 gewesen", "3.10.2024", date(2024, 10, 3), "day"),
    ("de", "Stichtag ist der 03.10.2024 gewesen", "03.10.2024", date(2024, 10, 3), "day"),
    ("de", "Das war im Oktober 2024 klar.", "im Oktober 2024", date(2024, 10, 1), "month"),
    ("de", "Sie kamen am 3. Maerz an.", "am 3. Maerz", date(2024, 3, 3), "day"),
    ("de", "Er kam vorgestern.", "vorgestern", date(2024, 10, 6), "day"),
    ("de", "Das war letzten Monat.", "letzten Monat", date(2024, 9, 1), "month"),
    ("de", "Das war vergangenes Jahr.", "vergangenes Jahr", date(2023, 1, 1), "year"),
    ("en", "He arrived on October 3.", "on October 3", date(2024, 10, 3), "day"),
    ("en", "He arrived 3 October.", "3 October", date(2024, 10, 3), "day"),
    ("en", "He arrived Oct. 3, 2024 in town.", "Oct. 3, 2024", date(2024, 10, 3), "day"),
    ("en", "They met in June.", "in June", date(2024, 6, 1), "month"),
    ("en", "He spoke on Tuesday.", "on Tuesday", date(2024, 10, 8), "day"),
    ("en", "Media reported last week.", "last week", date(2024, 9, 30), "week"),
    ("en", "He said yesterday.", "yesterday", date(2024, 10, 7), "day"),
    ("en", "It happened two days ago.", "two days ago", date(2024, 10, 6), "day"),
    ("en", "The treaty was signed in 1991.", "in 1991", date(1991, 1, 1), "year"),
    ("en", "The deadline was 2024-10-03.", "2024-10-03", date(2024, 10, 3), "day"),
    ("es", "Murieron el 3 de octubre.", "el 3 de octubre", date(2024, 10, 3), "day"),
    ("es", "Se reunieron en junio.", "en junio", date(2024, 6, 1), "month"),
    ("es", "Lo dijo el martes.", "el martes", date(2024, 10, 8), "day"),
    ("es", "Lo informaron la semana pasada.", "la semana pasada", date(2024, 9, 30), "week"),
    ("es", "Lo dijo ayer.", "ayer", date(2024, 10, 7), "day"),
    ("es", "Ocurrió hace dos días.", "hace dos días", date(2024, 10, 6), "day"),
    ("fr", "Ils sont morts le 3 octobre.", "le 3 octobre", date(2024, 10, 3), "day"),
    ("fr", "Ils se sont réunis en juin.", "en juin", date(2024, 6, 1), "month"),
    ("fr", "Il a déclaré mardi que", "mardi", date(2024, 10, 8), "day"),
    ("fr", "Les médias l'ont rapporté la semaine dernière.", "la semaine dernière", date(2024, 9, 30), "week"),
    ("fr", "Il l'a dit hier.", "hier", date(2024, 10, 7), "day"),
    ("fr", "C'est arrivé il y a deux jours.", "il y a deux jours", date(2024, 10, 6), "day"),
])
def test_cases(lang, text, span, value, precision):
    d = one(text, lang)
    assert (d.text, d.value, d.precision) == (span, value, precision)


def test_year_inference_near_future():
    # November lies > 300 days back in 2023 but only 24 days ahead in 2024: announced date.
    assert one("Die Wahl findet im November statt.", "de").value == date(2024, 11, 1)
    assert one("Die Wahl fand am 20. Dezember statt.", "de", date(2024, 3, 1)).value == date(2023, 12, 20)


def test_numbers_are_not_dates():
    assert find_dates("Sechs Offiziere und 3 Soldaten starben.", "de", PUB) == []
    assert find_dates("Es kamen 2000 Soldaten und 1950 km weit.", "de", PUB) == []
    assert find_dates("He paid 2,024 dollars for 12345 items.", "en", PUB) == []
    assert find_dates("Am Morgen ging er.", "de", PUB) == []
    assert find_dates("May said the talks may resume.", "en", PUB) == []


def test_no_publication_date_only_absolute():
    found = find_dates("Am 3. Oktober 2023, gestern und im Juni, seit 1991.", "de", None)
    assert [(d.text, d.value) for d in found] == [("Am 3. Oktober 2023", date(2023, 10, 3)),
                                                   ("seit 1991", date(1991, 1, 1))]


def test_seed_sentence():
    s = ("Kim Yong-hyun sagte am Dienstag vor südkoreanischen Politikern, es sei „höchstwahrscheinlich“, "
         "dass sechs nordkoreanische Offiziere bei einem ukrainischen Raketenangriff in der Nähe von Donezk "
         "am 3. Oktober getötet wurden, wie ukrainische Medien letzte Woche berichteten.")
    found = find_dates(s, "de", PUB)
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("am Dienstag", date(2024, 10, 8), "day"),
        ("am 3. Oktober", date(2024, 10, 3), "day"),
        ("letzte Woche", date(2024, 9, 30), "week"),
    ]
    assert [d.start for d in found] == sorted(d.start for d in found)


@pytest.mark.parametrize("text,lang,source,value", [
    # only the statement is dated: the act was on or before its day, a closer bound than publication
    ("Ukraine said on Monday that Russia had attacked Odesa overnight.", "en", "statement", "2024-10-07"),
    ("Die Ukraine teilte am Montag mit, Russland habe in der Nacht Odessa angegriffen.", "de", "statement",
     "2024-10-07"),
    # a date of the act itself wins
    ("Ukraine said on Monday that Russia had attacked Odesa on Saturday.", "en", "text", "2024-10-05"),
    # an announced future act is not dated by its announcement
    ("Iran said on Monday that it would attack Israel.", "en", "publication", "2024-10-08"),
    # the date beside the verb of saying dates the statement, also with no "that" or comma after it
    ("Ukraine said on Monday Russia had attacked Odesa.", "en", "statement", "2024-10-07"),
    ("Iran said on Monday it would attack Israel.", "en", "publication", "2024-10-08"),
    ("Der Kreml sagte am Montag, die Ukraine habe Belgorod angegriffen.", "de", "statement", "2024-10-07"),
])
def test_an_act_reported_in_a_dated_statement(text, lang, source, value):
    attack = next(e for e in code_text(text, lang, PUB, "t") if e.event_type == "ASSAULT")
    assert (attack.date_source, attack.date) == (source, value)


@pytest.mark.parametrize("text,lang,event_type,source,value", [
    # a date inside a participle that describes another noun dates that participle's act
    ("North Korea is expected to scrap a landmark agreement signed in 1991.", "en", "SANCTION",
     "publication", "2024-10-08"),
    ("Nordkorea will ein 1991 unterzeichnetes Abkommen aufkündigen.", "de", "SANCTION", "publication",
     "2024-10-08"),
    ("Ukraine attacked a bridge built in 2018, officials said on Monday.", "en", "ASSAULT", "statement",
     "2024-10-07"),
    ("Die Ukraine griff eine 2018 gebaute Brücke an, teilten Behörden am Montag mit.", "de", "ASSAULT",
     "statement", "2024-10-07"),
    ("Demonstranten protestierten gegen das im März verabschiedete Gesetz.", "de", "PROTEST", "publication",
     "2024-10-08"),
    # the event's own noun described by the participle: the date is the event's
    ("Der am Sonntag verübte Anschlag auf die Botschaft in Kabul tötete zwei Wachleute.", "de", "ASSAULT",
     "text", "2024-10-06"),
    ("The attack launched on Sunday on the embassy in Kabul killed two guards.", "en", "ASSAULT", "text",
     "2024-10-06"),
    # a finite verb or a relative pronoun before the date: the clause's own date
    ("Russian troops, who attacked on Sunday Ukrainian positions, advanced.", "en", "ASSAULT", "text",
     "2024-10-06"),
    ("Die Truppen, die am Sonntag ukrainische Stellungen angriffen, rückten vor.", "de", "ASSAULT", "text",
     "2024-10-06"),
])
def test_a_date_of_a_participle_describing_another_noun(text, lang, event_type, source, value):
    event = next(e for e in code_text(text, lang, PUB, "t") if e.event_type == event_type)
    assert (event.date_source, event.date) == (source, value)

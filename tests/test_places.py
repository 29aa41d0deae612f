import pytest

from eventwire.nlp.places import find_places, lookup

SEED = ("Kim Yong-hyun sagte am Dienstag vor südkoreanischen Politikern, es sei „höchstwahrscheinlich“, "
        "dass sechs nordkoreanische Offiziere bei einem ukrainischen Raketenangriff in der Nähe von Donezk "
        "am 3. Oktober getötet wurden, wie ukrainische Medien letzte Woche berichteten.")


def test_seed_donezk():
    places = find_places(SEED, "de")
    assert [(p.text, p.name, p.country, p.geonameid) for p in places] == [
        ("Donezk", "Donetsk", "UKR", 709717)]
    p = places[0]
    assert SEED[p.start:p.end] == "Donezk"
    assert round(p.lat, 2) == 48.02 and round(p.lon, 2) == 37.80


@pytest.mark.parametrize("name,english,iso3", [
    ("Donezk", "Donetsk", "UKR"), ("Pjöngjang", "Pyongyang", "PRK"), ("Moskau", "Moscow", "RUS"),
    ("Kiew", "Kyiv", "UKR"), ("Charkiw", "Kharkiv", "UKR"), ("Peking", "Beijing", "CHN"),
    ("Moskaus", "Moscow", "RUS"), ("Kiews", "Kyiv", "UKR"), ("Den Haag", "The Hague", "NLD"),
])
def test_lookup_german_names(name, english, iso3):
    p = lookup(name, "de")
    assert p is not None and (p.name, p.country, p.feature) == (english, iso3, "city")


def test_false_hits():
    assert find_places("Der russische Präsident Wladimir Putin kam.", "de") == []
    assert find_places("Im März nutzte Russland sein Veto im UN-Sicherheitsrat.", "de")[0].feature == "country"
    assert all(p.text != "Veto" for p in find_places("Moskau nutzte sein Veto.", "de"))
    assert lookup("Wladimir", "de") is None and lookup("Veto", "de") is None
    assert find_places("Kim Jong Un und Putin trafen sich.", "de") == []
    assert find_places("Die Polizei sagte, mit dem Bild vom Essen: Essen ist fertig.", "de") == []


@pytest.mark.parametrize("text, lang", [
    ("Police arrested three protesters on Monday.", "en"),
    ("Police a arrêté trois manifestants lundi.", "fr"),
    ("La Justicia ordenó la detención del alcalde.", "es"),
])
def test_a_role_noun_at_the_sentence_start_is_no_town(text, lang):
    # GeoNames knows Police (Poland) and Justicia; as the subject they are the actor, not the place
    assert find_places(text, lang) == []


def test_ambiguous_word_needs_preposition():
    assert [p.name for p in find_places("Er wohnt in Essen.", "de")] == ["Essen"]
    assert find_places("Essen ist fertig.", "de") == []


def test_multiword_and_genitive():
    text = "Diplomaten in Den Haag, Tel Aviv, New York und Rio de Janeiro kritisierten Moskaus Kurs."
    got = [(p.text, p.name) for p in find_places(text, "de")]
    assert got == [("Den Haag", "The Hague"), ("Tel Aviv", "Tel Aviv"), ("New York", "New York City"),
                   ("Rio de Janeiro", "Rio de Janeiro"), ("Moskaus", "Moscow")]
    for p in find_places(text, "de"):
        assert text[p.start:p.end] == p.text


def test_countries():
    text = "Beziehungen zwischen Pjöngjang und Moskau, Nordkorea und Russlands Truppen in der Ukraine."
    got = [(p.text, p.name, p.country, p.feature) for p in find_places(text, "de")]
    assert ("Pjöngjang", "Pyongyang", "PRK", "city") in got
    assert ("Nordkorea", "North Korea", "PRK", "country") in got
    assert ("Russlands", "Russia", "RUS", "country") in got
    assert ("Ukraine", "Ukraine", "UKR", "country") in got
    ukr = lookup("Ukraine", "de")
    assert ukr.geonameid == 690791 and ukr.lat is not None  # capital's coordinates
    assert lookup("Corea del Norte", "es").country == "PRK"
    assert lookup("Allemagne", "fr").country == "DEU"
    assert lookup("Germany", "en").country == "DEU"


def test_english_possessive_and_lowercase():
    got = [(p.text, p.name) for p in find_places("Moscow's troops near Kharkiv; nice weather in Nice.", "en")]
    assert got == [("Moscow", "Moscow"), ("Kharkiv", "Kharkiv"), ("Nice", "Nice")]
    assert find_places("the moscow meeting", "en") == []


@pytest.mark.parametrize("name,lang,english,iso3", [
    ("Bethlehem", "de", "Bethlehem", "PSE"), ("Bethlehem", "en", "Bethlehem", "PSE"),
    ("Venedig", "de", "Venice", "ITA"), ("Granada", "es", "Granada", "ESP"),
])
def test_aliases_beat_bigger_namesakes(name, lang, english, iso3):
    # GeoNames alone gives Belém (Brazil) for "Bethlehem" and the island state Grenada for "Granada"
    p = lookup(name, lang)
    assert p is not None and (p.name, p.country) == (english, iso3)


@pytest.mark.parametrize("text,lang,place,country", [
    ("Jerusalem – Ein Palästinenser hat am Montag in Hebron einen Soldaten angegriffen.", "de", "Hebron", "PSE"),
    ("KABUL (Reuters) - A suicide bomber killed five soldiers on Monday.", "en", "Afghanistan", "AFG"),
    ("Damaskus – Rebellen haben am Montag Soldaten angegriffen.", "de", "Syria", "SYR"),
])
def test_dateline_names_the_country_not_the_event_town(text, lang, place, country):
    from datetime import date

    from eventwire.coding.coder import code_text

    events = [m for m in code_text(text, lang, date(2024, 10, 8), "a1") if m.event_type == "ASSAULT"]
    assert events and all(m.location is not None for m in events)
    assert {(m.location.name, m.location.country) for m in events} == {(place, country)}


def test_a_dateline_of_two_places_is_no_location_and_no_party():
    from datetime import date

    from eventwire.coding.coder import code_text

    events = code_text("Addis Abeba/Bujumbura – Rebellen haben am Montag Soldaten in einem Dorf angegriffen.",
                       "de", date(2024, 10, 8), "a1")
    assert events and all(e.location is None for e in events)
    assert not {"ETH", "BDI"} & {a.country for e in events for a in e.actor + e.recipient}


@pytest.mark.parametrize("text,lang", [
    ("Israelische Soldaten haben im Westjordanland einen Palästinenser erschossen.", "de"),
    ("Bei einem Luftangriff im Gazastreifen wurden zwei Menschen getötet.", "de"),
    ("Israeli soldiers shot dead a Palestinian in the West Bank.", "en"),
    ("Two people were killed in an air strike in the Gaza Strip.", "en"),
])
def test_the_palestinian_territories_locate_an_event(text, lang):
    from datetime import date
    from eventwire.coding.coder import code_text

    event = next(e for e in code_text(text, lang, date(2015, 11, 2), "t") if e.event_type == "ASSAULT")
    assert event.location is not None and event.location.country == "PSE"


@pytest.mark.parametrize("text,lang,countries", [
    ("IS-Kämpfer sollen im vergangenen Jahr in Syrien und im Irak Senfgas eingesetzt haben.", "de", {"SYR", "IRQ"}),
    ("IS fighters are said to have used mustard gas in Syria and Iraq last year.", "en", {"SYR", "IRQ"}),
    ("Die Lage verschärfte sich nach Waffentests in Nordkorea und Militärübungen in Südkorea.", "de", {"PRK", "KOR"}),
])
def test_coordinated_places_in_two_countries_give_one_record_each(text, lang, countries):
    from eventwire.coding.coder import code_text

    events = code_text(text, lang, None, "t")
    assert {e.location.country for e in events if e.location} == countries
    assert len({e.id for e in events}) == len(events) == 2


def test_one_country_or_other_words_between_places_give_one_record():
    from eventwire.coding.coder import code_text

    one_country = code_text("Bei Anschlägen in Kabul und in Kandahar wurden zehn Menschen getötet.", "de", None, "t")
    assert len([e for e in one_country if e.event_type == "ASSAULT"]) == 1
    apart = code_text("Rebels attacked an army base in Syria, while talks continued in Geneva.", "en", None, "t")
    assert len([e for e in apart if e.event_type == "ASSAULT"]) == 1


@pytest.mark.parametrize("text,lang,name", [
    ("Nach Attacke bei Hebron Anschlag auf Israelin.", "de", "Hebron"),  # German nouns are capitalised
    ("Fighting near Aleppo Thursday killed ten soldiers.", "en", "Aleppo"),
])
def test_a_city_after_a_place_preposition_is_a_place_before_a_capitalised_word(text, lang, name):
    assert [p.name for p in find_places(text, lang)] == [name]


@pytest.mark.parametrize("text,lang,where", [
    ("Nach Attacke bei Hebron Anschlag auf Israelin nahe Bethlehem.", "de",
     {"Attacke": "Hebron", "Anschlag": "Bethlehem"}),
    ("After an attack near Hebron a stabbing of an Israeli woman near Bethlehem was reported.", "en",
     {"attack": "Hebron", "stabbing": "Bethlehem"}),
])
def test_a_place_closing_another_acts_phrase_is_that_acts(text, lang, where):
    from eventwire.coding.coder import code_text

    events = code_text(text, lang, None, "t")
    assert {e.evidence.trigger: e.location.name for e in events if e.location} == where

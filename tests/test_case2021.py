"""CASE 2021 task 2 through the PLOVER → ACLED crosswalk: what the coder finds decides the ACLED sub-event
type, and the dev/test halves are fixed.  Sentences here are made up, not CASE snippets."""
import pytest

from eventwire.evaluation import case2021
from eventwire.evaluation.common import eval_dir
from eventwire.evaluation.crosswalk import CodedText, acled_label, plover_to_acled

needs_case = pytest.mark.skipif(not (eval_dir() / case2021.FILE).exists(),
                                reason=f"{case2021.FILE} not found in {eval_dir()}")


def coded(event_type="", modes=(), details=(), also=(), actors=(), recipients=(), parties=()):
    return CodedText(event_type, tuple(modes), frozenset(details), frozenset(also), frozenset(actors),
                     frozenset(recipients), frozenset(parties))


def test_weapon_modes_pick_the_remote_violence_type():
    assert plover_to_acled("ASSAULT", ["aerial"]) == "AIR_STRIKE"
    assert plover_to_acled("ASSAULT", ["drone"]) == "AIR_STRIKE"
    assert plover_to_acled("ASSAULT", ["heavy-weapons"]) == "ART_MISS_ATTACK"
    assert plover_to_acled("ASSAULT", ["explosives"]) == "REM_EXPLOS"
    assert acled_label(coded("ASSAULT", ["explosives"], {"grenade"})) == "GRENADE"
    # the most specific weapon wins whatever order the modes came in
    assert plover_to_acled("ASSAULT", ["explosives", "suicide-attack"]) == "SUIC_BOMB"
    assert plover_to_acled("ASSAULT", ["firearms", "unconventional"]) == "CHEM_WEAP"


def test_who_fights_whom_separates_battles_from_attacks_on_civilians():
    assert acled_label(coded("ASSAULT", actors={"REB"}, recipients={"MIL"})) == "ARMED_CLASH"
    assert acled_label(coded("ASSAULT", actors={"UAF"}, recipients={"CVL"})) == "ATTACK"
    assert acled_label(coded("ASSAULT", ["firearms"], actors={"UAF"})) == "ATTACK"


def test_an_armed_attacker_alone_is_not_a_battle():
    # militants firing on a village: one-sided violence, unless the other armed side is named or fought back
    assert acled_label(coded("ASSAULT", ["firearms"], actors={"REB"}, parties={"REB", "CVL"})) == "ATTACK"
    assert acled_label(coded("ASSAULT", actors={"REB"}, parties={"REB", "MIL"})) == "ARMED_CLASH"
    assert acled_label(coded("ASSAULT", actors={"MIL"}, parties={"MIL", "REB"})) == "ARMED_CLASH"
    assert acled_label(coded("ASSAULT", details={"clash"}, actors={"REB"})) == "ARMED_CLASH"
    assert acled_label(coded("ASSAULT", actors={"REB"}, recipients={"COP", "CVL"})) == "ARMED_CLASH"
    # gunmen attacking a market and an army base fight the base's garrison
    assert acled_label(coded("ASSAULT", ["firearms"], {"base"}, actors={"UAF"}, recipients={"CVL"})) == "ARMED_CLASH"


def test_protests_by_what_happened_to_them():
    assert acled_label(coded("PROTEST", ["demo"])) == "PEACE_PROTEST"
    assert acled_label(coded("PROTEST", ["riot"])) == "VIOL_DEMONSTR"
    assert acled_label(coded("PROTEST", also={"COERCE", "COERCE/arrest"})) == "PROTEST_WITH_INTER"
    assert acled_label(coded("ASSAULT", ["firearms"], also={"PROTEST"})) == "FORCE_AGAINST_PROTEST"
    # ACLED excessive force: beaten or violently suppressed, not only dispersed
    assert acled_label(coded("PROTEST", ["demo"], {"intervention"}, {"ASSAULT", "ASSAULT/beat"})) == \
        "FORCE_AGAINST_PROTEST"
    assert acled_label(coded("PROTEST", ["demo"], {"intervention", "excessive-force"})) == "FORCE_AGAINST_PROTEST"
    assert acled_label(coded("PROTEST", ["demo"], {"intervention"})) == "PROTEST_WITH_INTER"
    # roadblocks in a war are no protest: police force only counts against a demonstration
    assert acled_label(coded("ASSAULT", ["heavy-weapons"], also={"PROTEST", "PROTEST/obstruct"},
                             actors={"MIL"})) == "ART_MISS_ATTACK"


def test_seizures_by_what_was_seized_and_by_whom():
    assert acled_label(coded("COERCE", ["seize"], {"weapons"})) == "DISR_WEAP"
    assert acled_label(coded("COERCE", ["seize"], {"territory"}, actors={"REB"})) == "NON_STATE_ACTOR_OVERTAKES_TER"
    assert acled_label(coded("COERCE", ["seize"], {"territory"}, actors={"MIL"})) == "GOV_REGAINS_TERIT"
    assert acled_label(coded("MOBILIZE", ["troops"], {"base"})) == "HQ_ESTABLISHED"
    # a place retaken in a battle is a territorial change; a first capture in a battle stays a clash
    retaken = coded("ASSAULT", details={"regain", "territory"}, also={"COERCE", "COERCE/seize"}, actors={"MIL"},
                    recipients={"REB"})
    assert acled_label(retaken) == "GOV_REGAINS_TERIT"
    assert acled_label(coded("ASSAULT", details={"territory"}, also={"COERCE", "COERCE/seize"}, actors={"MIL"},
                             recipients={"REB"})) == "ARMED_CLASH"


def test_the_act_a_violent_background_is_named_for():
    # sanctions over an attack are a diplomatic act; a ceasefire after fighting is an agreement
    assert acled_label(coded("ASSAULT", ["unconventional"], also={"SANCTION", "SANCTION/discontinue"})) == "DIPLO"
    assert acled_label(coded("SANCTION", ["discontinue"], {"responsibility"})) == "DIPLO"
    assert acled_label(coded("ASSAULT", details={"peace", "clash"}, also={"AGREE"}, actors={"MIL"},
                             recipients={"REB"})) == "AGREEMENT"
    # talks that reach for a deal; talks alone stay diplomacy
    assert acled_label(coded("CONSULT", also={"AGREE"})) == "AGREEMENT"
    assert acled_label(coded("CONSULT")) == "DIPLO"
    # troops reinforced against an attack that may come
    assert acled_label(coded("ASSAULT", ["aerial"], {"group-change"}, {"MOBILIZE", "MOBILIZE/troops"})) == \
        "CHANGE_TO_GROUP_ACT"


def test_what_the_text_is_about_when_no_act_decides():
    assert acled_label(coded(details={"natural-hazard"})) == "NATURAL_DISASTER"
    assert acled_label(coded("ASSAULT", details={"natural-hazard"})) == "NATURAL_DISASTER"
    assert acled_label(coded(details={"weapons", "disrupted"})) == "DISR_WEAP"
    assert acled_label(coded()) is None
    # an epidemic is only the background of a protest, but the topic of a meeting
    assert acled_label(coded("PROTEST", ["demo"], {"epidemic"})) == "PEACE_PROTEST"
    assert acled_label(coded("CONSULT", details={"epidemic"})) == "NATURAL_DISASTER"
    assert acled_label(coded("ACCUSE", details={"crime"})) == "ORG_CRIME"
    assert acled_label(coded("REJECT", details={"group-change"})) == "CHANGE_TO_GROUP_ACT"


@pytest.mark.parametrize("text, label", [
    ("Warplanes bombed a village in Idlib on Monday, killing six civilians.", "AIR_STRIKE"),
    ("A suicide bomber blew himself up at an army checkpoint in Kabul, killing three soldiers.", "SUIC_BOMB"),
    ("Militants lobbed a grenade at a police vehicle in Srinagar, injuring two policemen.", "GRENADE"),
    ("Rebels shelled the town with mortars and rockets overnight.", "ART_MISS_ATTACK"),
    ("Police defused a bomb found near the central market.", "DISR_WEAP"),
    ("Turkish forces have set up a new military post near the border.", "HQ_ESTABLISHED"),
    ("A strong earthquake struck the north of the country on Sunday, destroying hundreds of homes.",
     "NATURAL_DISASTER"),
    ("Police fired tear gas to disperse hundreds of protesters outside parliament.", "PROTEST_WITH_INTER"),
    ("Thousands of teachers marched peacefully through the capital to protest against pay cuts.",
     "PEACE_PROTEST"),
    ("Militants opened fire on villagers in the north, killing five.", "ATTACK"),
    ("Soldiers clashed with rebels near the border on Sunday.", "ARMED_CLASH"),
    ("Army troops retook the district from the militants after days of fighting.", "GOV_REGAINS_TERIT"),
    ("Security forces violently suppressed a peaceful protest in the capital.", "FORCE_AGAINST_PROTEST"),
    ("Violence erupted as protesters marched through the city centre.", "VIOL_DEMONSTR"),
    ("Canada imposed new sanctions on Syria in response to a chemical weapons attack.", "DIPLO"),
    ("A grenade exploded in a busy market, wounding seven people.", "GRENADE"),
    ("Turkish troops established a new base near the border.", "HQ_ESTABLISHED"),
    ("Rebels fortified their positions near the front line.", "CHANGE_TO_GROUP_ACT"),
    ("Rebels and the army agreed to a ceasefire after two weeks of fighting.", "AGREEMENT"),
    ("The Islamic State group claimed the attack on the checkpoint, which killed four soldiers.", "ATTRIB"),
    ("Three children died after inhaling fumes from a pesticide sprayed in their home.", "MAN_MADE_DISASTER"),
])
def test_snippets_end_to_end(text, label):
    assert case2021.predict_label(text) == label


@needs_case
def test_dev_and_test_halves_are_fixed_and_disjoint():
    rows = case2021.read()
    dev, test = case2021.select(rows, "dev"), case2021.select(rows, "test")
    assert len(dev) + len(test) == len(rows) and min(len(dev), len(test)) > 400
    assert not {r["id"] for r in dev} & {r["id"] for r in test}
    assert [r["id"] for r in case2021.select(case2021.read(), "dev")] == [r["id"] for r in dev]
    report = case2021.evaluate(split="dev")
    assert report["split"] == "dev" and report["n"] == len(dev)
    assert "[dev half]" in case2021.format_report(report)

"""resolve-actor: Phoenix dated persons (common/actors_dated.tsv), agent nouns and territory sectors."""
from eventwire.coding.relation.actor_resolution import resolve_actor
from eventwire.nlp.actors import dated_actors


def test_dated_table_leaves_leaders_names_out():
    assert "Vladimir Putin" not in dated_actors()
    assert "Tony Blair" in dated_actors()


def test_dated_person_by_date():
    assert resolve_actor("Tony Blair", None, "2003-01-01")[("sector")] == "GOV"
    got = resolve_actor("Tony Blair", None, "2012-05-01")
    assert (got["country"], got["sector"]) == ("GBR", "ELI")


def test_agent_head_noun_and_territory():
    assert resolve_actor("paramedic")["sector"] == "MED"
    assert resolve_actor("group of thieves")["sector"] == "CRM"
    assert resolve_actor("retired vice president")["sector"] == "ELI"
    assert (resolve_actor("Abkhazia")["country"], resolve_actor("Abkhazia")["sector"]) == ("GEO", "PRE")


def test_before_the_first_leaders_term_the_phoenix_code_of_the_day_counts():
    got = resolve_actor("Joe Biden", None, "2015-01-01")  # vice president, not yet head of state
    assert (got["country"], got["sector"]) == ("USA", "GOV")
    assert resolve_actor("Nawaz Sharif", None, "2005-01-01")["sector"] == "ELI"  # ousted in 1999
    assert resolve_actor("Vladimir Putin", None, "1995-01-01")["sector"] is None  # Phoenix's pre-office "elite"

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

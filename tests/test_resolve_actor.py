"""`eventwire resolve-actor`: date-aware actor resolution through the actor lexicons and leaders list."""
import json

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.coding.relation.actor_resolution import resolve_actor


def test_putin():
    got = resolve_actor("Russian President Vladimir Putin", None, "2024-10-08")
    assert (got["country"], got["sector"], got["name"]) == ("RUS", "GOV", "Vladimir Putin")


def test_kim_yong_hyun_is_defence_minister_only_in_office():
    in_office = resolve_actor("Kim Yong-hyun", None, "2024-10-08")
    assert (in_office["country"], in_office["sector"]) == ("KOR", "GOV")
    assert in_office["role"] == "defence_minister"
    before = resolve_actor("Kim Yong-hyun", None, "2020-01-01")
    assert before["country"] == "KOR"
    assert before["role"] != "defence_minister" and before["sector"] != "GOV"


def test_former_leader_and_context():
    assert resolve_actor("Angela Merkel", None, "2022-01-10")["sector"] == "ELI"
    assert resolve_actor("Angela Merkel", None, "2017-04-01")["sector"] == "GOV"
    got = resolve_actor("Defense Minister", "German", None)
    assert (got["country"], got["sector"]) == ("DEU", "GOV")


def test_cli(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "k", "text": "Kim Yong-hyun", "context": "", "date": "2024-10-08"}) + "\n")
    result = CliRunner().invoke(main, ["resolve-actor", str(path)])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)
    assert row["id"] == "k" and row["country"] == "KOR" and row["sector"] == "GOV"


def test_a_bare_pronoun_is_an_unknown_actor_not_no_actor():
    assert resolve_actor("He")["sector"] == "UNK" and resolve_actor("He")["country"] is None
    assert resolve_actor("er", lang="de")["sector"] == "UNK"
    assert resolve_actor("Russia")["sector"] != "UNK"

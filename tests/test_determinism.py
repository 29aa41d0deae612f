"""The same text codes to the same events in every process: no result may depend on Python's
per-process string hashing (set iteration order)."""
import json
import os
import subprocess
import sys

SCRIPT = """
import json, sys
from datetime import date
from eventwire.coding.coder import code_text
texts = [("Finalizó huelga de transportistas colombianos", "es"),
         ("PESCADORES CANADIENSES FINALIZAN EL BLOQUEO DEL FERRY DE ALASKA", "es"),
         ("Die Türkei hat nach Regierungsangaben Stellungen der PKK im Irak bombardiert.", "de"),
         ("Israel attacked a Hamas camp in Gaza on Friday. Two people were injured in the attack.", "en")]
out = [[m.to_json() for m in code_text(t, lang, date(2024, 10, 8), "a1")] for t, lang in texts]
json.dump(out, sys.stdout, sort_keys=True)
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                          check=True).stdout


def test_coding_does_not_depend_on_string_hashing():
    first = _run("1")
    assert json.loads(first) and all(json.loads(first))
    assert _run("2") == first
    assert _run("3") == first

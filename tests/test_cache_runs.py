"""What a whole run reuses from the cache: the rules pack of unchanged files, and the findings of an
unchanged set of articles. Both must give what a fresh run gives, and a damaged entry is a miss."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3

import pytest

from checker.api import run
from checker.cache import DETECTIONS, FILE_NAME, PACKS, ExtractionCache
from checker.cache_packs import cached_rules, decode, encode
from checker.rulepack import RulesError, bundled_rules_dir, load_rules
from tests.conftest import FIXTURES
from tests.test_cache import corpus, same_run  # noqa: F401  (corpus is a fixture)

PACKS_READ = [None, FIXTURES / "ev" / "rules", FIXTURES / "pharma" / "rules"]


def fields(pack) -> tuple:
    """Every field of a pack, with the types of its values (a date and a date string differ)."""
    values = (pack.directory, pack.entities, pack.attributes, pack.facts, pack.settings, pack.cases, pack.lines)
    return values, repr(values)


@pytest.mark.parametrize("folder", PACKS_READ, ids=["bundled", "ev", "pharma"])
def test_a_stored_pack_reads_back_as_the_files_read(folder):
    pack = load_rules(folder)
    again = decode(encode(pack))
    assert fields(again) == fields(pack)
    assert [rule.model_fields_set for rule in again.attributes.values()] == [rule.model_fields_set for rule in pack.attributes.values()]
    assert any(isinstance(fact.value, dt.date) for fact in load_rules().facts)  # the bundled pack has date values to keep


def test_a_date_and_a_mapping_shaped_like_a_tag_survive(pack):
    rule = next(rule for rule in pack.attributes.values() if rule.kind == "quantity")
    tricky = rule.model_copy(update={"variants": {"date": ["2024-01-01"]}})
    odd = decode(encode(dataclasses.replace(pack, attributes={**pack.attributes, "odd": tricky})))
    assert odd.attributes["odd"].variants == {"date": ["2024-01-01"]}


def test_an_unchanged_pack_is_read_from_the_cache_and_an_edited_one_from_its_files(tmp_path, monkeypatch):
    folder = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), folder)
    cache = ExtractionCache(tmp_path / "cache")
    first = cached_rules(cache, folder)
    monkeypatch.setattr("checker.rulepack.loader.load_rules", lambda *_: pytest.fail("an unchanged pack was read from its files"))
    assert fields(cached_rules(cache, folder)) == fields(first)
    monkeypatch.undo()
    settings = folder / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    seen = []
    real = load_rules
    monkeypatch.setattr("checker.rulepack.loader.load_rules", lambda d: seen.append(d) or real(d))
    cached_rules(cache, folder)
    assert seen == [folder]


def test_a_pack_with_problems_is_never_stored(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), folder)
    (folder / "entities.yaml").write_text("entities: 3\n", encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache")
    for _ in range(2):
        with pytest.raises(RulesError):
            cached_rules(cache, folder)
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        assert db.execute(f"SELECT count(*) FROM {PACKS}").fetchone() == (0,)


def test_a_warm_run_reads_its_findings_back(corpus, tmp_path, monkeypatch):
    cold = run([corpus], cache=ExtractionCache(tmp_path / "cache"))
    assert cold.findings
    monkeypatch.setattr("checker.detect.detect", lambda *_: pytest.fail("an unchanged run was detected again"))
    monkeypatch.setattr("checker.rulepack.loader.load_rules", lambda *_: pytest.fail("an unchanged pack was read again"))
    warm = run([corpus], cache=ExtractionCache(tmp_path / "cache"))
    assert same_run(cold, warm) and cold.confirmations == warm.confirmations


def test_another_article_set_is_detected_afresh(corpus, tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    every = run([corpus], cache=cache)
    (corpus / "b.md").unlink()
    fewer = run([corpus], cache=cache)
    assert same_run(fewer, run([corpus])) and fewer.findings != every.findings
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        assert db.execute(f"SELECT count(*) FROM {DETECTIONS}").fetchone() == (2,)


def test_damaged_run_entries_are_misses(corpus, tmp_path):
    folder = tmp_path / "cache"
    cold = run([corpus], cache=ExtractionCache(folder))
    with sqlite3.connect(folder / FILE_NAME) as db:
        for table in (DETECTIONS, PACKS):
            db.execute(f"UPDATE {table} SET data = ?", (b"\x00garbage",))
    assert same_run(run([corpus], cache=ExtractionCache(folder)), cold)


def test_a_run_with_a_crashed_extraction_neither_reads_nor_stores_findings(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    run([corpus], cache=ExtractionCache(folder))
    with sqlite3.connect(folder / FILE_NAME) as db:
        db.execute("DELETE FROM extractions")
        db.execute(f"UPDATE {DETECTIONS} SET data = ?", (b"",))  # a read of it would be a damaged entry, not a crash
    monkeypatch.setattr("checker.engine.local.extract_article", lambda *_: 1 / 0)
    crashed = run([corpus], cache=ExtractionCache(folder))
    assert crashed.problems and not crashed.findings
    with sqlite3.connect(folder / FILE_NAME) as db:
        assert db.execute(f"SELECT data FROM {DETECTIONS}").fetchall() == [(b"",)]


def test_a_version_1_cache_keeps_its_extractions(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    cold = run([corpus], cache=ExtractionCache(folder))
    with sqlite3.connect(folder / FILE_NAME) as db:
        db.execute(f"DROP TABLE {DETECTIONS}")
        db.execute(f"DROP TABLE {PACKS}")
        db.execute("PRAGMA user_version = 1")
    monkeypatch.setattr("checker.engine.local.extract_article", lambda *_: pytest.fail("an extraction of the old file was not read"))
    assert same_run(run([corpus], cache=ExtractionCache(folder)), cold)


def test_a_pack_edited_while_it_is_read_is_not_stored(tmp_path, monkeypatch):
    folder = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), folder)
    settings = folder / "settings.yaml"

    def edited_meanwhile(directory):
        pack = load_rules(directory)
        settings.write_text(settings.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        return pack

    monkeypatch.setattr("checker.rulepack.loader.load_rules", edited_meanwhile)
    cached_rules(ExtractionCache(tmp_path / "cache"), folder)
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        assert db.execute(f"SELECT count(*) FROM {PACKS}").fetchone() == (0,)

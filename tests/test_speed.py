"""What keeps the tool fast: one jieba dictionary per process, workers that get the pack once."""

from __future__ import annotations

import jieba

from checker.nlp import toolkit_for


def test_the_toolkit_segments_with_the_pack_and_never_loads_the_global_dictionary(pack, fixtures_run):
    toolkit = toolkit_for(pack)
    alias = next(a for e in pack.entities.values() for a in e.aliases if not a.isascii() and len(a) > 2)
    assert alias in [t.text for t in toolkit.nlp(f"据报道{alias}发布了新版本。")]
    assert toolkit.nlp.tokenizer.jieba_seg is not jieba.dt
    assert not jieba.dt.initialized

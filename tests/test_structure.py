"""The structure stage: headings, paragraphs, list items and tables as typed blocks with article offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.structure import blocks, structure

ARTICLE = """---
title: 芯片季报
---

# 季度回顾

星辰半导体发布财报。营收创新高
同比增长。

## 产品线

- **曜石X1**：推理芯片
  面向数据中心
- 曜石X2

1. 第一代
2. 第二代

| 季度 | 营收（亿元） |
|---|---|
| 第一季 | 12.5 |
| 第二季 | 13.1 |
**展望**
下半年将扩产。
"""


def test_an_article_reads_as_typed_blocks():
    start = ARTICLE.index("# 季度")
    found = blocks(ARTICLE, start)
    kinds = [(b.kind, ARTICLE[b.start:b.end].split("\n")[0]) for b in found]
    assert kinds == [
        ("heading", "# 季度回顾"),
        ("paragraph", "星辰半导体发布财报。营收创新高"),
        ("heading", "## 产品线"),
        ("list_item", "- **曜石X1**：推理芯片"),
        ("list_item", "- 曜石X2"),
        ("list_item", "1. 第一代"),
        ("list_item", "2. 第二代"),
        ("table", "| 季度 | 营收（亿元） |"),
        ("paragraph", "**展望**"),
    ]
    top, paragraph, sub, item, item2, ordered, ordered2, table, bold = found
    assert (top.level, sub.level) == (1, 2)
    assert ARTICLE[paragraph.start:paragraph.end].endswith("同比增长。")  # a paragraph runs to the blank line
    assert ARTICLE[item.start:item.end].endswith("面向数据中心")  # a list item keeps its continuation line
    assert item.list == item2.list == 3 and ordered.list == ordered2.list == 5  # bullets and numbers: two lists
    assert item.heading == 2 and paragraph.heading == 0 and top.heading is None
    assert [b.after_blank for b in found] == [False, True, True, True, False, True, False, True, False]
    assert bold.bold and bold.title and not paragraph.title and item.title
    header = table.header
    assert header is not None and [ARTICLE[a:b].strip() for a, b in header.cells] == ["季度", "营收（亿元）"]
    assert [row.separator for row in table.rows] == [False, True, False, False]
    assert [ARTICLE[a:b].strip() for a, b in table.rows[3].cells] == ["第二季", "13.1"]
    layout = structure(ARTICLE, start)
    assert layout.index_at(ARTICLE.index("营收创新高")) == 1 and layout.index_at(ARTICLE.index("\n\n## ")) is None
    assert table.row_at(table.rows[2].start) == 2 and table.row_at(table.rows[2].start + 1) is None
    assert ARTICLE[item.start:item.first_line_end] == "- **曜石X1**：推理芯片"


def test_markers_need_a_space_or_bold_after_them():
    text = "1.5亿用户\n#话题\n####### 七级\n2、**名单**\n-3%"
    assert [b.kind for b in blocks(text)] == ["paragraph", "list_item"]  # 2、** is an item; the rest one paragraph


def test_an_empty_cell_keeps_its_place():
    [table] = blocks("| 名称 | | 数量 |\n| A | | 3")
    assert [len(row.cells) for row in table.rows] == [3, 3]


LINES = st.sampled_from(
    ["", "   ", "# 标题", "### Heading", "- 条目", "* item", "12. 第十二", "3) x", "**粗体**", "正文一句。", "plain text",
     "| a | b |", "|---|---|", "| 1 |", "  缩进", "\t", "#", "-", "1.5亿", "||"]
)


@given(st.lists(LINES, max_size=30), st.integers(min_value=0, max_value=5))
@settings(max_examples=300, deadline=None)
def test_blocks_slice_the_text_do_not_overlap_and_cover_the_body(lines, skip):
    text = "\n".join(lines)
    start = min(skip, len(text))
    found = blocks(text, start)
    for block in found:
        piece = text[block.start:block.end]
        assert piece and piece == piece.strip() and block.start >= start
        for row in block.rows:
            assert block.start <= row.start < row.end <= block.end
            assert all(row.start < a <= b <= row.end for a, b in row.cells)
        if block.list is not None:
            assert found[block.list].kind == "list_item" and found[block.list].start <= block.start
        if block.heading is not None:
            assert found[block.heading].kind == "heading" and found[block.heading].end <= block.start
    assert all(a.end < b.start for a, b in zip(found, found[1:]))
    covered = {i for b in found for i in range(b.start, b.end)}
    assert {i for i in range(start, len(text)) if not text[i].isspace()} <= covered
    layout = structure(text, start)
    assert all(found[layout.index_at(i)].start <= i < found[layout.index_at(i)].end for i in covered)
    for block in found:
        assert block.start < block.first_line_end <= block.end and "\n" not in text[block.start:block.first_line_end]

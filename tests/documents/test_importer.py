"""The importer's pure functions, on the five seed files and on small made-up documents."""

from pathlib import Path

import pytest

from documents.importer import ImportFileError, parse, read_text

SEEDS = Path("/work/shared/seeds")


def seed(name):
    return parse(read_text(SEEDS / name))


def items(result, kind):
    return [item for value in result.numbered_lists() if value["kind"] == kind for item in value["items"]]


def test_values_document_has_12_values_and_13_actions_with_their_sub_lists():
    result = seed("western-mass-peer-role-values-and-actions.txt")
    values, actions = items(result, "value"), items(result, "action")

    assert [item["number"] for item in values] == [str(n) for n in range(1, 13)]
    assert [item["number"] for item in actions] == [str(n) for n in range(1, 14)]
    assert values[0]["title"] == "Human Potential and Vision"
    assert values[0]["text"].startswith("We believe in the probability")
    assert len(actions[11]["sub_items"]) == 7
    assert actions[11]["sub_items"][0]["text"] == "Involvement in medication administration"
    # Item 13 is written "13." at the margin after item 12's bullets; its own bullets follow a blank line.
    assert actions[12]["text"].startswith("We are also aware of our environment")
    assert len(actions[12]["sub_items"]) == 4
    assert len(items(result, "area")) == 3
    assert [value["term"] for block_type, value in result.blocks if block_type == "definition"] == ["Peer"]
    credit = [value for block_type, value in result.blocks if block_type == "credit"]
    assert credit[0]["text"] == "© Western Mass Peer Network, 2014."
    assert credit[0]["licence"].startswith("Please feel free to copy")
    assert result.unclassified == [(68, "wmpn logo")]


def test_code_of_ethics_joins_the_broken_principle():
    result = seed("central-mass-peer-network-code-of-ethics.txt")
    principles = items(result, "principle")

    assert [item["number"] for item in principles] == [str(n) for n in range(1, 15)]
    assert principles[8]["text"].endswith(
        "all people have the right to live in the least restrictive and least intrusive environment of their choice."
    )
    assert principles[9]["text"].startswith("Certified Peer Specialists will not enter into dual relationships")
    assert any("continues item 9" in note for note in result.notes)


@pytest.mark.parametrize(
    ("name", "bullet_items", "headings"),
    [
        ("peer-facilitators-project.txt", 9, "Why “Peer Facilitators?”"),
        ("eastern-mass-peer-network.txt", 4, "Respond Now With Your Signature in the Message Box Below"),
        ("ma-peer-workforce-coalition.txt", 0, "Our Vision"),
    ],
)
def test_other_seed_pages_import_without_numbered_items(name, bullet_items, headings):
    result = seed(name)
    assert result.numbered_lists() == []
    assert (
        sum(len(value["items"]) for block_type, value in result.blocks if block_type == "bullet_list") == bullet_items
    )
    assert headings in [value["text"] for block_type, value in result.blocks if block_type == "heading"]


def test_dates_without_words_are_reported_not_dropped():
    result = seed("eastern-mass-peer-network.txt")
    assert [text for _line, text in result.unclassified] == ["2018/08/22 20:00:00", "2017/09/30 14:00:00"]
    assert "<p>2018/08/22 20:00:00</p>" in [value for block_type, value in result.blocks if block_type == "paragraph"]


def test_markdown_with_other_numbering_styles_titles_and_wrapped_lines():
    text = """# Principles of peer practice

## Our principles

1) Principle: Mutuality. We learn from each other,
   and neither of us is the fixer.
2) **Choice** People decide for themselves.
   - a sub point
     that wraps
   - another
3… We speak plainly.
4... We keep
what is shared private.

> Nothing about us without us.
"""
    result = parse(text)
    principles = items(result, "principle")

    assert result.title == "Principles of peer practice"
    assert [item["number"] for item in principles] == ["1", "2", "3", "4"]
    assert principles[0]["title"] == "Principle"
    assert principles[0]["text"] == "Mutuality. We learn from each other, and neither of us is the fixer."
    assert principles[1]["title"] == "Choice"
    assert [sub["text"] for sub in principles[1]["sub_items"]] == ["a sub point that wraps", "another"]
    assert principles[2]["text"] == "We speak plainly."
    assert principles[3]["text"] == "We keep what is shared private."
    assert ("quote", {"text": "Nothing about us without us.", "attribution": ""}) in result.blocks


def test_lettered_sub_items_keep_their_letters():
    result = parse("Our actions\n\n1. We listen:\n   a. first\n   b) then ask\n")
    item = items(result, "action")[0]
    assert [(sub["label"], sub["text"]) for sub in item["sub_items"]] == [("a", "first"), ("b", "then ask")]


def test_a_second_list_of_the_same_kind_gets_distinct_anchors():
    result = parse("Values\n\n1. One.\n2. Two.\n\nMore values\n\n1. Again.\n")
    kinds = [value["kind"] for value in result.numbered_lists()]
    assert kinds[0] == "value"
    assert kinds[1] != "value"
    assert result.notes


def test_progress_is_reported_for_long_files():
    seen = []
    parse("A line of text.\n" * 1200, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(500, 1201), (1000, 1201)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n  ", "is empty"),
        (b"%PDF-1.4\x00\x01\x02binary", "binary"),
        ("Café society".encode("latin-1"), "not UTF-8"),
        (b"1234 5678\n", "no words"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        read_text(path)


def test_huge_files_are_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    with pytest.raises(ImportFileError, match="20.0 MB"):
        read_text(path)

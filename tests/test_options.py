"""ParseOptions: caller-given heading aliases and speaker-label rules, on pages of our own.

Each rule is shown twice: the page read without options, then with them, so a test fails
if the option stops mattering or if the default reading changes under it.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

import podnotes
from podnotes import transcript
from podnotes.options import HEADING_KINDS, ParseOptions
from podnotes.sections import SectionKind

PAGE_WITH_ALIAS = """#7 – Sourdough again

Big ideas
0:00 Why starters die
4:10 Feeding schedules

Partners
Acme Flour - acme.example
"""

TRANSCRIPT = """Ann: Hello there.
Moral: Be kind to your starter.
Ann: Right.
Bob: Yes.
Bob: Sure.
"""


def test_a_heading_is_recognised_only_with_its_alias() -> None:
    plain = podnotes.parse(PAGE_WITH_ALIAS).value
    assert plain.highlights == ()
    assert [c.title for c in plain.chapters] == ["Why starters die", "Feeding schedules"]

    options = ParseOptions(section_aliases={"Big ideas": "highlights"})
    episode = podnotes.parse(PAGE_WITH_ALIAS, options=options).value
    assert [(str(h.at), h.text) for h in episode.highlights] == [
        ("0:00", "Why starters die"),
        ("4:10", "Feeding schedules"),
    ]
    assert episode.chapters == ()


def test_an_alias_overrides_a_built_in_name() -> None:
    page = "Key moments\n0:00 Intro\n4:10 Scaling\n"
    assert len(podnotes.parse(page).value.highlights) == 2
    options = ParseOptions(section_aliases={"KEY  MOMENTS:": SectionKind.CHAPTERS})
    episode = podnotes.parse(page, options=options).value
    assert (episode.highlights, [c.title for c in episode.chapters]) == ((), ["Intro", "Scaling"])


def test_an_alias_to_other_keeps_a_section_raw() -> None:
    page = "#3 – A title\n\nA description.\n\nOur friends\nAcme - acme.example\n"
    assert podnotes.parse(page).value.sections == ()
    options = ParseOptions(section_aliases={"Our friends": "other"})
    sections = podnotes.parse(page, options=options).value.sections
    assert [(s.heading, s.text) for s in sections] == [("Our friends", "Acme - acme.example")]


def test_an_alias_names_a_heading_glued_to_its_list() -> None:
    page = "#3 – A title\n\nBig ideas: 0:00 Intro 1:30 Outro\n"
    options = ParseOptions(section_aliases={"Big ideas": "highlights"})
    episode = podnotes.parse(page, options=options).value
    assert [h.text for h in episode.highlights] == ["Intro", "Outro"]
    assert podnotes.parse(page).value.highlights == ()


def test_a_label_is_refused_only_with_the_rule() -> None:
    plain = transcript.parse(TRANSCRIPT).value
    assert [t.speaker for t in plain] == ["Ann", "Moral", "Ann", "Bob", "Bob"]

    options = ParseOptions(not_speakers={"moral"})
    turns = transcript.parse(TRANSCRIPT, options=options).value
    assert [(t.speaker, t.text) for t in turns] == [
        ("Ann", "Hello there. Moral: Be kind to your starter."),
        ("Ann", "Right."),
        ("Bob", "Yes."),
        ("Bob", "Sure."),
    ]
    assert list(transcript.iter_turns(TRANSCRIPT.splitlines(), options=options)) == list(turns)


def test_a_page_transcript_follows_the_label_rules() -> None:
    page = "Transcript\n" + TRANSCRIPT
    options = ParseOptions(not_speakers={"Moral"})
    assert podnotes.parse(page).value.speakers == ("Ann", "Moral", "Bob")
    assert podnotes.parse(page, options=options).value.speakers == ("Ann", "Bob")


def test_a_known_speaker_is_accepted_and_not_doubted() -> None:
    text = "dj k: yo\nAnn: hi\ndj k: again\n"
    plain = transcript.parse(text)
    assert [t.speaker for t in plain.value] == [None, "Ann"]

    known = transcript.parse(text, options=ParseOptions(speakers={"dj k"}))
    assert [(t.speaker, t.text) for t in known.value] == [
        ("dj k", "yo"),
        ("Ann", "hi"),
        ("dj k", "again"),
    ]
    once = transcript.parse("Q: why?\nAnn: because.\nAnn: yes.\n")
    assert [d.code for d in once.diagnostics] == ["transcript.doubtful-speaker"]
    vouched = transcript.parse(
        "Q: why?\nAnn: because.\nAnn: yes.\n", options=ParseOptions(speakers={"Q"})
    )
    assert vouched.diagnostics == ()


def test_the_rules_hold_where_the_layout_marks_a_label() -> None:
    timed = "Ann (00:00:01):\nHello.\n\nMoral (00:00:05):\nBe kind.\n\nAnn (00:00:09):\nRight.\n"
    assert [t.speaker for t in transcript.parse(timed).value] == ["Ann", "Moral", "Ann"]
    refused = transcript.parse(timed, options=ParseOptions(not_speakers={"Moral"})).value
    assert [(t.speaker, t.text) for t in refused] == [
        ("Ann", "Hello.\nMoral (00:00:05): Be kind."),
        ("Ann", "Right."),
    ]
    bracketed = "[Speaker 1] [0:01] Hello.\n[dj_k] [0:04] Yo.\n[Speaker 1] [0:07] Right.\n"
    assert [t.speaker for t in transcript.parse(bracketed).value] == ["Speaker 1", "Speaker 1"]
    known = transcript.parse(bracketed, options=ParseOptions(speakers={"dj_k"})).value
    assert [(t.speaker, t.text) for t in known] == [
        ("Speaker 1", "Hello."),
        ("dj_k", "Yo."),
        ("Speaker 1", "Right."),
    ]


def test_known_speakers_count_in_the_page_sniff() -> None:
    # An unheaded block: read as a transcript only when the lower-case labels are speakers.
    page = "#1 – Chat\n\nmo: we start.\nlu: we go on.\nmo: we stop.\nlu: fine.\n"
    assert podnotes.parse(page).value.transcript == ()
    options = ParseOptions(speakers={"mo", "lu"})
    assert podnotes.parse(page, options=options).value.speakers == ("mo", "lu")


def test_list_minimum_decides_how_many_items_make_an_unannounced_list() -> None:
    page = "#1 – Title\n\n0:00 Intro\n2:00 Middle\n"
    assert len(podnotes.parse(page).value.chapters) == 2
    assert podnotes.parse(page, options=ParseOptions(list_minimum=3)).value.chapters == ()


def test_default_options_read_like_no_options() -> None:
    pages = sorted(Path(__file__).parent.glob("fixtures/**/*.txt"))[:10]
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert podnotes.parse(text, options=ParseOptions()) == podnotes.parse(text)


def test_parse_file_takes_options(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE_WITH_ALIAS, encoding="utf-8")
    options = ParseOptions(section_aliases={"Big ideas": "highlights"})
    assert len(podnotes.parse_file(path, options=options).value.highlights) == 2


def test_options_are_normalised_compared_hashed_and_pickled() -> None:
    aliases: dict[str, SectionKind | str] = {
        "Big  Ideas:": "HIGHLIGHTS",
        "Partners": SectionKind.OTHER,
    }
    options = ParseOptions(
        section_aliases=aliases,
        not_speakers=["Moral."],
        speakers=(" dj k ",),
    )
    assert options.section_aliases == (
        ("big ideas", SectionKind.HIGHLIGHTS),
        ("partners", SectionKind.OTHER),
    )
    assert (options.not_speakers, options.speakers) == (frozenset({"moral"}), frozenset({"dj k"}))
    same = ParseOptions(
        section_aliases=[("partners", "other"), ("big ideas", "highlights")],
        not_speakers={"MORAL"},
        speakers={"dj k"},
    )
    assert same == options
    assert hash(same) == hash(options)
    for back in (pickle.loads(pickle.dumps(options)), copy.copy(options), copy.deepcopy(options)):  # noqa: S301 - our own data
        assert back == options
        assert back.headings == options.headings
    assert options.headings["big ideas"] is SectionKind.HIGHLIGHTS
    assert options.headings["chapters"] is SectionKind.CHAPTERS


def test_every_heading_kind_but_head_may_be_named() -> None:
    assert SectionKind.HEAD not in HEADING_KINDS
    assert {k.value for k in HEADING_KINDS} | {"head"} == {k.value for k in SectionKind}


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"section_aliases": {"Big ideas": "hilights"}},
            ValueError,
            (
                'ParseOptions.section_aliases["Big ideas"] must be one of "description", "notes", '
                '"chapters", "highlights", "transcript", "other", found "hilights"'
            ),
        ),
        (
            {"section_aliases": {"Top": SectionKind.HEAD}},
            ValueError,
            (
                'ParseOptions.section_aliases["Top"] must be one of "description", "notes", '
                '"chapters", "highlights", "transcript", "other", found "head"'
            ),
        ),
        (
            {"section_aliases": {"Top": 3}},
            TypeError,
            'ParseOptions.section_aliases["Top"] must be a section kind such as "chapters", found int',
        ),
        (
            {"section_aliases": {" : ": "chapters"}},
            ValueError,
            'ParseOptions.section_aliases keys must be headings of 1 to 100 characters on one line, found " : "',
        ),
        (
            {"section_aliases": {"a\nb": "chapters"}},
            ValueError,
            'ParseOptions.section_aliases keys must be headings of 1 to 100 characters on one line, found "a\\nb"',
        ),
        (
            {"section_aliases": {7: "chapters"}},
            TypeError,
            "ParseOptions.section_aliases keys must be str, found int",
        ),
        (
            {"section_aliases": "chapters"},
            TypeError,
            "ParseOptions.section_aliases must be a mapping, found str",
        ),
        (
            {"not_speakers": "Moral"},
            TypeError,
            "ParseOptions.not_speakers must be a collection of labels, found a single str",
        ),
        (
            {"speakers": [None]},
            TypeError,
            "ParseOptions.speakers must hold str labels, found NoneType",
        ),
        (
            {"speakers": ["Ann: x"]},
            ValueError,
            'ParseOptions.speakers must hold labels of 1 to 40 characters without ":" or a line break, found "Ann: x"',
        ),
        (
            {"not_speakers": ["  "]},
            ValueError,
            'ParseOptions.not_speakers must hold labels of 1 to 40 characters without ":" or a line break, found "  "',
        ),
        (
            {"speakers": {"Moral"}, "not_speakers": {"moral"}},
            ValueError,
            'ParseOptions.speakers and ParseOptions.not_speakers must not share a label, found "Moral" in both',
        ),
        (
            {"list_minimum": 0},
            ValueError,
            "ParseOptions.list_minimum must be a whole number >= 1, found 0",
        ),
        (
            {"list_minimum": True},
            ValueError,
            "ParseOptions.list_minimum must be a whole number >= 1, found True",
        ),
    ],
)
def test_invalid_options_raise_clear_errors(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        ParseOptions(**kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_options_of_the_wrong_type_are_refused() -> None:
    wrong: object = {"speakers": ["Ann"]}
    with pytest.raises(TypeError, match="parse\\(\\) expects options as ParseOptions, found dict"):
        podnotes.parse("x", options=wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="parse\\(\\) expects options as ParseOptions, found dict"):
        transcript.parse("x", options=wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iter_turns\\(\\) expects options as ParseOptions"):
        transcript.iter_turns(["x"], options=wrong)  # type: ignore[arg-type]

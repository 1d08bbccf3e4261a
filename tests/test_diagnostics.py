from __future__ import annotations

import copy
import pickle

import pytest

from podnotes import Diagnostic, Parsed, ParseError, PodnotesError, Severity
from podnotes.diagnostics import render_diagnostics


def _diag(**changes: object) -> Diagnostic:
    fields: dict[str, object] = {
        "code": "chapters.bad-time",
        "message": 'expected a time such as "1:02:03", found "1:2x"',
        "line": 14,
        "column": 1,
        "width": 4,
        "source": "1:2x Intro",
    }
    fields.update(changes)
    return Diagnostic(**fields)  # type: ignore[arg-type]


def test_render_puts_a_caret_under_the_span() -> None:
    assert _diag().render() == (
        'line 14, column 1: expected a time such as "1:02:03", found "1:2x"\n'
        "   14 | 1:2x Intro\n"
        "      | ^^^^"
    )


def test_render_lines_up_after_tabs_and_inside_the_line() -> None:
    d = _diag(source="\tIntro 1:2x", column=8, width=4, line=3)
    assert d.render().splitlines()[1:] == ["    3 | \tIntro 1:2x", "      | \t      ^^^^"]


def test_render_cuts_a_long_line_around_the_span() -> None:
    source = "a" * 499 + "1:2x" + "b" * 1000
    d = Diagnostic(code="x", message="m", line=3, column=500, width=4, source=source)
    head, shown, carets = d.render().splitlines()
    assert head == "line 3, column 500: m"
    assert shown == "    3 | …" + "a" * 30 + "1:2x" + "b" * 86 + "…"
    assert carets == "      | " + " " * 31 + "^^^^"
    # At the start of the line nothing is cut before; a span running past the cut is clipped.
    start = Diagnostic(code="x", message="m", line=1, column=1, width=500, source=source)
    assert start.render().splitlines()[1:] == ["    1 | " + "a" * 120 + "…", "      | " + "^" * 120]


def test_render_without_source_is_the_message_line_alone() -> None:
    assert _diag(source="").render() == (
        'line 14, column 1: expected a time such as "1:02:03", found "1:2x"'
    )


def test_render_diagnostics_separates_blocks_with_a_blank_line() -> None:
    text = render_diagnostics([_diag(), _diag(line=15, source="", message="m")])
    assert text.endswith("^^^^\n\nline 15, column 1: m")


@pytest.mark.parametrize(
    ("field", "value"), [("line", 0), ("column", 0), ("width", 0), ("line", True), ("line", 1.0)]
)
def test_positions_must_be_whole_and_positive(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=rf"^Diagnostic\.{field} must be a whole number >= 1"):
        _diag(**{field: value})


def test_severity_must_be_a_severity() -> None:
    with pytest.raises(TypeError):
        _diag(severity="error")


def test_parsed_ok_only_without_errors() -> None:
    warn = _diag(severity=Severity.WARNING)
    assert Parsed(1, [warn]).ok
    assert Parsed(1, [warn]).errors == ()
    assert not Parsed(1, [warn, _diag()]).ok
    assert Parsed(1, [warn, _diag()]).errors == (_diag(),)


def test_parsed_stores_a_tuple_and_checks_members() -> None:
    assert Parsed("x", [_diag()]).diagnostics == (_diag(),)
    with pytest.raises(TypeError, match=r"Parsed\.diagnostics\[1\] must be a Diagnostic"):
        Parsed("x", [_diag(), "oops"])  # type: ignore[list-item]


def test_parse_error_lists_every_diagnostic() -> None:
    err = ParseError([_diag(), _diag(line=20, source="")])
    assert isinstance(err, PodnotesError)
    assert isinstance(err, ValueError)
    assert str(err) == (
        "2 problems in the input:\n"
        'line 14, column 1: expected a time such as "1:02:03", found "1:2x"\n'
        "   14 | 1:2x Intro\n"
        "      | ^^^^\n"
        "\n"
        'line 20, column 1: expected a time such as "1:02:03", found "1:2x"'
    )
    assert str(ParseError([])) == "0 problems in the input"


def test_errors_and_results_pickle_and_copy() -> None:
    err = ParseError([_diag()])
    back = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own data
    assert type(back) is ParseError
    assert back.diagnostics == err.diagnostics
    assert str(back) == str(err)
    result = Parsed(3, [_diag()])
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 - our own data
    assert copy.deepcopy(result) == result

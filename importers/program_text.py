"""Whether a text file is a program or a configuration file rather than a page.

A folder a user imports may hold a script, a style sheet or a settings file beside the pages
saved from a site. Their docstrings and comments read like prose, so the release shape alone
lets some through as releases; their lines do not read like prose at all.
"""

from __future__ import annotations

import re

# Only the top of the file is read: a program shows its shape in its first lines.
WINDOW = 4000
MIN_CODE_LINES = 3
MIN_CODE_SHARE = 0.15

# A line of code. Case-sensitive, and keywords only in a shape prose never has: a wrapped line
# of a release may well start with "return home" or "import papers", never "return f(".
_CODE_SHAPES = (
    r"(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(",  # Python function
    r"class[ \t]+\w+[ \t]*[(:]",  # Python class
    r"from[ \t]+[\w.]+[ \t]+import[ \t]",  # Python import
    r"import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+)*[ \t]*$",  # the whole line
    r"@[A-Za-z_][\w.]*[ \t]*(?:\(|$)",  # decorator
    r"(?:return|raise)[ \t]+[\w.]*[(\[]|(?:return|raise|pass|continue|break)[ \t]*$",
    r"elif\b|(?:else|try|finally|except\b.*):[ \t]*$",
    r"if[ \t]+__name__",
    r"#!/",
    r"(?:function|const|let|var)[ \t]+[\w$]+[ \t]*[=(:]",  # JavaScript
    r"[A-Za-z_][\w.\[\]'\"-]*[ \t]*[-+*/|]?=[ \t]*\S",  # assignment, key = value
    r"[}\])]+[;,]?[ \t]*$",  # closing brackets alone
    r"\[[\w.\-\"' ]+\][ \t]*$",  # an INI or TOML section
)
# A statement or block opener ("foo();", "a {"); French " ;" is prose. Slow on long lines (it
# backtracks from the line's end), so only tried on lines holding a "{" or a ";".
_STATEMENT_END = r".*\S[{;][ \t]*$"
_CODE_LINE_NO_STATEMENT = re.compile(r"[ \t]*(?:" + "|".join(_CODE_SHAPES) + ")")
# The same, at the start of every line of a text at once (no shape reaches past its line's end:
# one match a line at most).
_CODE_LINE_STARTS = re.compile(r"^[ \t]*(?:" + "|".join(_CODE_SHAPES) + ")", re.MULTILINE)
_STATEMENT_LINE = re.compile(r"[ \t]*" + _STATEMENT_END)
# The whole of every line holding a "{" or a ";" (the only lines a statement end can match).
_BRACED_LINE = re.compile(r"^[^\n{;]*[{;][^\n]*", re.MULTILINE)


def is_program_text(text: str) -> bool:
    """True when at least ``MIN_CODE_SHARE`` of the first non-blank lines (and at least
    ``MIN_CODE_LINES``) are lines of code: Python, JavaScript, CSS, INI or TOML."""
    window = text[:WINDOW]
    code_lines = _code_line_count(window)
    if code_lines < MIN_CODE_LINES:
        return False
    lines = sum(1 for line in window.splitlines() if line.strip())
    return code_lines >= MIN_CODE_SHARE * lines


def _code_line_count(text: str) -> int:
    """How many of the text's lines (split at line feeds) read as lines of code: each regex
    runs once over the text, not once a line (a statement end only on lines with "{" or ";")."""
    count = len(_CODE_LINE_STARTS.findall(text))
    if "{" in text or ";" in text:
        count += sum(
            1
            for line in _BRACED_LINE.findall(text)
            if _CODE_LINE_NO_STATEMENT.match(line) is None and _STATEMENT_LINE.match(line)
        )
    return count

"""Splits one paragraph into sentences: rule-based, one linear pass of regular expressions.

`split(text, start, end)` returns `(start, end, defects)` for each sentence of `text[start:end]`,
offsets into `text`, whitespace stripped. Boundaries come from four rules:

* terminal punctuation (`.`, `!`, `?`, ellipses) with any closing quotes or brackets, followed by
  whitespace, when the next word starts a sentence. A period after an abbreviation is a boundary
  only when the next word is a common sentence opener ("U.S. How" splits, "U.S. Government" does
  not); after titles ("Dr.", "Mr.", "e.g.") never; before a number after "No.", "p.", "Fig." never;
* list items: a paragraph that starts with a marker ("1.", "1)", "1.)", "a.", "•") is cut before
  the next marker in sequence, with or without punctuation;
* a single newline inside the paragraph, when the next line starts with a bullet ("- ", "•"), or
  when the line before ends without punctuation or a dangling function word and the next line
  starts with a capital, digit or quote: such lines are title lines (captions carry one) or list
  lines. Prose hard-wrapped at a fixed width (three or more lines, all but the last of similar
  length, at least 40 characters, some line going on in lowercase; or two lines, the first longer
  than a title runs) is not cut there, only before bullets after a line that ends a sentence or a
  colon (its lines may start with a spaced dash that goes on the clause), since its line ends fall
  anywhere ("reports claimed Mr" / "Blair said");
* glued sentences, flagged `glued_sentence` on the second one: a lowercase letter (or a lowercase
  word and its final period) run into a capitalised common opener ("talks UkraineThe government",
  "talks.The"). Only openers that do not end camel-case names are used (no "In", "On", "A"), so
  McDonald, iPhone, YouTube, LinkedIn are never cut.

The text is never rewritten: defects are reported, not repaired.
"""
from __future__ import annotations

import re
from bisect import bisect_right

# Titles written before a name: never a sentence end ("Dr. Olexander Scherba").
_TITLES = frozenset("""
Mr Mrs Ms Mx Dr Prof Gen Sen Rep Gov Lt Col Capt Sgt Cpl Pvt Maj Adm Cmdr Cdr Brig Rev Hon Pres
Supt Insp Det Fr Mt Ft Messrs Mme Mlle Atty Amb Cllr Rt Gens Sens Reps Govs Drs Profs
""".split())
# Lowercase abbreviations that always continue the sentence ("e.g. The Times", "Roe v. Wade").
_NEVER_FINAL = frozenset("e.g i.e cf vs viz al".split())
# Abbreviations that take a number after them ("No. 10", "p. 55", "N°. 1026").
_NUMBER_PREFIX = frozenset("no nos nr n° art arts fig figs p pp vol vols ch sec para op tel ext approx".split())
# Abbreviations that may end a sentence: a boundary only before a sentence opener.
_GENERAL = frozenset("""
co corp inc ltd plc llc bros jr sr st ave rd blvd dept govt est intl natl assn univ mfg
""".split())
# Month abbreviations go on before a day ("Jan. 5"); otherwise they are words ("Ant and Dec. Natalie").
# Day abbreviations are left out: "Sun." and "Sat." are more often a newspaper and a verb.
_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# Abbreviations that nearly always end what they close ("apples, pears etc. The").
_FINAL = frozenset("etc".split())
_TIMES = frozenset("a.m p.m".split())
_NOT_AFTER_TIME = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December GMT BST UTC EST EDT CST CDT PST PDT ET PT CET CEST
""".split())

# Words that commonly open a sentence, used to decide after abbreviations.
_OPENERS = frozenset("""
I A An The This That These Those There Then Thus He She It We You They His Her Its Our Their My Your
But And Or So Yet Nor However Meanwhile Also Still Now Later Earlier Instead Indeed Therefore
Moreover Furthermore Nevertheless Although Though While When Whenever Where Why How What Who Whom
Whose Which If As After Before Since Because Until Unless In On At For From By With Without Under Over
During Despite Among According Last Next Today Yesterday Tomorrow Tonight Not Only Even Such Both
Neither Either Some Many Most Much More All Each Every Any No None One Several Few Other Another
Is Are Was Were Be Been Do Does Did Can Could Will Would Should Shall Has Have Had May Might Must
Let Please Yes Here
""".split())
# Openers safe to detect when glued to the end of the previous word: none of them ends common
# camel-case names (LinkedIn, AddOn, PlayStation ...).
_GLUE_OPENERS = frozenset("""
The This These Those They There Their He She We It His Her Its But However Meanwhile After
Although While When
""".split())
_GLUE_NEEDS_LOWER_NEXT = frozenset("He She We It His Her Its".split())
_GLUE_COMMA = frozenset("However Meanwhile".split())
# A sentence does not go on "The and", "This of": such a next word means a name ("NowThis and").
_NOT_AFTER_GLUE = frozenset("and or nor but of to for with by from at in on as".split())

_OPEN = "\"'“‘«([{"
_CLOSE = "\"'”’»)]}"
_BULLETS = "•⁃◦▪‣●■–—-*"

# Terminal punctuation: a run of .!?… with spaced ellipsis dots (". . ."), closers, then space or end.
_TERM = re.compile(r"(?<!\[)(?P<p>[.!?…‽](?:[.!?…‽]| \.(?= |\.|[" + re.escape(_CLOSE) + r"]|$))*)"
                   r"(?P<c>[" + re.escape(_CLOSE) + r"]*)(?P<s>\s+|$)")
_ELLIPSIS_IN_BRACKETS = re.compile(r"\[\s*(?:\.\s*){3,}\]|\[…\]")
_ABBREVIATION_SHAPE = re.compile(r"[A-Za-z]{1,2}(?:\.[A-Za-z]{1,2})+")
_LIST_MARKER = re.compile(r"[" + re.escape(_BULLETS) + r"]?\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})\.?\)?")
_LIST_START = re.compile(r"(?:(?P<bullet>[•⁃◦▪‣●■])\s*)?(?:(?P<n>\d{1,3}|[a-z])(?P<suffix>\.\)|\)|\.)\s)?")
_NEXT_WORD = re.compile(r"[" + re.escape(_OPEN) + r"]*(?P<w>[^\W\d_][\w'’.\-]*|\d|\S)")
_GLUE = re.compile(r"(?<=[a-z])(?P<stop>[.!?][\"”’]?)?(?P<w>[A-Z][a-z]*)(?=(?P<sep>,?[ \t])(?P<next>[\w'’]*))")
_FUNCTION_END = re.compile(r"(?:^|\s)(?:the|a|an|of|to|and|or|but|in|on|at|for|with|by|from|as|that|"
                           r"which|who|its|their|his|her|our|is|are|was|were|be|has|have|had)$", re.I)
_ALNUM = re.compile(r"[^\W_]")
_LINE_BULLET = re.compile(r"[•⁃◦▪‣●■]|[-–—*]\s")
_PRONOUN_I = re.compile(r"I(?:['’][a-z]+)?")

Cut = tuple[int, int, tuple[str, ...]]  # end of the sentence before, start of the next, defects of the next


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, defects) of each sentence in text[start:end], offsets into `text`."""
    end = len(text) if end is None else end
    fixed = sorted(_list_cuts(text, start, end) + _newline_cuts(text, start, end)
                   + _glue_cuts(text, start, end))
    cuts = fixed + _punctuation_cuts(text, start, end, fixed)
    cuts.sort()
    out, pos, defects = [], start, ()
    for cut_end, cut_start, cut_defects in cuts + [(end, end, ())]:
        if cut_end < pos:  # two rules found the same boundary
            continue
        _append(out, text, pos, cut_end, defects)
        pos, defects = cut_start, cut_defects
    return out


def _append(out: list, text: str, s: int, e: int, defects: tuple[str, ...]) -> None:
    chunk = text[s:e]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append((s + lead, s + lead + len(stripped), defects))


def _punctuation_cuts(text: str, start: int, end: int, fixed: list[Cut]) -> list[Cut]:
    fixed_starts = [c[1] for c in fixed]
    skip = [(m.start(), m.end()) for m in _ELLIPSIS_IN_BRACKETS.finditer(text, start, end)]
    cuts: list[Cut] = []
    sentence_start = start
    for m in _TERM.finditer(text, start, end):
        p0 = m.start()
        if skip and any(a <= p0 < b for a, b in skip):
            continue
        i = bisect_right(fixed_starts, p0)
        if i and fixed_starts[i - 1] > sentence_start:
            sentence_start = fixed_starts[i - 1]
        so_far = text[sentence_start:p0]
        if not _ALNUM.search(so_far) or _LIST_MARKER.fullmatch(so_far.strip()):
            continue
        nxt = m.end()
        if nxt >= end:
            continue
        cut = _decide(text, m, so_far, nxt, end)
        if cut is not None:
            cuts.append((cut, nxt if cut == m.end("c") else _skip_space(text, cut, end), ()))
            sentence_start = cuts[-1][1]
    return cuts


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _decide(text: str, m: re.Match, so_far: str, nxt: int, end: int) -> int | None:
    """Where the sentence ends for this terminal punctuation, or None when it goes on."""
    punct = m.group("p")
    first = text[nxt]
    if first.islower():
        return None
    word_m = _NEXT_WORD.match(text, nxt, end)
    next_word = (word_m.group("w") if word_m else first).rstrip(".")
    opened = word_m is not None and word_m.start("w") > nxt  # next sentence opens with a quote/bracket
    if not (next_word[:1].isupper() or next_word[:1].isdigit() or next_word[:1] in "$£€¥•⁃"):
        return None
    close = m.end("c")
    core = punct.replace(" ", "")
    if core.count(".") + core.count("…") * 3 >= 3 or "…" in core:
        return _decide_ellipsis(text, m, punct, next_word, close)
    if core != ".":
        return close  # ! ? and their runs
    word = _word_before(text, m.start()).lstrip(_OPEN)
    lower = word.lower()
    if word in _TITLES or lower in _NEVER_FINAL:
        return None
    if (lower in _NUMBER_PREFIX or word in _MONTHS) and next_word[:1].isdigit():
        return None
    if len(word) == 1 and word.islower():
        return None
    if lower in _TIMES:
        if next_word in _OPENERS:
            return close
        if next_word in _NOT_AFTER_TIME or len(so_far.split()) <= 4:
            return None
        return close
    if lower in _FINAL:
        return close
    if (lower in _GENERAL or (len(word) == 1 and word.isupper())
            or _ABBREVIATION_SHAPE.fullmatch(word)):
        return close if next_word in _OPENERS or opened else None
    return close


def _decide_ellipsis(text: str, m: re.Match, punct: str, next_word: str, close: int) -> int | None:
    if not next_word[:1].isupper() and not next_word[:1].isdigit():
        return close
    attached = m.start() > 0 and not text[m.start() - 1].isspace()
    if attached and punct.startswith(". ."):
        # "compounds. . . . The": the period ends the sentence, the ellipsis opens the next one.
        return m.start() + 1
    dots = punct.count(".") + 3 * punct.count("…")
    if dots >= 4:
        return close
    # "the thing is . . . I didn’t mean it": the pronoun I after an ellipsis usually goes on.
    return None if _PRONOUN_I.fullmatch(next_word) else close


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and not text[j - 1].isspace() and i - j < 60:
        j -= 1
    return text[j:i]


def _list_cuts(text: str, start: int, end: int) -> list[Cut]:
    """Cuts before each later item of a list that starts the paragraph."""
    m = _LIST_START.match(text, start, end)
    if not m or not (m.group("bullet") or m.group("n")):
        return []
    cuts = []
    if m.group("bullet"):
        b = m.group("bullet")
        i = text.find(b, m.end(), end)
        while i != -1:
            if text[i - 1].isspace():
                cuts.append((i, i, ()))
            i = text.find(b, i + 1, end)
        return cuts
    n, suffix = m.group("n"), m.group("suffix")
    pos = m.end()
    while True:
        n = str(int(n) + 1) if n.isdigit() else chr(ord(n) + 1)
        item = re.compile(r"(?<=\s)" + re.escape(n + suffix) + r"(?=\s)")
        found = item.search(text, pos, end)
        if not found:
            return cuts
        cuts.append((found.start(), found.start(), ()))
        pos = found.end()


def _hard_wrapped(text: str, start: int, end: int) -> bool:
    """Prose wrapped at a fixed width. 3+ lines: all but the last 40+ characters and at least 60% of
    the longest, and some line continuing in lowercase (title and link lines start with capitals);
    2 lines: a first of 10+ words and 60+ characters (longer than titles run) over a shorter second."""
    lines = [line.rstrip() for line in text[start:end].split("\n")]
    lengths = [len(line) for line in lines[:-1]]
    if len(lines) == 2:
        return lengths[0] >= 60 and len(lines[0].split()) >= 10 and len(lines[1]) <= lengths[0]
    if len(lengths) < 2 or min(lengths) < 40 or min(lengths) < 0.6 * max(lengths):
        return False
    return any(line.lstrip()[:1].islower() for line in lines[1:])


def _newline_cuts(text: str, start: int, end: int) -> list[Cut]:
    """Cuts at single newlines after title-like lines (see the module docstring)."""
    cuts = []
    wrapped = _hard_wrapped(text, start, end)
    i = text.find("\n", start, end)
    while i != -1:
        line_start = text.rfind("\n", start, i) + 1 or start
        line = text[line_start:i].rstrip()
        nxt = _skip_space(text, i, end)
        # In wrapped prose a line may start with a spaced dash that goes on the clause: a bullet only after an end.
        bullet = _LINE_BULLET.match(text, nxt, end) and (not wrapped or line[-1] in ".!?:;…\"”’)")
        if nxt < end and line and (bullet or not wrapped and _title_like_end(line) and (
                text[nxt].isupper() or text[nxt].isdigit() or text[nxt] in _OPEN)):
            cuts.append((i, nxt, ()))
        i = text.find("\n", i + 1, end)
    return cuts


def _title_like_end(line: str) -> bool:
    last = line[-1]
    if last in ".!?…":  # terminal punctuation is decided by the punctuation rule
        return False
    return (last.isalnum() or last in _CLOSE) and not _FUNCTION_END.search(line)


def _glue_cuts(text: str, start: int, end: int) -> list[Cut]:
    """Cuts where a sentence was run into the previous word (flagged, see the module docstring)."""
    cuts = []
    for m in _GLUE.finditer(text, start, end):
        w = m.group("w")
        if w not in _GLUE_OPENERS:
            continue
        nxt = m.group("next")
        if (not nxt or m.end("next") > end or nxt in _NOT_AFTER_GLUE
                or "," in m.group("sep") and w not in _GLUE_COMMA
                or w in _GLUE_NEEDS_LOWER_NEXT and not nxt.islower()):
            continue
        stop = m.group("stop")
        word = _word_before(text, m.start())
        if stop:
            # "talks.The" but not "www.TheGuardian.com" or "Node.js"; the run-in word is plain lowercase.
            if not word.isalpha() or not word.islower() or len(word) < 2:
                continue
        elif len(word) < 3 or not word[1:].islower() or not word.isalpha():
            continue  # "UkraineThe" but not "McDonaldThe"-like mixed words
        cuts.append((m.start("w"), m.start("w"), ("glued_sentence",)))
    return cuts

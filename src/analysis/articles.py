"""Reads article files into `Article` objects and makes the `articles` and `paragraphs` tables.

Formats: .txt, .md, .html/.htm (main text by trafilatura), .json (one object or a list) and
.jsonl (one object per line). The text is kept exactly as decoded: every offset in every table
points into `Article.text`.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .schema import Column, conform, declare

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
JSON_FIELDS = ("id", "title", "text", "url", "published", "outlet")
PARAGRAPH_KINDS = ("headline", "subheading", "body", "caption", "credit", "related_link", "boilerplate")


class ArticleError(Exception):
    """A file that cannot be read as articles; the message names the file and the problem."""


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True)
class Article:
    article_id: str
    text: str
    path: str = ""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    metadata: dict = field(default_factory=dict)
    paragraphs: tuple[Paragraph, ...] = ()
    encoding: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def paragraphs_of(self, kinds: Iterable[str] = ("body",)) -> list[Paragraph]:
        kinds = set(kinds)
        return [p for p in self.paragraphs if p.kind in kinds]


@dataclass(frozen=True)
class Failure:
    """A file (or a record of it) that could not be read."""
    article_id: str
    path: str
    error: str


# --- decoding ---------------------------------------------------------------------------------

def decode(data: bytes, path: str | Path = "") -> str:
    """Bytes as text: UTF-8 (BOM stripped), UTF-16 with BOM, else cp1252; a clear error otherwise."""
    return decode_with_encoding(data, path)[0]


def decode_with_encoding(data: bytes, path: str | Path = "") -> tuple[str, str]:
    """(text, encoding name) of the bytes; see `decode`."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{path}: has a UTF-8 byte-order mark but is not valid UTF-8 "
                               f"(byte 0x{data[3 + exc.start]:02x} at offset {3 + exc.start:,})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{path}: has a UTF-16 byte-order mark but is not valid UTF-16 "
                               f"(offset {exc.start:,})") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            bad = data[utf8_error.start]
            raise ArticleError(f"{path}: cannot decode as UTF-8, UTF-16 or cp1252 "
                               f"(byte 0x{bad:02x} at offset {utf8_error.start:,})") from None
        if "\x00" in text:
            raise ArticleError(f"{path}: looks binary (NUL bytes), not a text article")
        return text, "cp1252"


# --- paragraphs -------------------------------------------------------------------------------

_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
# Fewer words than this in the main text of an HTML page: no article was found, only page furniture.
MIN_HTML_WORDS = 15

_BOILERPLATE = re.compile(
    r"^\(?(leave a (reply|comment)|your email address will not be published|required fields are marked"
    r"|post comment|comments?$|sign up\b|subscribe\b|newsletter|get our .*newsletter|share this"
    r"|click here|advertisement$|follow (?:us|@\w)|all rights reserved"
    r"|watch (?:the )?(?:full )?(?:video|ad|clip|interview|speech|segment)s?\b.{0,60}?\b(?:above|below)[.:]?$"
    r"|(?:follow\s+[\w@.'’\- ]{1,40}?|share)\s+on\s+(?:twitter|x|facebook|instagram|tiktok|youtube|linkedin"
    r"|threads|bluesky|whatsapp)\b"
    # a copyright notice names a year or an owner, in a short line; "Copyright law ..." and
    # "Copyright Office officials said ..." open body sentences, and "(c)" opens the third item of
    # a list unless a year follows
    r"|(copyright|©)\s*(?:©\s*)?(?::\s*)?(?:\d{4}|(?-i:[A-Z])[^\n]{0,50}$|$)|\(c\)(?=.*\b(?:19|20)\d\d\b)"
    r"|cookies?\b.*\b(accept|policy)|skip to (main )?content"
    r"|we use cookies|this (article|story) was (originally )?published)",
    re.I)
# A line that only says when an entry was posted, as live blogs and interview pages print them
# above each entry: "14:32 GMT", "Updated 09:15 BST", "Posted at 10:05", "2 hours ago", "Friday 27
# November 2026 14:32 GMT". Page furniture, not content: its numbers are no figures and its words
# no sentences of the story (BBC pages glue the time twice, "Posted at 10:0510:05").
_CLOCK = (r"(?:\d{1,2}[:.]\d{2}(?:\d{1,2}[:.]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?|\d{1,2}\s*[ap]\.?\s?m\b\.?)"
          r"(?:\s*\(?(?:GMT|BST|UTC|CET|CEST|EET|EEST|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT|EST|EDT|CST|CDT|MST|MDT"
          r"|PST|PDT|ET|CT|MT|PT|local(?:\s+time)?)\b(?:\s*[+-]\s*\d{1,2})?\)?)?")
_ZONED_CLOCK = r"\d{4}\s*(?:GMT|BST|UTC|CET|EST|EDT|PST|PDT|ET|hrs|local\s+time)\b"
_STAMP_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?"
_STAMP_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_STAMP_MONTH}(?:,?\s+\d{{4}})?"
               rf"|{_STAMP_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
               r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
               r"|\d{1,2}/\d{1,2}/\d{2,4})")
_AGO = (r"(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?"
        r"|years?)\s+ago|just\s+now")
_STAMP = rf"(?:{_WEEKDAY},?\s+)?(?:{_CLOCK}|{_ZONED_CLOCK}|{_STAMP_DATE}|{_AGO})"
_TIMESTAMP = re.compile(
    r"^(?:(?:last\s+|first\s+)?(?:updated|posted|published|modified|edited)(?:\s+(?:at|on))?\s*[:\-–]?\s*)?"
    rf"(?:{_STAMP})(?:\s*(?:[,|/•·\-–—]|\bat\b|\bon\b)?\s*(?:{_STAMP}|{_WEEKDAY}))*\s*[.:]?$", re.I)


# Notes about the story rather than the story: corrections and updates ("Correction: An earlier
# version ...", "CORRECTION APPENDED.", "This article has been updated to ..."), and the furniture of
# transcripts and archive exports ("(BEGIN VIDEO CLIP)", "ABSTRACT.", "FULL TEXT.", a line of
# markup only such as an embedded tweet's placeholder). None of it is the article's prose. A
# "Clarification:" note is left body: it restates the story's claims (annotated corpora mark them).
_EDITORIAL_NOTE = re.compile(
    r"^(?:(?i:corrections?(?:\s+appended\.?$|\b[^:.\n]{0,30}:))"
    # "this story ... has been updated"; after "the", only the bare noun ("The article of the treaty
    # was amended" is about a law)
    r"|(?i:(?:this\s+(?:article|story|post|piece|blog\s+post)(?:\s+\w+){0,3}?|the\s+(?:article|story|post))"
    r"\s+(?:has|had|was|is)\s+(?:been\s+)?(?:updated|corrected|amended|revised)\b"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:article|story|post|piece)\b)"
    r"|\(\s*(?:BEGIN|END)\s+(?:VIDEO|AUDIO)(?:\s+(?:CLIP|TAPE|FOOTAGE|SEGMENT))?\s*\.?\s*\)\.?$"
    r"|(?:ABSTRACT|FULL\s+TEXT)\s*[.:]?$"
    r"|(?:<[^<>\n]+>\s*)+[.;]?$)")
# Corrections can run long, yet a body paragraph never starts like one: a wider limit than for furniture.
MAX_NOTE_WORDS = 150
# An invitation to a newsletter inside a short line ("For more, sign up for our ... newsletter").
_SIGN_UP = re.compile(r"\bsign up (?:for|to)\b.{0,40}\bnewsletter", re.I)
# A label that introduces links to other stories. With a headline after it ("Read more: Why ...")
# the line is a related link; alone ("More on this story", "RELATED:") it is page furniture.
_RELATED = r"related(?:\s+(?:stories|story|articles?|content|coverage|reading|links?|topics|news))?"
_MORE_ON_THIS = r"see\s+also|also\s+read|more\s+on\s+this(?:\s+(?:story|topic))?"
_LINK_LABEL = re.compile(
    rf"^(?:(?i:{_RELATED}|read\s+(?:more|also|next)|{_MORE_ON_THIS}"
    r"|recommended(?:\s+(?:reading|stories))?|watch)|MORE)\s*:\s*(?P<headline>\S[\s\S]*)?$")
_LINK_LIST_LABEL = re.compile(
    rf"^(?:{_RELATED}|read\s+more(?:\s+(?:here|below|about\s+this(?:\s+story)?))?|{_MORE_ON_THIS}"
    r"|more\s+(?:stories|news)(?:\s+from\s+\S.{0,40})?"
    r"|most\s+(?:read|popular|viewed|shared|watched|commented)|top\s+stories"
    r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|reading|stories))?)\s*[:.]?$", re.I)
_CREDIT = re.compile(
    r"^(?:(?i:photo|image|picture|credit|source|video)s?\s*(?i:by|:)\s*)?"
    r"[A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*){0,3}\s*(?:/\s*[A-Z][\w&.'\-]*(?:\s[A-Z][\w&.'\-]*)*\s*){1,3}$")
_CREDIT_WORDS = re.compile(r"\b(getty|reuters|ap photo|afp|associated press|epa|shutterstock|"
                           r"anadolu|pool|via|photo|image|credit)\b", re.I)
_CAPTION_CUES = re.compile(
    r"\((?:C|L|R|2nd [LR]|center|left|right|top|bottom)\)|\b(?:poses?|is pictured|are pictured|"
    r"pictured|seen|delivers a speech|speaks during|gestures|arrives?|attends?)\b", re.I)
# Picture agencies and wires as they are credited under pictures. Acronyms are matched in capitals
# only, so that "ap" or "pa" inside ordinary words never count.
_AGENCY = (r"(?:Getty|GETTY|Reuters|REUTERS|AFP|AP|Associated\s+Press|EPA|EFE|PA|Press\s+Association"
           r"|Shutterstock|SHUTTERSTOCK|Alamy|Anadolu|Xinhua|iStock(?:photo)?|NurPhoto|SOPA\s+Images"
           r"|LightRocket|ZUMA|WireImage|Sputnik|TASS|UPI|AAP|Yonhap|Kyodo|KCNA|dpa|DPA|ANSA|Corbis)")
# A run of capitalised names joined by slashes or "via" ("Chip Somodevilla/Getty Images",
# "AFP via Getty Images"): the shape of a credit, which a described scene or a sentence never has.
_NAME = r"(?:[A-Z][\w.'’&\-]*|i[A-Z][\w\-]*)"
_NAMES = rf"{_NAME}(?:(?:\s*/\s*|\s+(?:(?:via|for|and|of|de|van|von)\s+|&\s+)?){_NAME}){{0,7}}"
_CREDIT_LABEL = (r"(?i:(?:(?:photo(?:graph)?|picture|image|video)s?(?:\s+(?:credit|source|copyright))?"
                 r"|credits?|source|courtesy(?:\s+of)?)\s*(?::|,|\bby\b)"
                 r"|(?:photo(?:graph)?|picture|image|video)s?\s+(?:credit|source|copyright)|courtesy(?:\s+of)?)")
_LABELLED_CREDIT = re.compile(rf"^\(?{_CREDIT_LABEL}\s*{_NAMES}\s*\)?\.?$")
_AGENCY_CREDIT = re.compile(rf"^\(?{_NAMES}\)?\.?$")
_HAS_AGENCY = re.compile(rf"(?<![\w-]){_AGENCY}(?!\w)")
# A described scene followed by its credit: "... on Thursday. (AP Photo/Lewis Joly)". A wire's name
# alone is no such credit: wire copy ends body paragraphs with "(Reuters)" or "(AFP)".
_PICTURE_AGENCY = (r"(?:Getty\s+Images|GETTY\s+IMAGES|Shutterstock|SHUTTERSTOCK|Alamy|iStock(?:photo)?"
                   r"|AP\s+Photo|WireImage|NurPhoto|Corbis)")
_CREDIT_TAIL = re.compile(
    rf"(?:[.!?]\s+\(?|\s\(|\s[-–—]\s)(?:(?i:(?:photo(?:graph)?|picture|image|credit)s?)\s*(?::|\bby\b)\s*{_NAMES}"
    rf"|(?:{_NAMES}\s*/\s*)?{_AGENCY}\b[\w\- ]{{0,12}}/\s*{_NAMES}|{_NAMES}\s*/\s*{_AGENCY}\b[\w\- ]{{0,12}}"
    rf"|(?:{_NAMES}\s+via\s+)?{_PICTURE_AGENCY})\s*\)?\.?$")
# A caption announced by its label: "Photo: ...", "Image caption, ...", "Pictured: ...".
_CAPTION_LABEL = re.compile(
    r"^(?i:(?:(?:image|media|photo|picture|video)\s+)?caption\s*[:,]"
    r"|(?:photo(?:graph)?s?|pictures?|pictured(?:\s+(?:above|below|left|right))?|images?)\s*:)\s*\S")
# Who reported, wrote and edited the story, as wires sign off: "(Reporting by X in Kyiv; Editing by
# Y)". In brackets any sign-off counts; bare, only a run of names may follow "by", so that a sentence
# ("Reporting by the Times showed ...") stays body.
_STAFF_ROLE = (r"(?i:(?:additional\s+|further\s+)?(?:reporting|writing|editing|research|compiled|graphics?"
               r"|production|fact[- ]checking|translation|translated|written|edited|reported)\s+by)")
_NAME_RUN = r"(?:[A-Z][\w.'’\-]*|[a-z]{1,3}-[A-Z][\w\-]*|and|in|at|from|for|de|da|van|von|bin|al|el)"
_NAME_LIST = rf"{_NAME_RUN}(?:,?\s+{_NAME_RUN})*"
_SIGN_OFF = re.compile(
    rf"^(?:[-–—]+\s*)?(?:\(\s*{_STAFF_ROLE}\s+[^()\n]+\)\.?"
    rf"|{_STAFF_ROLE}\s+{_NAME_LIST}(?:\s*;\s*{_STAFF_ROLE}\s+{_NAME_LIST})*\.?)$")
# A contributor line at the foot of a story: "Associated Press writer X in Y contributed to this
# report.", "X and Y contributed reporting.", optionally after "Lerer reported from Los Angeles."
_CONTRIBUTED = re.compile(
    rf"^(?:{_NAMES}\s+reported\s+from\s+{_NAMES}\.\s+)?"
    rf"(?:(?:The\s+)?{_NAMES}\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|photographers?)\s+)?"
    rf"{_NAMES}(?:,\s*{_NAMES})*(?:,?\s+and\s+{_NAMES})?(?:\s+(?:in|from)\s+{_NAMES}(?:,\s*{_NAMES})*,?)?"
    r"\s+contributed(?:\s+(?:additional\s+)?reporting)?(?:\s+to\s+this\s+(?:report|story|article))?"
    rf"(?:\s+from\s+{_NAMES})?\.?$")
# A byline: "By Paul Adams, BBC News, Gaziantep", "By JANE DOE Associated Press". Only names may
# follow, so "By Wednesday afternoon, the ..." and "By 2015, ..." stay body.
_BYLINE = re.compile(rf"^(?i:by)\s+{_NAMES}(?:\s*(?:,|\band\b)\s*{_NAMES}){{0,4}}\.?$")
_DATELINE_END = re.compile(r",\s*(?:\w+\s)?\d{1,2},\s*\d{4}\.?$|,\s*\d{4}\.?$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line-separated block, without surrounding whitespace.

    A text with no blank line at all but three or more lines, none of which goes on in lowercase
    from the line before, puts one paragraph on each line (feeds and exports often do): each line
    is a block. Prose wrapped at a fixed width has lines going on in lowercase and stays whole.
    """
    blank = _BLANK
    if not _BLANK.search(text) and text.strip().count("\n") >= 2:
        lines = text.strip().split("\n")
        if not any(line.lstrip()[:1].islower() for line in lines[1:]):
            blank = _LINE_BREAK
    spans, pos = [], 0
    for match in blank.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        block = text[start:end]
        stripped = block.strip()
        if not stripped:
            continue
        lead = len(block) - len(block.lstrip())
        s = start + lead
        head = _timestamp_head(stripped)
        if head:
            # a live blog's entry printed under its time: the time line is a block of its own
            out.append((s, s + head[0]))
            s += head[1]
            stripped = stripped[head[1]:]
        out.append((s, s + len(stripped)))
    return out


def _timestamp_head(block: str) -> tuple[int, int] | None:
    """(end of the line, start of the rest) when a block's first line is a timestamp (`_TIMESTAMP`)
    and more lines follow, else None."""
    cut = block.find("\n")
    if cut < 0 or cut > 80:
        return None
    line = block[:cut].rstrip()
    if not _TIMESTAMP.match(plain_view(line).strip()):
        return None
    rest = block[cut:]
    return len(line), cut + len(rest) - len(rest.lstrip())


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’\-]+", text)


_DANGLING = re.compile(r"\b(?:and|or|but|the|a|an|of|to|in|on|for|with|by|at|from|that|as)$", re.I)
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]?|[ivx]{1,4}[.)]|[•*-])\s")
_OPENING_QUOTE = re.compile(r"^[\"'“‘«]")


def _is_title_like(text: str) -> bool:
    """A short line without final punctuation, as headlines of other stories are."""
    words = _words(text)
    return (3 <= len(words) <= 25 and "\n" not in text and not _SENTENCE_END.search(text)
            and not _DANGLING.search(text) and not _OPENING_QUOTE.match(text))


def _is_subheading(text: str) -> bool:
    """A section title inside the article: numbered, a "Label: ..." line, or a few words."""
    words = _words(text)
    return ("\n" not in text and 1 <= len(words) <= 25 and not _SENTENCE_END.search(text)
            and not _DANGLING.search(text) and not _OPENING_QUOTE.match(text)
            and (bool(_LIST_MARK.match(text)) or len(words) <= 5
                 or bool(re.match(r"^[^:]{2,30}:\s", text)) or text.endswith(":")))  # "The job: ..."


def _is_credit(text: str, n_words: int, first: bool) -> bool:
    """A picture credit: a labelled name ("Photo: Jane Doe"), a slash credit, or an agency's name alone."""
    if n_words > 8 or "\n" in text:
        return False
    if _CREDIT.match(text) and ("/" in text or _CREDIT_WORDS.search(text)) or _LABELLED_CREDIT.match(text):
        return True
    # A bare name line counts only when it names an agency; never the first line, which may be a
    # title-case headline ("Getty Images Sold To ...").
    return not first and bool(_AGENCY_CREDIT.match(text)) and bool(_HAS_AGENCY.search(text))


def _is_staff_credit(text: str, n_words: int, first: bool) -> bool:
    """A credit to the story's staff: a wire sign-off, a "contributed" line, or a byline (never first)."""
    if n_words > 60 or "\n" in text:
        return False
    return bool(_SIGN_OFF.match(text) or n_words <= 30 and _CONTRIBUTED.match(text)
                or not first and n_words <= 14 and _BYLINE.match(text))


def _is_caption(text: str, lines: list[str], n_words: int) -> bool:
    """A picture caption: labelled, a described scene ending in its credit, or cue plus dateline/title."""
    if n_words > 80:
        return False
    if len(lines) == 1 and _CAPTION_LABEL.match(text):
        return True
    # A picture's caption and credit lines kept together in one block ("Image source, Reuters" then
    # "Image caption, ..."); a labelled line run together with body lines leaves the block body.
    if len(lines) > 1 and any(_CAPTION_LABEL.match(line) for line in lines) and all(
            _CAPTION_LABEL.match(line) or _is_credit(line, len(_words(line)), first=False) for line in lines):
        return True
    # Credits are short: looking at the end of the text only keeps long paragraphs cheap.
    tail = _CREDIT_TAIL.search(text, max(0, len(text) - 120))
    if tail and len(_words(text[:tail.start()])) >= 3 and (
            len(lines) == 1 or len(lines) == 2 and _is_title_like(lines[0])):
        return True
    return bool(_CAPTION_CUES.search(text) and (_DATELINE_END.search(text.strip())
                                                or len(lines) > 1 and _is_title_like(lines[0])))


# Markdown that wraps what a paragraph says: emphasis marks at word edges ("*Follow us on Twitter*",
# "_Reporting by ..._"), links and images ("[Read more: ...](url)"), a rule line ("---").
_MD_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*])")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)$")
_MD_RULE = re.compile(r"(?:[-*_]\s*){3,}$")


def plain_view(text: str) -> str:
    """The paragraph as it reads once rendered (HTML references decoded, Markdown marks removed), to
    classify it; the text and its offsets are never changed."""
    if "&" in text:
        text = html.unescape(text)
    if "*" not in text and "_" not in text and "[" not in text:
        return text
    return _MD_EMPHASIS.sub("", _MD_LINK.sub(r"\1", text))


def _markdown_kind(text: str) -> str | None:
    """The kind of a paragraph that is Markdown furniture: a picture with its description is a caption,
    a picture without one or a rule line is markup only."""
    image = _MD_IMAGE.match(text)
    if image:
        return "caption" if _words(image.group(1)) else "boilerplate"
    return "boilerplate" if _MD_RULE.match(text) else None


def classify(texts: list[str], has_title: bool = False) -> list[str]:
    """The kind of each paragraph of an article, from its text (as rendered, see `plain_view`) and position."""
    kinds = []
    first_body = None
    for i, original in enumerate(texts):
        text = plain_view(original)
        lines = text.split("\n")
        words = _words(text)
        link = _LINK_LABEL.match(text) if len(words) <= 60 else None
        markdown = _markdown_kind(original) if original[:1] in ("!", "-", "*", "_") else None
        if markdown:
            kind = markdown
        # "Watch: ..." or "Read more: ..." first is the article's own title (video pages have them)
        elif link and link["headline"] and i > 0:
            kind = "related_link"
        elif (link and not link["headline"] or _LINK_LIST_LABEL.match(text) or _BOILERPLATE.search(text) and len(words) <= 40
              or len(words) <= 15 and _SIGN_UP.search(text)
              or len(words) <= MAX_NOTE_WORDS and _EDITORIAL_NOTE.match(text)
              or len(words) <= 16 and len(lines) == 1 and _TIMESTAMP.match(text)):
            kind = "boilerplate"
        elif _is_credit(text, len(words), first=i == 0) or _is_staff_credit(text, len(words), first=i == 0):
            kind = "credit"
        elif i == 0 and not has_title and _is_title_like(text) or (i == 0 and not has_title and len(words) <= 25 and len(lines) == 1 and not text.endswith(".")):
            kind = "headline"
        elif _is_caption(text, lines, len(words)):
            kind = "caption"
        elif first_body is not None and _is_subheading(text):
            kind = "subheading"
        elif first_body is not None and _is_title_like(text):
            kind = "related_link"
        else:
            kind = "body"
        if kind == "body" and first_body is None:
            first_body = i
        kinds.append(kind)
    return kinds


def paragraphs(text: str, has_title: bool = False) -> tuple[Paragraph, ...]:
    spans = split_paragraphs(text)
    kinds = classify([text[s:e] for s, e in spans], has_title=has_title)
    return tuple(Paragraph(i, s, e, k, text[s:e]) for i, ((s, e), k) in enumerate(zip(spans, kinds)))


# --- reading ----------------------------------------------------------------------------------

def make_article(article_id: str, text: str, path: str = "", title: str | None = None,
                 outlet: str | None = None, published: str | None = None, url: str | None = None,
                 metadata: dict | None = None) -> Article:
    """An Article from text, with its paragraphs split and classified."""
    paras = paragraphs(text, has_title=False)
    if title is None:
        title = next((p.text for p in paras if p.kind == "headline"), None)
        if title is not None:
            # a Markdown heading's marker and emphasis are not part of the title
            title = plain_view(re.sub(r"^#{1,6}\s+", "", title))
    return Article(article_id=article_id, text=text, path=str(path), title=title, outlet=outlet,
                   published=published, url=url, metadata=dict(metadata or {}), paragraphs=paras)


def _from_html(raw: str, path: Path) -> dict:
    import trafilatura

    # Only a date the page declares (meta tags, time elements): trafilatura's extensive search
    # otherwise takes any year in the text ("by the end of 2026") as the publication date.
    document = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                           include_tables=False,
                                           date_extraction_params={"extensive_search": False,
                                                                   "original_date": True})
    extracted = document.as_dict() if document is not None else None
    if not extracted or not extracted.get("text"):
        raise ArticleError(f"{path}: no main text found in the HTML")
    n_words = len(_words(extracted["text"]))
    if n_words < MIN_HTML_WORDS:  # what is left of a page without an article: menus, a cookie notice
        raise ArticleError(f"{path}: no main text found in the HTML (only {n_words} words outside the page's "
                           f"navigation; an article has at least {MIN_HTML_WORDS})")
    # trafilatura separates paragraphs by single newlines; the project's paragraphs are blank-line blocks.
    text = re.sub(r"\n+", "\n\n", extracted["text"].strip())
    title = extracted.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return {"text": text, "title": title, "url": extracted.get("url"),
            "published": extracted.get("date"), "outlet": extracted.get("sitename")}


def _from_record(record: dict, path: Path, where: str) -> dict:
    if not isinstance(record, dict):
        raise ArticleError(f"{path}{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if "text" in record and not isinstance(text, str):
        raise ArticleError(f"{path}{where}: 'text' is {type(text).__name__ if text is not None else 'null'}, "
                           "expected a string of article text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{path}{where}: no 'text' field with article text")
    out = {k: record.get(k) for k in JSON_FIELDS}
    out["metadata"] = {k: v for k, v in record.items() if k not in JSON_FIELDS}
    for key in ("title", "url", "published", "outlet"):
        if out[key] is not None:
            out[key] = str(out[key])
    return out


def _build(fields: dict, article_id: str, path: Path) -> Article:
    text = fields["text"]
    title = fields.get("title")
    # A JSON title that is not in the text becomes the first paragraph, so offsets stay in the text.
    return make_article(article_id, text, path=str(path), title=title, outlet=fields.get("outlet"),
                        published=fields.get("published"), url=fields.get("url"),
                        metadata=fields.get("metadata"))


def read_file(path: str | Path, base_id: str | None = None) -> Iterator[Article | Failure]:
    """The articles of one file, or Failures for what cannot be read (never raises for bad content).

    `base_id` is the id of a plain-text article (and the prefix of unnamed JSON records); it
    defaults to the file stem.
    """
    path = Path(path)
    stem = base_id or path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(stem, str(path), f"{path}: cannot read ({exc.strerror or exc})")
        return
    try:
        text, encoding = decode_with_encoding(data, path)
    except ArticleError as exc:
        yield Failure(stem, str(path), str(exc))
        return
    if "\x00" in text:
        yield Failure(stem, str(path), f"{path}: looks binary (NUL bytes), not a text article")
        return
    suffix = path.suffix.lower()
    items = _parse(text, path, stem, suffix)
    for item in items:
        if isinstance(item, Article):
            item = replace(item, encoding=encoding)
        yield item


def _parse(text: str, path: Path, stem: str, suffix: str) -> Iterator[Article | Failure]:
    try:
        if suffix in (".txt", ".md"):
            if not text.strip():
                raise ArticleError(f"{path}: empty file")
            yield make_article(stem, text, path=str(path))
        elif suffix in (".html", ".htm"):
            yield _build(_from_html(text, path), stem, path)
        elif suffix == ".json":
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ArticleError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
            records = obj if isinstance(obj, list) else [obj]
            for n, record in enumerate(records):
                where = f"[{n}]" if isinstance(obj, list) else ""
                yield from _record_article(record, path, where, f"{stem}-{n}" if where else stem)
        elif suffix == ".jsonl":
            for n, line in enumerate(text.splitlines(), start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Failure(f"{stem}-{n}", str(path), f"{path}:{n}: invalid JSON ({exc.msg} at column {exc.colno})")
                    continue
                yield from _record_article(record, path, f":{n}", f"{stem}-{n}")
        else:
            raise ArticleError(f"{path}: unsupported file type {suffix!r} (use one of {', '.join(SUFFIXES)})")
    except ArticleError as exc:
        yield Failure(stem, str(path), str(exc))


def _record_article(record, path: Path, where: str, fallback_id: str) -> Iterator[Article | Failure]:
    try:
        fields = _from_record(record, path, where)
    except ArticleError as exc:
        # a record that names its id keeps it, so its failure row can be matched to the feed
        own = record.get("id") if isinstance(record, dict) else None
        yield Failure(str(own) if own not in (None, "") else fallback_id, str(path), str(exc))
        return
    article_id = str(fields["id"]) if fields.get("id") not in (None, "") else fallback_id
    yield _build(fields, article_id, path)


def sources(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(file, base id) of every article file under the given files and folders, in a stable order.

    A file given directly is known by its stem; a file found in a folder by its path relative to
    that folder, without the suffix ("business/001"), so that same-named files in sub-folders of
    one corpus stay distinct. When several folders are given, that path starts with the folder's
    own name ("politics/001"), so that two folders holding the same file names stay distinct too.
    A folder's README, LICENSE or SOURCE file is not one of its articles (see `unsupported`).
    """
    paths = [Path(p) for p in paths]
    prefixes = _folder_prefixes([p for p in paths if p.is_dir()])
    found: list[tuple[Path, str]] = []
    for p in paths:
        if p.is_dir():
            found.extend((f, prefixes[p] + f.relative_to(p).with_suffix("").as_posix()) for f in _files_in(p))
        elif p.exists():
            found.append((p, p.stem))
        else:
            raise ArticleError(f"{p}: no such file or folder")
    return found


# The files that document a corpus rather than hold its news ("README.TXT", "LICENSE.txt",
# "SOURCE.txt"): found in a folder they are named with the files not read, never analysed as
# articles; given on their own they are read, as asked.
_CORPUS_DOCUMENT = re.compile(r"(?i:readme|licen[cs]e|copying|sources?|changelog|citation)"
                              r"(?:[._-](?:[A-Z0-9][A-Z0-9.-]*|(?i:md|txt|rst)))?")  # "LICENSE-MIT", "README-2"


def is_corpus_document(path: Path) -> bool:
    """Whether a file's name is one that documents a corpus (README, LICENSE, SOURCE ...), not an article."""
    return bool(_CORPUS_DOCUMENT.fullmatch(path.stem))


def _files_in(folder: Path, articles: bool = True) -> list[Path]:
    """The visible files under a folder, sorted: article files, or (articles=False) all the others,
    which include the corpus's own documentation files."""
    return sorted(f for f in folder.rglob("*") if f.is_file()
                  and (f.suffix.lower() in SUFFIXES and not is_corpus_document(f)) == articles
                  and not any(part.startswith(".") for part in f.relative_to(folder).parts))


def _folder_prefixes(folders: list[Path]) -> dict[Path, str]:
    """The id prefix of each given folder: none for one folder, its name for several, and its path
    from the folders' common parent when two share a name ("a/news/", "b/news/")."""
    if len(folders) < 2:
        return {f: "" for f in folders}
    names = [f.resolve().name for f in folders]
    if len(set(names)) == len(names):
        return {f: f"{n}/" for f, n in zip(folders, names)}
    root = os.path.commonpath([str(f.resolve()) for f in folders])
    return {f: f"{Path(os.path.relpath(f.resolve(), root)).as_posix()}/" for f in folders}


def unsupported(paths: Iterable[str | Path]) -> list[Path]:
    """Files inside the given folders that are not read: their suffix is not an article format, or
    they document the corpus (README, LICENSE, SOURCE ...)."""
    return sorted(f for p in map(Path, paths) if p.is_dir() for f in _files_in(p, articles=False))


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Article files under the given files and folders, in a stable (sorted) order."""
    return [path for path, _ in sources(paths)]


def read(paths) -> Iterator[Article | Failure]:
    """Every article under the paths (or (file, base id) pairs from `sources`), in order.

    Duplicate ids become Failures, never merged.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    plain = list(paths)
    # Plain paths are resolved together, so that several folders get their ids as `sources` gives them.
    resolved = (sources(plain) if not any(isinstance(p, tuple) for p in plain) else
                [pair for p in plain for pair in ([p] if isinstance(p, tuple) else sources([p]))])
    seen: dict[str, str] = {}
    uses: dict[str, int] = {}
    for path, base_id in resolved:
        for item in read_file(path, base_id):
            if item.article_id in seen:
                # A second row gets an id of its own, so that article_id stays a key of the articles
                # table: "<id>#2" for the second use, "#3" for the third...
                uses[item.article_id] = uses.get(item.article_id, 1) + 1
                new_id = f"{item.article_id}#{uses[item.article_id]}"
                if isinstance(item, Article):
                    yield Failure(new_id, item.path, f"{item.path}: article_id {item.article_id!r} already "
                                                     f"used by {seen[item.article_id]}; rename one of them")
                else:  # a failure keeps its own reason
                    yield Failure(new_id, item.path, item.error)
                continue
            seen[item.article_id] = item.path
            yield item


def read_one(path: str | Path) -> Article:
    """The single article in a file; raises ArticleError with the reason otherwise."""
    items = list(read_file(path))
    for item in items:
        if isinstance(item, Failure):
            raise ArticleError(item.error)
    if len(items) != 1:
        raise ArticleError(f"{path}: holds {len(items)} articles, expected one")
    return items[0]


# --- tables -----------------------------------------------------------------------------------

ARTICLES = declare("articles", (
    Column("article_id", "string", "Stable, unique id: the JSON `id` field; else the file stem for a "
           "file given directly, or the path relative to the given folder without suffix for a file "
           "found in a folder (`business/001`), starting with the folder's name when several folders are "
           "given (`politics/001`); `<stem>-<n>` for a JSON record without id. "
           "A second use of an id is recorded as a failure under `<id>#2` (then `#3`...), never merged.", "000_a5fb506bb93332d8"),
    Column("path", "string", "The file the article was read from, as given.", "seeds/000_a5fb506bb93332d8.txt"),
    Column("title", "string", "JSON/HTML title, else the text of the first `headline` paragraph.",
           "Russia says it will “drastically reduce” military activity near Kyiv as talks with Ukraine progress"),
    Column("outlet", "string", "Publisher, from JSON `outlet` or HTML metadata; missing for plain text.", "<NA>"),
    Column("published", "string", "Publication date as given by the source (not parsed).", "<NA>"),
    Column("url", "string", "Source URL when known.", "<NA>"),
    Column("sha256", "string", "SHA-256 of the decoded text encoded as UTF-8: changes when the text changes.", ""),
    Column("encoding", "string", "How the file was decoded: utf-8, utf-8-sig (BOM), utf-16 (BOM) or "
           "cp1252 (the fallback when the bytes are not UTF-8).", "utf-8"),
    Column("n_chars", "Int64", "Characters in the decoded text.", ""),
    Column("n_paragraphs", "Int64", "Blank-line-separated blocks, of all kinds.", ""),
    Column("n_sentences", "Int64", "Sentences in all paragraphs.", ""),
    Column("n_words", "Int64", "Words in all paragraphs (see sentences.n_words).", ""),
    Column("status", "category", "`ok`, or `failed` when the file could not be read or processed.", "ok"),
    Column("error", "string", "One-line reason for a failure, naming the file; missing when ok.", "<NA>"),
    Column("text", "string", "The article text every offset of every table points into: the decoded "
           "file for .txt/.md, the JSON `text` field, the main text trafilatura extracts from HTML.",
           "Russia says it will “drastically reduce” …"),
    Column("metadata_json", "string", "Other JSON fields of the record, as a JSON object string.", "{}"),
), doc="One row per input article (or per unreadable file), in input order.")

PARAGRAPHS = declare("paragraphs", (
    Column("article_id", "string", "The article.", "000_a5fb506bb93332d8"),
    Column("paragraph", "Int64", "0-based index of the paragraph in the article.", "0"),
    Column("start", "Int64", "Offset of the first character in the article text.", "0"),
    Column("end", "Int64", "Offset after the last character; `text[start:end]` is the paragraph.", "99"),
    Column("kind", "category", "headline (the article's own title), subheading (a section title "
           "inside the article: numbered, \"Label: ...\", or five words or fewer), body, caption "
           "(a picture's description: with a dateline, under a title line, after a label such as "
           "\"Photo:\", \"Pictured:\", \"Image caption\", ending in its credit, or a Markdown picture "
           "with a description), credit (\"Name/Agency\", "
           "\"Credit: ...\", an agency name such as Getty Images or Reuters on a short line of its own, a wire "
           "sign-off \"(Reporting by ...; Editing by ...)\", \"... contributed to this report\", a byline "
           "\"By Name, Outlet\"), "
           "related_link (another story's headline inserted in the text: a title-like line of six "
           "words or more after the first body paragraph, or one after \"Related:\", \"Read more:\", "
           "\"See also:\") or boilerplate (comment forms, newsletter and follow prompts, share "
           "buttons, copyright lines, a label such as \"More on this story\" on its own, correction and "
           "update notes, transcript markers such as \"(BEGIN VIDEO CLIP)\", a live page's timestamp line "
           "such as \"14:32 GMT\", \"Updated 09:15 BST\" or \"2 hours ago\" (one that heads a block is split "
           "off as a paragraph of its own) and markup-only lines such as a rule \"---\" or a picture without "
           "description). Kinds are read on the text as rendered "
           "(HTML character references decoded, Markdown marks removed); the text itself is kept as "
           "written.", "headline"),
    Column("n_lines", "Int64", "Lines in the block (captions often carry a title line).", "1"),
    Column("text", "string", "The paragraph as written.", "Russia says it will …"),
), doc="One row per blank-line-separated block of each article (per line, for a text with no blank line "
       "whose lines are not prose wrapped at a fixed width), with its kind. Nothing is dropped.")


def article_row(article: Article, n_sentences: int | None = None, n_words: int | None = None) -> dict:
    return {"article_id": article.article_id, "path": article.path, "title": article.title,
            "outlet": article.outlet, "published": article.published, "url": article.url,
            "sha256": article.sha256, "encoding": article.encoding, "text": article.text, "n_chars": len(article.text),
            "n_paragraphs": len(article.paragraphs), "n_sentences": n_sentences, "n_words": n_words,
            "status": "ok", "error": None,
            "metadata_json": json.dumps(article.metadata, sort_keys=True, ensure_ascii=False, default=str)}


def failure_row(failure: Failure) -> dict:
    return {"article_id": failure.article_id, "path": failure.path, "status": "failed",
            "error": failure.error}


def articles_table(rows: list[dict]) -> pd.DataFrame:
    return conform(rows, ARTICLES)


def paragraphs_table(article: Article) -> pd.DataFrame:
    rows = [{"article_id": article.article_id, "paragraph": p.index, "start": p.start, "end": p.end,
             "kind": p.kind, "n_lines": p.text.count("\n") + 1, "text": p.text}
            for p in article.paragraphs]
    return conform(rows, PARAGRAPHS)

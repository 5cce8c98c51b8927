"""Makes the `sources` table: who is quoted in an article, what they said, and how.

One row per attributed statement in the headline and body paragraphs: direct quotes (in quote
marks), indirect speech ("X said that ..."), mixed statements (reported speech holding quoted
words) and "according to X". Each row keeps the offsets of the content, of the cue and of the
speaker as written, and the speaker resolved within the article (surnames and pronouns to full
names), with role, affiliation and a coarse source type read from the text first and from the
small gazetteer below second.

The rules use the one parse of the article: cue verbs from the project's own lexicon, their
subjects and complements from the dependency parse, names from the entity recogniser. Only
sentences that hold a quote mark, a cue word form or "according to" are looked at.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from . import places
from .articles import Article
from .schema import Column, conform, declare
from . import diversity  # declares source_diversity and source_shares

SOURCE_KINDS = ("body", "headline")
QUOTE_KINDS = ("direct", "indirect", "mixed", "according_to")
SPEAKER_KINDS = ("person", "organization", "country", "group")
SOURCE_TYPES = ("government", "military", "diplomat", "politician", "expert", "journalist",
                "civilian", "organization", "unknown")

SOURCES = declare("sources", (
    Column("article_id", "string", "The article.", "000_a5fb506bb93332d8"),
    Column("paragraph", "Int64", "Paragraph holding the start of the content.", "3"),
    Column("sentence", "Int64", "Sentence holding the start of the content (sentences.sentence).", "5"),
    Column("start", "Int64", "Offset of the first character of the reported or quoted content.", "749"),
    Column("end", "Int64", "Offset after its last character; `text[start:end]` is `quote`.", "944"),
    Column("quote", "string", "The content as written. A direct quote keeps its quote marks; when the "
           "cue interrupts a quote or the quote goes on in later sentences, the content runs from the "
           "first quote mark to the last and includes the cue between them.",
           "his country had received “a clearly articulated position from Ukraine” and …"),
    Column("quote_kind", "category", "`direct` (quote marks only), `indirect` (reported speech), "
           "`mixed` (reported speech holding quoted words) or `according_to`.", "mixed"),
    Column("n_quote_words", "Int64", "Words of the content (sentences.n_words rules); for direct "
           "quotes only the words inside quote marks.", "31"),
    Column("cue", "string", "The reporting verb or phrase as written; missing for a quote carried over "
           "to the last speaker.", "said"),
    Column("cue_lemma", "string", "Lemma of the cue verb (\"according to\" for that phrase).", "say"),
    Column("cue_start", "Int64", "Offset of the cue.", "744"),
    Column("cue_end", "Int64", "Offset after the cue.", "748"),
    Column("speaker_text", "string", "The speaker as written where the statement is attributed "
           "(a name, a description or a pronoun).", "Russia’s chief negotiator Vladimir Medinsky"),
    Column("speaker_start", "Int64", "Offset of speaker_text (for a carried-over quote: of the "
           "attribution it was carried from).", "700"),
    Column("speaker_end", "Int64", "Offset after speaker_text.", "743"),
    Column("speaker", "string", "The speaker resolved within the article: full name for people "
           "(\"Blinken\", \"he\" -> \"Antony Blinken\"), canonical name for organisations and countries, "
           "the description itself when the text names nobody.", "Vladimir Medinsky"),
    Column("speaker_kind", "category", "person, organization, country or group (a plural description "
           "such as \"Ukrainian negotiators\").", "person"),
    Column("named", "boolean", "True when the text names the speaker (a person's name, an organisation "
           "or a country); False for anonymous descriptions and unresolved pronouns.", "True"),
    Column("role", "string", "Title or function as written in any mention of the speaker.",
           "chief negotiator"),
    Column("former", "boolean", "True when the role is a former one (\"former ambassador\").", "False"),
    Column("affiliation", "string", "Country or organisation the speaker speaks for, normalised "
           "(Russia, United States, NATO, CBS News).", "Russia"),
    Column("source_type", "category", "government, military, diplomat, politician, expert, journalist, "
           "civilian, organization or unknown, from the role and affiliation.", "government"),
), doc="One row per attributed statement in headline and body paragraphs, in text order. "
       "Captions, credits, related links, boilerplate and scare quotes with no speaker give no rows.")

# --- lexicon ----------------------------------------------------------------------------------

# Reporting verbs whose content is a clause ("said that ...") or an adjacent quote.
SPEECH_VERBS = frozenset("""
say tell claim warn declare hint insist add note state announce explain argue assert acknowledge admit
allege answer reply respond ask suggest report confirm deny predict promise vow pledge stress emphasize
emphasise write tweet post comment maintain contend complain concede recall reveal repeat reiterate
observe remark mention testify caution threaten estimate disclose counter quip joke boast brag lament
affirm charge agree urge recommend advise inform assure remind signal indicate speculate wonder
acknowledge conclude continue describe predict retort exclaim shout scream whisper mutter announce
propose demand order decide rule find show believe think feel fear hope expect proclaim chant read
""".split())
# Verbs whose object is the content ("denied the report", "commended the forces").
OBJECT_VERBS = frozenset("""
deny announce confirm commend praise criticize criticise condemn welcome reject dismiss blame accuse
urge demand promise vow pledge predict propose hail applaud slam blast decry bemoan question dispute
acknowledge admit reveal disclose estimate declare repeat reiterate describe recommend defend mock
discuss express thank tout cite echo quote voice endorse
""".split())
# Naming verbs: their object and its predicate are the content ("called the plan 'a disaster'").
NAMING_VERBS = frozenset({"call", "label", "dub", "brand", "term", "describe"})
# Reporting verbs that take the content as a prepositional object: "hinted at progress".
PREP_VERBS = {"hint": {"at"}, "call": {"for"}, "warn": {"of", "about", "against"}, "speak": {"of", "about"},
              "talk": {"about", "of"}, "complain": {"about", "of"}, "comment": {"on"},
              "ask": {"for", "about"}, "insist": {"on"}, "boast": {"of", "about"}, "argue": {"for", "against"},
              "testify": {"about", "to"}, "point": {"to"}, "write": {"about", "of"}, "refer": {"to"},
              "campaign": {"against", "for"}, "apologize": {"for"}, "apologise": {"for"},
              "react": {"to"}, "tell": {"about", "of"},
              "advocate": {"for"}}
# Verbs that only count when a quote or a colon sits next to them ("Caddell continued:").
FRAME_ONLY = frozenset({"continue", "add", "write", "post", "tweet", "ask", "answer", "reply", "respond",
                        "shout", "scream", "whisper", "mutter", "exclaim", "retort", "quip", "joke", "read",
                        "chant", "proclaim"})
# Cognition verbs count only with a clause and a subject that is not "I"/"we" inside a quote.
BELIEF_VERBS = frozenset({"believe", "think", "feel", "fear", "hope", "expect", "find", "show", "decide",
                          "rule", "order"})
LISTENER_VERBS = frozenset({"tell", "inform", "assure", "remind", "warn", "advise", "urge", "ask"})

_IRREGULAR = {"say": ("said", "says", "saying", "say"), "tell": ("told", "tells", "telling", "tell"),
              "write": ("wrote", "written", "writes", "writing", "write"),
              "speak": ("spoke", "spoken", "speaks", "speaking", "speak"),
              "think": ("thought", "thinks", "thinking", "think"), "feel": ("felt", "feels", "feeling", "feel"),
              "find": ("found", "finds", "finding", "find"), "show": ("showed", "shown", "shows", "showing", "show"),
              "hold": ("held",), "forecast": ("forecast", "forecasts")}


def _forms(lemma: str) -> set[str]:
    if lemma in _IRREGULAR:
        return set(_IRREGULAR[lemma])
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if re.search(r"[^aeiou][aeiou][pgtm]$", lemma):  # admit -> admitted, plan -> planned
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


# "Aid groups put the death toll at 45": an estimate stated, a cue only with a tally and "at".
ESTIMATE_VERBS = frozenset({"put"})
_TALLY_NOUNS = frozenset("number toll figure total count tally cost estimate".split())

_ALL_CUES = SPEECH_VERBS | OBJECT_VERBS | set(PREP_VERBS) | NAMING_VERBS | ESTIMATE_VERBS
_CUE_WORDS = {f for lemma in _ALL_CUES for f in _forms(lemma)}
_CUE_SET = frozenset(_CUE_WORDS) | {"according"}
_WORD_RE = re.compile(r"[a-z]+")


def _may_attribute(text: str) -> bool:
    """A cheap filter over sentence text: only sentences with a cue word form are parsed for cues."""
    return not _CUE_SET.isdisjoint(_WORD_RE.findall(text.lower()))


@lru_cache(maxsize=4096)
def _cue_lemma(lemma: str) -> bool:
    return lemma.lower() in _ALL_CUES


def _cue_candidates(doc: Doc) -> list[int]:
    """Indexes of the tokens that can open a statement: "according" and verbs with a cue lemma.

    Read from the doc's attribute arrays at once, so pass 1 visits these tokens only, not every token.
    """
    if not len(doc):
        return []
    lower, pos, lemma = doc.to_array([LOWER, POS, LEMMA]).T
    strings = doc.vocab.strings
    cues = [h for h in np.unique(lemma[pos == VERB]).tolist() if _cue_lemma(strings[h])]
    mask = (lower == strings["according"]) | ((pos == VERB) & np.isin(lemma, cues))
    return np.flatnonzero(mask).tolist()

# --- gazetteer --------------------------------------------------------------------------------
# Second-hand knowledge, used only where the text itself does not give an affiliation: names,
# demonyms and metonyms of countries, and a few organisations with their kind.
COUNTRIES = {
    "Russia": "russia|russian|russians|moscow|kremlin|russian federation",
    "Ukraine": "ukraine|ukrainian|ukrainians|kyiv|kiev",
    "United States": "us|u.s.|usa|u.s.a.|america|american|americans|united states|washington|"
                     "white house|pentagon|state department",
    "Turkey": "turkey|turkish|ankara|türkiye",
    "Belarus": "belarus|belarusian|minsk",
    "United Kingdom": "uk|u.k.|britain|british|united kingdom|london|downing street",
    "France": "france|french|paris|élysée", "Germany": "germany|german|berlin",
    "China": "china|chinese|beijing", "Israel": "israel|israeli|jerusalem", "Iran": "iran|iranian|tehran",
    "Syria": "syria|syrian|damascus", "Poland": "poland|polish|warsaw", "Japan": "japan|japanese|tokyo",
    "India": "india|indian|new delhi", "Mexico": "mexico|mexican", "Canada": "canada|canadian|ottawa",
    "Iraq": "iraq|iraqi|baghdad", "Saudi Arabia": "saudi arabia|saudi|riyadh", "Italy": "italy|italian|rome",
    "North Korea": "north korea|north korean|pyongyang", "South Korea": "south korea|south korean|seoul",
}
_COUNTRY_OF = {alias: country for country, aliases in COUNTRIES.items() for alias in aliases.split("|")}
# The other countries of world news, and capitals, which speak for their governments ("Khartoum said")
_COUNTRY_OF.update({w: c for c, words in places.COUNTRIES.items() for w in words.split() if w not in _COUNTRY_OF})
_COUNTRY_OF.update({w: c for w, c in places.CAPITALS.items() if w not in _COUNTRY_OF})
KNOWN_COUNTRIES = frozenset(_COUNTRY_OF.values())

# Organisations: name -> (affiliation as normalised, kind). media -> journalist type.
ORGANIZATIONS = {
    "nato": ("NATO", "intergovernmental"), "un": ("United Nations", "intergovernmental"),
    "united nations": ("United Nations", "intergovernmental"), "eu": ("European Union", "intergovernmental"),
    "european union": ("European Union", "intergovernmental"), "osce": ("OSCE", "intergovernmental"),
    "red cross": ("Red Cross", "ngo"), "amnesty international": ("Amnesty International", "ngo"),
    "human rights watch": ("Human Rights Watch", "ngo"),
    "médecins sans frontières": ("Médecins Sans Frontières", "ngo"),
    "medecins sans frontieres": ("Médecins Sans Frontières", "ngo"), "msf": ("Médecins Sans Frontières", "ngo"),
    "doctors without borders": ("Médecins Sans Frontières", "ngo"), "bbc": ("BBC", "media"),
    "bbc news": ("BBC News", "media"), "cbs": ("CBS News", "media"), "cbs news": ("CBS News", "media"),
    "cnn": ("CNN", "media"), "reuters": ("Reuters", "media"), "ap": ("Associated Press", "media"),
    "associated press": ("Associated Press", "media"), "afp": ("AFP", "media"), "fox news": ("Fox News", "media"),
    "nbc news": ("NBC News", "media"), "abc news": ("ABC News", "media"), "msnbc": ("MSNBC", "media"),
    "the new york times": ("The New York Times", "media"), "new york times": ("The New York Times", "media"),
    "the washington post": ("The Washington Post", "media"), "washington post": ("The Washington Post", "media"),
    "politico": ("Politico", "media"), "breitbart news": ("Breitbart News", "media"),
    "republican party": ("Republican Party", "party"), "democratic party": ("Democratic Party", "party"),
    "gop": ("Republican Party", "party"), "fbi": ("FBI", "government"), "cia": ("CIA", "government"),
    "labour": ("Labour Party", "party"), "labour party": ("Labour Party", "party"),
    "conservative party": ("Conservative Party", "party"), "tory": ("Conservative Party", "party"),
    "tories": ("Conservative Party", "party"), "liberal democrats": ("Liberal Democrats", "party"),
    "lib dems": ("Liberal Democrats", "party"), "lib dem": ("Liberal Democrats", "party"), "snp": ("SNP", "party"), "ukip": ("UKIP", "party"),
    "uk independence party": ("UKIP", "party"), "tory party": ("Conservative Party", "party"),
    "conservatives": ("Conservative Party", "party"), "plaid cymru": ("Plaid Cymru", "party"),
    "scottish national party": ("SNP", "party"), "green party": ("Green Party", "party"),
}
# Party adjectives as affiliation; "Liberal Democrat" is caught before "Democrat" (see _affiliation).
_PARTY_WORDS = {"republican": "Republican Party", "republicans": "Republican Party", "gop": "Republican Party",
                "labour": "Labour Party", "tory": "Conservative Party", "tories": "Conservative Party",
                "conservative": "Conservative Party", "conservatives": "Conservative Party",
                "democrat": "Democratic Party", "democrats": "Democratic Party", "democratic": "Democratic Party"}

# Role words -> source type; the first matching group wins, so specific words come first.
ROLE_TYPES = (
    ("diplomat", "ambassador envoy diplomat consul emissary"),
    ("military", "general commander colonel lieutenant sergeant major admiral soldier troops army "
                 "military officer marine chief-of-staff forces navy"),
    ("journalist", "correspondent reporter journalist editor anchor columnist host commentator "
                   "newspaper broadcaster"),
    ("expert", "analyst expert professor researcher scholar economist pollster scientist strategist "
               "historian lawyer attorney doctor gp fellow consultant"),
    ("politician", "senator congressman congresswoman lawmaker legislator mp msp mep mla mpp candidate nominee "
                   "representative rep. sen. politician governor mayor speaker delegate campaign "
                   "chairman chairwoman running"),
    ("government", "president minister secretary spokesman spokeswoman spokesperson official "
                   "negotiator government ministry department administration prime premier chancellor "
                   "leader leadership kremlin cabinet aide adviser advisor authorities agency "
                   "prosecutor police sheriff"),
    ("civilian", "resident residents witness voter voters civilian civilians mother father student "
                 "survivor survivors refugee refugees neighbor neighbour worker workers owner victim "
                 "people parent"),
    ("organization", "company group organization organisation charity union association foundation "
                     "committee council institute firm lender insurer airline retailer supermarket chipmaker "
                     "carmaker automaker drugmaker planemaker steelmaker brewer conglomerate manufacturer"),
)
_TYPE_OF_WORD = {w: t for t, words in ROLE_TYPES for w in words.split()}
_TYPE_OF_WORD["party"] = "politician"  # a party official speaks as a politician, not for an organisation
# Words after "general" that make it an office, not an army rank ("Usdaw general secretary").
_NOT_RANK_AFTER_GENERAL = frozenset({"secretary", "manager", "counsel", "assembly", "director", "council"})
# Role words that say a person speaks for a body but not what kind of body: the type is the body's
# (a Vodafone spokesman speaks for a company, a Labour leader for a party, a Treasury spokesman for
# the government); the word's default below applies only when the text names no body.
REPRESENTATIVE_ROLES = {
    "spokesman": "government", "spokeswoman": "government", "spokesperson": "government",
    "spokesmen": "government", "spokeswomen": "government", "spokespeople": "government",
    "official": "government", "leader": "government", "leadership": "government",
    "president": "government", "officer": "military",
    "chairman": "unknown", "chairwoman": "unknown", "chief": "unknown", "head": "unknown",
    "director": "unknown", "executive": "unknown", "boss": "unknown",
}
# The kind of body an affiliation or role phrase names, tried in this order; a named body that is
# none of these (a company, a club, a charity) is an organisation.
_BODY_TYPES = (
    ("politician", re.compile(r"(?i)\b(?:party|labour|tory|tories|conservatives?|democrats?|democratic|"
                              r"republicans?|lib dems?|liberal democrats?|snp|ukip|plaid cymru|sinn fein|"
                              r"opposition|senate|congress|parliament|commons|assembly|campaign)\b")),
    ("military", re.compile(r"(?i)\b(?:army|navy|air force|military|armed forces|marines?)\b")),
    ("government", re.compile(r"(?i)\b(?:ministry|department|government|office|treasury|administration|"
                              r"agency|authority|commission|police|cabinet|embassy|kremlin|white house|"
                              r"downing street|pentagon|central bank|federal reserve|state|bureau|"
                              r"(?:city|county|borough|district|town|parish|local) council)\b")),
)

ORG_NOUNS = frozenset("""ministry government department administration agency office campaign committee
council party company group organization organisation foundation union commission kremlin pentagon
police army military navy court parliament senate congress house cabinet embassy bureau service
institute center centre association coalition network newspaper paper""".split())
# Companies and other bodies named by what they are ("the chipmaker said", "the club said"); unlike
# "the Russian defence ministry", "the German club" does not name one.
BODY_NOUNS = frozenset("""firm bank lender insurer airline retailer supermarket chipmaker carmaker automaker
drugmaker planemaker steelmaker brewer conglomerate manufacturer club charity hospital university regulator
watchdog broadcaster maker force""".split())
ORG_NOUNS = ORG_NOUNS | BODY_NOUNS - {"maker"}
# "maker" names a company ("the iPhone maker") unless a compound before it makes a person of it.
_PERSON_MAKERS = frozenset("policy decision film movie law peace match king trouble deal rule dress".split())
PERSON_NOUNS = frozenset("""official spokesman spokeswoman spokesperson source diplomat ambassador
negotiator minister president adviser advisor aide analyst expert officer commander general resident
witness man woman person leader lawmaker senator correspondent reporter journalist member executive
director chief secretary envoy representative candidate governor mayor professor researcher""".split())
# Acronyms for a person's office or trade: "a GP", "an MEP" describe a person, "an NGO" a body.
_PERSON_ACRONYMS = frozenset("gp mp msp mep mla mpp td ceo cfo coo cto md".split())
# Words that open a name phrase but are no part of the name.
_ROLE_WORDS = frozenset(_TYPE_OF_WORD) | PERSON_NOUNS | frozenset(
    {"founder", "actress", "actor", "singer", "star", "judge", "pastor", "reverend", "rev.", "father", "fr.", "pope"})
TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "sir", "dame"}
# Police ranks written as abbreviations before a name ("DSP Ramesh Kumar"): the rank is the role,
# the name is the speaker. Matched as written (capitals) and only right before a name.
POLICE_RANKS = {"DSP": "Deputy Superintendent of Police", "SP": "Superintendent of Police",
                "ASP": "Assistant Superintendent of Police", "SSP": "Senior Superintendent of Police",
                "DCP": "Deputy Commissioner of Police", "ACP": "Assistant Commissioner of Police",
                "IGP": "Inspector General of Police", "DIG": "Deputy Inspector General of Police",
                "DGP": "Director General of Police", "SHO": "Station House Officer"}
TITLE_ROLES = {"sen.": "Senator", "sen": "Senator", "rep.": "Representative", "gov.": "Governor",
               "gen.": "General", "lt.": "Lieutenant", "col.": "Colonel", "pres.": "President",
               "sgt.": "Sergeant", "adm.": "Admiral", "capt.": "Captain"}
# Documents that "say" or "find": their speaker is their author, an organisation (see _Resolver._document).
DOCUMENT_NOUNS = frozenset("""report reports survey surveys study studies research poll polls lawsuit suit
statement document documents analysis review audit census memo filing complaint petition figures data
findings letter database tally""".split())
# What else can "show" or "find" a result, as a poll does ("the results showed ...", "polling showed ...").
_FINDINGS = frozenset("result results polling figure record records estimate estimates".split())
# Words before a colon that introduce no speaker ("Note: ...", "Watch: ...").
COLON_STOP = frozenset("""note update editor editors photo photos video watch related read listen credit image
correction warning disclaimer q a question answer source sources see also more tags filed posted share
live breaking exclusive opinion analysis update latest previously possible suspect interviewer""".split())
# Cues that credit a headline line to a speaker of their own ("..., say activists", "X says ...").
_LINE_CUES = frozenset({"say", "claim", "report", "confirm", "warn", "insist", "tell"})
# Words that make the phrase before a colon a topic, not a speaker: events ("Turkey earthquake: ...")
# and newsletter or feature labels ("Tuesday's Morning Email: ...").
COLON_TOPICS = frozenset("""earthquake quake flood floods war crisis attack attacks strike strikes storm
hurricane cyclone typhoon fire fires wildfire wildfires election elections protest protests shooting explosion
blast bombing crash outbreak pandemic conflict ceasefire siege invasion offensive talks summit trial disaster
famine drought email newsletter briefing digest roundup explainer podcast morning evening weekly daily week
weekend today tonight diary recap""".split())
_SHARES = frozenset("half majority minority most many some third quarter plurality".split())
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"}

# --- quote marks ------------------------------------------------------------------------------

_DOUBLE = re.compile(r"[\"“”„‟«»″]")
_OPENERS = "“„‟«"
_CLOSERS = "”»"
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=\w)|(?<=[\w.,!?])[’'](?![\w’'])")


def quote_spans(text: str, paragraphs) -> list[tuple[int, int]]:
    """(start, end) of each quotation in the given paragraphs, marks included; never raises.

    Straight marks are read as opening or closing from their neighbours. A quote left open at the end
    of a paragraph goes on when the next paragraph opens with a quote mark (the newspaper convention),
    else it ends with its paragraph. Single-quote pairs count only outside double quotes.
    """
    spans: list[tuple[int, int]] = []
    paragraphs = _lines(text, paragraphs)
    open_at: int | None = None
    for n, para in enumerate(paragraphs):
        for m in _DOUBLE.finditer(text, para.start, para.end):
            pos, ch = m.start(), m.group()
            before = text[pos - 1] if pos > para.start else " "
            after = text[pos + 1] if pos + 1 < para.end else " "
            if ch in _OPENERS:
                opening = True
            elif ch in _CLOSERS:
                opening = False
            else:  # straight mark: opening after space or an opening bracket, else closing
                opening = (before.isspace() or before in "([{—–-/:") and not after.isspace()
                if open_at is not None and not (before.isspace() and open_at < para.start):
                    opening = False if not before.isspace() or after.isspace() else opening
            if opening:
                if open_at is not None and open_at >= para.start:
                    # an opener inside an open quote: the close was dropped; end before this mark
                    end = len(text[open_at:pos].rstrip()) + open_at
                    if end > open_at + 1:
                        spans.append((open_at, end))
                    open_at = pos
                elif open_at is not None and pos == para.start:
                    continue  # the opener repeated at the start of a continuing paragraph
                else:
                    open_at = pos
            elif open_at is not None:
                spans.append((open_at, pos + 1))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if not (nxt is not None and nxt.index == para.index + 1 and text[nxt.start] in _OPENERS + '"'):
                spans.append((open_at, para.end))
                open_at = None
    spans.sort()
    singles = []
    for para in paragraphs:
        open_s = None
        for m in _SINGLE.finditer(text, para.start, para.end):
            pos = m.start()
            if _inside(spans, pos):
                continue
            if text[pos] in "‘'" and (pos == para.start or not text[pos - 1].isalnum()) and open_s is None:
                open_s = pos
            elif open_s is not None and text[pos] in "’'" and pos > open_s + 1:
                singles.append((open_s, pos + 1))
                open_s = None
    return sorted(spans + singles)


@dataclass(frozen=True)
class _Block:
    index: int
    start: int
    end: int


def _lines(text: str, paragraphs) -> list[_Block]:
    """The lines of the paragraphs, numbered so that consecutive lines have consecutive indexes.

    Some sources separate paragraphs by single newlines: a quote never runs over a line end unless the
    next line opens with a quote mark, as it would over a paragraph end.
    """
    blocks, n, last_para = [], 0, None
    for para in paragraphs:
        if last_para is not None and para.index != last_para + 1:
            n += 1  # a gap (another kind of paragraph) breaks continuation
        last_para = para.index
        pos = para.start
        for line in text[para.start:para.end].split("\n"):
            if line.strip():
                lead = len(line) - len(line.lstrip())
                blocks.append(_Block(n, pos + lead, pos + len(line.rstrip())))
                n += 1
            pos += len(line) + 1
    return blocks


def _merged(spans) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined, so that `_inside` can bisect them."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# --- statements -------------------------------------------------------------------------------

# A dateline opening a lead: "KHARKIV, Ukraine (AP) —", "KYIV (Reuters) -", "KYIV, March 3 (Reuters) -";
# a place in capitals, then a country or date, then an agency in brackets or a dash.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][\w.]*(?:\s[A-Z0-9][\w.]*){0,2})?"
                       r"(?:,\s*[A-Z][a-z]+\.?\s\d{1,2})?\s*(?:\([^()\n]{1,25}\)\s*)?(?:[—–]|(?<=\s)--?(?=\s))\s*")

# "a source who asked not to be named": the condition of a source's anonymity, not something it said
_ANONYMITY = re.compile(r"(?i)(?:not\s+to\s+be\s+(?:named|identified|quoted)|anonymity)"
                        r"(?:\s+(?:for|because|as|since|due)\b[^.;:]*)?\W*$")


@dataclass
class Statement:
    start: int
    end: int
    kind: str
    cue: Span | None
    cue_lemma: str | None
    speaker_tokens: Span | None
    paragraph: int
    parts: list[tuple[int, int]] = field(default_factory=list)  # quoted parts, for word counts
    carried_from: "Statement | None" = None
    relcl_place: str | None = None  # a place the statement's clause hangs on ("Moscow, where ...")


def _speaker_head(verb: Token) -> Token | None:
    """The subject of a reporting verb, looking through conjunctions and 'saying' clauses."""
    for _ in range(4):
        # "Residents are being asked to register": the passive subject of a listener's verb is spoken to
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not _dateline(c)
                    and not (c.dep_ == "nsubjpass" and (verb.lemma_ == "say" or verb.lemma_ in LISTENER_VERBS))]
        if not subjects:
            # "Voters going to the polls on Tuesday said ...": the parser makes the participle the
            # subject and hangs the voters on it
            subjects = [s for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG" and c.i < verb.i
                        for s in c.children if s.dep_ == "nsubj" and s.i < c.i and s.pos_ in ("NOUN", "PROPN")]
        if subjects:
            child = min(subjects, key=lambda c: abs(c.i - verb.i))
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                # "records she released in July, which showed ...": a date says nothing
                return verb.head if verb.head.ent_type_ not in ("DATE", "TIME") else None
            return child
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
        name = next((c for c in verb.children if c.dep_ == "csubj" and c.i < verb.i and _name_as_clause(c)), None)
        if name is not None:
            return name
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            if _reported_conj(verb):
                head = head.head  # "He said A and said B" with "said B" hung on A: B is his too
            verb = head
        elif verb.dep_ in ("advcl", "xcomp", "pcomp") and verb.tag_ == "VBG":
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        elif verb.dep_ == "acl" and verb.tag_ == "VBG":  # "issued a statement saying"
            verb = verb.head.head
        elif verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VB" and _reports_words(verb) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "went on to say", "declined to say", "are more likely to say": the subject of the verb
            # (or adjective) it completes, one step up only ("chastised Snyder for refusing to ask" is
            # Snyder's); "told him to say" makes the object speak, so nobody is read, and "that's not
            # to suggest", "as if to say" or "failed to disclose" says nothing
            head = verb.head if verb.head.pos_ != "ADJ" else verb.head.head
            if head.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "dative") for c in verb.head.children) \
                    or head.lemma_.lower() in ("fail", "forget", "neglect") \
                    or any(c.dep_ in ("neg", "mark") for c in verb.children) \
                    or not any(c.dep_ == "nsubj" for c in head.children):
                return None
            verb = head
        else:
            return None
    return None


def _name_as_clause(tok: Token) -> bool:
    """A capitalised name the parser read as a clause subject: "Save the Children said ..."."""
    words = list(tok.subtree)
    return len(words) >= 2 and tok.i == words[0].i and tok.text[:1].isupper() and \
        sum(t.text[:1].isupper() for t in words) >= 2 and \
        all(t.text[:1].isupper() or t.lower_ in ("the", "of", "for", "and", "without", "&") for t in words)


def _reported_conj(verb: Token) -> bool:
    """A cue verb the parser joined to the reported clause of an earlier cue: "said A and said B"."""
    # only a speech verb with a clause of its own: "and called a donor", "and found it" are acts
    head = verb.head
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS or lemma in BELIEF_VERBS or not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return verb.dep_ == "conj" and verb.pos_ == "VERB" and \
        not _cue_lemma(head.lemma_) and head.dep_ == "ccomp" and _cue_lemma(head.head.lemma_) and \
        head.head.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _reports_words(verb: Token) -> bool:
    """A speech verb with a clause or a quotation of its own ("to say that ...", "to say: “...”")."""
    # "wished to comment on Mr Blair's words", "vote to confirm the nominees" or "set out to find
    # out" report no words.
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS or lemma in BELIEF_VERBS or lemma in FRAME_ONLY:
        return False
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or (
        nxt is not None and nxt.text in (":", ",", "“", "\"", "‘"))


def _dateline(tok: Token) -> bool:
    """A dateline word taken for a subject: "WASHINGTON (AP) — ...", "MACAU (Reuters) – ...", "Dec 29 (Reuters) -"."""
    sent = tok.sent
    if tok.i - sent.start > 4 or not (tok.text.isupper() and len(tok.text) >= 2 or tok.ent_type_ == "DATE"):
        return False
    after = tok.doc[tok.i + 1:min(tok.i + 10, sent.end)].text  # room for ", July 19 (UPI) —"
    return bool(re.match(r"\s*(?:\d{1,2}\s*)?(?:,[^—–-]{0,20})?(?:\([^)]{1,20}\))?\s*[—–-]", after))


def _appos_body(head: Token) -> Token | None:
    """The name set off by commas after a common noun that it names: "The company, Northgate Minerals,"
    "The coach operator, Fylde Coast Travel,"; not a person's name, a place or a date."""
    if head.pos_ != "NOUN" or head.lower_ in PERSON_NOUNS:
        return None  # "The Tory finance spokesman, Brian Monteith MSP": a person's name
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.pos_ == "PROPN" and \
                child.ent_type_ not in ("PERSON", "GPE", "NORP", "DATE", "LOC") and \
                (head.lower_ in ORG_NOUNS or child.ent_type_ == "ORG") and \
                head.doc[child.left_edge.i - 1].text == "," and \
                all(t.pos_ in ("PROPN", "DET", "ADP", "CCONJ", "PUNCT", "NOUN") and t.ent_type_ != "PERSON"
                    and t.lower_ not in TITLES for t in child.subtree):
            return child
    return None


def _police_rank(tok: Token) -> str | None:
    """The rank an abbreviation stands for when a name follows it ("DSP Ramesh Kumar"), else None."""
    role = POLICE_RANKS.get(tok.text)
    if role is None or tok.i + 1 >= len(tok.doc):
        return None
    nxt = tok.doc[tok.i + 1]
    # "SP chief Akhilesh Yadav" is a party's chief: only a name right after the letters makes them a rank
    return role if nxt.pos_ == "PROPN" and nxt.is_title and nxt.lower_ not in _ROLE_WORDS else None


def _body_noun(tok: Token) -> bool:
    """True for a common noun that names a body: "the ministry", "the chipmaker", "the iPhone maker"."""
    if tok.lower_ == "maker":
        return not any(c.dep_ == "compound" and c.lower_ in _PERSON_MAKERS for c in tok.children)
    return tok.lower_ in ORG_NOUNS


def _named_by_body_noun(ent: Span) -> bool:
    """True for a one-word name right after a common noun naming a body ("railway operator Trenord",
    "pop group Abba"): a body's name, whatever type the recogniser gave it."""
    if len(ent) != 1 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    # "operator" names a body only before a name: "a crane operator" is a person
    # and only as a compound on the name (or the name as its apposition): the noun may end a phrase
    # of its own ("the dispute with the club Smith had joined")
    tied = before.dep_ == "compound" and before.head.i == ent.root.i or \
        ent.root.dep_ == "appos" and ent.root.head.i == before.i
    return before.pos_ == "NOUN" and before.text.islower() and tied and \
        (_body_noun(before) or before.lower_ == "operator")


def _name_after_role(head: Token, child: Token) -> bool:
    """A person's name set off after a person's role noun, whatever entity type the recogniser gave it:
    "Italy's interior minister, Matteo Piantedosi," (read as an organisation)."""
    if head.lower_ not in PERSON_NOUNS or child.dep_ != "appos" or child.pos_ != "PROPN":
        return False
    name = [t for t in child.subtree if t.dep_ in ("compound", "flat") or t is child]
    return len(name) >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in name) and \
        len(name) == len(list(child.subtree)) and not _org(" ".join(t.text for t in name))


def _speaker_span(head: Token) -> Span:
    """The speaker as written: the subject's phrase without clauses or comma-set appositions."""
    doc = head.doc
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj", "ccomp", "parataxis") and tok is head:
                continue
            if tok is head and head.i < head.head.i < child.i:
                continue  # a subject's phrase ends before its verb: "They found ... (95% CI ...)" misparsed
            if child.i < head.i and _dateline(child):
                continue  # "MACAU (Reuters) – Top donor Sheldon Adelson said": the dateline is no part of him
            if child.dep_ == "appos" and child.i > head.i and any(
                    doc[k].text == "," for k in range(head.i + 1, child.left_edge.i)):
                if tok is head and head.ent_type_ != "PERSON" and (
                        child.ent_type_ == "PERSON" or _name_after_role(head, child)):
                    # "former Ambassador of Ukraine to Austria, Dr. Olexander Scherba": the name is the speaker
                    keep.update(t.i for t in child.subtree if t.dep_ in ("compound", "flat") or t is child)
                elif tok is head and (body := _appos_body(head)) is not None and body.i == child.i:
                    # "The company, Northgate Minerals, said": the body's name is the speaker
                    keep.update(t.i for t in child.subtree)
                continue
            share = tok is head and head.pos_ == "NUM" and child.lower_ in ("in", "out") and any(
                c.pos_ == "NUM" for c in child.subtree)  # "About 4 in 10 say", "Six out of 10 say"
            # "a person familiar with the talks": an adjective after the head keeps its complement
            completes = tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i == head.i and tok.i > head.i
            if child.dep_ == "prep" and child.i > head.i and child.lower_ not in ("of", "for", "to", "at") and \
                    not share and not completes and not any(c.dep_ == "pobj" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "DATE")
                                          for c in child.children):
                continue  # "Commission on Presidential Debates" keeps its name, "X in Moscow" does not
            if child.text == "(" or child.dep_ == "appos" and child.nbor(-1).text == "(":
                continue
            keep.add(child.i)
            stack.append(child)
    lo, hi = min(keep), max(keep)
    if "(" in doc[lo:hi + 1].text:  # cut at a parenthesis: "Rep. G.K. Butterfield (D-N.C.)"
        hi = next(t.i for t in doc[lo:hi + 1] if t.text == "(") - 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo:hi + 1]


def _content_tokens(verb: Token, speaker: Token | None) -> list[Token]:
    """Roots of the verb's content: its clause complement, or its object for object-taking cues."""
    lemma = verb.lemma_.lower()
    if lemma in ESTIMATE_VERBS:
        return _estimate(verb)
    out = []
    for child in verb.children:
        if speaker is not None and child.i == speaker.i:
            continue
        dep = child.dep_
        if dep in ("ccomp", "parataxis") and child.i < verb.i and any(
                t.text == ";" or t.text == ":" and speaker is not None and t.i + 1 == speaker.left_edge.i
                for t in verb.doc[child.right_edge.i + 1:verb.i]):
            # "Organisers put it at 200,000; police estimated ...", "It is paying off: He said he
            # has raised ...": a clause of its own
            continue
        if dep in ("ccomp", "parataxis") or (dep == "xcomp" and lemma in LISTENER_VERBS | OBJECT_VERBS):
            out.append(child)
        elif dep == "dobj" and lemma in OBJECT_VERBS:
            out.append(child)
        elif lemma in ("say", "tell", "answer", "reply") and child.i > verb.i and (
                dep in ("intj", "advmod", "dobj") and child.lower_ in ("so", "yes", "no", "same", "otherwise")
                or dep == "xcomp" and child.tag_ == "VBG"):
            out.append(child)  # "55 percent said so", "said yes", "said the same", "said legalizing it could ..."
        elif dep == "prep" and lemma in OBJECT_VERBS and child.lower_ in ("of", "for", "over") and any(
                c.dep_ == "dobj" and c.i < child.i for c in verb.children):
            out.append(child)  # "accused Sanders of a smear", "commended the forces for refusing ..."
        elif lemma in NAMING_VERBS and dep in ("dobj", "oprd", "xcomp", "ccomp") and any(
                c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children):
            out.append(child)
        elif dep == "prep" and child.lower_ in PREP_VERBS.get(lemma, ()):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif dep in ("advcl", "ccomp", "xcomp") and any(
                c.dep_ == "mark" and c.lower_ in PREP_VERBS.get(lemma, ()) for c in child.children):
            out.append(child)  # "calling for the United States to take a stronger role"
        elif dep == "prt" and lemma == "point" and child.lower_ == "out":
            pass
    if not out and lemma in ("say", "tell", "claim", "argue", "insist", "add", "note", "report", "warn"):
        # a misparsed clause: "says the movement that's sweeping the country appeals to ..." comes out
        # as an object with a relative clause; the object is then the reported content
        for child in verb.children:
            if child.dep_ == "dobj" and child.i > verb.i and not (lemma == "tell" and child.i == verb.i + 1) and \
                    any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl") for t in child.subtree) and \
                    not any(_setting_clause(t) for t in child.subtree):
                out.append(child)
    if out and (lemma in OBJECT_VERBS or lemma in PREP_VERBS) and all(r.dep_ in ("dobj", "pobj") for r in out):
        out = out + _object_tail(verb, out)
    if not out and lemma in ("show", "find") and verb.tag_ != "VBG" and speaker is not None and \
            speaker.lemma_.lower() in DOCUMENT_NOUNS | _FINDINGS:
        # "a poll shows Sanders with 47 percent": what a poll or survey shows is its finding, object and
        # all ("..., showing ..." inside someone's statement stays part of it)
        out = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj")]
    if not out and lemma in SPEECH_VERBS and lemma not in BELIEF_VERBS:
        # "said in a statement that ...", "said during a news conference that ...": the parser hangs
        # the that-clause on the noun between; a relative clause never opens with the mark "that"
        clause = _that_clause_after(verb)
        if clause is not None:
            out.append(clause)
    if lemma == "point" and not any(c.dep_ == "prt" for c in verb.children) and \
            not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return []
    return out


def _estimate(verb: Token) -> list[Token]:
    """The tally and its value of "put the number of dead at 200", or [] for any other "put"."""
    tally = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _TALLY_NOUNS), None)
    if tally is None:
        return []
    at = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > tally.i), None)
    if at is not None:
        return [tally, at]
    # the parser may hang "at ..." inside the tally's own phrase ("the number of people killed ... at")
    return [tally] if any(t.lower_ == "at" and t.dep_ == "prep" for t in tally.subtree) else []


_NOUN_PATH = frozenset({"prep", "pobj", "npadvmod", "dobj", "dative", "compound", "appos", "amod", "nmod", "poss"})


# Nouns that take a that-clause of their own ("the fear that ...", "in the expectation that ...").
_THAT_NOUNS = frozenset("""concern fear fact claim belief hope news report evidence idea notion view argument
assertion allegation suggestion warning sign possibility assurance promise expectation speculation rumour
rumor worry doubt assumption hint indication proof impression sense understanding condition ground grounds
basis premise theory conclusion realization recognition message word point pledge insistence""".split())


# Subordinators after which a reported clause goes on ("..., because he did not win any states").
_TAIL_MARKS = frozenset("because since though although if unless".split())


def _clause_tail(verb: Token, hi: int) -> int:
    """Where a reported clause ends when the parser hung its last parts on the cue verb."""
    # "said he would be honored to meet the pope *but no meeting has been arranged*", "said Rubio had
    # a tough night *because he ...*" go on; a clause after a comma, a verb sharing the speaker's
    # subject ("and called on ...") or a clause with a cue of its own does not.
    doc = verb.doc
    for child in verb.rights:
        if child.right_edge.i < hi or child.dep_ in ("cc", "punct"):
            continue
        between = doc[hi:child.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc" or t.is_space) for t in between) or "\n" in between.text:
            break
        if child.dep_ == "conj" and "," in between.text:
            # "She said the plan failed, and the crowd cheered", "..., but his counterpart was more
            # cautious": after a comma the reporter goes on
            break
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            ok = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
        elif child.dep_ == "advcl":
            ok = any(c.dep_ == "mark" and c.lower_ in _TAIL_MARKS for c in child.children)
        else:
            ok = False
        if not ok or any(_cue_lemma(t.lemma_) and t.pos_ == "VERB" for t in child.subtree):
            break  # "..., but Mr Brown is thought to ...", "said Mr Goosens": an attribution of its own
        hi = child.right_edge.i + 1
    return hi


def _object_tail(verb: Token, roots: list[Token]) -> list[Token]:
    """What the parser hangs on the verb right after an object cue's object, as part of what was said."""
    # "praised Christie's leadership *in the aftermath of Sandy*", "described the dinner *as ...*",
    # "called for the secretary *to release the transcripts*"; a date ("on Tuesday"), "by ...", a
    # comma or a clause of its own ("because ...", "and said ...") ends it.
    end = max(r.right_edge.i for r in roots)
    tail = []
    for child in verb.rights:
        if child.i <= end:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
        # "as X" names what the object is ("described the dinner as Washington celebrating itself");
        # a finite clause after "as" tells what else happened ("hinted at progress as both sides try ...")
        as_or_to = child.dep_ == "advcl" and (marks & {"as", "to"}) and not marks - {"as", "to"} and \
            child.tag_ not in ("VBD", "VBZ", "VBP")
        if child.left_edge.i != end + 1 or not (child.dep_ in ("prep", "xcomp", "oprd", "ccomp") or as_or_to) or \
                child.lower_ == "by" or any(t.ent_type_ in ("DATE", "TIME") for t in child.children):
            break  # "by shifting the venue": how it was done, told by the reporter
        tail.append(child)
        end = child.right_edge.i
    return tail


# Where words are said: a "that" after them opens what was said even when the parser reads a
# relative clause ("told analysts on a call that supply would rise").
_SETTING_NOUNS = frozenset("""conference call briefing interview meeting hearing session speech rally event
appearance broadcast podcast programme program show summit""".split())


def _setting_clause(tok: Token) -> bool:
    """A "that" clause with a subject of its own, parsed as relative to a setting noun."""
    return tok.dep_ == "relcl" and tok.head.lemma_.lower() in _SETTING_NOUNS and \
        tok.doc[tok.left_edge.i].lower_ == "that" and \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in tok.children)


def _that_clause_after(verb: Token) -> Token | None:
    """A clause opened by "that" hung on a noun phrase after the verb (no other verb between)."""
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.dep_ not in ("acl", "relcl", "ccomp", "advcl") or tok.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) and not _setting_clause(tok):
            continue
        if tok.head.lemma_.lower() in _THAT_NOUNS:
            continue  # "adding to concern that ...": the noun's own clause
        node = tok.head
        while node.i != verb.i and node.dep_ in _NOUN_PATH and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node.i == verb.i:
            return tok
    return None


# What "citing ..." names when it names the source of a claim, not a claim: "citing hospital sources".
# A document cited ("citing a memo saying ...") is content, as the annotated news reads it.
_CITED_SOURCES = PERSON_NOUNS | ORG_NOUNS | frozenset("people authority media".split())
# Where information came from, cited with no claim of its own: "citing the accounts of four survivors"
# ("cite his voting record" is a claim about the record, so records are not here).
_CITED_ORIGINS = frozenset("""account testimony witness survivor victim resident eyewitness interview
conversation""".split())


def _names_nothing_said(verb: Token, roots: list[Token], paragraph_kind: str | None) -> bool:
    """True when an object cue's object is no statement: a cited source, or a headline's bare target."""
    # the object and the phrases hung after it ("pledges unity to Labour MPs"), no clause
    nominal = any(r.dep_ == "dobj" for r in roots) and all(
        r.dep_ == "dobj" and r.pos_ in ("NOUN", "PROPN", "PRON") or r.dep_ == "prep" for r in roots)
    if not nominal:
        return False
    if verb.lemma_.lower() == "cite":
        return all(r.lemma_.lower() in _CITED_SOURCES or r.ent_type_ in ("PERSON", "ORG") or
                   r.lemma_.lower() in _CITED_ORIGINS and not any(t.pos_ in ("VERB", "AUX") for t in r.subtree)
                   for r in roots)
    # no quote marks in the object: no words of the speaker's are reported. "declared three days of
    # mourning" or "pledged his support" is an act ("declared a “first victory”" quotes, "pledged to
    # ..." keeps its clause); "Berlin hails new deal" is a
    # headline summing up a stance the body reports
    doc = verb.doc
    lo, hi = min(r.left_edge.i for r in roots), max(r.right_edge.i for r in roots)
    quoted = any(t.text in "\"“”‘’'" for t in doc[max(lo - 1, 0):min(hi + 2, len(doc))])  # marks hang on the verb
    return not quoted and (verb.lemma_.lower() in ("declare", "pledge") or
                           paragraph_kind == "headline" and verb.lemma_.lower() in OBJECT_VERBS)


def _cue_span(verb: Token) -> Span:
    """The cue as written: the verb, its particle and, for 'tell', the listener ("told reporters")."""
    doc = verb.doc
    lo = hi = verb.i
    for child in verb.children:
        if child.dep_ == "prt" and child.i == hi + 1:
            hi = child.i
        elif verb.lemma_ in LISTENER_VERBS and child.dep_ in ("dobj", "dative") and child.i > verb.i \
                and child.right_edge.i - hi <= 4:
            hi = child.right_edge.i
        elif verb.lemma_ in LISTENER_VERBS and child.dep_ == "dobj" and child.i > verb.i and child.i - hi <= 4 \
                and any(_setting_clause(c) for c in child.children):
            hi = child.i  # "told a news conference that ...": the listener without what was said
        elif child.dep_ == "prep" and child.lower_ in PREP_VERBS.get(verb.lemma_, ()) and child.i == hi + 1:
            hi = child.i
    return doc[lo:hi + 1]


def _as_frame(verb: Token) -> bool:
    """A reporting clause opened by "as" that credits the clause it hangs on: "as the Post reported"."""
    # "As she said goodbye" or "as he was speaking" tell when, not who said what: no object, no -ing
    # ("As Obama spoke, ..."); a colon after the frame introduces a quote instead ("as X notes: ...")
    lemma = verb.lemma_.lower()
    if lemma in FRAME_ONLY and lemma not in ("add", "write", "tweet", "post"):
        return False  # "as snow and cold temperatures continue"
    if lemma not in SPEECH_VERBS and lemma not in OBJECT_VERBS and not (
            lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("over", "about", "with", "against", "among", "between")
           for c in verb.children):
        return False  # "As ministers argued over the budget, ...": what they did, not what they said
    nxt = verb.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(verb.doc) else None
    return verb.dep_ == "advcl" and verb.tag_ != "VBG" and verb.head.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and \
        not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children) and \
        not (nxt is not None and nxt.text == ":")


def _between_is_frame(text: str, a: int, b: int) -> bool:
    """Only spaces and punctuation between offsets a and b."""
    return a <= b and not re.search(r"[\w]", text[a:b])


def _strings(series: pd.Series) -> list[str | None]:
    """A text or category column as a list of str, missing values as None."""
    if isinstance(series.dtype, pd.CategoricalDtype):  # from the codes: converting the column costs more
        names = series.array.categories.astype("string").tolist()
        return [names[c] if c >= 0 else None for c in series.array.codes.tolist()]
    return [None if v is pd.NA else v for v in series.astype("string").tolist()]


class _Finder:
    """Finds the statements of one article; holds the per-article lookups."""

    def __init__(self, article: Article, doc: Doc, sentences: pd.DataFrame):
        self.article, self.doc, self.text = article, doc, article.text
        self.paras = {p.index: p for p in article.paragraphs}
        eligible = [p for p in article.paragraphs if p.kind in SOURCE_KINDS]
        self.quotes = quote_spans(self.text, eligible)
        self.sent_rows = list(zip(sentences["paragraph"].tolist(), sentences["sentence"].tolist(),
                                  sentences["start"].tolist(), sentences["end"].tolist(),
                                  _strings(sentences["paragraph_kind"])))
        self.sent_starts = [r[2] for r in self.sent_rows]
        self.doc_text = doc.text  # sentence texts are slices of it: Span.text joins the tokens each time

    def sentence_of(self, offset: int) -> tuple:
        i = max(bisect.bisect_right(self.sent_starts, offset) - 1, 0)
        return self.sent_rows[i]

    def quote_at(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.quotes, (offset, float("inf"))) - 1
        if i >= 0 and self.quotes[i][0] <= offset < self.quotes[i][1]:
            return self.quotes[i]
        return None

    # -- pass 1: cue verbs and "according to" --

    def statements(self) -> list[Statement]:
        found: list[Statement] = []
        candidates = _cue_candidates(self.doc)
        for sent, row in zip(self.doc.sents, self.sent_rows):
            if row[4] not in SOURCE_KINDS:
                continue
            sent_text = self.doc_text[sent.start_char:sent.end_char]
            if ":" in sent_text:
                st = self._colon(sent, row)
                if st is not None:
                    found.append(st)
            lo, hi = bisect.bisect_left(candidates, sent.start), bisect.bisect_left(candidates, sent.end)
            if lo == hi or not _may_attribute(sent_text):
                continue
            for tok in (self.doc[i] for i in candidates[lo:hi]):
                if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                    st = self._according(tok, sent, row)
                elif tok.pos_ == "VERB" and tok.lemma_.lower() in _ALL_CUES and self.quote_at(tok.idx) is None:
                    st = self._cue(tok, sent, row)
                else:
                    continue
                if st is not None and not _ANONYMITY.match(self.text, st.start, st.end):
                    found.append(st)
        found = self._drop_nested(found)
        return self._carry_over(found)

    def _colon(self, sent: Span, row) -> Statement | None:
        """'Name: words' at the start of a line: a headline or a pull quote credited to the name."""
        colon = next((t for t in sent if t.text == ":" and self.quote_at(t.idx) is None), None)
        if colon is None or colon.i + 1 >= sent.end:
            return None
        lo = sent.start
        for t in sent[: colon.i - sent.start]:
            if t.text in ("-", "–", "—") or t.is_space and "\n" in t.text:
                lo = t.i + 1  # "HEADLINE IN CAPITALS - Philip Bump: ..."
        # a label before a dash ("EXCLUSIVE – Roger Stone: ...") says nothing of the line after it
        if any(t.lower_ in COLON_STOP for t in self.doc[lo:colon.i]):
            return None  # "The Latest: ...", "Delegate Update: ..."
        if any(t.lower_ in COLON_TOPICS for t in self.doc[sent.start:colon.i]):
            return None  # "Turkey earthquake: ...", "Tuesday's Morning Email: ...": a topic or a label
        if any(self._inverted(t, sent) is not None or t.lemma_.lower() in _LINE_CUES and any(
                c.dep_ == "nsubj" and c.i > colon.i and c.lower_ not in ("i", "we") for c in t.children)
               for t in self.doc[colon.i + 1:sent.end]):
            # "Sudan: ... killed, say activists": the cue in the line names the speaker ("Blumenthal:
            # ... If I Would Have Told ..." is the named speaker's own "I")
            return None
        left = self.doc[lo:colon.i]
        # a capital first letter, not title case: "McCain" and "DeSantis" are not title case
        if not 1 <= len(left) <= 6 or left[0].lower_ in COLON_STOP or not left[0].text[:1].isupper():
            return None
        shouted = all(t.is_upper or t.is_punct for t in left)  # transcripts: "TAPPER: ..."
        if not shouted and any(t.pos_ in ("VERB", "AUX", "PRON", "NUM", "ADV", "SCONJ") or t.like_num for t in left):
            return None
        if not (shouted or any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in left)
                or len(left) <= 4 and all(t.is_title or t.is_punct or t.text in ("’s", "'s") for t in left)):
            return None  # "Sanders: ..." in a headline, even when the tagger calls Sanders a noun
        q = self.quote_at(self.doc[colon.i + 1].idx) if not self.doc[colon.i + 1].is_space else None
        if q is None:
            q = self._quote_after(colon.idx + 1, row[0], sent)
        if q is not None and q[0] <= sent.end_char + 2 and not (
                q[0] <= self.doc[colon.i + 1].idx + 1 and re.search(r"\w", self.text[q[1]:sent.end_char])):
            # a quotation alone after the colon is the content; one that opens the words after it
            # ("Sanders: ‘Of Course’ Clinton Is Qualified") is part of them
            start, end, parts, kind = q[0], q[1], [q], "direct"
        elif all(t.is_punct or t.ent_type_ in ("GPE", "LOC") or _country(t.text) for t in left):
            return None  # "Sudan: at least 100 killed": a place before unquoted words is the topic
        else:
            hi = sent.end
            if self._opens_paragraph(left[0].idx) and (shouted or any(
                    t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in left)):
                # a transcript's answer ("Nwosu: We have lost everything. The water came at night.")
                # is the whole line, not its first sentence
                line_end = self.text.find("\n", colon.idx)
                line_end = self.paras[row[0]].end if line_end < 0 else min(line_end, self.paras[row[0]].end)
                last = self.doc.char_span(colon.idx, line_end, alignment_mode="contract")
                hi = max(hi, last.end) if last is not None else hi
            span = self._trim(self.doc[colon.i + 1:hi])
            if span is None or len(span) < 3:
                return None
            start, end, parts = self._snap(span.start_char, span.end_char, row[0])
            kind = "mixed" if parts else "indirect"
        st = Statement(start, end, kind, self.doc[colon.i:colon.i + 1], ":", left, row[0], list(parts))
        if kind == "direct":
            self._extend(st)
        return st

    def _according(self, tok: Token, sent: Span, row) -> Statement | None:
        to = self.doc[tok.i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        if not pobj:
            return None
        speaker = _speaker_span(pobj[0])
        phrase_lo, phrase_hi = tok.i, max(speaker.end - 1, to.i)
        # what hangs on the source is part of the phrase, not the claim: "according to a database
        # maintained by ...", "according to the WHO, which recommends ..."
        whole = min(max(phrase_hi, pobj[0].right_edge.i), sent.end - 1)
        span = None
        for last in dict.fromkeys((whole, phrase_hi)):
            left = (sent.start, phrase_lo)
            right = (last + 1, sent.end)
            lo, hi = max((left, right), key=lambda r: len(self.doc[r[0]:r[1]].text))
            span = self._trim(self.doc[lo:hi])
            if span is not None and len(span) >= 3:
                break
        if span is None or len(span) < 3:
            return None
        return Statement(span.start_char, span.end_char, "according_to", self.doc[tok.i:to.i + 1],
                         "according to", speaker, row[0])

    def _trim(self, span: Span) -> Span | None:
        lo, hi = span.start, span.end
        m = _DATELINE.match(self.doc_text, self.doc[lo].idx) if lo < hi else None
        if m is not None:  # "KHARKIV, Ukraine (AP) — A Russian missile hit ...": the dateline is not said
            while lo < hi and self.doc[lo].idx < m.end():
                lo += 1
        while lo < hi and (self.doc[lo].is_punct and self.doc[lo].text not in "“\"‘'" or self.doc[lo].is_space
                           or self.doc[lo].lower_ in ("and", "but", "that") and lo == span.start):
            lo += 1
        # a closing quote mark or a per cent sign ends the content ("rose by 20%."), and so does a
        # bracket opened inside it ("the Trans-Pacific Partnership (TPP)"); other marks do not
        while hi > lo and (self.doc[hi - 1].is_punct and self.doc[hi - 1].text not in "”\"’'%" and not (
                self.doc[hi - 1].text == ")" and "(" in self.doc_text[self.doc[lo].idx:self.doc[hi - 1].idx])
                or self.doc[hi - 1].is_space):
            hi -= 1
        return self.doc[lo:hi] if hi > lo else None

    def _inverted(self, verb: Token, sent: Span) -> Token | None:
        """The speaker of a cue inverted at the end of a line: "..., say activists"."""
        # headline style only: a present-tense cue right after a comma, its speaker right after it
        # ("..., told The Huffington Post" names a listener; "X, a surrogate, said Thursday on Fox" its day)
        if verb.lemma_.lower() not in _LINE_CUES - LISTENER_VERBS or verb.tag_ not in ("VBP", "VBZ") or \
                verb.i == sent.start or self.doc[verb.i - 1].text != ",":
            return None
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.left_edge.i == verb.i + 1
                    and c.pos_ in ("NOUN", "PROPN")), None)
        rest = self.doc[obj.right_edge.i + 1:sent.end] if obj is not None else None
        if obj is None or any(not t.is_punct and not t.is_space for t in rest):
            return None
        return obj

    def _cue(self, verb: Token, sent: Span, row) -> Statement | None:
        lemma = verb.lemma_.lower()
        inverted = self._inverted(verb, sent)
        if inverted is not None:
            # the words before the comma, back to a headline colon, are the content
            colon = next((t.i for t in sent if t.text == ":" and t.i < verb.i), None)
            span = self._trim(self.doc[(colon + 1 if colon is not None else sent.start):verb.i])
            if span is None or len(span) < 3:
                return None
            start, end, parts = self._snap(span.start_char, span.end_char, row[0])
            return Statement(start, end, "mixed" if parts else "indirect", _cue_span(verb), lemma,
                             _speaker_span(inverted), row[0], parts)
        if lemma in BELIEF_VERBS and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children):
            return None  # "asked whether he thought ...": a belief asked about, not held
        head = _speaker_head(verb)
        if head is None and verb.tag_ in ("VBD", "VBZ", "VBP"):
            head = self._name_before(verb)
        if head is None and verb.tag_ in ("VBD", "VBZ", "VBP"):
            # "About 4 in 10 say ...": the parser hangs a poll's share on the verb as a number
            head = next((c for c in verb.children if c.i < verb.i and c.dep_ in ("nummod", "npadvmod")
                         and c.pos_ == "NUM"), None)
        if head is None or head.is_space:
            return None
        if self.quote_at(head.idx) is not None:
            return None  # a subject inside a quote belongs to the quoted speech
        speaker = _speaker_span(head)
        for other in head.head.children if head.head is not head else ():
            # the parser may split "the lawyer Anna Berg" into two subjects: keep both
            if other is not head and other.dep_ == head.dep_ and other.dep_ == "nsubj" and not _dateline(other):
                span2 = _speaker_span(other)
                if span2.start == speaker.end or speaker.start == span2.end:
                    speaker = self.doc[min(speaker.start, span2.start):max(speaker.end, span2.end)]
        cue = _cue_span(verb)
        roots = _content_tokens(verb, head)
        roots = [r for r in roots if not (speaker.start <= r.i < speaker.end)]
        if lemma in ESTIMATE_VERBS and not roots:
            return None  # "put pressure on", "put it": no estimate, and no frame for a quote
        if roots and _names_nothing_said(verb, roots, row[4]):
            return None
        text = self.text
        if roots:
            lo = min(r.left_edge.i for r in roots)
            hi = max(r.right_edge.i for r in roots) + 1
            # the content never swallows the speaker or the cue
            if lo < verb.i < hi:
                if all(r.i > verb.i for r in roots):
                    lo = verb.i + 1
                elif all(r.i < verb.i for r in roots):
                    hi = min(verb.i, speaker.start if speaker.start > lo else verb.i)
            if lo < speaker.start and speaker.end == hi <= verb.i:
                hi = speaker.start  # the speaker the parser hung inside the content, at its end
            if lo > verb.i and any(r.dep_ == "ccomp" for r in roots) and speaker.start < verb.i:
                hi = _clause_tail(verb, hi)
            span = self._trim(self.doc[lo:hi])
            if span is not None and (len(span) >= 2 or not span[0].is_stop or span[0].lower_ in ("so", "yes", "no")
                                     or self.quote_at(span.start_char)):
                start, end = span.start_char, span.end_char
                start, end, parts = self._snap(start, end, row[0])
                if parts and self._covers(parts, start, end, speaker, cue):
                    kind = "direct"
                elif parts:
                    kind = "mixed"
                else:
                    if lemma in FRAME_ONLY and lemma not in OBJECT_VERBS and lemma not in ("add", "write", "ask", "answer", "reply", "respond") :
                        return None
                    if lemma in BELIEF_VERBS and head.lower_ in ("i", "we", "you"):
                        return None
                    kind = "indirect"
                if kind == "direct" and start > cue.start_char:
                    # '"Applying those questions ...," Blackwell continued, "you and I should ..."'
                    before = self._quote_before(min(speaker.start_char, cue.start_char), row[0])
                    if before is not None:
                        start, parts = before[0], [before] + list(parts)
                st = Statement(start, end, kind, cue, lemma, speaker, self.sentence_of(start)[0], parts)
                if kind == "direct":
                    self._extend(st)
                return self._relcl(st, verb)
        if lemma in BELIEF_VERBS or lemma in ("show", "find"):
            return None
        if _as_frame(verb):
            # "As the Post reported, the agency issued subpoenas": the clause the frame hangs on is said
            st = self._around(verb, verb.head, sent, row, cue, speaker)
            if st is not None:
                return self._relcl(st, verb)
        if verb.dep_ == "parataxis" and verb.head.sent == verb.sent and not self._quoted_next_to(verb):
            # "This campaign, he says, is different": the sentence around the inserted frame is the content
            frame = {t.i for t in verb.subtree}
            span = self._trim(self.doc[sent.start:sent.end])
            if span is not None:
                inside = [t for t in span if t.i not in frame and not t.is_punct]
                if len(inside) >= 3 and inside[0].i < min(frame) and inside[-1].i > max(frame):
                    start, end, parts = self._snap(span.start_char, span.end_char, row[0])
                    kind = "mixed" if parts else "indirect"
                    if parts and self._covers(parts, start, end, speaker, cue):
                        kind = "direct"
                    st = Statement(start, end, kind, cue, lemma, speaker, row[0], parts)
                    if kind == "direct":
                        self._extend(st)
                    return self._relcl(st, verb)
                if len(inside) >= 3 and self._frame_at_edge(verb, frame) and \
                        not any(c.dep_ == "dobj" for c in verb.children):
                    # "But, Carson added, he did not ...", "He had no ties, the airline added, and ...":
                    # the frame set off by commas at one end of the clause it hangs on
                    st = self._around(verb, verb.head, sent, row, cue, speaker)
                    if st is not None:
                        return self._relcl(st, verb)
        # no clause: a direct quote next to the cue frame ("..." he said / he said: "...")
        frame_lo = min(speaker.start_char, cue.start_char)
        frame_hi = max(speaker.end_char, cue.end_char)
        before = self._quote_before(frame_lo, row[0])
        after = self._quote_after(frame_hi, row[0], sent)
        chosen = [q for q in (before, after) if q is not None]
        if not chosen:
            trailing = self._trailing_clause(verb, speaker, cue, sent)
            if trailing is None:
                return None
            start, end, parts = self._snap(trailing.start_char, trailing.end_char, row[0])
            kind = "mixed" if parts else "indirect"
            return self._relcl(Statement(start, end, kind, cue, lemma, speaker, row[0], parts), verb)
        start, end = chosen[0][0], chosen[-1][1]
        st = Statement(start, end, "direct", cue, lemma, speaker, self.sentence_of(start)[0], chosen)
        self._extend(st)
        return self._relcl(st, verb)

    def _trailing_clause(self, verb: Token, speaker: Span, cue: Span, sent: Span) -> Span | None:
        """The main clause before a closing ", X said (on Friday)." frame the parser did not link to it."""
        # "41 people died when a boat capsized on Wednesday, the IOM said": the parser may hang "said"
        # on "died" with "boat" as a second subject, leaving the cue no clause; the frame is the cue,
        # its speaker and adverbials after one comma, and a main clause (no subordinator) comes before
        lemma = verb.lemma_.lower()
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or lemma not in SPEECH_VERBS or lemma in BELIEF_VERBS or \
                lemma in FRAME_ONLY and lemma not in ("add", "write"):
            return None
        frame_lo = min(speaker.start, cue.start)
        comma = frame_lo - 1
        if comma <= sent.start or self.doc[comma].text != ",":
            return None
        for t in self.doc[frame_lo:sent.end]:
            if t.is_punct or t.is_space or speaker.start <= t.i < speaker.end or cue.start <= t.i < cue.end:
                continue
            if t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ") or t.dep_ in ("ccomp", "dobj", "conj", "mark"):
                return None  # "..., the IOM said, citing ...": more than the frame
            if not any(a.i == verb.i for a in t.ancestors):
                return None  # a word of the clause before, not of the frame
            if t.dep_ == "prep" and t.head.i == verb.i and t.lower_ in ("with", "to", "about", "of", "for", "against"):
                return None  # "..., I agree with Mr Forsyth": the verb's own complement, no frame
        if speaker.root.lower_ in ("i", "we", "you"):
            return None
        span = self._trim(self.doc[sent.start:comma])
        if span is None or sum(not t.is_punct for t in span) < 3:
            return None
        first = span[0]
        if first.pos_ == "SCONJ" or first.dep_ == "mark" or first.lower_ in ("when", "while", "as", "if", "after",
                                                                              "before"):
            return None  # "After the vote, the minister said" frames nothing said
        if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span):
            return None
        return span

    def _quoted_next_to(self, verb: Token) -> bool:
        """True when the word a frame hangs on is inside a quotation right next to the frame ('"...,"
        she said'); a quoted phrase inside the reported sentence ('had been "chipped away" over
        years, she said, and ...') is not: there the sentence around the frame is the content."""
        q = self.quote_at(verb.head.idx)
        if q is None:
            return False
        lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
        between = self.text[q[1]:lo] if q[1] <= lo else self.text[hi:q[0]] if q[0] >= hi else ""
        return not re.search(r"\w", between)

    def _frame_at_edge(self, verb: Token, frame: set[int]) -> bool:
        """True when a parenthetical frame stands at the start or end of its head's clause, set off by a comma."""
        head = verb.head
        words = [t for t in head.subtree if t.i not in frame and not t.is_punct and t.dep_ != "cc"]
        if not words:
            return False
        core = [i for i in frame if not self.doc[i].is_punct]
        lo, hi = min(core), max(core)
        after = self.doc[hi + 1] if hi + 1 < len(self.doc) else None
        before = self.doc[lo - 1] if lo > 0 else None
        if all(t.i > hi for t in words):
            return after is not None and after.text == ","
        if all(t.i < lo for t in words):
            return before is not None and before.text == ","
        return False

    def _around(self, verb: Token, head: Token, sent: Span, row, cue: Span, speaker: Span) -> Statement | None:
        """The clause of `head` without the frame of `verb` in it, credited to the frame's speaker."""
        frame_lo, frame_hi = verb.left_edge.i, verb.right_edge.i + 1
        lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end)
        # words of the clause outside the frame (a leading "But" or the closing stop do not count)
        words = [t.i for t in self.doc[lo:hi] if not (frame_lo <= t.i < frame_hi or t.is_punct or t.is_space
                                                       or t.dep_ == "cc")]
        if not words:
            return None
        if words[0] >= frame_hi:
            lo = frame_hi
        elif words[-1] < frame_lo:
            hi = frame_lo
        span = self._trim(self.doc[lo:hi]) if lo < hi else None
        if span is None or sum(not t.is_punct for t in span) < 3:
            return None
        start, end, parts = self._snap(span.start_char, span.end_char, row[0])
        kind = "mixed" if parts else "indirect"
        if parts and self._covers(parts, start, end, speaker, cue):
            kind = "direct"
        return Statement(start, end, kind, cue, verb.lemma_.lower(), speaker, self.sentence_of(start)[0], parts)

    def _name_before(self, verb: Token) -> Token | None:
        """A name right before a subjectless verb, set off by commas ("..., Jake Sullivan, said: ...")."""
        # The parser sometimes hangs such a name on an earlier noun as an apposition, also with no
        # comma: "while campaigning for his wife Hillary Clinton, former president Bill Clinton said ...".
        i = verb.i - 1
        while i >= 0 and self.doc[i].text in (",", "—", "–") and verb.i - i <= 2:
            i -= 1
        if i < 0:
            return None
        if i == verb.i - 1:
            tok = self.doc[i]
            if tok.ent_type_ == "PERSON" and tok.dep_ == "appos":
                return tok if self.quote_at(tok.idx) is None else None
            # "..., a source close to the investigation said.": a description of a person the parser
            # hung as an apposition on a noun of the content, set off by a comma and ending at the verb
            desc = next((a for a in [tok, *tok.ancestors] if a.dep_ == "appos"), None)
            if desc is not None and desc.right_edge.i == i and desc.pos_ == "NOUN" and \
                    desc.lemma_.lower() in PERSON_NOUNS and desc.left_edge.i > 0 and \
                    self.doc[desc.left_edge.i - 1].text == "," and self.quote_at(desc.idx) is None and \
                    verb.is_ancestor(desc):
                return desc
            return None
        tok = self.doc[i]
        if tok.ent_type_ == "PERSON" and tok.dep_ in ("appos", "conj", "pobj", "dobj") and \
                self.quote_at(tok.idx) is None:
            return tok
        return None

    def _relcl(self, st: Statement, verb: Token) -> Statement:
        node = verb
        for _ in range(4):
            if node.dep_ == "relcl" and node.head.ent_type_ == "GPE":
                st.relcl_place = node.head.text
                break
            node = node.head
            if node.head is node:
                break
        return st

    def _covers(self, parts, start, end, speaker: Span, cue: Span) -> bool:
        """True when the content is all quotation, but for the attribution standing between its parts."""
        first, last = min(q[0] for q in parts), max(q[1] for q in parts)
        if re.search(r"\w", self.text[start:max(start, first)]) or re.search(r"\w", self.text[min(end, last):end]):
            return False  # reported words before or after the quotation: mixed
        outside = []
        for a, b in _gaps(parts, start, end):
            for lo, hi in sorted([(speaker.start_char, speaker.end_char), (cue.start_char, cue.end_char)]):
                if a < hi and lo < b:  # blank the speaker and the cue out of the gap
                    outside.append(self.text[a:max(a, lo)])
                    a = max(a, hi)
            outside.append(self.text[a:b] if a < b else "")
        return len(re.findall(r"\w+", " ".join(outside))) <= 3

    def _snap(self, start: int, end: int, para: int) -> tuple[int, int, list]:
        """Widen content to whole quotations it cuts into; return the quotations it holds."""
        parts = []
        for q in self.quotes:
            if q[1] <= start or q[0] >= end:
                continue
            parts.append(q)
        if parts:
            start = min(start, parts[0][0])
            end = max(end, parts[-1][1])
        return start, end, parts

    def _quote_before(self, pos: int, para: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.quotes, (pos, pos)) - 1
        if i < 0:
            return None
        q = self.quotes[i]
        if q[1] <= pos and _between_is_frame(self.text, q[1], pos) and q[1] > self.paras[para].start:
            return q
        return None

    def _quote_after(self, pos: int, para: int, sent: Span) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.quotes, (pos, pos))
        if i >= len(self.quotes):
            return None
        q = self.quotes[i]
        gap = self.text[pos:q[0]]
        if not _between_is_frame(self.text, pos, q[0]):
            # adverbials may stand between the cue and a colon: "he said on Tuesday: ..."
            m = re.match(r"[^.!?\n]{0,60}:\s*$", gap)
            if not m:
                return None
        if q[0] > self.paras[para].end:
            # a colon-introduced quote in the next paragraph ("Caddell continued:")
            nxt = self.paras.get(para + 1)
            if not (gap.rstrip().endswith(":") and nxt is not None and nxt.start == q[0 ]):
                return None
        return q

    def _extend(self, st: Statement) -> None:
        """A direct quote goes on through the following quotations of its paragraph."""
        para = self.paras[self.sentence_of(st.end - 1)[0]]
        i = bisect.bisect_left(self.quotes, (st.end, st.end))
        cue_inside = st.cue is not None and st.start <= st.cue.start_char < st.end
        while i < len(self.quotes):
            q = self.quotes[i]
            gap = self.text[st.end:q[0]]
            # only the cue may stand between two parts of one quote: '"...," he said. "..."'
            cue_between = st.cue is not None and st.end <= st.cue.start_char < q[0]
            if q[0] >= para.end or "\n" in gap:
                break
            if not self._starts_sentence(q[0]) and not (cue_between and not cue_inside
                                                        and self._frame_gap(st, st.end, q[0])):
                break  # a quote inside a sentence goes on only across the attribution itself
            if re.search(r"\w", gap) and not (cue_between and not cue_inside):
                break
            if cue_between and len(re.findall(r"\w+", gap)) > 30:
                break
            cue_inside = cue_inside or cue_between
            st.end = q[1]
            st.parts.append(q)
            i += 1
            para = self.paras[self.sentence_of(q[1] - 1)[0]]

    def _frame_gap(self, st: Statement, a: int, b: int) -> bool:
        """True when text[a:b] is only the attribution: '," said X, chief executive of Y, "'.

        Besides the speaker and the cue it may hold words hanging on them (an apposition, "on
        Tuesday") but no verb or conjunction, which would start reported words of their own.
        """
        if not re.search(r"[,:—–-]\s*$", self.text[a:b]) or st.speaker_tokens is None:
            return False
        gap = self.doc.char_span(a, b, alignment_mode="expand")
        if gap is None:
            return False
        speaker, cue = st.speaker_tokens, st.cue
        anchors = {speaker.root.i, cue.root.i}
        for t in gap:
            if t.is_punct or t.is_space or speaker.start <= t.i < speaker.end or cue.start <= t.i < cue.end:
                continue
            if t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ") or t.dep_ in ("cc", "mark", "relcl"):
                return False
            if not any(x.i in anchors for x in t.ancestors):
                return False
        return True

    def _starts_sentence(self, pos: int) -> bool:
        row = self.sentence_of(pos)
        return pos - row[2] <= 1 or bool(re.search(r"[.!?:]\s*$", self.text[max(row[2], pos - 4):pos]))

    def _cut_before(self, outer: Statement, inner: Statement) -> int | None:
        """Where outer's content stops to leave inner's cue out, or None when inner stays nested."""
        verb = inner.cue.root
        if not outer.start < inner.cue.start_char < outer.end:
            return None
        if inner.end >= outer.end - 2 and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp") and \
                verb.i > 0 and self.doc[verb.left_edge.i - 1].text == ",":
            return self.doc[verb.left_edge.i - 1].idx  # "..., claiming that ..."
        if _reported_conj(verb) and verb.head.head.i == outer.cue.root.i:
            i = verb.left_edge.i  # "He said A and said B": A stops before "and"
            while i > outer.cue.root.i + 1 and (self.doc[i - 1].dep_ == "cc" or self.doc[i - 1].is_punct):
                i -= 1
            return self.doc[i].idx
        return None

    def _drop_nested(self, found: list[Statement]) -> list[Statement]:
        """Keep one statement per content: a cue inside another's content loses, exact duplicates go."""
        # A participle clause at the end of another statement's content ("..., claiming that ...") and
        # a second cue of the same speaker ("said A and said B") are statements of their own: the outer
        # content stops before them.
        found.sort(key=lambda s: (s.start, -s.end))
        for outer in found:
            for inner in found:
                if inner is outer or inner.cue is None or outer.cue is None or outer.kind == "direct":
                    continue
                cut = self._cut_before(outer, inner)
                if cut is not None and cut > outer.start + 10:
                    outer.end = len(self.text[:cut].rstrip(" ,;—–-"))
                    outer.parts = [q for q in outer.parts if q[0] < outer.end]
                    if outer.parts and outer.parts[-1][1] > outer.end:
                        outer.end = outer.parts[-1][1]
        found.sort(key=lambda s: (s.start, -s.end))
        out: list[Statement] = []
        for st in found:
            clash = next((o for o in out if o.start <= st.start and st.end <= o.end and o.cue is not None
                          and st.cue is not None and (o.start <= st.cue.start_char < o.end
                                                      or (o.start, o.end) == (st.start, st.end)
                                                      or o.kind == "direct")), None)
            if clash is not None:
                continue
            out.append(st)
        return out

    # -- pass 2: quotations nobody was credited with --

    def _opens_paragraph(self, offset: int) -> bool:
        """True when only white space stands between the offset and the start of its line."""
        return not self.text[self.text.rfind("\n", 0, offset) + 1:offset].strip()

    def _carry_over(self, found: list[Statement]) -> list[Statement]:
        out = sorted(found, key=lambda s: s.start)
        claimed = [(s.start, s.end) for s in out]
        extra = []
        for q in self.quotes:
            if any(a <= q[0] < b or a < q[1] <= b for a, b in claimed):
                continue
            row = self.sentence_of(q[0])
            if row[4] not in ("body",):
                continue
            words = len(re.findall(r"\w+", self.text[q[0]:q[1]]))
            if words < 4 or q[0] - row[2] > 1:
                continue  # a term in quote marks, or a quote its own sentence introduces, not carried over
            prev = [s for s in out if s.start < q[0] and s.speaker_tokens is not None]
            if not prev:
                continue
            last = max(prev, key=lambda s: s.start)
            if row[0] - last.paragraph > 1:
                continue
            if row[0] != last.paragraph and last.kind != "direct" and not (
                    last.kind == "indirect" and self._opens_paragraph(q[0]) and "\n" in self.text[q[0]:q[1]]):
                # "Amina Yahya said the fighters arrived before dawn." then a quotation running over
                # several paragraphs, each opening with a quote mark: the newspaper convention for one
                # speaker's long quotation; a single unattributed quote paragraph may be anyone's
                continue
            if last.kind == "direct" and last.cue is not None and not re.search(r"\w", self.text[last.end:q[0]]):
                # the quotation goes on in the next paragraph: one statement, as annotators mark it
                last.end = q[1]
                last.parts.append(q)
                claimed.append(q)
                continue
            st = Statement(q[0], q[1], "direct", None, None, last.speaker_tokens, row[0], [q],
                           carried_from=last)
            st.relcl_place = last.relcl_place
            extra.append(st)
            claimed.append(q)
        return sorted(out + extra, key=lambda s: (s.start, s.end))


def _gaps(parts, start, end):
    pos = start
    for s, e in sorted(parts):
        if s > pos:
            yield pos, min(s, end)
        pos = max(pos, e)
    if pos < end:
        yield pos, end


# --- speakers ---------------------------------------------------------------------------------

@dataclass
class Profile:
    name: str
    kind: str
    named: bool
    role: str | None = None
    former: bool = False
    affiliation: str | None = None
    source_type: str = "unknown"
    gender: str | None = None  # "m" or "f" only where a title or role word says so; used for he/she
    document: bool = False  # a report, survey or study speaking: `name` is its author or the phrase
    antecedent: bool = False  # "it" or "the company" resolved to an organisation named before


# Titles and role words that tell a person's grammatical gender, for resolving he/she.
GENDER_WORDS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                "congressman": "m", "spokesman": "m", "chairman": "m", "businessman": "m", "father": "m",
                "husband": "m", "king": "m", "congresswoman": "f", "spokeswoman": "f", "chairwoman": "f",
                "businesswoman": "f", "mother": "f", "wife": "f", "actress": "f", "queen": "f",
                "sir": "m", "lord": "m", "dame": "f", "lady": "f"}
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _country(word: str) -> str | None:
    w = word.lower().strip(".’'").replace("’s", "").replace("'s", "")
    return _COUNTRY_OF.get(w) or _COUNTRY_OF.get(word.lower())


def _org(text: str) -> tuple[str, str] | None:
    t = re.sub(r"^(the)\s+", "", text.lower().replace("’s", "").replace("'s", "").strip())
    return ORGANIZATIONS.get(t) or ORGANIZATIONS.get(text.lower())


def _entity(tok: Token) -> Span | None:
    """The entity a token is part of, from the token's IOB tags (no scan over doc.ents)."""
    if not tok.ent_type_:
        return None
    doc, lo, hi = tok.doc, tok.i, tok.i + 1
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return doc[lo:hi]


def _affiliation(tokens, own: Token | None = None) -> str | None:
    """Country or organisation named in a phrase: possessors, demonyms, 'of X', organisations.

    `own` is the phrase's head when the phrase names an organisation: its own name is no affiliation.
    """
    own_ent = _entity(own) if own is not None and own.ent_type_ == "ORG" else None
    doc_ents = []
    for tok in tokens:
        if tok.ent_type_ == "ORG" and tok.ent_iob_ == "B":
            ent = _entity(tok)
            if ent is not None and (own_ent is None or (ent.start, ent.end) != (own_ent.start, own_ent.end)):
                doc_ents.append(ent)
    for tok in tokens:
        if tok.dep_ == "poss" or any(c.dep_ == "case" for c in tok.children):
            c = _country(tok.text)
            if c:
                return c
    for ent in doc_ents:
        hit = _org(ent.text)
        if hit:
            return hit[0]
    in_org = {t.i for ent in doc_ents for t in ent}
    for tok in tokens:
        if tok.i in in_org:
            continue  # "UK Independence Party leader": the party, not the country
        if tok.lower_ in ("dem", "dems") and tok.i > 0 and tok.nbor(-1).lower_ == "lib":
            return "Liberal Democrats"  # "Lib Dem spokesman Mark Oaten": the recogniser rarely types it
        if tok.ent_type_ in ("NORP", "GPE") or tok.pos_ in ("PROPN", "ADJ"):
            c = _country(tok.text)
            if c:
                return c
            # the recogniser types "Tory" but often not "Labour": a capitalised party word in the phrase counts
            if tok.lower_ in _PARTY_WORDS and (tok.ent_type_ == "NORP" or tok.text[:1].isupper()):
                if tok.i > 0 and tok.nbor(-1).lower_ == "liberal":
                    return "Liberal Democrats"
                return _PARTY_WORDS[tok.lower_]
    for ent in doc_ents:
        if ent.text.lower() not in ("defense", "defence") and not re.match(r"(?i)(the\s+)?state\b", ent.text):
            return re.sub(r"^the\s+", "", ent.text, flags=re.I)
    return None


def _body_type(affiliation: str | None, words: str | None, by_country: bool = True) -> str | None:
    """The type of the body a representative speaks for, from the affiliation, else the role words.

    A country makes a spokesman or an official a government's; a director or a chief executive
    of a country is mostly a company's, so `by_country` is False for those words.
    """
    if affiliation in KNOWN_COUNTRIES:
        if by_country:
            return "government"
        affiliation = None
    if affiliation:
        org = _org(affiliation)
        if org:
            return {"party": "politician", "government": "government",
                    "intergovernmental": "government"}.get(org[1], "organization")
    for phrase in (affiliation, words):
        for kind, pattern in _BODY_TYPES if phrase else ():
            if pattern.search(phrase):
                return kind
    if affiliation:
        return "organization"
    # an unnamed body in the role words: "a company spokesman", "a hospital spokeswoman"
    if words and re.search(r"(?i)\b(?:company|firm|group|corporation|bank|club|hospital|university|"
                           r"school|charity|union|association|federation|foundation|network|"
                           r"studios?|newspaper|broadcaster|airlines?|carrier|operator|retailer|"
                           r"manufacturer|maker|insurer|lender|supermarket|chain)\b", words):
        return "organization"
    return None


_BODY_PREPS = frozenset({"at", "of", "for", "from", "with"})
_NO_BODY_ENTS = frozenset({"GPE", "LOC", "NORP", "PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                           "PERCENT", "QUANTITY", "EVENT", "LANGUAGE", "LAW"})


# Nouns that head an organisation's "X of Y" name before a title: "Bank of England Governor",
# "University of Oxford professor", "Church of Scotland Moderator".
_OF_NAME_HEADS = ORG_NOUNS | frozenset("""bank university board authority federation society academy college
school hospital trust fund league chamber corporation institution church confederation""".split())


def _body_before_role(tokens: list[Token]) -> list[Token]:
    """The capitalised "X of Y" name of a body in the words before a person's name, or []."""
    for i, t in enumerate(tokens[:-2]):
        if t.lower_ in _OF_NAME_HEADS and t.text[:1].isupper() and tokens[i + 1].lower_ == "of":
            j = i + 2
            while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].lower_ in ("the", "and", "&")) \
                    and tokens[j].lower_ not in _ROLE_WORDS and tokens[j].lower_ not in TITLE_ROLES:
                j += 1
            while j > i + 2 and tokens[j - 1].lower_ in ("the", "and", "&"):
                j -= 1
            k = i
            while k > 0 and tokens[k - 1].text[:1].isupper() and tokens[k - 1].lower_ not in _ROLE_WORDS:
                k -= 1  # "Reserve Bank of India", "Central Bank of Nigeria"
            if j > i + 2:
                return tokens[k:j]
    return []


def _named_body(tok: Token) -> str | None:
    """The organisation an "at/of/for/from X" phrase on a token names: "Ian Hunter at Goodbody
    Stockbrokers", "a spokeswoman for Oxfam", "chief executive of AOL UK" (not the country)."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in _BODY_PREPS:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ != "PROPN":
            continue
        doc, lo, hi = tok.doc, pobj.i, pobj.i + 1
        while lo - 1 > prep.i and (doc[lo - 1].pos_ == "PROPN" or doc[lo - 1].text == "&"):
            lo -= 1  # the name's own words only: "US TV network Fox" -> "Fox"
        of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == hi), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is not None and inner.pos_ == "PROPN":
            hi = inner.i + 1  # "the Church of Scotland", "the Department for Culture"
        ent = _entity(pobj) if pobj.ent_type_ == "ORG" else None
        if ent is not None:
            lo, hi = min(lo, ent.start), max(hi, ent.end)
        while hi - 1 > lo and doc[hi - 1].lower_ in _ROLE_WORDS:
            hi -= 1  # "Church of Scotland Minister": the role is no part of the body's name
        span = doc[lo:hi]
        # one unknown capitalised word is too weak ("Secretary of State"); an organisation entity,
        # an acronym ("the IAAF") or a longer name is not
        if not (any(t.ent_type_ == "ORG" for t in span) or pobj.ent_type_ not in _NO_BODY_ENTS and (
                len(span) >= 2 or pobj.text.isupper() and len(pobj.text) >= 2)):
            continue
        text = re.sub(r"^(the|a|an)\s+", "", span.text, flags=re.I)
        text = re.sub(r"\s*[’']s$", "", text)
        if _country(text) or re.match(r"(?i)state\b", text):
            continue  # "the mayor of London", "of the US": a place, read by _affiliation
        org = _org(text)
        return org[0] if org else text
    return None


# Words before "attorney" that make a public prosecutor, and words before "officer" that make a
# civil officer (a representative of a public body or a company) rather than an army officer.
_PUBLIC_ATTORNEY = frozenset({"district", "county", "state", "state's", "city", "u.s.", "us", "prosecuting",
                              "crown", "federal"})
_CIVIL_OFFICER = {**{w: "official" for w in """information press communications public fire police medical
health liaison customs probation welfare media election returning""".split()},
                  **{w: "executive" for w in "executive financial operating technology marketing".split()}}


def _type_of(words: str | None, affiliation: str | None = None, kind: str = "person") -> str:
    """The source type: a role word with a type of its own decides ("ambassador", "MP"); a
    representative's word ("spokesman", "leader") takes the type of the body it speaks for."""
    if words:
        low = words.lower()
        if re.search(r"\bshadow\b", low):
            return "politician"  # the opposition's frontbench: "shadow chancellor"
        represents, previous = None, None
        tokens = re.findall(r"[\w.\-]+", low)
        for i, w in enumerate(tokens):
            w = w if w in _TYPE_OF_WORD or w in REPRESENTATIVE_ROLES else w.rstrip("s")
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if w == "general" and (previous in _TYPE_OF_WORD or previous in REPRESENTATIVE_ROLES
                                   or following in _NOT_RANK_AFTER_GENERAL):
                pass  # "secretary general", "attorney general", "general secretary": no army rank
            elif w == "attorney" and (previous in _PUBLIC_ATTORNEY or following == "general"):
                return "government"  # a district attorney or attorney general prosecutes for the state
            elif w == "officer" and previous in _CIVIL_OFFICER:
                represents = represents or _CIVIL_OFFICER[previous]  # "fire information officer": no soldier
            elif w in REPRESENTATIVE_ROLES:
                represents = represents or w
            elif w in _TYPE_OF_WORD:
                return _TYPE_OF_WORD[w]
            previous = w
        if represents:
            default = REPRESENTATIVE_ROLES[represents]
            return _body_type(affiliation, words, by_country=default != "unknown") or default
    if affiliation:
        org = _org(affiliation)
        if org:
            return {"media": "journalist", "party": "politician", "government": "government"}.get(
                org[1], "organization")
    if kind == "country":
        return "government"
    return "unknown"


# An unnamed speaker described as such ("An RSF commander", "a police spokeswoman"), and the
# "according to" that makes a speaker no subject a later "he" could continue.
_DESCRIPTION = re.compile(r"(?:an?|the|one|another)\s+\w", re.I)
_AFTER_ACCORDING = re.compile(r"according\s+to\s+$", re.I)


# Nouns that stand for any company named before ("the firm"); other body nouns stand for a body
# whose name holds them ("the ministry" for the Ministry of Health).
_COMPANY_NOUNS = frozenset("""company firm group corporation bank lender insurer airline retailer supermarket
chipmaker carmaker automaker drugmaker planemaker steelmaker brewer conglomerate manufacturer maker""".split())


# Prepositions that make a place where something happened, not an actor: "rose in Leeds".
_PLACE_PREPS = frozenset("in at near from across outside inside around throughout to into".split())


_NEWS_NAME = re.compile(r"\b(?:News|Times|Post|Journal|Herald|Telegraph|Guardian|Tribune|Gazette|Press|Reuters|"
                        r"Bloomberg|Agency France|Television|TV|Radio)\b")


def _company_like(name: str) -> bool:
    """True for a name that may be a company's: not a party's, a government body's, an army's or a news outlet's."""
    org = _org(name)
    if org is not None:  # a news outlet reports on the company rather than being it
        return org[1] not in ("party", "government", "intergovernmental", "media")
    return not any(pattern.search(name) for _, pattern in _BODY_TYPES) and not _country(name) \
        and not _NEWS_NAME.search(name)


# Nouns for the channel a statement came through: "in a post on Telegram" names no actor.
_MEDIUM_NOUNS = frozenset("post posts statement message video interview broadcast website channel account".split())


def _medium(ent: Span) -> bool:
    """True for a name that is the channel of a statement ("a post on Telegram", "a video on X")."""
    prep = ent.root.head
    return ent.root.dep_ == "pobj" and prep.lower_ in ("on", "via") and prep.head.lemma_.lower() in _MEDIUM_NOUNS


def _body_name(span: Span) -> str:
    """A body's name without the description before it: "security firm RSA" -> "RSA"."""
    for t in reversed(span):
        if t.pos_ == "NOUN" and t.text.islower() and (_body_noun(t) or t.lower_ == "operator"):
            rest = span.doc[t.i + 1:span.end]
            if len(rest) and rest[0].pos_ == "PROPN" and all(
                    x.pos_ == "PROPN" or x.lower_ in ("&", "of", "and", "the") for x in rest):
                return rest.text
            break
    return span.text


def _in_name(tok: Token, head: Token) -> bool:
    """True for a word of the name headed by `head`: the head, a word on it, or a word on one of
    those ("Médecins" on "Sans" on "Frontières")."""
    if tok.i == head.i or tok.head.i == head.i:
        return True
    return tok.dep_ in ("compound", "flat") and tok.head.dep_ in ("compound", "flat") and \
        tok.head.pos_ == "PROPN" and tok.head.head.i == head.i


def _prep_of(tok: Token, head: Token) -> Token | None:
    """The preposition on `head` whose phrase holds `tok`, when `head` is a common noun with a
    determiner: a description ("a spokesman for X"), not a title before a name ("Spokesman for
    sport Hugh Robertson")."""
    if head.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") for c in head.children):
        return None
    for a in [tok, *tok.ancestors]:
        if a.head.i == head.i and a.i != head.i:
            return a if a.dep_ == "prep" else None
    return None


def _behind_prep(tok: Token, head: Token) -> bool:
    """True for a word in a prepositional phrase on a common-noun head ("a spokesman for X")."""
    return _prep_of(tok, head) is not None


class _Resolver:
    """Resolves speakers within one article: names, surnames, pronouns, descriptions, organisations."""

    def __init__(self, article: Article, doc: Doc, finder: _Finder, contents: list[tuple[int, int]] = ()):
        self.doc, self.text, self.finder = doc, article.text, finder
        self.contents = _merged(contents)  # statement contents: names there are reported, not speaking
        self._in_full_name: dict[str, bool] = {}
        self.documents: dict[str, Profile] = {}  # the last named author of each kind of document
        kinds = {p.index: p.kind for p in article.paragraphs}
        usable = {i for i, k in kinds.items() if k not in ("boilerplate", "related_link", "credit")}
        para_starts = sorted((p.start, p.index) for p in article.paragraphs)
        self.persons: list[Span] = []
        self.orgs: list[Span] = []  # organisations named in the text, for "it" and "the company"
        # names the text gives a body's noun ("railway operator Trenord"): bodies in every mention
        self.body_names = {e.text for e in doc.ents if e.label_ != "ORG" and _named_by_body_noun(e)}
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            i = bisect.bisect_right(para_starts, (ent.start_char, 10**9)) - 1
            if i < 0 or para_starts[i][1] not in usable:
                continue
            # The recogniser sometimes reads a party or country as a person ("Labour", "the Lib
            # Dems"); a name the gazetteer knows as an organisation or country is not one.
            if _country(ent.text):
                continue
            if ent.label_ == "ORG" or _org(ent.text) or ent.text in self.body_names:
                self.orgs.append(ent)
            else:
                self.persons.append(ent)
        self.full: dict[str, str] = {}
        self.bearers: dict[str, set[str]] = {}  # the full names sharing each surname
        for ent in self.persons:
            name = self._clean(ent)
            parts = name.split()
            if len(parts) >= 2:
                self.full.setdefault(parts[-1].lower(), name)
                self.bearers.setdefault(parts[-1].lower(), set()).add(name)
        self.profiles: dict[str, Profile] = {}
        for ent in self.persons:
            self._learn(ent)

    def _clean(self, ent: Span) -> str:
        toks = [t for t in ent if t.lower_ not in TITLES and t.dep_ != "case" and t.text not in ("’s", "'s")]
        while len(toks) > 1 and (toks[0].lower_ in _ROLE_WORDS or toks[0].lower_ in TITLE_ROLES
                                 or _police_rank(toks[0])):
            toks = toks[1:]  # "Founder Beverly Bond", "Sen. Ted Cruz": the role is not the name
        # joined as written, so "Kilroy-Silk" stays one word (not "Kilroy - Silk")
        name = "".join(t.text_with_ws for t in toks).strip(" ,.")
        return re.sub(r"[’']s$", "", re.sub(r"\s+", " ", name))

    def canonical(self, name: str) -> str:
        parts = name.split()
        if len(parts) == 1:
            if parts[0].lower() in self.full:
                return self.full[parts[0].lower()]
            # a first name alone ("Digby" for Digby Jones), when only one full name starts with it
            firsts = {full for full in self.full.values() if full.split()[0] == parts[0]}
            return firsts.pop() if len(firsts) == 1 else name
        if len(parts) == 2:
            # "Andy Robinson" is not "Jason Robinson": a two-word name joins a longer one only with its first name
            full = self.full.get(parts[-1].lower())
            return full if full and full.split()[0] == parts[0] else name
        return name

    def _describe(self, ent: Span) -> tuple[str | None, bool, str | None]:
        """Role, former and affiliation from the phrase around one mention of a name."""
        head = ent.root
        anchor = head.head if head.dep_ in ("appos",) and head.head.pos_ in ("NOUN", "PROPN") else head
        left = []
        i = ent.start - 1
        while i >= anchor.left_edge.i and i >= 0:
            t = self.doc[i]
            # a hyphen inside a word ("Ex-Labour MP") is part of the phrase; a spaced dash ends it
            glued = t.text == "-" and i > 0 and not self.doc[i - 1].whitespace_
            if t.is_punct and t.text != "." and not glued or t.is_space:
                break
            left.append(t)
            i -= 1
        left.reverse()
        described = [t for t in anchor.subtree if t.i < ent.start and t not in left] if anchor is not head else []
        appos = []
        for child in list(head.children) + ([] if anchor is head else list(anchor.children)):
            if child.dep_ == "appos" and child.i > ent.end - 1:
                appos.extend(t for t in child.subtree if not any(
                    a.dep_ == "prep" and a.lower_ != "of" and a.i in {x.i for x in child.subtree}
                    for a in [t, *t.ancestors]))
        body = _body_before_role(left)
        if body:
            left = [t for t in left if t not in body]  # "Bank of England Governor": the body is no role
        groups = [left, described, appos]
        former = any(t.lower_ in ("former", "ex", "ex-") for g in groups for t in g)
        role_toks = next((r for r in map(self._role_tokens, groups) if r), [])
        role = " ".join(_police_rank(t) or TITLE_ROLES.get(t.lower_, t.text) for t in role_toks) or None
        if role and role_toks[0].i < ent.start and _type_of(role) == "unknown" and \
                all(t.i < ent.start and t.is_title and len(t.text) <= 5 for t in role_toks):
            # "Lt. Pamela Castro, a police spokeswoman": a short title that says nothing of the kind of
            # source gives way to the apposition's role
            appos_role = self._role_tokens(appos)
            if appos_role:
                role_toks, role = appos_role, " ".join(t.text for t in appos_role)
        if role and len(role_toks) == 1 and role_toks[0].tag_ == "NNS":
            role = role_toks[0].lemma_
        heads = [head, anchor] + [c for c in list(head.children) + list(anchor.children)
                                  if c.dep_ == "appos" and c.i > ent.end - 1]
        explicit = next((x for x in map(_named_body, heads) if x), None)
        affiliation = explicit or (" ".join(t.text for t in body) if body else None) or next(
            (x for x in (_affiliation(left + described), _affiliation(appos)) if x), None)
        return role, former, affiliation

    @staticmethod
    def _role_tokens(tokens) -> list[Token]:
        role_toks = []
        ids = {t.i for t in tokens}
        for t in tokens:
            if t.lower_ in TITLE_ROLES:
                role_toks.append(t)
                continue
            if t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON", "DATE", "CARDINAL") and not (
                    t.ent_type_ == "ORG" and t.lower_ in ("defense", "defence", "foreign", "interior")) and not (
                    t.lower_ in _PUBLIC_ATTORNEY and t.i + 1 < len(t.doc) and t.nbor().lower_ == "attorney"):
                # "El Paso County District Attorney": "District" is the role's, not the place's
                if role_toks and t.ent_type_ != "PERSON":
                    continue
                continue
            if t.dep_ in ("det", "poss", "case", "punct", "prep", "pobj") and t.pos_ not in ("NOUN", "PROPN") \
                    or t.lower_ in TITLES or t.lower_ in ("former", "ex", "-", "one", "of", "the", "a", "an", "his", "her"):
                continue
            if len(t.text) < 2 or t.nbor(-1).text == "(" if t.i > 0 else False:
                continue  # "(C)" in captions
            if any(a.dep_ in ("relcl", "acl", "advcl", "ccomp") for a in t.ancestors if a.i in ids):
                continue
            if t.pos_ in ("NOUN", "PROPN", "ADJ"):
                role_toks.append(t)
        return role_toks

    def _learn(self, ent: Span) -> None:
        name = self.canonical(self._clean(ent))
        if not name:
            return
        role, former, aff = self._describe(ent)
        prof = self.profiles.get(name)
        if prof is None:
            prof = self.profiles[name] = Profile(name, "person", True)
        if role and (prof.role is None or len(role) > len(prof.role) and prof.role in role):
            prof.role = role
        prof.former = prof.former or former
        prof.affiliation = prof.affiliation or aff
        if prof.gender is None:
            near = self.doc[max(ent.start - 3, ent.sent.start):ent.end]
            prof.gender = next((GENDER_WORDS[t.lower_] for t in near if t.lower_ in GENDER_WORDS), None)

    def person_before(self, offset: int, gender: str | None = None, limit: int = 1500) -> tuple[str, int] | None:
        """The last name mentioned before the offset outside quotes and statement contents, if close
        enough, and where; a name owning a thing in a phrase, or under a he/she subject of the asked
        gender, is taken only when no other name fits."""
        owner = None
        for ent in reversed(self.persons):
            if ent.end_char <= offset and offset - ent.start_char <= limit and \
                    self.finder.quote_at(ent.start_char) is None:
                if _inside(self.contents, ent.start_char) and not self._frames_quote(ent):
                    continue  # "Mr Blair has the same passion, he said": Blair is talked about
                if not self._antecedent(ent):
                    continue
                name = self.canonical(self._clean(ent))
                if gender is None or self._profile(name).gender in (None, gender):
                    if _owner_in_phrase(ent) or _under_pronoun(ent, gender):
                        owner = owner or (name, ent.start_char)
                        continue
                    return name, ent.start_char
        return owner

    def _frames_quote(self, ent: Span) -> bool:
        """True for a name that introduces a quotation itself: 'Sen. Claire McCaskill scolded him: "...'."""
        # a colon and a quote mark within a short frame after the name, in the same sentence
        m = re.match(r"(?:(?![.!?]\s)[^\n\"“”]){0,60}?:\s*[\"“]", self.text[ent.end_char:ent.end_char + 70])
        return m is not None and self.finder.quote_at(ent.end_char + m.end() - 1) is not None

    def _antecedent(self, ent: Span) -> bool:
        """False for a lone word the recogniser took for a name ("Bill" of "... Bill", "Dubliner"):
        a one-word name counts only with a title before it or as part of a full name in the article."""
        if len(self._clean(ent).split()) > 1:
            return True
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and (before.lower_ in TITLES or before.lower_ in TITLE_ROLES):
            return True
        word = self._clean(ent)
        if len(self.canonical(word).split()) > 1:
            return True
        if word not in self._in_full_name:
            # a full name the recogniser missed: "Marcel Desailly" in the text makes "Desailly" a name
            self._in_full_name[word] = any(not self.doc.vocab[m.group(1)].is_stop for m in re.finditer(
                r"\b([A-Z][\w’'-]+)\s+" + re.escape(word) + r"\b", self.text))
        return self._in_full_name[word]

    def org_before(self, span: Span, previous: list[tuple[Profile, int]]) -> tuple[str, int] | None:
        """The organisation "it" or "the company" stands for, and where it was last named: the one
        named before it (in the two sentences before "it", the two paragraphs before a
        description) when nothing else there may be meant."""
        head = span.root
        row_i = max(bisect.bisect_right(self.finder.sent_starts, span.start_char) - 1, 0)
        if head.lower_ == "it":
            lo = self.finder.sent_rows[max(row_i - 2, 0)][2]
        else:
            para = self.finder.sent_rows[row_i][0]
            lo = next((r[2] for r in self.finder.sent_rows if r[0] >= para - 2), span.start_char)

        def seen(e: Span) -> bool:  # named by the reporter in the window, not in someone's words
            return lo <= e.start_char and e.end_char <= span.start_char and \
                self.finder.quote_at(e.start_char) is None and not _inside(self.contents, e.start_char) \
                and not _medium(e)

        names = [(e.start_char, re.sub(r"\s*'s$", "", _org_name(e.text))) for e in self.orgs if seen(e)]
        names += [(at, p.name) for p, at in previous if p.kind == "organization" and p.named and not p.document
                  and not p.antecedent and lo <= at < span.start_char]
        # what the recogniser typed otherwise may be a body too: a lone word taken for a person
        # ("Yukos"), a place that is no country and not where something happened ("Gazprom")
        others = [e for e in self.doc.ents if seen(e) and (
            e.label_ == "PERSON" and len(e) == 1 and not self._antecedent(e) or
            e.label_ == "GPE" and not _country(e.text) and not (
                e.root.dep_ == "pobj" and e.root.head.lower_ in _PLACE_PREPS))]
        if head.lower_ == "it":
            # a country named in between may be what "it" stands for: then the text does not say
            if others or any(e.label_ == "GPE" and _country(e.text) and seen(e) for e in self.doc.ents):
                return None
            fits = names
        elif head.lower_ in _COMPANY_NOUNS:
            if others:
                return None
            fits = [(at, n) for at, n in names if _company_like(n)]
        else:
            fits = [(at, n) for at, n in names if head.lower_ in n.lower().replace("-", " ").split()]
        if not fits:
            return None
        words = [set(re.sub(r"[’']s\b", "", n.lower()).split()) for _, n in fits]
        # "Acme" and "Acme Corp" are one name; two names neither of which holds the other are two
        if any(not (a <= b or b <= a) for a in words for b in words):
            # "According to the Sudan Doctors Network, ... The group said": the body that spoke last,
            # named after every other candidate, is the one meant
            last = previous[-1] if previous else None
            latest = max(fits)
            if last is not None and last[0].kind == "organization" and last[0].named and \
                    not last[0].document and latest[1] == last[0].name and latest[0] >= last[1]:
                return latest[1], latest[0]
            return None
        return max(fits, key=lambda f: (len(f[1]), f[0]))[1], max(at for at, _ in fits)

    def resolve(self, span: Span, previous: list[tuple[Profile, int]], st: Statement) -> tuple[Profile, bool]:
        """The speaker's profile, and whether it is named in the text."""
        head = span.root
        text = span.text
        persons = [e for e in self.persons if e.start >= span.start and e.end <= span.end]
        # "a spokesperson for Mayor Brandon Johnson", "an official in Bol": a name behind a
        # preposition on a common noun is whom or where the speaker serves, not the speaker
        behind = [e for e in persons if _behind_prep(e.root, head)]
        persons = [e for e in persons if e not in behind]
        if len(span) == 1 and head.lower_ in PRONOUNS:
            low = head.lower_
            if low in PRONOUN_GENDER:
                # the nearer of the last named person speaker and the last person mentioned, same gender
                gender = PRONOUN_GENDER[low]
                spoke = next(((p, at) for p, at in reversed(previous) if p.kind == "person" and p.named
                              and p.gender in (None, gender)), None)
                mentioned = self.person_before(span.start_char, gender)
                # "An RSF commander, who spoke on condition of anonymity, told ... 'We are ...,' he
                # said": an unnamed person who spoke last, after every candidate name, is the one
                last = next(((p, at) for p, at in reversed(previous) if p.kind == "person"), None)
                if last is not None and not last[0].named and _DESCRIPTION.match(last[0].name) \
                        and not _AFTER_ACCORDING.search(self.text[max(0, last[1] - 20):last[1]]) \
                        and last[0].gender in (None, gender) and span.start_char - last[1] <= 1500 \
                        and all(last[1] > c[1] for c in (spoke, mentioned) if c is not None):
                    return last[0], False
                if mentioned is not None and (spoke is None or mentioned[1] > spoke[1]):
                    return _gendered(self._profile(mentioned[0]), gender), True
                if spoke is not None:
                    return _gendered(spoke[0], gender), True
            named_before = self.org_before(span, previous) if low == "it" else None
            if low in ("they", "it") and previous and previous[-1][0].kind in (
                    "organization", "country", "group") and (low == "it") == (previous[-1][0].kind != "group") \
                    and (named_before is None or named_before[1] <= previous[-1][1]):
                return previous[-1][0], previous[-1][0].named
            if named_before is not None:
                # "Shares in Acme rose ... It said": the organisation named since the last speaker
                name = named_before[0]
                org = _org(name)
                aff = org[0] if org else None
                return Profile(aff or name, "organization", True, None, False, aff,
                               _type_of(None, aff, "organization") if aff else
                               _body_type(None, name, by_country=False) or "unknown", antecedent=True), True
            return Profile(text, "person" if low in ("i", "he", "she") else "group", False), False
        if head.lower_ in DOCUMENT_NOUNS or head.lemma_.lower() in DOCUMENT_NOUNS:
            return self._document(span, head)
        if head.pos_ == "VERB" and head.dep_ in ("csubj", "nsubj") and not persons and _name_as_clause(head):
            # "Save the Children said": a body's name the parser read as a clause
            name = _org_name(text)
            return Profile(name, "organization", True, None, False, None, "organization"), True
        # "The Wad al-Noura resistance committee": a body named after a place or person is no person
        body_head = head.pos_ == "NOUN" and _body_noun(head) and not any(
            e.start <= head.i < e.end for e in persons)
        proper = [t for t in span if t.pos_ == "PROPN" and t.i < head.i]
        plural_name = head.tag_ == "NNPS" or span[0].lower_ == "the" and head.pos_ == "PROPN" and \
            head.text.endswith("s") and head.ent_type_ != "PERSON"  # no person's name takes "the"
        if plural_name and proper and head.ent_type_ not in ("GPE", "NORP", "LOC") and not _country(text):
            # "The White Helmets": a plural proper name is a body, whatever the recogniser made of it
            org = _org(text)
            name = org[0] if org else _org_name(text)
            return Profile(name, "organization", True, None, False, org[0] if org else None,
                           _type_of(None, org[0] if org else None, "organization")), True
        body = _appos_body(head)
        if body is not None and span.start <= body.i < span.end:
            name = _org_name(self.doc[body.left_edge.i:body.right_edge.i + 1].text)
            org = _org(name)
            aff = org[0] if org else name
            kind_of = _type_of(head.lower_, aff, "organization")
            return Profile(aff, "organization", True, None, False, aff, kind_of), True
        rank = next((t for t in span if t.i < head.i and _police_rank(t)), None)
        if rank is not None and head.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in self.doc[rank.i + 1:head.i]):
            # "DSP Ramesh Kumar said": the recogniser often takes the letters for an organisation
            prof = self._profile(self.canonical(self.doc[rank.i + 1:head.i + 1].text))
            prof.role = prof.role or _police_rank(rank)
            prof.source_type = _type_of(prof.role, prof.affiliation)
            return prof, True
        named_body = next((e for e in self.orgs if e.label_ != "ORG" and span.start <= e.start and e.end <= span.end
                           and e.text in self.body_names and head.i in (e.root.i, e.start - 1)), None)
        if named_body is not None and not persons:
            # "railway operator Trenord", whatever the recogniser typed it: the body named after its noun
            org = _org(named_body.text)
            return Profile(org[0] if org else named_body.text, "organization", True, None, False,
                           org[0] if org else None, _body_type(None, text, by_country=False) or "organization"), True
        if persons and not body_head:
            name = self.canonical(self._clean(persons[-1]))
            return self._with_appos(self._profile(name), head), True
        named_appos = next((c for c in head.children if span.start <= c.i < span.end and _name_after_role(head, c)),
                           None)
        if named_appos is not None:
            # "Italy's interior minister, Matteo Piantedosi": the name, with the role and country before it
            prof = self._profile(self.canonical(" ".join(t.text for t in named_appos.subtree)))
            before = [t for t in span if t.i <= head.i]
            if prof.role is None:
                role = [t for t in before if t.pos_ in ("NOUN", "ADJ", "PROPN") and not t.ent_type_
                        and t.dep_ != "poss"]
                prof.role = " ".join(t.text for t in role) or None
            prof.affiliation = prof.affiliation or _affiliation(before)
            prof.source_type = _type_of(prof.role, prof.affiliation)
            return prof, True
        if len(self.bearers.get(head.lower_, ())) == 1 and head.text[:1].isupper() and not _org(text) and (
                len(span) == 1 or head.pos_ == "PROPN" and
                [t.i for t in span if t.pos_ == "PROPN" and t.lower_ not in TITLES] == [head.i]):
            # "Vasquez said" after "Police Chief Adrian Vasquez": the surname of a person the article
            # names in full, whatever entity type or tag the recogniser gave this mention; with two
            # ("Walt Disney", "Roy Disney") the bare name may be neither, as "Disney" the company is
            return self._with_appos(self._profile(self.full[head.lower_]), head), True
        low = head.lower_
        if head.tag_ in ("NNS", "NNPS") and head.ent_type_ not in ("GPE", "NORP", "LOC") and \
                not _org(text) and not _country(text) and low not in _PARTY_WORDS:
            if not proper and head.ent_type_ != "ORG":
                # "Medics", "Rescuers": a plural common noun, capitalised only at the start of a sentence
                role = head.lemma_.lower()
                aff = _affiliation(list(span), own=head)
                return Profile(text, "group", False, role, False, aff, _type_of(role, aff, "group")), False
        # "Mr MacDonell", "Dr Rice": an honorific makes the name a person's, whatever entity type
        # the recogniser gave it (it often reads an unfamiliar surname as an organisation).
        titled = head.pos_ == "PROPN" and any(t.lower_ in TITLES for t in span if t.i < head.i)
        if titled or head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "ORG", "NORP", "FAC", "LOC") and \
                not head.text.isupper() and not _body_noun(head) and low not in _ROLE_WORDS and \
                not _country(head.text) and not _org(text):
            toks = [t for t in span if t.pos_ == "PROPN" and t.lower_ not in TITLES and
                    (titled or t.ent_type_ not in ("GPE", "ORG", "NORP")) and _in_name(t, head)]
            name = self.canonical(" ".join(t.text for t in toks) or head.text)
            return self._with_appos(self._profile(name), head), True
        if head.pos_ == "PROPN" and any(t.lower_ in PERSON_NOUNS for t in span if t.i < head.i) and \
                not head.text.isupper() and head.ent_type_ != "GPE":
            # "the party's Holyrood leader Nicola Sturgeon" where the recogniser missed the name
            role_at = max(t.i for t in span if t.i < head.i and t.lower_ in PERSON_NOUNS)
            toks = [t for t in span if role_at < t.i <= head.i and t.pos_ == "PROPN" and t.lower_ not in TITLES]
            # "Ukraine's General Staff": a role word inside the organisation's own name is no role
            in_org = head.ent_type_ == "ORG" and self.doc[role_at].ent_type_ == "ORG"
            if toks and toks[0].i == role_at + 1 and not in_org:
                return self._profile(self.canonical(" ".join(t.text for t in toks))), True
        aff = _affiliation(list(span), own=head)
        org = _org(text)
        if org:
            return Profile(org[0], "organization", True, None, False, org[0], _type_of(None, org[0])), True
        if head.pos_ in ("NOUN", "PROPN") and head.text.isupper() and len(head) >= 2 and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children):
            # "a GP", "an SNP MSP", "an NGO": an acronym under an indefinite article is a common noun,
            # so the phrase describes an unnamed person (or body), it names none
            kind = "person" if low in _PERSON_ACRONYMS else "organization"
            role = head.text if kind == "person" else None
            return Profile(text, kind, False, role, False, aff, _type_of(role, aff, kind)), False
        if (head.ent_type_ == "GPE" or _country(text)) and len([t for t in span if not t.is_stop]) <= 3 and \
                _country(text.replace("the ", "")):
            c = _country(re.sub(r"^the\s+", "", text, flags=re.I))
            return Profile(text if head.ent_type_ == "GPE" else c, "country", True, None, False, c, "government"), True
        # "Meteo-France", "Radio France": a country's name inside a proper name makes a body, not the country
        in_name = head.pos_ == "PROPN" and _country(head.text) and any(
            t.pos_ == "PROPN" and t.i < head.i and t.dep_ == "compound" and not _country(t.text)
            and t.lower_ not in TITLES and t.lower_ not in _ROLE_WORDS for t in span)
        if head.ent_type_ == "ORG" or _body_noun(head) or in_name or (
                head.pos_ == "PROPN" and head.text.isupper() and len(head) >= 2):
            words = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
            # "media watchdog Ofcom": a description with the body's name after it names the body
            named = head.ent_type_ == "ORG" or head.pos_ == "PROPN" or bool(proper) or \
                aff is not None and head.lower_ not in BODY_NOUNS or _body_name(span) != span.text
            role_words = " ".join(t.text for t in span if t.pos_ in ("NOUN", "PROPN"))
            aff = aff or (_country(st.relcl_place) if st.relcl_place else None)
            # an unnamed body keeps the phrase as written ("the committee"): it is a description
            kind_of = _type_of(role_words, aff, "organization")
            if kind_of == "unknown":  # "the bank", "the club": the kind of body its noun names
                kind_of = _body_type(None, words, by_country=False) or "unknown"
            if not named and aff is None and span[0].lower_ == "the" and head.tag_ == "NN" and _body_noun(head) and \
                    (named_before := self.org_before(span, previous)) is not None:
                # "The company said" after "Acme Corp ...": the one company the text named before
                name = named_before[0]
                org = _org(name)
                return Profile(org[0] if org else name, "organization", True, None, False,
                               aff or (org[0] if org else None), kind_of, antecedent=True), True
            return Profile(words if named else text, "organization", named, None, False, aff, kind_of), named
        aff = _named_body(head) or aff  # "a spokesman for the IAAF"
        former = any(t.lower_ in ("former", "ex") for t in span)
        # the role is the head and its modifiers before it: "A doctor at X, who asked not to be named
        # for fear of reprisals" is a doctor
        served = {t.i for e in behind for t in _prep_of(e.root, head).subtree}  # "for Mayor X": no role of its own
        role_toks = [t for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.ent_type_ and t.lower_ != "former"
                     and t.lower_ not in TITLES and t.i not in served and not any(
                         a.dep_ in ("relcl", "acl", "advcl") and span.start <= a.i < span.end for a in t.ancestors)]
        role = " ".join(t.text for t in role_toks) or None
        # a share of people ("Six in 10", "half", "a majority of voters") is a group, as plurals are
        kind = "group" if head.tag_ in ("NNS", "NNPS") or head.pos_ == "NUM" and low != "one" or low in _SHARES \
            or low in ("%", "percent", "pct") else "person"  # "one of their lawyers" is one; "58% of voters" are many
        return Profile(text, kind, False, role, former, aff, _type_of(role, aff, kind)), False

    def _document(self, span: Span, head: Token) -> tuple[Profile, bool]:
        """A report, survey or study as the speaker: it speaks for its author where the text names
        one ("a report by think-tank Demos", "a World Bank report"), else it is an unnamed source;
        "the report" takes the author of the last report whose author was named."""
        author = _author(span, head)
        lemma = head.lemma_.lower()
        if author is not None:
            prof = Profile(author, "organization", True, None, False, author,
                           _body_type(author, None) or "organization", document=True)
            self.documents[lemma] = prof
            return prof, True
        if span[0].lower_ == "the" and len(span) == 2 and lemma in self.documents:
            return self.documents[lemma], True
        aff = _affiliation(list(span), own=head)
        words = " ".join(t.text for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != head.i)
        return Profile(span.text, "organization", False, None, False, aff,
                       _type_of(words, aff, "organization"), document=True), False

    @staticmethod
    def _with_appos(prof: Profile, head: Token) -> Profile:
        """The profile with the role of an apposition after the name, when it has none yet."""
        if prof.role is None:
            role, noun = _appos_role(head)
            if role is not None:
                prof.role = role
                prof.affiliation = prof.affiliation or _named_body(noun) or _affiliation(list(noun.subtree))
                prof.source_type = _type_of(prof.role, prof.affiliation)
        return prof

    def _profile(self, name: str) -> Profile:
        prof = self.profiles.get(name)
        if prof is None:
            prof = self.profiles[name] = Profile(name, "person", True)
        prof.source_type = _type_of(prof.role, prof.affiliation)
        return prof


def _gendered(prof: Profile, gender: str) -> Profile:
    """The profile, its gender set from the he or she it was taken for when nothing said it before."""
    # so a later "she" does not go to a man an earlier "he" was resolved to
    if prof.gender is None:
        prof.gender = gender
    return prof


_GENDER_PRONOUNS = {"m": frozenset({"he", "his", "him"}), "f": frozenset({"she", "her"})}


def _under_pronoun(ent: Span, gender: str | None) -> bool:
    """A name in a sentence whose subject is (or is owned by) a he/she of that gender, the name not
    the subject: "She won a Tony for playing Elizabeth I": that she is someone else, as a later she is."""
    if gender is None:
        return False
    root = ent.sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(ent.start <= t.i < ent.end for s in subjects for t in s.subtree):
        return False
    return any(t.lower_ in _GENDER_PRONOUNS[gender] for s in subjects
               for t in [s, *(c for c in s.children if c.dep_ == "poss")])


def _owner_in_phrase(ent: Span) -> bool:
    """A name that only owns a thing named in a phrase or object: "a Tony for Edward Albee's play".

    Such a name is seldom what a later he or she is about; a possessor in the subject ("Obama's
    speech was long. He said ...") stays a candidate.
    """
    possessor = next((t for t in ent if t.dep_ == "poss"), None)
    if possessor is None or possessor.head.i < ent.end:
        return False
    owned = possessor.head
    while owned.dep_ in ("compound", "conj", "appos") and owned.head is not owned:
        owned = owned.head
    return owned.dep_ in ("pobj", "dobj", "attr", "dative", "oprd")


_APPOS_ROLES = _ROLE_WORDS | frozenset({"head", "chief", "chairman", "chairwoman", "founder", "coordinator",
                                        "manager", "deputy", "vice"})


def _appos_role(head: Token) -> tuple[str | None, Token | None]:
    """The role an apposition after a name gives ("Tamer Ramadan, head of the IFRC delegation, said"),
    and the role noun: its modifiers, the noun and an "of" phrase up to its own noun."""
    doc = head.doc
    for ap in head.children:
        if ap.dep_ != "appos" or ap.i <= head.i or ap.pos_ != "NOUN" or ap.lower_ not in _APPOS_ROLES or \
                not any(doc[k].text == "," for k in range(head.i + 1, ap.left_edge.i)):
            continue
        # the noun with its own modifiers ("health minister", "senior medical officer"), not the article
        lo = min((c.left_edge.i for c in ap.children if c.i < ap.i and c.dep_ in ("compound", "amod", "nmod")),
                 default=ap.i)
        hi = ap.i
        of = next((c for c in ap.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == ap.i + 1), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and pobj.i - ap.i <= 12:
            hi = pobj.i  # "head of the IFRC delegation", not what follows the delegation
        return doc[lo:hi + 1].text, ap
    return None, None


def _author(span: Span, head: Token) -> str | None:
    """The organisation or person a document phrase names as its author: "by X", "from X",
    "for X", or a name before the noun ("a World Bank report", "the NAO's annual report")."""
    # "a report by X", and "figures published on Thursday by X", "a database maintained by X", "a study
    # published in X" (the journal) through a participle anywhere in the document's phrase
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "for")]
    preps += [c for acl in head.subtree if acl.dep_ == "acl" and acl.tag_ == "VBN" and
              acl.lemma_.lower() in _AUTHOR_VERBS for c in acl.children
              if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "in" and acl.lemma_.lower() == "publish"]
    for prep in preps:
        name = _body_in(prep)
        if name is not None:
            return name
    before = [t for t in span if t.i < head.i and t.ent_type_ == "ORG" and t.ent_iob_ == "B"]
    if before:
        return re.sub(r"[’']s$", "", _org_name(_entity(before[-1]).text)).strip()
    run = []  # a name the recogniser missed right before the noun: "the Sunday Telegraph report"
    i = head.i - 1
    while i >= span.start and span.doc[i].pos_ == "PROPN" and span.doc[i].ent_type_ not in ("GPE", "NORP", "DATE"):
        run.insert(0, span.doc[i])
        i -= 1
    return " ".join(t.text for t in run) or None


# Participles that name who made a document: "figures published by", "a database maintained by".
_AUTHOR_VERBS = frozenset("""publish release maintain compile produce issue conduct commission prepare write
run collect""".split())


def _body_in(prep: Token) -> str | None:
    """The organisation or person a "by/from/for" phrase names: an organisation entity, a body named
    by one ("a UN panel of experts" -> "UN panel"), or a run of proper nouns."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.pos_ == "NOUN":
        org = next((c for c in pobj.lefts if c.ent_type_ == "ORG" and c.dep_ in ("compound", "nmod")), None)
        if org is not None:
            return _org_name(pobj.doc[org.left_edge.i:pobj.i + 1].text)
    orgs = [t for t in prep.subtree if t.ent_type_ == "ORG" and t.ent_iob_ == "B"]
    if orgs:
        return _org_name(_entity(orgs[0]).text)
    if pobj is not None and pobj.pos_ == "PROPN" and pobj.ent_type_ not in ("GPE", "NORP", "DATE"):
        run = [pobj]  # "by UK think-tank Demos": the name only, not its description
        while run[0].i > prep.i + 1 and run[0].nbor(-1).pos_ == "PROPN" and \
                run[0].nbor(-1).ent_type_ not in ("GPE", "NORP"):
            run.insert(0, run[0].nbor(-1))
        return " ".join(t.text for t in run)
    return None


# Words that make another office of the same title: the shadow home secretary is not the home secretary.
_OFFICE_MARKS = frozenset({"shadow", "deputy", "vice", "assistant", "junior", "acting", "interim", "former", "ex"})


def _office_marks(role: str) -> frozenset[str]:
    """The words of a role that make it another office ("shadow", "deputy", "former")."""
    return frozenset(role.lower().replace("-", " ").split()) & _OFFICE_MARKS


def _resolve_descriptions(rows: list[dict], mentioned: dict[str, Profile] | None = None, window: int = 3) -> None:
    """An anonymous description takes the name of a nearby named speaker with that role; a definite
    one ("the chancellor") also that of the one person the article names with that role
    ("Chancellor Gordon Brown"), speaking or not."""
    named = [r for r in rows if r["named"] and r["speaker_kind"] == "person" and r["role"]]
    for r in rows:
        if r["named"] or r["speaker_kind"] != "person" or not r["role"]:
            continue
        head = r["role"].split()[-1].lower()
        for cand in sorted(named, key=lambda c: abs(c["paragraph"] - r["paragraph"])):
            if abs(cand["paragraph"] - r["paragraph"]) > window:
                break
            cand_words = cand["role"].lower().split()
            if cand_words[-1] == head and _office_marks(r["role"]) == _office_marks(cand["role"]) and (
                    r["affiliation"] in (None, cand["affiliation"]) or cand["affiliation"] is None):
                for key in ("speaker", "named", "role", "former", "affiliation", "source_type"):
                    r[key] = cand[key] if key != "former" else (cand["former"] or r["former"])
                break
        else:
            if not mentioned or not re.match(r"(?i)the\s", r["speaker_text"]):
                continue  # "a minister" is someone the text does not name
            # the role's last word must be the same, and the description's other words in the role
            words = r["role"].lower().split()
            fits = [p for p in mentioned.values() if p.role and not p.former and
                    p.role.lower().split()[-1] == head and set(words) <= set(p.role.lower().split()) and
                    _office_marks(p.role) == _office_marks(r["role"]) and r["affiliation"] in (None, p.affiliation)]
            if len(fits) == 1:  # two chancellors named: the text does not say which
                p = fits[0]
                aff = p.affiliation or r["affiliation"]
                r.update(speaker=p.name, named=True, role=p.role, affiliation=aff,
                         source_type=_type_of(p.role, aff, "person"))


def _resolve_organizations(rows: list[dict]) -> None:
    """Mentions of one organisation ("the defense ministry", "Russia's Defense Ministry") share a name."""
    def key(r):
        if r["speaker_text"].lower() in PRONOUNS or r["_antecedent"]:
            return r["speaker"].lower()  # "it", "the company" already resolved to its organisation (or to nobody)
        words = re.sub(r"^(the|a|an)\s+", "", r["speaker_text"].lower())
        words = re.sub(r"^[\w.]+[’']s\s+", "", words)
        return " ".join(w for w in words.split() if not _country(w))
    groups: dict[str, list[dict]] = {}
    for r in rows:
        if r["speaker_kind"] == "organization" and not r["_document"]:  # documents: _Resolver._document
            groups.setdefault(key(r), []).append(r)
    for members in groups.values():
        best = max(members, key=lambda r: (r["affiliation"] is not None, r["named"], len(r["speaker"])))
        # "Acme Corp" says nothing of its kind, "the company" it stands for does
        kind_of = next((r["source_type"] for r in [best, *members] if r["source_type"] != "unknown"), "unknown")
        for r in members:
            for k in ("speaker", "named", "affiliation"):
                r[k] = best[k] if k != "affiliation" else (r[k] or best[k])
            r["source_type"] = kind_of


def _impersonal(span: Span, st: Statement) -> bool:
    """True for an expletive "it" with a passive cue: "it has been announced", "it is thought that"."""
    if len(span) != 1 or span.root.lower_ != "it" or st.cue is None:
        return False
    cue = st.cue.root
    return span.root.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in cue.children) or (
        cue.tag_ == "VBN" and any(c.lemma_ == "be" for c in cue.children if c.dep_ in ("aux", "auxpass")))


def _org_name(span_text: str) -> str:
    """An organisation's name as written, without its article ("the defense ministry" -> "defense ministry")."""
    return re.sub(r"^(the|a|an)\s+", "", span_text, flags=re.I).replace("’", "'")


# --- the table --------------------------------------------------------------------------------

def statements(article: Article, doc: Doc, sentences: pd.DataFrame) -> pd.DataFrame:
    """The attributed statements of one article, one row each, in text order."""
    return conform(_statement_rows(article, doc, sentences), SOURCES)


def _statement_rows(article: Article, doc: Doc, sentences: pd.DataFrame) -> list[dict]:
    """The rows of `statements` as plain dicts, before they are typed."""
    from .sentences import count_words

    finder = _Finder(article, doc, sentences)
    found = finder.statements()
    resolver = _Resolver(article, doc, finder, [(st.start, st.end) for st in found])
    rows, previous = [], []
    text = article.text
    for st in found:
        if st.carried_from is not None and st.carried_from.speaker_tokens is st.speaker_tokens and rows:
            src = next((r for r in reversed(rows) if r["_id"] == id(st.carried_from)), None)
        else:
            src = None
        span = st.speaker_tokens
        if src is None and _impersonal(span, st):
            continue  # "it has been confirmed", "it is thought that": nobody is quoted
        if src is not None:
            prof_fields = {k: src[k] for k in ("speaker", "speaker_kind", "named", "role", "former",
                                                "affiliation", "source_type", "speaker_text",
                                                "speaker_start", "speaker_end", "_document", "_antecedent")}
        else:
            prof, named = resolver.resolve(span, previous, st)
            if prof.kind == "organization" and prof.named and span.root.lower_ not in PRONOUNS and \
                    not prof.document and not prof.antecedent and _appos_body(span.root) is None:
                name = _org_name(_body_name(span))
            else:
                name = prof.name
            prof_fields = {"speaker": name, "speaker_kind": prof.kind, "named": named, "role": prof.role,
                           "former": prof.former, "affiliation": prof.affiliation,
                           "source_type": prof.source_type if prof.source_type != "unknown" else
                           _type_of(prof.role, prof.affiliation, prof.kind),
                           "speaker_text": span.text, "speaker_start": span.start_char,
                           "speaker_end": span.end_char, "_document": prof.document,
                           "_antecedent": prof.antecedent}
            previous.append((prof, span.start_char))
        row = finder.sentence_of(st.start)
        if st.kind == "direct" and st.parts:
            n_words = sum(count_words(text[a:b]) for a, b in st.parts)
        else:
            n_words = count_words(text[st.start:st.end])
        rows.append({"_id": id(st), "article_id": article.article_id, "paragraph": row[0], "sentence": row[1],
                     "start": st.start, "end": st.end, "quote": text[st.start:st.end], "quote_kind": st.kind,
                     "n_quote_words": n_words,
                     "cue": st.cue.text if st.cue is not None else None, "cue_lemma": st.cue_lemma,
                     "cue_start": st.cue.start_char if st.cue is not None else None,
                     "cue_end": st.cue.end_char if st.cue is not None else None, **prof_fields})
    _resolve_descriptions(rows, resolver.profiles)
    _resolve_organizations(rows)
    for r in rows:
        del r["_id"], r["_document"], r["_antecedent"]
    return rows


# The tables `extract` returns, in order (the pipeline lists them without running anything).
MAKES = ("sources", "source_diversity", "source_shares")


def extract(article: Article, doc: Doc, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The pipeline hook: the `sources` table and its per-article `source_diversity` row."""

    # the diversity tables read the plain rows: reading them back from the typed frame costs more
    rows = _statement_rows(article, doc, tables["sentences"])
    return {"sources": conform(rows, SOURCES),
            "source_diversity": diversity.article_diversity(rows, article.article_id),
            "source_shares": diversity.source_shares(rows, per_article=True)}

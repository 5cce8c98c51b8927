"""Makes the casualty tables: `casualties` (every mention), `casualty_summary` and `casualty_totals`.

A casualty mention is a figure that counts people killed, dead, wounded, missing, captured or
displaced ("up to 15,000 Russian soldiers were killed"), or a mention without a digit: an implicit
count ("a man was shot dead" -> 1, "no one was injured" -> 0), an unquantified one ("suffering
heavy casualties"), or a person placed in care after harm ("in critical condition", "rushed to
hospital": wounded). The reading comes from the dependency parse of the one shared Doc.

Which mentions feed `casualty_totals` (the rule behind ESTIMATE_RULE's "largest"):
- Another time: a mention whose `period` places it outside the article's year ("Last year, 18
  people died", "a decade ago", "in the past", "since 1998, when ... died", "six years after a
  gunman killed 49", and "in 1998" or "in the 1998 floods" for any year other than the publication
  year, or any written year when the article has no date), or makes it a running count of the year
  ("so far this year", "since January"), keeps its row but is left out of the totals, unless every
  numbered mention of the article is dated elsewhere (the article is then about that event: a
  trial, an anniversary), or it names an individual (`person`) whom an undated mention also names.
- Stated numbers first: per state, when some mention states a number (exact, approximate with a
  number, a range or a floor: "at least 34"), vague quantities ("dozens", read as their middle)
  and ceilings ("up to 300", "could rise to as many as 300") are not used; they count only when
  nothing is stated.

Casualties are those of violence, war, crime, disasters and accidents: an injury word ("injury",
"injured", "hurt") in a sentence of sport reporting (a sports-injury body part, squad, player,
sidelined..., or two words sport shares with other news such as match and season; and no violence
or accident word) is a player's injury, not a casualty; and
in an article that tells of no violence, crime, war, disaster or accident (`VIOLENCE`), neither
an injury word without a number nor one person's death ("Ray Charles, who died in 2004") is a row.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import places
from .articles import Article
from .schema import Column, conform, declare

CASUALTY_TYPES = ("killed", "wounded", "dead", "missing", "captured", "displaced", "casualties")
CASUALTY_PARAGRAPHS = ("headline", "subheading", "body")

# Verb lemmas whose object (or passive subject) is a casualty.
VERBS = {"kill": "killed", "murder": "killed", "slay": "killed", "execute": "killed", "massacre": "killed",
         "behead": "killed", "slaughter": "killed", "assassinate": "killed",
         "die": "dead", "perish": "dead", "succumb": "dead", "drown": "dead", "suffocate": "dead",
         "asphyxiate": "dead",
         "wound": "wounded", "injure": "wounded", "hurt": "wounded", "maim": "wounded", "shoot": "wounded",
         "stab": "wounded", "hospitalize": "wounded", "hospitalise": "wounded", "graze": "wounded",
         "capture": "captured", "abduct": "captured", "kidnap": "captured",
         "displace": "displaced", "uproot": "displaced", "flee": "displaced", "evacuate": "displaced",
         "disappear": "missing"}
# Verbs whose own subject is the casualty ("two people died").
SUBJECT_VERBS = {"die", "perish", "succumb", "flee", "disappear", "drown", "suffocate", "asphyxiate"}
NOUNS = {"death": "dead", "deaths": "dead", "fatality": "dead", "fatalities": "dead", "dead": "dead",
         "casualty": "casualties", "casualties": "casualties", "injury": "wounded", "injuries": "wounded",
         "wounded": "wounded", "injured": "wounded", "wounds": "wounded", "wound": "wounded", "refugee": "displaced",
         "refugees": "displaced", "evacuees": "displaced", "prisoner": "captured", "prisoners": "captured",
         "pows": "captured", "pow": "captured", "hostages": "captured", "hostage": "captured",
         "missing": "missing", "toll": "dead", "victims": None, "victim": None}
ADJECTIVES = {"dead": "dead", "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "missing": "missing",
              "displaced": "displaced", "captured": "captured", "killed": "killed", "shot": "wounded",
              "unaccounted": "missing", "deceased": "dead"}
# Nouns that count the dead when something is done to them ("50 bodies had been recovered").
BODY_NOUNS = {"bodies", "corpses", "remains"}
# Where people are driven from when they are displaced ("forced 5,000 people from their homes").
HOME_NOUNS = {"home", "homes", "house", "houses", "village", "villages", "town", "towns", "land", "lands",
              "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "camp", "camps"}
# Places people live in, which fleeing or leaving under force displaces them from ("to flee the city").
PLACE_NOUNS = frozenset({"city", "cities", "region", "regions", "area", "areas", "country", "province", "district",
                         "districts", "valley", "island", "islands", "territory", "enclave", "strip"})
# Verbs that move people to where displaced people are housed ("moved to temporary shelters").
SHELTER_VERBS = frozenset({"move", "relocate", "evacuate", "take", "transfer", "house", "shelter", "rehouse",
                           "send", "bus", "resettle"})
# What people under force do to their homes ("forced to flee their homes", "forced to leave the city").
LEAVE_VERBS = frozenset({"flee", "leave", "abandon", "evacuate", "quit", "escape"})
BODY_VERBS = {"recover", "find", "pull", "retrieve", "discover", "bury", "identify", "exhume", "wash", "count",
              "collect", "remove", "bring", "lie", "see", "dig", "receive", "repatriate", "return", "transport"}
FATAL = re.compile(r"^(?:fatally|mortally|dead|death|killed|kill)$", re.I)
PERSON_NOUNS = set("""people persons person civilians civilian soldiers soldier troops troop children child kids
kid women woman men man boys boy girls girl teenagers teenager teens teen adults adult students student officers
officer police policemen policeman policewoman policewomen personnel servicemen serviceman servicewoman
servicewomen servicemembers fighters fighter militants militant
residents resident victims victim patients patient journalists journalist workers worker members member
others infants babies baby toddler toddlers passengers passenger bystanders bystander suspects suspect
guards guard gunmen gunman individuals individual males male females female family relatives defenders
forces force recruits marines sailors airmen pilots crew medics doctors nurses teachers citizens
ukrainians russians palestinians israelis syrians afghans iraqis americans brits migrants refugees
mothers fathers sons daughters brothers sisters wife husband he she him her they them fiance fiancee fiancé fiancée
stepfather stepmother stepson stepdaughter grandson granddaughter grandchild grandchildren wives husbands
mother father son daughter brother sister cousin uncle aunt grandmother grandfather nephew niece friend
friends neighbor neighbour neighbors employee employees clerk clerks driver drivers owner owners customer
customers shooter homeowner homeowners teenager youth youths juvenile juveniles pedestrian pedestrians
cashier security deputy deputies trooper troopers agent agents sergeant detective detectives soldier
occupant occupants roommate girlfriend boyfriend partner spouse child toddler infant newborn
firefighters firefighter firemen fireman rescuers rescuer paramedics paramedic miners miner pupils pupil
tourists tourist visitors visitor pilgrims pilgrim protesters protester demonstrators demonstrator
fishermen fisherman swimmers swimmer hikers hiker climbers climber seekers
worshippers worshipper spectators spectator fans fan shoppers shopper commuters commuter villagers villager
inmates inmate prisoners prisoner hostages hostage peacekeepers peacekeeper staff volunteers volunteer
colleagues colleague elderly survivors survivor robber robbers burglar burglars intruder intruders attacker
attackers assailant assailants thief thieves carjacker carjackers motorist motorists cyclist cyclists bicyclist
bicyclists motorcyclist motorcyclists jogger joggers witness witnesses bartender bartenders bouncer bouncers
patron patrons couple lady ladies guy guys gentleman hunter hunters dentist dentists lawyer lawyers attorney
attorneys pastor pastors priest priests professor professors manager managers chef cook farmer farmers mechanic
veteran veterans rapper singer musician actor actress mayor councilman councilwoman official officials judge
landlord tenant tenants mom dad grandma grandpa boss coach coaches""".split())
# Words of the main sides of current wars (and their leaders and capitals) beside the countries of
# `places`; "georgian" and "turkish" are here because `places` leaves out "georgia" and "turkey".
DEMONYMS = {"russian": "Russia", "russians": "Russia", "russia": "Russia", "ukrainian": "Ukraine",
            "ukrainians": "Ukraine", "ukraine": "Ukraine", "american": "United States", "americans": "United States",
            "us": "United States", "u.s.": "United States", "uk": "United Kingdom",
            "israeli": "Israel", "israelis": "Israel", "israel": "Israel", "palestinian": "Palestine",
            "palestinians": "Palestine", "gaza": "Palestine", "chechen": "Russia", "georgian": "Georgia",
            "turkish": "Turkey", "putin": "Russia", "kremlin": "Russia", "moscow": "Russia",
            "kyiv": "Ukraine", "zelenskyy": "Ukraine", "zelensky": "Ukraine"}
DEMONYMS.update({w: country for country, words in places.COUNTRIES.items() for w in words.split()})
PERIOD_PREPS = {"in", "over", "during", "since", "within", "throughout", "across"}
TIME_WORDS = re.compile(r"\b(?:day|week|month|year|hour|fighting|war|conflict|invasion|offensive|past|"
                        r"weekend|night|decade|period|siege|battle|start|beginning)s?\b", re.I)
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# Verbs that date the start of what did the killing: "the war, which began in April 2023, has killed".
ONSET_VERBS = frozenset({"begin", "start", "erupt", "break", "launch", "escalate", "resume"})
# A year written as part of a date ("2016-05-02", "2 May 2016", "May 2, 2016", "02/05/2016"): in a
# published string it wins over a bare four-digit number such as a time ("Updated 1850 GMT").
DATED_YEAR = re.compile(
    r"\b((?:1[89]|20)\d\d)[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]((?:1[89]|20)\d\d)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    r"((?:1[89]|20)\d\d)\b", re.I)
# A bare year, not a clock time ("1850 GMT", "0930 hrs").
UNDATED_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b(?!\s*(?:GMT|UTC|BST|CES?T|[ECMP][SD]?T|hrs?|h)\b)", re.I)
# Time phrases that place a mention in an earlier year than the article's: "last year", "a decade
# ago", "in the past", "the past ten years", "the 1990s" ("the past week" is the current event).
OTHER_TIME = re.compile(r"\b(?:(?:last|previous|preceding)\s+(?:year|decade|century)|(?:years?|decades?|"
                        r"centur(?:y|ies))\s+(?:ago|earlier|before|after|later)|the\s+past(?:\s+(?:\w+\s+)?(?:years|"
                        r"decades?|century))?$|(?:1[89]|20)\d0s)\b", re.I)
# A span of years or more that sets a clause apart from the article's event: "six years after a gunman
# killed 49" (the killing is six years before the news).
YEARS_APART = re.compile(r"\b(?:years?|decades?|centur(?:y|ies))$", re.I)
# An event named with its year ("the 2003 European heatwave", "the 2004 tsunami"): the year dates it.
EVENT_YEAR = re.compile(r"(?:the\s+)?((?:1[89]|20)\d\d)\s+(?!(?:and|or|to|through|until)\b)[a-z][\w-]*"
                        r"(?:\s+[\w-]+)*", re.I)
MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?")
# A running count since the start of the year ("so far this year", "since January", "in 2024 so far"):
# a tally of many events, not the article's event; no total uses it.
_SINCE_YEAR_START = (r"since\s+(?:the\s+(?:start|beginning|turn)\s+of\s+(?:the|this)\s+year|" + MONTHS
                     + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)")
RUNNING = re.compile(r"\bthis\s+year\b|\b(?:1[89]|20)\d\d\s+so\s+far\b|\byear[\s-]to[\s-]date\b|"
                     rf"^{_SINCE_YEAR_START}$", re.I)
# The same, as a whole period (used on a mention's period, where "this year" may end a longer phrase).
RUNNING_PERIOD = re.compile(r"(?:so\s+far\s+)?(?:(?:during|in)\s+)?this\s+year(?:\s+so\s+far)?|"
                            r"(?:in\s+)?(?:1[89]|20)\d\d\s+so\s+far|(?:the\s+)?year[\s-]to[\s-]date|"
                            + _SINCE_YEAR_START, re.I)
# A span of years ("2017-2018", "2012/13"): dated by its first year.
YEAR_SPAN = re.compile(r"((?:1[89]|20)\d\d)[-–/](?:(?:1[89]|20)\d\d|\d\d)")
# A period that is only a date ("1998", "March 2003", "the summer of 2001"): its year dates the mention.
DATE_PERIOD = re.compile(r"(?:(?:the|early|late|mid|end|start|beginning|spring|summer|autumn|fall|winter|of|"
                         r"january|february|march|april|may|june|july|august|september|october|november|"
                         r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|\d{1,2}(?:st|nd|rd|th)?)"
                         r"[\s,.-]+)*((?:1[89]|20)\d\d)s?", re.I)
# Injury words that sport uses for players (a shooting's "wounded" and "shot" are not among them), and
# "struck"/"hit" ("hit in the face by a ball").
INJURY_CUES = frozenset({"injury", "injuries", "injured", "hurt", "injure", "injures", "injuring",
                         "hit", "hits", "hitting", "struck", "strike", "strikes", "striking"})
# Words of sport reporting around a player's injury: body parts of sports injuries, squads, players,
# competitions. Each of these alone marks a sentence as sport.
SPORT = re.compile(
    r"\b(?:(?:hamstring|groin|thigh|calf|achilles|ligament|cruciate|cartilage|metatarsal)\s+"
    r"(?:injur\w*|problems?|strains?|knocks?)|squad|"
    r"fitness\s+(?:test|doubt|concern)|sidelined|ruled\s+out|fixtures?|tournament|line-?up|team-?mates?|"
    r"players?|striker|(?:central|centre|center|left|right)[\s-]+(?:back|defenders?)|"
    r"(?<!rights\s)defenders?(?!\s+of\b)|midfield(?:ers?)?|winger|goalkeeper|fly-half|scrum-half|flanker|"
    r"skipper|injury-hit|(?:return\w*|back)\s+(?:from|after)\s+(?:\w+\s+){0,3}injur\w*|out\s+injured|"
    r"semi-finals?|quarter-finals?|premiership|grand\s+slam|olympics?|rugby|football|tennis|cricket)\b", re.I)
# Words that sport shares with other news ("a coach overturned", "the hunting season", "military
# training", "the Arab League", "the stand collapsed during the match", a worker's "hand injuries"):
# two of them make sport.
SPORT_WEAK = re.compile(
    r"\b(?:(?:ankle|knee|wrist|elbow|shoulder|toe|foot|back|hip|neck|rib|hand|finger|heel)\s+"
    r"(?:injur\w*|problems?|strains?|knocks?)|match(?:es)?|season|coach|training|caps?|league|fitness|"
    r"comeback|withdr[ae]w\w*|limped|tackle[ds]?|athletics|marathon)\b", re.I)
# Violence, war, crime and justice, disasters and accidents: the events whose casualties are counted.
VIOLENCE = re.compile(
    r"\b(?:shots?|shoot\w*|gun\w*|fired|armed|robb\w*|burglar\w*|stab(?:s|bed|bings?|ber)?|knife|(?<!heart\s)attack(?:s|ed|ers?)?|"
    r"bomb\w*|blasts?|explo(?:sion|sive|ded)\w*|crash(?:es|ed|ing)?(?!\s+out\b)|collisions?|accidents?|"
    r"(?:wild|bush)?fires?|blaze|floods?|flooding|quakes?|earthquakes?|storms?|hurricanes?|cyclones?|"
    r"typhoons?|tornado(?:es|s)?|tsunami|(?:land|mud)slides?|avalanche|eruption|"
    # accidents: vehicles, buildings and crowds ("crashed out" of a cup is sport)
    r"overturn\w*|collaps\w*|stampedes?|derail\w*|capsiz\w*|shipwreck\w*|plunged?\s+(?:off|into|from|down)|"
    r"(?:crowd|human|deadly|fatal|a|the|in)\s+crush(?:es)?|crushed\s+(?:by|under|beneath|to\s+death)|"
    r"assault\w*|beaten|riots?|rioting|war|fighting|troops|soldiers|militants?|insurgents?|killed|"
    r"killing|murder\w*|homicide|manslaughter|violen(?:ce|t)|police|massacre|arrest\w*|custody|prison\w*|"
    r"jail\w*|drown\w*)\b", re.I)


def sport_injury(sentence: str) -> bool:
    """Whether an injury word in this sentence is a player's (sport words, no violence or accident)."""
    sport = SPORT.search(sentence) is not None or \
        len({w.lower() for w in SPORT_WEAK.findall(sentence)}) >= 2
    return sport and VIOLENCE.search(sentence) is None


# A cheap filter: sentences without any of these stems hold no casualty mention.
CUE_STEMS = tuple("kill dead death die dying drown suffocat asphyx wound injur hurt shot shoot stab casualt "
                  "fatal missing captur "
                  "prisoner pow hostage displac refugee fled flee hospital murder toll slain slay massacr execut "
                  "abduct kidnap perish succumb victim maim unaccounted evacu deceased graz struck strik body".split()) + (
    " hit",  # not "white" or "architect"
    *(f"{grade} condition" for grade in ("critical", "serious", "stable", "grave", "fair", "guarded",
                                        "life-threatening", "satisfactory")), "in extremis",
    "passed away", "passes away", "pass away", "passing away",
    *(f"{verb} {whose}" for verb in ("lost", "lose", "losing") for whose in ("their lives", "his life", "her life")))
CUE_FILTER = re.compile("|".join(CUE_STEMS), re.I)


def has_cue(text: str) -> bool:
    """Whether the text holds a casualty stem (`CUE_FILTER.search`), answered by substring tests."""
    from .figures import holds_any

    return holds_any(text, CUE_STEMS, CUE_FILTER)


@lru_cache(maxsize=65536)
def _cue_word(lower: str, lemma: str) -> bool:
    """Whether a token (its lower-case form and lemma) may be a casualty cue (also the words of "pass away",
    "lose one's life", "hit" and "in critical condition", which the sentence filter finds in context)."""
    return bool(CUE_FILTER.match(lower) or CUE_FILTER.search(lemma)) or lemma in ("pass", "lose", "hit", "condition")


CASUALTIES = declare("casualties", (
    Column("article_id", "string", "The article.", "000_a5fb506bb93332d8"),
    Column("paragraph", "Int64", "0-based index of the paragraph holding the mention.", "18"),
    Column("sentence", "Int64", "0-based index of the sentence holding the mention.", "31"),
    Column("start", "Int64", "Offset of the first character in the article text.", "4570"),
    Column("end", "Int64", "Offset after the last character; `text[start:end]` is the mention.", "4582"),
    Column("text", "string", "The mention as written: the figure for counted ones, else the phrase from "
           "the victims to the casualty word.", "up to 15,000"),
    Column("casualty_type", "category", "killed, wounded, dead, missing, captured, displaced or casualties "
           "(see figures.casualty_type).", "killed"),
    Column("cue", "string", "The casualty word, lower case.", "killed"),
    Column("count", "Float64", "How many people, when the text says or implies it (\"a man\" -> 1, "
           "\"no one\" -> 0); missing for unquantified mentions and vague or bounded figures.", "<NA>"),
    Column("low", "Float64", "Lowest number the text allows (see figures.low).", "<NA>"),
    Column("high", "Float64", "Highest number the text allows (see figures.high).", "15000"),
    Column("qualifier", "category", "The figure's hedge (see figures.qualifier); exact for implicit counts.", "up_to"),
    Column("quantified", "boolean", "True when the mention carries a number, stated or implied.", "True"),
    Column("implicit", "boolean", "True when the number is implied, not written as a number "
           "(\"a man was shot dead\").", "False"),
    Column("victims", "string", "Who, as written (soldiers, children, man, forces).", "soldiers"),
    Column("side", "string", "Country the victims belong to (see figures.side).", "Russia"),
    Column("period", "string", "Time span covered, as written (see figures.period), or a rate (\"per day\"), "
           "which no total uses; also the date of what did the killing when only that is dated (\"2018\" "
           "of \"The 2018 earthquake killed 4,300\", \"April 2023\" of \"the war, which began in April 2023, "
           "has killed\"), of an earlier event named with its year (\"the 2003 European heatwave\") or set "
           "years apart (\"six years after\"), the date or event a \"when\" or \"in which\" clause hangs on (\"since "
           "April 2022, when 18 men died\", \"the 1996 Port Arthur massacre, in which 35 were killed\"), or of a "
           "running count (\"so far this year\", \"since "
           "March\", \"2024 so far\"). A period placing a mention at another time than the article, or "
           "making it a running count, keeps it out of casualty_totals.", "just over a month of fighting"),
    Column("source", "string", "Who the mention is attributed to (see figures.source).", "a NATO official"),
    Column("source_row", "Int64", "Matching row of the article's `sources` table (see figures.source_row).", "15"),
    Column("person", "string", "The individual a one-person mention refers to (\"person 1\", ...): mentions "
           "with the same value are read as the same person (\"a man was shot\" ... \"he died\"); missing "
           "for counted groups.", "<NA>"),
    Column("figure", "Int64", "Row of the article's `figures` table (its position among the article's "
           "figures) for counted mentions; missing for mentions without a digit.", "10"),
    Column("superseded", "boolean", "True when the article later revises this figure (\"71 people died\" ... "
           "\"officials revised the toll down to 63\", \"the toll has since risen to 80\"): a mention of the "
           "same state and side before the revision; the row is kept, but casualty_totals and the summary's "
           "best count use the revision.", "False"),
), doc="One row per casualty mention in headline, subheading and body paragraphs: casualty figures and mentions "
       "without a digit, in text order.")

SUMMARY = declare("casualty_summary", (
    Column("article_id", "string", "The article.", "000_a5fb506bb93332d8"),
    Column("casualty_type", "category", "See casualties.casualty_type.", "killed"),
    Column("victims", "string", "See casualties.victims; missing when not said.", "children"),
    Column("side", "string", "See casualties.side; missing when not known.", "Ukraine"),
    Column("count", "Float64", "Best stated count of the group: the mention with the largest number; missing when "
           "its claim is bounded (\"at least 143\": see low and high).", "<NA>"),
    Column("low", "Float64", "Its lowest allowed value.", "143"),
    Column("high", "Float64", "Its highest allowed value.", "<NA>"),
    Column("qualifier", "category", "Its hedge.", "at_least"),
    Column("source", "string", "Who claims it.", "Volodymyr Zelenskyy"),
    Column("rows", "string", "Rows of the article's `casualties` table in the group, comma-separated.", "2"),
    Column("statement", "string", "The claim in words.", "at least 143 children (Ukraine) killed, "
           "according to Volodymyr Zelenskyy"),
), doc="One row per article and (casualty_type, victims, side, source, whether the mention is placed at another "
       "time): the best count the article gives for that group, and who gives it. Two claimants of one toll, or "
       "today's toll and last year's, are separate rows.")

STATES = ("killed", "wounded", "missing", "captured", "displaced")
_STATE_MEANING = {
    "killed": ("People the article reports killed or dead.", "15000", "<NA>", "15000"),
    "wounded": ("People reported wounded or injured (\"shot\" counts as wounded unless fatal; people shot "
                "and later dead count as killed only).", "<NA>", "<NA>", "<NA>"),
    "missing": ("People reported missing.", "<NA>", "<NA>", "<NA>"),
    "captured": ("People reported captured or held prisoner.", "<NA>", "<NA>", "<NA>"),
    "displaced": ("People reported displaced or fleeing as refugees.", "<NA>", "<NA>", "<NA>"),
}
ESTIMATE_RULE = ("The best single estimate is the largest of the article's mentions of that state that "
                 "are about the article's own event and time: a mention placed at another time (\"last "
                 "year\", \"since 1998, when...\", a written year other than the publication year, \"the "
                 "2003 heatwave\", \"six years after\") or a running count (\"so far this year\", \"since "
                 "March\") is left out unless every numbered mention is, a mention the article later revises "
                 "(`superseded`) is left out for the revision, and vague quantities (\"dozens\") and ceilings "
                 "(\"up to\") count only when no mention states a number. Each mention is "
                 "read as: its number when exact or approximate (\"some six million\" -> 6000000); the "
                 "middle of a range (\"between 1.1 and 1.5 million\" -> 1300000) or of a vague quantity's "
                 "documented floor and ceiling (\"thousands\" -> 5999.5); the bound itself when the claim "
                 "is open on one side (\"up to 15,000\" -> 15000, \"at least 143\" -> 143), which the "
                 "_low/_high columns show as open. Mentions are not added up (repeated mentions of one "
                 "event would be counted twice); missing when the article reports none, 0 only when it "
                 "says none.")
TOTALS = declare("casualty_totals", (
    Column("article_id", "string", "The article.", "000_a5fb506bb93332d8"),
    Column("side", "string", "Country of the people counted; missing when none applies.", "Russia"),
    *(c for state, (meaning, example, low, high) in _STATE_MEANING.items() for c in (
        Column(state, "Float64", f"{meaning} The article's best single estimate (rule in the table "
               f"description).", example),
        Column(f"{state}_low", "Float64", f"Lowest number the claim behind `{state}` allows: equal to it "
               f"for an exact or approximate count, the first number of a range; missing when the claim "
               f"is open below (\"up to\", \"at most\", \"fewer than\").", low),
        Column(f"{state}_high", "Float64", f"Highest number the claim behind `{state}` allows; missing "
               f"when it is open above (\"at least\", \"more than\").", high),
    )),
), doc="One row per article and side: the article's best single estimate of how many people it reports "
       "in each state, without double counting, with the interval its claim allows. " + ESTIMATE_RULE
       + " Every article has at least one row.")


# --- reading a figure -------------------------------------------------------------------------

def _lemma(tok: Token) -> str:
    """A token's lower-case lemma, with "pass away" and "lose one's life" read as "die"."""
    lemma = tok.lemma_.lower()
    if lemma == "pass" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in tok.children):
        return "die"
    if lemma == "lose" and any(c.dep_ in ("dobj", "obj") and c.lower_ in ("life", "lives") for c in tok.children):
        return "die"
    return lemma


# "Struck" and "hit" harm a person only with a projectile, a vehicle or a weapon, a body part, or after a
# shot: "was hit by gunfire", "struck in the leg", "opened fire, striking two men" (not "struck a deal").
STRIKE_VERBS = frozenset({"strike", "hit"})
STRIKE_AGENTS = frozenset("""bullet bullets gunfire round rounds shot shots pellet pellets shrapnel projectile
projectiles fire car vehicle truck train bus van lorry motorcycle suv debris lightning missile rocket shell
shells bomb grenade""".split())
BODY_PARTS = frozenset("""head leg legs arm arms chest back hand hands foot feet shoulder hip neck face stomach
abdomen torso buttock buttocks thigh knee ankle wrist eye groin side jaw heel elbow finger toe body
temple cheek mouth""".split())
WEAPONS = frozenset("""gun pistol handgun rifle shotgun bat hammer knife bottle brick pipe crowbar stick club
weapon machete axe""".split())


def _struck(verb: Token) -> bool:
    """Whether "struck"/"hit" tells of a person harmed (see STRIKE_VERBS), not of a deal or a market."""
    objects = {(c.lower_, g.lower_) for c in verb.children if c.dep_ in ("prep", "agent")
               for g in c.children if g.dep_ == "pobj"}
    subjects = {c.lower_ for c in verb.children if c.dep_ == "nsubj"}
    return (any(p in ("in", "on") and w in BODY_PARTS for p, w in objects)
            or any(p == "by" and w in STRIKE_AGENTS for p, w in objects)
            or any(p == "with" and w in WEAPONS for p, w in objects)
            or bool(subjects & STRIKE_AGENTS)
            or (verb.dep_ in ("advcl", "conj", "xcomp") and _lemma(verb.head) in ("fire", "shoot", "open")))


def _type_of_verb(verb: Token) -> tuple[str, str] | None:
    """(casualty_type, cue) of a casualty verb, looking at its conjuncts and modifiers for fatality."""
    lemma = _lemma(verb)
    if verb.lower_ == "missing" and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return "missing", "missing"  # "five people are missing" (parsed as the verb "miss")
    if lemma not in VERBS and not (lemma in STRIKE_VERBS and _struck(verb)):
        if verb.lower_ in ADJECTIVES and verb.pos_ == "ADJ":
            return ADJECTIVES[verb.lower_], verb.lower_
        return None
    kind = VERBS.get(lemma, "wounded")
    cue = verb.lower_
    if lemma == "shoot" and any(c.dep_ == "prep" and c.lower_ == "at" and not any(c.children) for c in verb.children):
        return None  # "he was shot at but not hit": fired upon ("shot at close range" has its object)
    if kind == "wounded":
        related = [c for c in verb.children if c.dep_ in ("advmod", "oprd", "acomp", "conj", "xcomp", "prep")]
        for c in related:
            if FATAL.match(c.lower_) or c.lemma_.lower() in ("kill", "die") or \
                    (c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)):
                return "killed", cue
    if kind == "displaced" and lemma == "flee" and verb.tag_ not in ("VBD", "VBN"):
        return None  # "to allow civilians to flee": not yet displaced
    return kind, cue


def _noun_type(noun: Token) -> str | None:
    word = noun.lower_
    if word in ("toll",):
        return "dead" if any(c.lower_ in ("death", "casualty") for c in noun.children) else None
    if word in ("missing", "dead", "wounded", "injured") and noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return NOUNS.get(word) or NOUNS.get(noun.lemma_.lower())


# Verbs by which a tally reaches a number: "rose to 14", "stood at 40", "passed 5,000".
TALLY_VERBS = {"rise", "climb", "reach", "pass", "hit", "stand", "top", "exceed", "surpass", "jump", "increase",
               "grow", "mount", "soar", "go", "edge", "creep", "swell"}
# What a toll is charged for: a "road toll" rising to 31 is money, not a death toll.
TOLL_CHARGES = frozenset({"road", "bridge", "motorway", "highway", "tunnel", "turnpike", "expressway", "crossing",
                          "motorists", "car", "lorry", "truck", "congestion", "phone", "call", "plaza", "booth"})
TALLY_OBJECT_VERBS = {"reach", "pass", "hit", "top", "exceed", "surpass"}
# Verbs by which someone sets a tally at a number: "put the death toll at 52", "revised the toll down to 63".
TALLY_SETTERS = {"put", "place", "set", "revise", "raise", "lower", "bring", "update", "estimate", "cut",
                 "correct", "amend", "adjust", "downgrade", "upgrade", "reduce"}


# Verbs that replace a tally the article gave before ("revised the toll down to 63", "corrected the
# figure to four"), and the adverbs that make a rise or a new level a later update ("has since risen to 80").
REVISE_VERBS = frozenset({"revise", "correct", "update", "amend", "adjust", "downgrade", "upgrade", "lower",
                          "reduce", "raise", "cut"})
LATER = frozenset({"since", "later", "subsequently"})
# Nouns that name a tally without saying of what ("the figure", "the total"): a revision of one
# revises the casualty figure just before it.
TALLY_NOUNS = frozenset({"figure", "figures", "number", "tally", "total", "count", "toll", "estimate"})


def tally_verb(number: Token) -> Token | None:
    """The verb whose new value a number is: "rose to 5", "stood at 40", "revised the toll down to 63",
    "revised the toll from 71 to 63"; None otherwise."""
    if number.dep_ != "pobj":
        return None
    prep = number.head
    holder = prep.head
    if prep.lower_ in ("to", "at") and holder.lower_ == "from" and holder.dep_ == "prep":
        holder = holder.head  # "from 71 to 63": the parse hangs "to" on "from"
    elif prep.lower_ in ("to", "at") and holder.dep_ in ("prt", "advmod") and holder.lower_ in ("down", "up"):
        holder = holder.head  # "revised the toll down to 63": the verb's particle holds "to"
    elif prep.lower_ not in ("to", "at", "down", "up"):
        return None
    return holder if holder.pos_ in ("VERB", "AUX") else None


def is_revision(number: Token) -> bool:
    """Whether a number is a tally's revised value: set by a revising verb ("revised the toll down to 63",
    "the figure was corrected to four") or reached later ("the toll has since risen to 80")."""
    verb = tally_verb(number)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    return lemma in REVISE_VERBS or (lemma in TALLY_VERBS | TALLY_SETTERS
                                     and any(c.dep_ == "advmod" and c.lower_ in LATER for c in verb.children))


def _tally_type(subject: Token, verb: Token) -> tuple[str, str] | None:
    """(casualty_type, cue) of a tally that reaches a number: a casualty noun, "the toll" alone
    ("the toll rose to 14"), or "the number of dead / of people killed / of casualties"."""
    kind = _noun_type(subject)
    if kind or verb.lemma_.lower() not in TALLY_VERBS | TALLY_SETTERS:
        return (kind, subject.lower_) if kind else None
    if subject.lower_ == "toll":
        # a bare toll that rises to a head count is the death toll, and so is an event's ("Landslide toll
        # rises to 31"); "road toll", "bridge toll", "emotional toll" are not
        bare = not any(c.dep_ in ("amod", "nmod") or (c.dep_ == "compound" and (
            c.lower_ in TOLL_CHARGES or c.pos_ != "NOUN")) for c in subject.children)
        return ("dead", "toll") if bare else None
    if subject.lower_ in TALLY_NOUNS:
        for c in subject.children:  # "the death tally", "the casualty figure", "the injury count"
            if c.dep_ in ("compound", "amod") and (kind := _noun_type(c)):
                return kind, c.lower_
    if subject.lemma_.lower() == "number":
        # the cue is the casualty word, so that it is not read again as a mention without a digit
        for of in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"):
            for g in (g for g in of.children if g.dep_ == "pobj"):
                if g.lower_ in ADJECTIVES:  # "the number of dead", "of injured" (parsed as a verb)
                    return ADJECTIVES[g.lower_], g.lower_
                if _noun_type(g):  # "the number of casualties"
                    return _noun_type(g), g.lower_
                for a in g.children:  # "the number of people killed"
                    if a.dep_ in ("acl", "amod") and (r := _type_of_verb(a)):
                        return r
    return None


def _verb_reading(anchor: Token) -> tuple[str, str, Token] | None:
    """(casualty_type, cue, verb) when the anchor noun phrase is the victim of a casualty verb."""
    tok = anchor
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        tok = tok.head
    head, dep = tok.head, tok.dep_
    if dep == "pobj" and head.lower_ in ("between", "from") and head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.head.children):
        # The parser reads a range with an appositive ("Between 1.1 and 1.5 million people, mainly
        # Jews, were killed") as "between" + object; the noun is the clause's missing subject.
        head = head.head
        dep = "nsubjpass" if any(c.dep_ == "auxpass" for c in head.children) else "nsubj"
    # "15 people killed", "two people who were injured", "one man dead"
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl", "amod", "oprd") and child.i > anchor.i:
            kids = list(child.children)
            agent = any(c.dep_ == "nsubj" for c in kids) and any(c.dep_ in ("dobj", "obj") for c in kids)
            if child.dep_ == "relcl" and (agent or (any(c.dep_ == "nsubj" for c in kids)
                                                    and child.lemma_.lower() not in SUBJECT_VERBS)):
                continue  # "two officers who shot and killed a woman": the officers did it
            r = _type_of_verb(child) or (("displaced", child.lower_) if _driven_home(child) else None)
            if r:
                return (*r, child)
    for child in anchor.children:  # "one fatally" (of "two were shot, one fatally")
        if child.dep_ == "advmod" and FATAL.match(child.lower_):
            return "killed", child.lower_, child
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        lemma = _lemma(head)
        perfect_active = any(c.lemma_ == "have" and c.dep_ == "aux" for c in head.children)
        has_object = any(c.dep_ in ("dobj", "obj") for c in head.children)
        if dep in ("nsubjpass", "dobj", "obj") or (dep == "npadvmod" and lemma in VERBS):
            r = _type_of_verb(head)
            if r and not (dep == "nsubjpass" and lemma in SUBJECT_VERBS):
                return (*r, head)
        if dep in ("dobj", "obj") and lemma == "include":
            for c in head.children:  # "the dead included nine children", "casualties include three officers"
                if c.dep_ == "nsubj" and (_noun_type(c) or (c.lower_ in ADJECTIVES and any(
                        d.lower_ == "the" for d in c.children))):
                    kind = _noun_type(c) or ADJECTIVES[c.lower_]
                    return kind, c.lower_, c
        if dep == "nsubj" and lemma in VERBS and lemma not in SUBJECT_VERBS and head.tag_ in ("VBD", "VBN") \
                and not has_object and ((head.dep_ == "pcomp" and head.head.lower_ == "with")
                                        or any(c.dep_ == "mark" and c.lower_ == "with" for c in head.children)):
            r = _type_of_verb(head)  # "with 1,105 people shot so far": a passive without its auxiliary
            if r:
                return (*r, head)
        if dep == "nsubj" and head.pos_ == "ADJ" and head.lower_ in ADJECTIVES and _found_state(head):
            return ADJECTIVES[head.lower_], head.lower_, head  # "deputies found one man dead"
        if dep == "nsubj":
            if lemma in SUBJECT_VERBS or head.lower_ == "missing" or (lemma in VERBS and head.tag_ == "VBN"
                                                                      and not perfect_active and not has_object):
                r = _type_of_verb(head)
                if r:
                    return (*r, head)
            if lemma in ("be", "remain", "lie", "lay", "go", "become", "get"):
                for c in head.children:
                    if c.dep_ in ("acomp", "attr", "oprd", "xcomp") and (c.lower_ in ADJECTIVES or c.lemma_ in VERBS):
                        r = _type_of_verb(c) if c.lemma_ in VERBS else (ADJECTIVES[c.lower_], c.lower_)
                        if r:
                            return (*r, c)
                    if c.dep_ == "prep" and c.lower_ == "among":  # "two children were among the dead"
                        for g in c.children:
                            if g.dep_ == "pobj" and g.lower_ in ADJECTIVES and g.lower_ not in ("shot", "hurt"):
                                return ADJECTIVES[g.lower_], g.lower_, g
            if lemma in ("suffer", "sustain", "receive"):
                for c in head.children:
                    if c.dep_ in ("dobj", "obj") and _noun_type(c):
                        return _noun_type(c), c.lower_, head
        if dep in ("dobj", "nsubjpass") and lemma in ("leave", "find", "pronounce", "declare", "report", "confirm", "list"):
            for c in head.children:
                if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "conj", "advcl") and c.lower_ in ADJECTIVES:
                    return ADJECTIVES[c.lower_], c.lower_, c
        if dep in ("dobj", "nsubjpass") and lemma in ("leave", "make", "render"):
            for c in head.children:  # "5,000 people have been left homeless"
                if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "conj") and c.lower_ == "homeless":
                    return "displaced", c.lower_, c
    if dep in ("dobj", "obj", "nsubjpass") and _driven_home(head):
        # "forced more than 88,000 people from their homes", "forced 25,000 people to flee El Fasher",
        # "1,200 residents had been moved to temporary shelters"
        return "displaced", head.lower_, head
    if dep == "pobj" and (verb := tally_verb(tok)) is not None:
        # "the death toll rose to 5", "casualties stood at 40", "the toll was revised down to 63"
        for c in verb.children:
            setter = c.dep_ in ("dobj", "obj", "nsubjpass") and _lemma(verb) in TALLY_SETTERS
            if (c.dep_ == "nsubj" or setter) and (tally := _tally_type(c, verb)):
                if any(t.lower_ in ("many", "high", "up") for t in tok.lefts):
                    # "could rise to as many as 300": a ceiling, kept though forecast (not a count)
                    return *tally, c
                return *tally, verb
    if dep in ("dobj", "obj") and head.lemma_.lower() in TALLY_OBJECT_VERBS:
        for c in head.children:  # "the death toll passed 5,000", "Death toll passes 5,000"
            if c.dep_ == "nsubj" and (tally := _tally_type(c, head)):
                return *tally, head
    if dep == "attr" and head.lemma_ == "be":
        for c in head.children:
            if c.dep_ == "nsubj" and _noun_type(c):
                return _noun_type(c), c.lower_, head
    if dep == "pobj" and head.lower_ == "among" and head.head.lower_ in ADJECTIVES:
        return ADJECTIVES[head.head.lower_], head.head.lower_, head.head
    if dep == "nsubj" and head.tag_ == "VBN" and not any(c.dep_ in ("aux", "dobj", "obj") for c in head.children) \
            and _driven_home(head):
        return "displaced", head.lower_, head  # "with 168,000 people forced from their homes"
    if dep == "pobj" and head.lower_ == "at":
        return _set_at(head)
    return None


def _driven_home(verb: Token) -> bool:
    """Whether a verb drives people from their homes ("forced ... from their homes", "forced ... to flee the
    city") or into shelters ("moved to temporary shelters"); not shoppers forced to flee a store."""
    lemma = _lemma(verb)
    if lemma in SHELTER_VERBS:
        return any(c.dep_ == "prep" and c.lower_ in ("to", "into", "in") and any(
            _shelter(g, lemma) for g in _pobjs(c)) for c in verb.children)
    if lemma not in ("force", "drive", "chase", "push", "flush", "compel"):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("from", "out") and any(g.lower_ in HOME_NOUNS for g in _pobjs(c))
           for c in verb.children):
        return True
    # "forced to flee their homes", "forced 25,000 people to flee El Fasher": fled from a home or a
    # place people live in; fleeing a shop or a gunman is not displacement
    return any(c.dep_ == "xcomp" and _lemma(c) in LEAVE_VERBS and any(
        (g.dep_ in ("dobj", "obj") and _home_or_place(g))
        or (g.dep_ == "prep" and g.lower_ in ("from", "out") and any(_home_or_place(h) for h in _pobjs(g)))
        for g in c.children) for c in verb.children)


def _shelter(noun: Token, lemma: str) -> bool:
    """Whether people moved to this noun are housed away from home: shelters, tents, relief camps or
    evacuation centres ("taken to a camp" alone may be a prison camp; "a medical centre" is care)."""
    if noun.lower_ in ("shelter", "shelters", "tent", "tents"):
        return True
    if noun.lower_ not in ("camp", "camps", "centre", "centres", "center", "centers", "accommodation", "housing"):
        return False  # "taken to emergency rooms" is care, not housing
    housing = any(c.lower_ in ("evacuation", "relief", "reception", "displacement", "refugee", "temporary")
                  for c in noun.children if c.dep_ in ("compound", "amod"))
    return housing or (noun.lower_ in ("camp", "camps") and lemma != "take")


# Determiners that make a noun any one of many ("each person killed"), which counts no one.
DISTRIBUTIVE = frozenset({"each", "every", "any"})


def _found_alive(cue: Token) -> bool:
    """Whether the clause of a death or a disappearance goes on to find the person alive ("was reported
    dead but was later found alive")."""
    verbs = (cue, cue.head) if cue.dep_ in ("oprd", "acomp", "xcomp") else (cue,)  # "reported [dead]"
    # the same subject found alive: "three were killed and one was found alive" is another person
    later = [c for v in verbs for c in v.conjuncts
             if c.i > v.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    return any(t.lower_ == "alive" for c in later for t in c.subtree)


def _pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition with their conjuncts ("to schools and temporary shelters"), and of
    "out of" ("driven out of their villages")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    objs += [h for g in prep.children if g.dep_ == "prep" for h in g.children if h.dep_ == "pobj"]
    return objs + [c for g in objs for c in g.conjuncts]


def _home_or_place(noun: Token) -> bool:
    """Whether a noun is a home or a place people live in: a home noun, "the city" / "the region", or a
    name (the small tagger types towns as ORG or PERSON: "flee El Fasher", "flee Khartoum")."""
    return noun.lower_ in HOME_NOUNS or noun.lower_ in PLACE_NOUNS or noun.pos_ == "PROPN"


def _set_at(at: Token) -> tuple[str, str, Token] | None:
    """The tally a setter puts at a number when the parser hangs "at" inside the tally ("put the number
    of people killed in the city at between 10,000 and 15,000": "at" under "killed")."""
    for verb in at.ancestors:
        if verb.pos_ in ("VERB", "AUX") and _lemma(verb) in TALLY_SETTERS:
            for c in verb.children:
                if c.dep_ in ("dobj", "obj") and c.is_ancestor(at) and (tally := _tally_type(c, verb)):
                    return *tally, verb
            return None
    return None


def _victims(noun: Token | None) -> str | None:
    if noun is None:
        return None
    if noun.lower_ in PERSON_NOUNS or noun.ent_type_ in ("NORP", "PERSON"):
        return noun.lower_
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "among"):
            for g in c.children:
                if g.dep_ == "pobj" and (g.lower_ in PERSON_NOUNS or g.ent_type_ == "NORP"):
                    return g.lower_
        if c.dep_ in ("amod", "compound") and c.lower_.rstrip("s") + "s" in PERSON_NOUNS:
            return c.lower_.rstrip("s") + "s"
    return None


def side_of(noun: Token | None) -> str | None:
    """Country of the people a noun names, from its adjectives, possessives and itself."""
    if noun is None:
        return None
    tokens = [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod", "nummod")]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "among"):
            tokens += [g for g in c.children if g.dep_ == "pobj"]
            tokens += [gg for g in c.children for gg in g.children if gg.dep_ in ("amod", "compound", "poss")]
    for tok in tokens:
        for sub in [tok] + [c for c in tok.children if c.dep_ in ("compound", "poss")]:
            side = DEMONYMS.get(sub.lower_)
            if side and not (sub.lower_ == "us" and sub.text != "US"):  # "two of us", not the US
                return side
    return None


FIRST_PERSON = re.compile(r"\b(?:[Oo]ur|[Ww]e|us)\b")


def side_from_context(sent: Span, speaker_phrase: str | None) -> str | None:
    """The speaker's country for first-person victims ("our nation"), from the speaker's description."""
    # Case-sensitive: "US" and "U.S." are the United States, not "us".
    if not speaker_phrase or not FIRST_PERSON.search(sent.text):
        return None
    for word in re.findall(r"[\w.]+", speaker_phrase.lower()):
        if word in DEMONYMS:
            return DEMONYMS[word]
    return None


def _period(*tokens: Token | None) -> str | None:
    """The time phrase a casualty word hangs off: "in just over a month of fighting", and, as
    anchors to another time, "Last year, ... died", "a decade ago", "1998, when ... died"."""
    onset = _since_onset(tokens[0]) if tokens and tokens[0] is not None else None
    if onset:
        return onset
    # "Last year, 224 people died in disasters between June and September": the other year wins over a
    # span inside the clause, since it places the whole mention
    first = tokens[0] if tokens else None
    for c in first.children if first is not None else ():
        if c.dep_ in ("npadvmod", "advmod"):
            sub = first.doc[c.left_edge.i:c.right_edge.i + 1]
            if OTHER_TIME.search(sub.text):
                return sub.text
    for tok in tokens:
        if tok is None:
            continue
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and c.lower_ in PERIOD_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        sub = tok.doc[g.left_edge.i:g.right_edge.i + 1]
                        if any(t.ent_type_ == "DATE" for t in sub) or TIME_WORDS.search(sub.text):
                            return _running_period(c, sub)
    for tok in tokens[:1]:
        if tok is None:
            continue
        for c in tok.children:
            # only adverbials that place the event in another year are taken: "on Tuesday" is no span
            if c.dep_ in ("npadvmod", "advmod"):
                sub = tok.doc[c.left_edge.i:c.right_edge.i + 1]
                if OTHER_TIME.search(sub.text):
                    return sub.text
                if RUNNING.search(sub.text):  # "have died ... so far this year"
                    return _running_period(None, sub)
        apart = _years_apart(tok)
        if apart:
            return apart
        if tok.dep_ == "relcl" and YEAR.fullmatch(tok.head.text):
            return tok.head.text  # "since 1998, when about 2,000 people died"
        if tok.dep_ == "relcl":
            # "after the 1996 Port Arthur massacre, in which 35 people were killed": the event's year
            named = tok.doc[tok.head.left_edge.i:tok.head.i + 1].text
            if EVENT_YEAR.fullmatch(named):
                return named
        found = _when_date(tok)
        if found:
            return found
        # "11,520 killed and 23,640 injured since February 2022": one time phrase covers both
        for c in tok.children:
            if c.dep_ == "conj":
                found = _period(c, *(g for g in c.children if g.dep_ == "acl"))
                if found:
                    return found
        found = _event_date(tok)
        if found:
            return found
    return None


# "since April 2022, when 18 men died", "since 2017-2018, when 114 deaths were recorded": the date a
# "when" clause hangs on, written right before it.
_DATE_BEFORE_WHEN = re.compile(r"\b(?:since|in|after|before|during)\s+((?:(?:early|late|mid-?)\s+)?(?:" + MONTHS
                               + r"\s+)?(?:1[89]|20)\d\d(?:[-–/](?:1[89]|20)?\d\d)?)\s*,?\s*$", re.I)


def _when_date(tok: Token) -> str | None:
    """The date before a "when" clause holding the casualty word ("since April 2022, when 18 men died")."""
    for verb in [tok, *list(tok.ancestors)[:3]]:
        if any(c.lower_ == "when" and c.tag_ == "WRB" for c in verb.children):
            start = verb.left_edge.idx
            m = _DATE_BEFORE_WHEN.search(verb.doc.text, max(0, start - 40), start)
            return m.group(1) if m else None
    return None


def _since_onset(tok: Token) -> str | None:
    """The date of a war's start when the casualty word counts since then: "have died since the war
    began in April 2023" -> "April 2023" (a joined clause's own time phrase does not cover it)."""
    for c in tok.children:
        if c.dep_ == "advcl" and c.lemma_.lower() in ONSET_VERBS and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            found = _period(c)
            if found and YEAR.search(found):
                return found
    return None


def _running_period(prep: Token | None, sub: Span) -> str:
    """A period as written, with "since" kept when it opens a running count of the year ("since
    January") and "so far" when it closes or opens one ("so far this year", "2024 so far")."""
    doc = sub.doc
    start, end = sub.start, sub.end
    if end + 1 < len(doc) and doc[end].lower_ == "so" and doc[end + 1].lower_ == "far" \
            and YEAR.fullmatch(sub.text):
        end += 2  # "in 2024 so far"
    if start >= 2 and doc[start - 2].lower_ == "so" and doc[start - 1].lower_ == "far":
        start -= 2  # "so far this year"
    text = doc[start:end].text
    if prep is not None and prep.lower_ == "since" and RUNNING.match(f"since {text}"):
        return f"since {text}"
    return text


def _years_apart(tok: Token) -> str | None:
    """"more than six years after" when a span of years and "after"/"before" place the casualty clause
    apart from the article's event ("came six years after a gunman killed 49"), else None."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ not in ("mark", "prep") or c.lower_ not in ("after", "before"):
            continue
        # the span of years hangs off "after" or off the clause, right before "after"
        spans = [g for g in (*c.children, *tok.children) if g.dep_ == "npadvmod" and g.right_edge.i == c.i - 1]
        for g in spans:
            sub = doc[g.left_edge.i:c.i]
            if YEARS_APART.search(sub.text):
                return doc[sub.start:c.i + 1].text
    return None


def _event_date(tok: Token) -> str | None:
    """The date of what did the killing, when the cue's subject carries one: "The 2018 earthquake
    killed 4,300", "killed by the 2004 tsunami", "The war, which began in April 2023, has killed"."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
    if not subjects and tok.dep_ == "conj":  # "has killed 150,000 ... and displaced 12 million"
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    for c in subjects:
        event = c if c.dep_ == "nsubj" else next((g for g in c.children if g.dep_ == "pobj"), None)
        if event is None or is_person(event):
            continue
        year = next((t for t in event.subtree if YEAR.fullmatch(t.text) and t.i < tok.i
                     and t.ent_type_ in ("DATE", "")), None)
        if year is not None and year.head.i == event.i:
            return year.text
        for clause in event.subtree:
            if clause.dep_ == "relcl" and clause.lemma_.lower() in ONSET_VERBS and clause.i < tok.i:
                found = _period(clause)
                if found and YEAR.search(found):
                    return found
    return None


# A state written right after a number, in headline and tally style: "Two dead and 14 injured",
# "put the toll at 164 dead and 540 injured" (the parser often hangs such words elsewhere).
_STATE_AFTER = frozenset({"dead", "killed", "injured", "wounded", "hurt", "missing"})


def _state_after(span: Span) -> tuple[str, str, Token] | None:
    """(casualty_type, cue, word) when the number is followed at once by a state word and no noun."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in _STATE_AFTER:
        return None
    word = doc[span.end]
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN"):
        return None  # "14 injured players": the noun says what is counted
    return ADJECTIVES[word.lower_], word.lower_, word


def _noun_after(span: Span) -> tuple[str, str, Token] | None:
    """(casualty_type, cue, noun) when a casualty noun follows the number at once and the figure found no
    counted noun ("a confidence interval of 1,850 to 2,740 deaths", whose range the parser splits)."""
    doc = span.doc
    if span.end >= len(doc):
        return None
    noun = doc[span.end]
    kind = _noun_type(noun) if noun.pos_ == "NOUN" and noun.lower_ not in WOUND_NOUNS else None
    return (kind, noun.lower_, noun) if kind else None


def reading(span: Span, counted: Token | None) -> dict | None:
    """The casualty reading of a number span and the noun it counts, or None when it counts no casualties."""
    root = span.root
    result = None
    if counted is not None and counted.lower_ in WOUND_NOUNS:
        return None  # "three gunshot wounds" counts wounds, not people
    if counted is not None:
        noun_kind = _noun_type(counted)
        if noun_kind:
            result = (noun_kind, counted.lower_, counted)
        elif counted.lower_ in BODY_NOUNS and (counted.head.lemma_.lower() in BODY_VERBS or any(
                c.dep_ in ("acl", "relcl") and c.lemma_.lower() in BODY_VERBS for c in counted.children)):
            result = ("dead", counted.lower_, counted)  # "more than 50 bodies had been recovered"
        elif counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.lower_ in BODY_NOUNS \
                and is_person(counted):
            body = counted.head.head
            result = ("dead", body.lower_, body)  # "the bodies of at least 30 people had been recovered"
    if result is None:
        for anchor in dict.fromkeys(a for a in (counted, root) if a is not None):
            result = _verb_reading(anchor)
            if result:
                break
    if result is None:
        result = _state_after(span) or _noun_after(span)
    if result is None:
        return None
    kind, cue, cue_tok = result
    if counted is not None and not _noun_type(counted) and not is_person(counted) and cue_tok is not counted:
        return None  # "two cars were shot"
    if cue_tok.pos_ in ("VERB", "AUX", "ADJ") and hypothetical(cue_tok):
        return None
    if kind in ("dead", "killed", "missing") and _found_alive(cue_tok):
        return None  # "two climbers were reported missing but later found alive"
    if cue in INJURY_CUES and sport_injury(span.sent.text):
        return None  # "four or five central defenders are away because of injuries"
    victim_noun = counted
    victims = _victims(counted) if counted is not None else None
    if counted is not None and _noun_type(counted):
        victims = _victims(counted)
    period = _period(cue_tok, cue_tok.head, root.head)
    if kind in ("killed", "dead", "wounded") and _killed_and_wounded(cue_tok):
        kind = "casualties"  # "1,200 soldiers killed or wounded": one number for both
    rate = RATE.search(span.doc[span.start:min(cue_tok.i + 6, span.sent.end)].text)
    if rate and (period is None or rate.group() not in period):
        # "per day" wins over "in May": a rate, which no total adds up to a count ("over a
        # month of fighting" is a span, not a rate)
        period = rate.group()
    return {"casualty_type": kind, "cue": cue, "cue_i": cue_tok.i, "victims": victims,
            "side": side_of(victim_noun), "period": period}


_KILL_LEMMAS = frozenset({"kill", "die", "dead"})
_WOUND_LEMMAS = frozenset({"wound", "injure", "hurt"})
# A rate, not a count: "killed or wounded per day", "500 a week".
RATE = re.compile(r"\b(?:(?:per|each|every)\s+(?:day|week|month|year|hour)|an?\s+(?:day|week|month|year|hour)"
                  r"(?!\s+(?:earlier|ago|before|after|later|of|into|long|or|and|since)\b))\b", re.I)


def _killed_and_wounded(cue: Token) -> bool:
    """Whether the casualty word is joined to one of the other kind ("killed or wounded", "dead and injured")."""
    lemma = cue.lemma_.lower()
    if lemma in _KILL_LEMMAS or cue.lower_ == "dead":
        other = _WOUND_LEMMAS
    elif lemma in _WOUND_LEMMAS:
        other = _KILL_LEMMAS
    else:
        return False  # "shot and killed" is killed: shooting is how, not a second state
    joined = [c for c in cue.children if c.dep_ == "conj"] + ([cue.head] if cue.dep_ == "conj" else [])
    # only side by side ("killed or wounded"): "3 were killed and five injured" gives each its number
    return any((t.lemma_.lower() in other or t.lower_ in other) and abs(t.i - cue.i) == 2
               and cue.doc[min(t.i, cue.i) + 1].lower_ in ("or", "and") for t in joined)


# --- mentions without a digit -----------------------------------------------------------------

def _np_count(noun: Token) -> tuple[float | None, bool]:
    """(count, implicit) of a victim noun phrase with no number: "a man" 1, "no one" 0, "people" None."""
    members = [noun] + [c for c in noun.children if c.dep_ == "conj"]
    if len(members) > 1:
        counts = [_np_count_one(m) for m in members]
        if all(c is not None for c in counts):
            return float(sum(counts)), True
    return _np_count_one(noun), True


def _np_count_one(noun: Token) -> float | None:
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "nummod", "amod", "predet")}
    word = noun.lower_
    if word in ("nobody", "none") or dets & {"no", "neither"}:
        return 0.0
    if _denied_with_head(noun):
        return 0.0  # "no deaths or injuries": the "no" covers both
    if word in ("both",) or "both" in dets:
        return 2.0
    if word in ("couple", "pair") and dets & {"a", "the", "this", "that"}:
        return 2.0  # "a married couple"
    if word in ("they", "them") and any(c.lower_ == "both" for c in (*noun.children, *noun.head.children)):
        return 2.0  # "they were both taken to hospital", "they both died"
    if word in ("he", "she", "him", "her", "himself", "herself", "another") or \
            noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN":
        return 1.0
    if (word == "old" or word.endswith("-old")) and dets & {"a", "an", "the", "another"}:
        return 1.0  # "the 22-year-old who had been shot"
    if word == "one" and noun.pos_ in ("NUM", "NOUN", "PRON") and not dets & {"no", "any", "every", "each"}:
        return 1.0
    if noun.tag_ == "NN" and word in PERSON_NOUNS | {"one", "another", "other"} and \
            (dets & {"a", "an", "one", "another", "the", "this", "that"} or word in ("one", "another")):
        return 1.0
    if noun.tag_ == "NN" and noun.lower_ in PERSON_NOUNS and not dets & {"every", "each", "any", "some"}:
        return 1.0  # "Man killed in front of his family" (headline style, no article)
    return None


QUANTITY_WORDS = frozenset({"many", "several", "multiple", "numerous", "few", "some"})


def _denied_with_head(noun: Token) -> bool:
    """Whether a noun joined by "or" to a denied one shares its "no" ("no deaths or injuries"); one with
    its own quantity does not ("no deaths but several injuries", "no deaths or two injuries")."""
    head = noun.head
    return (noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN", "PRON")
            and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in head.children)
            and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
            and not any(c.dep_ in ("det", "nummod", "quantmod") or c.lower_ in QUANTITY_WORDS
                        for c in noun.children if c.i < noun.i))


# Verbs that find a person in a state ("found him dead", "found X shot to death").
FIND_VERBS = frozenset({"find", "discover", "leave", "locate"})


def _found_state(adj: Token) -> bool:
    """Whether a casualty adjective is a found state parsed as a clause ("found one man dead")."""
    return adj.dep_ == "ccomp" and _lemma(adj.head) in FIND_VERBS and any(c.dep_ == "nsubj" for c in adj.children)


def _victim_of(cue: Token) -> Token | None:
    """The noun phrase head naming who suffered a casualty verb or adjective."""
    lemma = _lemma(cue)
    kids = list(cue.children)
    if cue.pos_ in ("VERB", "AUX") or lemma in VERBS:
        passive = [c for c in kids if c.dep_ == "nsubjpass"]
        if passive:  # the nearest one: a misparsed dateline ("SYRACUSE, N.Y. -- A man was shot") comes first
            return next((c for c in reversed(passive) if is_person(c)), passive[-1])
        if lemma in SUBJECT_VERBS or (cue.tag_ == "VBN" and not any(c.dep_ in ("dobj", "aux") and c.lemma_ == "have" for c in kids)):
            subjects = [c for c in kids if c.dep_ == "nsubj"]
            if subjects:
                return next((c for c in reversed(subjects) if is_person(c)), subjects[-1])
        for c in kids:
            if c.dep_ in ("dobj", "obj"):
                return c
        if cue.dep_ in ("acl", "amod") and cue.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cue.head
        if cue.dep_ == "conj":
            return _victim_of(cue.head) if _lemma(cue.head) in VERBS or _lemma(cue.head) in STRIKE_VERBS else None
        if cue.dep_ in ("oprd", "xcomp", "acomp", "advcl") and cue.tag_ == "VBN" and cue.head.pos_ in ("VERB", "AUX"):
            for c in cue.head.children:
                if c.dep_ in ("nsubjpass", "dobj", "nsubj"):
                    return c
        if cue.dep_ == "ccomp" and _lemma(cue.head) in FIND_VERBS and lemma not in SUBJECT_VERBS:
            # "they found Weldekiros shot to death": the found person is the parse's subject of "shot"
            subjects = [c for c in kids if c.dep_ == "nsubj"]
            if subjects and is_person(subjects[-1]) and not any(c.dep_ in ("dobj", "obj") for c in kids):
                return subjects[-1]
    if cue.pos_ == "ADJ":
        if _found_state(cue):  # "they found a man dead": the parse makes the man the subject of "dead"
            subjects = [c for c in kids if c.dep_ == "nsubj"]
            return subjects[-1] if subjects else None
        if cue.dep_ in ("acomp", "oprd", "xcomp"):
            holder = cue.head
            if holder.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in holder.children):
                holder = holder.head  # "staggered off the porch and was found dead": the first verb's subject
            for c in holder.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
                    return c
        if cue.dep_ == "amod":
            return cue.head
    return None


# Nouns of a killing, and of an attack that the adjective makes one ("the fatal shooting of ...").
KILLING_NOUNS = frozenset({"killing", "murder", "slaying", "homicide"})
ATTACK_NOUNS = frozenset({"shooting", "stabbing", "beating"})
# Verbs by which a person's body is found ("the body of a man was found in a ditch").
FOUND_BODY = frozenset({"find", "discover", "recover", "pull", "retrieve", "locate", "dump", "wash", "exhume"})


def _killing_victim(noun: Token) -> tuple[str, Token] | None:
    """(casualty_type, victim) of a killing named by a noun: "the killing of X", "the fatal shooting of X"
    (killed), or a person's body found ("the body of a man", "Hobson's body", "a body was found": dead)."""
    word = noun.lower_
    if word == "body":
        if noun.dep_ not in ("dobj", "obj", "nsubjpass") or _lemma(noun.head) not in FOUND_BODY \
                or hypothetical(noun.head):
            return None  # "where her body might not be found"
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ == "whose" and noun.head.dep_ == "relcl":
                return "dead", noun.head.head  # "a man whose body was found"
            if c.dep_ == "poss" and (is_person(c) or c.pos_ == "PROPN"):
                return "dead", c  # "Thomas Hobson's body"
            if c.dep_ == "prep" and c.lower_ == "of":
                found = [g for g in c.children if g.dep_ == "pobj"]
                return ("dead", found[0]) if found and is_person(found[0]) else None  # "the body of a dog": no
            if c.dep_ == "poss":
                return None  # "its body"
        return "dead", noun
    if any(c.lower_ in ("attempted", "attempt", "attempts") for c in noun.children):
        return None  # "attempted murder of two people"
    if noun.lemma_.lower() not in KILLING_NOUNS and not (
            word.rstrip("s") in ATTACK_NOUNS and any(c.dep_ == "amod" and c.lower_ in ("fatal", "deadly")
                                                     for c in noun.children)):
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and (is_person(g) or g.pos_ == "PROPN" and g.ent_type_ in NAME_TYPES):
                    return "killed", g
    return None


def _self_wound(cue: Token) -> bool:
    """Whether shooting oneself is told as a wound, not as a possible suicide: "accidentally shot
    himself", "shot himself in the leg"."""
    return any(c.dep_ == "advmod" and c.lower_ in ("accidentally", "unintentionally", "inadvertently")
               for c in cue.children) or any(
        c.dep_ == "prep" and c.lower_ in ("in", "through") and any(g.lower_ in BODY_PARTS for g in c.children)
        for c in cue.children)


def _gapped_victim(cue: Token) -> Token | None:
    """ "another" of a clause whose verb is left out ("One man was killed and another wounded"), which
    the parser hangs elsewhere; None when the cue has no such word right before it."""
    if cue.i < 2 or cue.tag_ != "VBN":
        return None
    before, joint = cue.doc[cue.i - 1], cue.doc[cue.i - 2]
    return before if before.lower_ == "another" and joint.lower_ in ("and", "while", ",", "but") else None


def _noun_victim(noun: Token) -> Token | None:
    """Who suffered a casualty noun: the subject of "suffer"/"sustain", of the clause it hangs off."""
    for c in noun.children:  # "the shooting death of Lavon Spaights"
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and is_person(g):
                    return g
    tok = noun
    first_verb = True
    for _ in range(7):  # up the clause chain: "he ... is being treated for what appears to be injuries"
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if first_verb and tok.lemma_.lower() not in SUFFER_VERBS:
            return None  # "he told refugees", "heal wounds": the subject did not suffer them
        first_verb = False
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != noun.i
                    and c.tag_ not in ("WP", "WDT")]
        if subjects:
            return subjects[-1] if is_person(subjects[-1]) else None
    return None


# A person in care after an attack or accident: "in critical condition", "taken to hospital". Only
# grave grades: "in good condition" is said of cars and houses too.
CONDITION_GRADES = {"critical", "serious", "stable", "grave", "fair", "guarded", "life-threatening",
                    "satisfactory", "extremis"}
# Verbs that move a person to hospital ("rushed to hospital"), and those that keep one there ("remains in
# hospital"); "works at the hospital" and "visited the hospital" are neither.
TO_HOSPITAL = {"take", "transport", "rush", "airlift", "fly", "drive", "bring", "carry", "admit", "send",
               "ferry", "helicopter", "medevac", "convey", "hospitalize", "hospitalise", "whisk"}
IN_HOSPITAL = {"treat", "admit", "remain", "stay", "recover", "be", "lie", "list", "hospitalize", "hospitalise",
               "keep", "detain"}
CARE_NOUNS = {"hospital", "hospitals", "condition"}
# Care that is no harm: "taken to hospital as a precaution", "for an evaluation", "a psychiatric hospital".
NO_HARM_CARE = {"precaution", "evaluation", "evaluations", "observation", "assessment", "check", "checkup",
                "check-up", "tests", "psychiatric", "mental", "psych", "intoxication", "detox"}


# What a person taken to or kept in hospital "with" has when it is harm ("with gunshot wounds").
CARE_HARM = re.compile(r"\b(?:injur\w*|wound\w*|gunshot|shot|stab(?:s|bed|bings?)?\b|burns?|broken|fractur\w*|bleed\w*|"
                       r"trauma\w*|bruis\w*|cuts|lacerations?|bullet\w*)\b", re.I)


def _care_victim(noun: Token) -> Token | None:
    """Who a "hospital" or "condition" places in care after harm ("a man is in critical condition",
    "she was rushed to hospital"): the person, else None."""
    if noun.lower_ not in CARE_NOUNS:
        return None
    if noun.dep_ == "pobj":
        prep, holder = noun.head.lower_, noun.head.head
    elif any(c.dep_ == "aux" and c.lower_ == "to" for c in noun.children):
        prep, holder = "to", noun.head  # "rushed to hospital", parsed as an infinitive
    else:
        return None
    if noun.lower_ == "condition":
        if prep != "in" or not any(c.dep_ == "amod" and c.lower_ in CONDITION_GRADES for c in noun.children):
            return None
        verbs = None  # "in critical condition" places its person in care whatever the verb
    elif prep in ("to", "into"):
        verbs = TO_HOSPITAL
    elif prep in ("in", "at"):
        verbs = IN_HOSPITAL
    else:
        return None
    for _ in range(2):  # "taken to a hospital in stable condition": the clause holds the person
        if holder.pos_ not in ("NOUN", "PROPN") or is_person(holder):
            break
        if holder.dep_ == "pobj":
            holder = holder.head.head
        elif holder.dep_ in ("xcomp", "dobj", "obj", "advcl"):
            holder = holder.head
    if holder.pos_ in ("NOUN", "PROPN", "PRON"):
        return holder if noun.lower_ == "condition" and is_person(holder) else None  # "a man in critical condition"
    if holder.pos_ not in ("VERB", "AUX") or (verbs is not None and holder.lemma_.lower() not in verbs) \
            or (prep == "at" and holder.lemma_.lower() == "be") or hypothetical(holder):
        return None
    if any(t.dep_ == "relcl" and _lemma(t) in ("die", "pronounce", "succumb") for t in holder.subtree):
        return None  # "taken to hospital, where he died": read as a death, not as wounded
    if any(c.dep_ == "prep" and c.lower_ == "with" and not CARE_HARM.search(" ".join(g.text for g in c.subtree))
           for c in (*noun.children, *holder.children)):
        return None  # "in hospital with Covid", "with pneumonia": illness, not harm
    if any(t.lower_ in NO_HARM_CARE for t in (*noun.children, *(g for c in holder.children if c.dep_ == "prep"
                                                                 and c.lower_ in ("for", "as") for g in c.children))):
        return None
    clause = holder
    if holder.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in holder.children):
        clause = holder.head  # "was shot and taken to hospital": the subject is the first verb's
    # the person moved or kept: the passive subject, the object ("rushed him to hospital"), else the subject
    # of a verb of staying ("he remains in hospital"), never the agent who took them there
    passive = [c for c in clause.children if c.dep_ == "nsubjpass"]
    objects = [c for c in holder.children if c.dep_ in ("dobj", "obj")]
    gapped = holder.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in holder.children)
    # "and another taken to a hospital": a passive with its auxiliary left out has the one taken as subject
    subjects = [] if verbs is TO_HOSPITAL and not gapped else [c for c in clause.children if c.dep_ == "nsubj"]
    found = passive or objects or subjects
    return found[-1] if found and is_person(found[-1]) else None


WOUND_NOUNS = {"wound", "wounds", "injury", "injuries"}
# Verbs through which a casualty noun belongs to the subject ("suffered injuries", "was treated for wounds").
SUFFER_VERBS = {"suffer", "sustain", "receive", "have", "be", "treat", "take", "hospitalize", "hospitalise",
                "rush", "transport", "airlift", "find", "leave", "die", "succumb", "survive", "recover", "incur",
                "appear", "remain", "list", "arrive", "walk", "drive", "go", "show", "bring", "suffering"}
# Modifiers that make a casualty noun a report of casualties even without a count or a victim.
SEVERITY = {"heavy", "many", "mass", "massive", "civilian", "military", "serious", "critical", "minor", "multiple",
            "fatal", "severe", "light", "significant", "numerous", "more", "further", "several", "russian",
            "ukrainian", "enemy", "troop", "soldier"}
FLEE_VICTIMS = {"people", "civilians", "residents", "families", "refugees", "children", "women", "thousands",
                "millions", "hundreds", "ukrainians", "syrians", "palestinians", "afghans", "inhabitants"}


# Entity types a surname may wrongly get from the small tagger ("Gilman was pronounced dead": PRODUCT);
# places, organisations and events are never people.
NAME_TYPES = frozenset({"", "PRODUCT", "WORK_OF_ART"})


def _named(victim: Token, cue: Token) -> bool:
    """Whether an untyped proper noun that suffers the casualty word is a person ("DeMuro fatally shot
    Gilman"); never the doer ("Brass shot in his direction") nor a heading ("2014 Homicides")."""
    return (victim.pos_ == "PROPN" and victim.tag_ == "NNP" and victim.ent_type_ in NAME_TYPES
            and victim.text[:1].isupper() and (_lemma(cue) != "kill" or _a_persons_name(victim))
            and not any(c.dep_ == "nummod" for c in victim.children)
            and (victim.dep_ in ("nsubjpass", "dobj", "obj") or _lemma(cue) in SUBJECT_VERBS or cue.pos_ == "ADJ"))


def _a_persons_name(word: Token) -> bool:
    """Whether the article names a person with this word ("Kyle Gilman" for "Gilman"); "killed" is often
    figurative ("Republicans killed Obamacare"), so a name it takes must be a person's elsewhere."""
    return any(e.label_ == "PERSON" and word.text in e.text.split() for e in word.doc.ents) or bool(
        re.search(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Officer|Sgt|Deputy)\.?\s+" + re.escape(word.text) + r"\b", word.doc.text))


def is_person(tok: Token | None) -> bool:
    """Whether a noun phrase head names people (nouns such as man, soldiers; names; he/she/they; "23-year-old")."""
    if tok is None:
        return False
    w = tok.lower_
    return (w in PERSON_NOUNS or tok.ent_type_ in ("PERSON", "NORP") or w.endswith("-old") or w == "old"
            or (tok.pos_ == "PRON" and w not in ("it", "this", "that", "which", "what", "something"))
            or w in ("one", "another", "nobody", "none", "who", "all", "both", "each", "several", "many"))


def _estimated(verb: Token, modal: Token) -> bool:
    """Whether a modal makes an estimate of what happened, not a counterfactual: "up to 150,000 may have
    died", "might have been killed" ("could have died", "would have been killed" did not happen)."""
    return modal.lower_ in ("may", "might") and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "have" and c.i > modal.i for c in verb.children)


def hypothetical(verb: Token) -> bool:
    """A negated or modal casualty verb ("was not wounded", "would have been dead", "don't hurt us")."""
    heads = [verb] + ([verb.head] if verb.dep_ in ("acomp", "oprd", "xcomp", "attr") else [])
    for h in heads:
        degree = any(c.lower_ in ("seriously", "critically", "badly", "severely", "gravely", "fatally")
                     for c in h.children)
        for c in h.children:
            if c.dep_ == "neg" and degree:
                continue  # "were not seriously injured": injured, not badly
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD" and not _estimated(h, c)) \
                    or c.lower_ in ("if", "unless", "whether"):
                return True
        if h.tag_ == "VB" and h.dep_ in ("xcomp", "ROOT") and any(c.lower_ == "to" for c in h.children):
            return True
        if h.dep_ == "ccomp" and h.head.lemma_.lower() in DOUBT_VERBS and any(
                c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in h.head.children):
            return True  # "it does not appear that she was injured", "police do not believe he was shot"
        if h.dep_ == "pcomp" and h.head.lower_ == "from" and h.head.head.lemma_.lower() in PREVENT_VERBS:
            return True  # "stopped him from killing himself"
        if h.dep_ in ("acl", "ccomp") and h.head.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in h.head.children):
            return True  # "there are no reports that anyone was hurt", "no indication that he was shot"
        if h.dep_ == "ccomp" and (h.head.lower_ in MAYBE or any(
                c.dep_ == "acomp" and c.lower_ in MAYBE for c in h.head.children)):
            return True  # "it is possible a person was shot and fled"
    if verb.dep_ == "conj" and verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return hypothetical(verb.head)  # "threatened to shoot and kill her", "not to take the car or hurt her"
    return False


# Verbs that keep what follows "from" from happening ("prevented him from shooting anyone").
PREVENT_VERBS = frozenset({"stop", "prevent", "keep", "save", "talk", "dissuade", "deter", "block", "bar", "spare"})
# Adjectives that leave the clause they introduce unasserted ("it is possible a person was shot").
MAYBE = frozenset({"possible", "unclear", "unknown", "uncertain", "unconfirmed"})


# Verbs whose denial leaves what they introduce unasserted ("did not believe he had been shot"); "did not
# know he had been shot" asserts it, so "know" and "realise" are not among them.
DOUBT_VERBS = {"appear", "seem", "believe", "think", "look", "indicate", "suggest", "expect", "sound"}


def _mention_span(sent: Span, tokens: list[Token]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    if end - start > 80:
        last = max(tokens, key=lambda t: t.i)
        near = [t for t in tokens if 0 <= last.i - t.i <= 3]
        start, end = min(t.idx for t in near), last.idx + len(last)
    return start, end


def mentions(doc: Doc, sent: Span, figure_cues: set[int], text: str | None = None,
             figure_at=None) -> list[dict]:
    """Casualty mentions without a digit in one sentence (those whose cue no figure already claims);
    `text` is the article text when the caller has it; `figure_at(offset)` the figure row there, if any."""
    out = []
    numbers_read: set[int] = set()  # a number counts its people once, however many cues tell of them
    for tok in sent:
        if tok.i in figure_cues or not _cue_word(tok.lower_, tok.lemma_):
            continue
        lemma = _lemma(tok)
        victim, kind, cue = None, None, tok.lower_
        if tok.pos_ in ("VERB", "AUX") and (lemma in VERBS or lemma in STRIKE_VERBS):
            r = _type_of_verb(tok)
            if not r:
                continue
            kind, cue = r
            victim = _victim_of(tok)
            if (victim is None or not is_person(victim)) and (gapped := _gapped_victim(tok)) is not None:
                victim = gapped  # "one man was killed and another wounded"
            if victim is None:
                continue
            if kind == "displaced" and lemma == "flee" and victim.lower_ in ("suspect", "suspects", "gunman", "gunmen", "he", "they", "shooter"):
                continue
        elif tok.pos_ == "ADJ" and tok.lower_ in ADJECTIVES and (tok.dep_ in ("acomp", "oprd", "xcomp", "amod")
                                                                 or _found_state(tok)):
            kind, cue = ADJECTIVES[tok.lower_], tok.lower_
            if tok.head.lemma_.lower() in VERBS and tok.dep_ in ("oprd", "xcomp"):
                continue  # "shot dead": read from the verb
            if tok.lower_ == "deceased" and tok.dep_ == "amod" and tok.i < tok.head.i:
                continue  # "her deceased father" died before, of anything; "was found deceased" is read
            victim = _victim_of(tok)
            if victim is None:
                continue
        elif tok.pos_ == "NOUN" and (killing := _killing_victim(tok)) is not None:
            kind, victim = killing  # "the fatal shooting of Melvin DeVost", "the body of a man was found"
        elif tok.pos_ == "NOUN" and _noun_type(tok):
            kind = _noun_type(tok)
            if any(c.dep_ == "nummod" for c in tok.children):
                continue  # a figure counts it
            if tok.dep_ == "compound" or tok.ent_type_ in ("ORG", "WORK_OF_ART", "FAC", "LAW", "EVENT") \
                    or (tok.text[:1].isupper() and not tok.is_sent_start):
                continue  # "UN refugee agency", "the Refugee Council", "British hostage Ken Bigley"
            if tok.lemma_.lower() == "death" and tok.head.lower_ == "to":
                continue  # "sentenced to death"; "shot to death" is read from the verb
            victim = _noun_victim(tok)
            if _np_count_one(tok) == 0.0:
                victim = tok  # "no injuries were reported"
            elif victim is None and not any(c.lower_ in SEVERITY for c in tok.children):
                continue  # "cut winter deaths", "pain and death": no one in particular
        elif tok.lower_ in CARE_NOUNS and (care := _care_victim(tok)) is not None:
            kind, cue, victim = "wounded", tok.lower_, care  # "he is in critical condition"
        else:
            continue
        if victim is not None and victim.lower_ in ("who", "that", "which") and victim.head.dep_ == "relcl":
            victim = victim.head.head
        described = [victim] if victim is not None else []
        described += [tok.head] if tok.dep_ in ("acl", "amod", "relcl") else []  # "each person [killed]"
        if tok.i > sent.start and doc[tok.i - 1].pos_ == "NOUN":
            described.append(doc[tok.i - 1])  # the same, when the parser hangs "killed" on the main verb
        if any(c.dep_ == "det" and c.lower_ in DISTRIBUTIVE for t in described for c in t.children):
            continue  # "to the family of each person killed": a rule for any victim, not one more victim
        if kind in ("dead", "killed", "missing") and _found_alive(tok):
            continue  # "was initially reported dead but was later found alive"
        if victim is not None and (victim.like_num or victim.pos_ == "NUM") \
                and not any(c.lower_ == "no" for c in victim.children):
            continue  # a figure counts them ("one was shot"); "no one" is read here
        named = victim is not None and tok.pos_ != "NOUN" and not is_person(victim) and _named(victim, tok)
        if tok.pos_ != "NOUN" and (not (named or is_person(victim)) or hypothetical(tok)):
            continue  # "homes were shot up", "he was not wounded"
        if tok.pos_ == "NOUN" and victim is not tok and victim is not None and not is_person(victim):
            victim = None
        if kind == "displaced" and lemma == "flee" and victim.lower_ not in FLEE_VICTIMS:
            continue  # suspects fleeing a scene are not displaced people
        count, implicit, hedge = None, False, None
        number = [c for c in victim.children if c.dep_ == "nummod" and c.like_num] if victim is not None else []
        if number:
            if any(c.i in figure_cues for c in number):
                continue  # a casualty figure already counts them ("two people were injured")
            if number[0].i in numbers_read:
                continue  # "14 people were taken to hospital with injuries": one mention, not one per cue
            numbers_read.add(number[0].i)
            from .figures import parse_number
            count = parse_number(number[0].text)
            f = figure_at(number[0].idx) if figure_at is not None else None
            if f is not None and f["qualifier"] not in ("exact", "approximate"):
                # the figure's hedge stands: "more than 5,000 people ... died" is open above
                hedge = (None, _key(f["low"]), _key(f["high"]), f["qualifier"])
        elif victim is not None:
            count, implicit = _np_count(victim)
            if named and count is None:
                count = 1.0  # one named person
            if victim is tok and tok.lower_ == "body":
                count, implicit = 1.0, True  # "a body was found": one dead person
            if victim.lower_ in ("himself", "herself") and kind == "wounded" and not _self_wound(tok):
                count = None  # "then shot himself" often tells of a suicide: wounded or dead is not said
        if tok.pos_ == "NOUN" and victim is not tok and _np_count_one(tok) == 0.0:
            count, implicit = 0.0, True
        if count and kind in ("killed", "dead") and not hedge and (more := _along_with(tok)):
            count += more  # "the driver was killed along with two passengers": three people
        words = [t for t in (victim, tok) if t is not None]
        words += [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i]  # "heavy casualties"
        if victim is not None:  # "another man was also shot": the word that makes them someone else is kept
            words += [c for c in victim.children if c.dep_ in ("det", "amod") and c.lower_ in FURTHER
                      and c.i < victim.i]
        start, end = _mention_span(sent, words)
        if text is None:
            text = doc.text
        count, low, high, qualifier = hedge or (count, count, count, "exact" if count is not None else None)
        out.append({"start": start, "end": end, "text": text[start:end], "casualty_type": kind,
                    "cue": cue, "count": count, "low": low, "high": high,
                    "qualifier": qualifier, "quantified": qualifier is not None,
                    "implicit": implicit and count is not None,
                    "victims": victim.lower_ if victim is not None else None,
                    "side": side_of(victim), "period": _period(tok, tok.head), "cue_i": tok.i,
                    "victim_i": victim.i if victim is not None else None})
    return out



def _along_with(tok) -> float | None:
    """How many people "along with one passenger", said of a death, adds to its victim (else None)."""
    from .figures import parse_number

    for c in tok.children:
        if c.lower_ == "with" and c.dep_ == "prep" and any(a.lower_ == "along" for a in (*tok.children, *c.children)):
            for g in c.children:
                if g.dep_ == "pobj" and is_person(g):
                    nums = [n for n in g.children if n.dep_ == "nummod" and n.like_num]
                    return parse_number(nums[0].text) if nums else _np_count(g)[0]
    return None


GENERIC = {"victim", "person", "one", "individual"}
PRONOUNS = {"he", "she", "him", "her", "himself", "herself", "they", "them", "we", "us", "i", "me", "you", "who"}


def people(doc: Doc, rows: list[dict]) -> list[str | None]:
    """An identifier of the individual each one-person mention refers to, in text order.

    A light coreference: a name, "a man" or "another man" opens an individual; "he", "the
    victim", "the man" refer back to the latest fitting one; a first name after an unnamed
    individual is taken as that individual's name ("A man was shot ... John Smith, 24, died").
    """
    keys: list[str | None] = []
    individuals: list[dict] = []  # {"key", "noun", "name"}
    for r in rows:
        vi = r.get("victim_i")
        if vi is None or r.get("count") != 1.0 or not r.get("implicit"):
            keys.append(None)
            continue
        v = doc[vi]
        w = v.lower_
        dets = {c.lower_ for c in v.children if c.dep_ in ("det", "poss")}
        found = None
        if v.ent_type_ == "PERSON":
            name = v.lower_
            found = next((p for p in reversed(individuals) if p["name"] == name), None)
            if found is None:
                found = next((p for p in reversed(individuals) if p["name"] is None), None)
                if found is not None:
                    found["name"] = name
        elif w in ("he", "she", "him", "her", "himself", "herself"):
            found = individuals[-1] if individuals else None
        elif "another" in dets or w in ("another",):
            found = None
        elif dets & {"a", "an", "one"}:
            found = next((p for p in reversed(individuals) if p["noun"] == w), None)
        else:  # "the victim", "the man", bare headline nouns
            found = next((p for p in reversed(individuals) if p["noun"] == w or w in GENERIC), None)
        if found is None:
            found = {"key": f"person {len(individuals) + 1}", "noun": w,
                     "name": v.lower_ if v.ent_type_ == "PERSON" else None}
            individuals.append(found)
        keys.append(found["key"])
    return keys


# --- the tables -------------------------------------------------------------------------------

# Words that make a victim someone other than those named before ("another man", "a second victim").
FURTHER = frozenset({"another", "second", "third", "fourth", "other"})
FURTHER_TEXT = re.compile(r"(?:another|second|third|fourth|other)\b", re.I)


def _further(r: dict) -> bool:
    """A count of people other than the dead ("another man was also shot", "five others suffered
    gunshot wounds"): never taken off the killed."""
    # "three were killed and five others suffered gunshot wounds": the others are not the dead
    if _key(r.get("victims")) in ("others", "other", "another"):
        return True
    # a wound may be a dead person's ("the second neighbor died from a self-inflicted wound")
    return bool(r.get("implicit")) and r["cue"] not in WOUND_NOUNS \
        and FURTHER_TEXT.match(str(_key(r.get("text")) or "")) is not None


SELVES = frozenset({"himself", "herself", "themselves"})
# Cues for people who may be the same people later reported dead ("shot", "suffered gunshot wounds").
SHOT_CUES = ("shot", "stabbed", "wounds", "wound", "injuries", "injury")


# Words by which a death refers back to people just counted ("taken to hospital, but both later died").
BACK_REFERENCES = frozenset({"both", "they", "them", "all", "each"})


def _refers_back(tok) -> str | None:
    """The word by which a number counts people just named ("all" three, two of "them"), else None."""
    for c in tok.children:
        if c.lower_ == "all":
            return "all"
        if c.lower_ == "of":
            for g in c.children:
                if g.lower_ == "them":
                    return "them"
    return None


def _died_later(records: list[dict]) -> tuple[list[dict], set[int]]:
    """(records, ids of wounded mentions whose people a death right after refers back to: "two
    passengers were taken to hospital, but both later died"): the same people, counted once, as
    killed. A death without a number of its own ("They all died") comes back as a copy with theirs."""
    out, found = list(records), set()
    for i, r in enumerate(records):
        if r["casualty_type"] not in ("killed", "dead") or _key(r.get("victims")) not in BACK_REFERENCES:
            continue
        before = [w for w in records[:i] if w["casualty_type"] == "wounded"
                  and 0 <= int(r["sentence"]) - int(w["sentence"]) <= 1]
        n = _key(r.get("count"))
        # "two of them" may be some of the wounded; "both" must be all of them
        if not before or not (n is None or n == _estimate(before[-1])
                              or (_key(r.get("victims")) == "them" and (_estimate(before[-1]) or 0) >= n)):
            continue
        found.add(id(before[-1]))
        if _key(r.get("count")) is None:
            out[i] = {**r, **{k: before[-1].get(k) for k in ("count", "low", "high", "qualifier")}}
    return out, found


def _estimate(row) -> float | None:
    """The best single number of a mention: its count, else the middle of its bounds, else its one bound."""
    v = _key(row.get("count"))
    if v is not None:
        return float(v)
    low, high = _key(row.get("low")), _key(row.get("high"))
    low = None if low is None else float(low)
    high = None if high is None else float(high)
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def table(article: Article, doc: Doc, sentences: pd.DataFrame, figures: pd.DataFrame,
          sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every casualty mention of one article, in text order."""
    return _frame(mention_rows(article, doc, sentences, figures, sources))


def _frame(rows: list[dict]) -> pd.DataFrame:
    from .figures import QUALIFIERS, with_categories

    categories = {"casualty_type": CASUALTY_TYPES, "qualifier": QUALIFIERS}
    if not rows:
        return _empty(CASUALTIES, tuple(categories.items())).copy()
    return with_categories(conform(rows, CASUALTIES), categories)


@lru_cache(maxsize=4)
def _empty(columns: tuple, categories: tuple) -> pd.DataFrame:
    """A table without rows, made once (callers copy it): most articles report no casualties."""
    from .figures import with_categories

    return with_categories(conform([], columns), dict(categories))


# Cues of gentle wordings of death, and the words of harm that make them casualties ("passed away from
# his injuries", "lost their lives in the attack").
EUPHEMISMS = frozenset({"passed", "passes", "pass", "passing", "lost", "lose", "loses", "losing"})
# "heart attack", "asthma attack", "market crash", "came under fire" are no harm of violence or accident
HARM = re.compile(r"\b(?<!heart )(?<!asthma )(?<!panic )(?<!market )(?<!under )"
                  r"(?:injur\w*|wound\w*|gunshot|shot|stabb\w*|attack\w*|bomb\w*|blast|fire|crash\w*|"
                  r"accident\w*|flood\w*|earthquake|storm|disaster|violence|gunned)\b", re.I)


def _ordinary(m: dict, doc: Doc, sentence: str, violent: bool) -> bool:
    """A mention without a digit that counts no casualty of violence or disaster: a player's injury,
    an injury or one person's death in an article telling of no violence, war, crime or accident."""
    if m["count"] == 0.0:
        return False  # "no injuries were reported" says so whatever the event
    if m["casualty_type"] == "dead" and _aged(doc[m["cue_i"]]) and VIOLENCE.search(sentence) is None \
            and HARM.search(sentence) is None:
        return True  # "has died at the age of 79", "died aged 79": an obituary, whatever else the article tells
    if m["cue"] in EUPHEMISMS:
        # "passed away", "lost his life": said of illness and old age too, so the harm must be in the sentence
        return VIOLENCE.search(sentence) is None and HARM.search(sentence) is None
    if m["casualty_type"] == "wounded" and (m["cue"] in INJURY_CUES or m["cue"] in CARE_NOUNS):
        # in hospital or in critical condition after no violence or accident: an illness
        return not violent or sport_injury(sentence)
    if m["casualty_type"] == "dead" and not violent:
        if m["count"] == 1.0:
            return True
        victim = doc[m["victim_i"]] if m.get("victim_i") is not None else None
        return m["count"] is None and victim is not None and victim.tag_ in ("NN", "NNP", "PRP")
    return False


def _own_words(doc: Doc, sent: Span, source: str | None, cue: str | None) -> bool:
    """Whether a mention's source is the casualty phrase itself, taken for a speaker by a passive
    "reported" ("No deaths or injuries have been reported"): the phrase is headed by the cue."""
    if not source or not cue:
        return False
    at = sent.text.find(source)
    while at >= 0:
        span = doc.char_span(sent.start_char + at, sent.start_char + at + len(source), alignment_mode="expand")
        if span is not None and any(t.lower_ == cue and (t.i == span.root.i or (t.dep_ == "conj" and t.head.i
                                                                                 == span.root.i)) for t in span):
            return True
        at = sent.text.find(source, at + 1)
    return False


def _aged(cue: Token) -> bool:
    """Whether a death is told with the age it came at ("died at the age of 79", "died aged 79")."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(g.lower_ == "age" for g in c.children)
               or c.lower_ == "aged" for c in cue.children)


def _figure_finder(figures: pd.DataFrame):
    """A lookup of the figure row (low, high, qualifier) covering a character offset, else None."""
    import bisect

    if not len(figures):
        return lambda offset: None
    ordered = figures.sort_values("start", kind="stable")
    starts, ends = ordered["start"].astype(int).tolist(), ordered["end"].astype(int).tolist()
    records = ordered[["low", "high", "qualifier"]].to_dict("records")

    def at(offset: int):
        i = bisect.bisect_right(starts, offset) - 1
        return records[i] if i >= 0 and offset < ends[i] else None

    return at


def mention_rows(article: Article, doc: Doc, sentences: pd.DataFrame, figures: pd.DataFrame,
                 sources: pd.DataFrame | None = None) -> list[dict]:
    """Casualty mentions of one article as dicts: casualty figures and mentions without a digit."""
    from . import figures as figures_mod

    paragraphs = {p.index for p in article.paragraphs_of(CASUALTY_PARAGRAPHS)}
    speakers = None  # read from `sources` at the first mention without a digit; most articles have none
    violent = None  # whether the article tells of violence or a disaster, read at that mention too
    figure_at = None  # the figures by offset, made at the first sentence with a casualty cue
    rows = []
    cue_by_sentence: dict[int, set[int]] = {}
    # Only the casualty figures are read row by row; most articles have none.
    flags = figures["is_casualty"].tolist() if len(figures) else []
    casualty_rows = [i for i, v in enumerate(flags) if _key(v) is not None and bool(v)]
    found_rows = figures.iloc[casualty_rows].to_dict("records") if casualty_rows else []
    for i, f in zip(casualty_rows, found_rows):
        if int(f["paragraph"]) not in paragraphs:
            continue
        count = f["value"] if f["qualifier"] in ("exact", "approximate") else pd.NA
        rows.append({"paragraph": f["paragraph"], "sentence": f["sentence"], "start": f["start"], "end": f["end"],
                     "text": f["text"], "casualty_type": f["casualty_type"], "cue": f["cue"], "count": count,
                     "low": f["low"], "high": f["high"], "qualifier": f["qualifier"], "quantified": True,
                     "implicit": False, "victims": f["victims"], "side": f["side"], "period": f["period"],
                     "source": f["source"], "source_row": f["source_row"], "figure": i})
        span = doc.char_span(int(f["start"]), int(f["end"]), alignment_mode="expand")
        rows[-1]["revision"] = span is not None and is_revision(span.root)
        if span is not None and _key(f["victims"]) is None:
            # "All three later died", "two of them": the people just counted, read back by `_died_later`
            rows[-1]["victims"] = _refers_back(span.root)
        if span is not None:
            cues = cue_by_sentence.setdefault(int(f["sentence"]), set())
            cues.update(t.i for t in span)
            if _own_words(doc, span.sent, _key(f["source"]), f["cue"]):
                rows[-1].update(source=None, source_row=None)  # "Five deaths were reported": no one said it
            # the cue token of the figure's reading: never read again as a mention without a digit
            for t in span.sent[:]:
                if t.lower_ == (f["cue"] or "") and abs(t.i - span.root.i) < 25:
                    cues.add(t.i)
    rows += _revised_figures(doc, figures, rows, paragraphs)
    names = ("paragraph", "sentence", "start", "end", "text")
    columns = [sentences[c].tolist() for c in names] if len(sentences) else []
    for paragraph, sentence, start, end, text in zip(*columns):
        if int(paragraph) not in paragraphs or not has_cue(text):
            continue
        sent = doc.char_span(int(start), int(end), alignment_mode="expand")
        if sent is None:
            continue
        if figure_at is None:
            figure_at = _figure_finder(figures)
        found = mentions(doc, sent, cue_by_sentence.get(int(sentence), set()), article.text, figure_at)
        if found and violent is None:
            violent = VIOLENCE.search(article.text) is not None
        found = [m for m in found if not _ordinary(m, doc, text, violent)]
        if not found:
            continue
        if speakers is None:
            speakers = figures_mod.Speakers(sources)
        src, src_row, phrase = speakers.find(int(sentence), int(start), int(end))
        if src is None:
            src, phrase = figures_mod.own_attribution(sent)
        for m in found:
            m.pop("cue_i", None)
            # "No deaths or injuries have been reported": the phrase taken for a speaker is the mention
            said = (None, None, None) if _own_words(doc, sent, src, m["cue"]) else (src, src_row, phrase)
            if not m.get("side"):
                m["side"] = side_from_context(sent, said[2] or said[0])
            m.update(paragraph=paragraph, sentence=sentence, source=said[0], source_row=said[1], figure=None)
            rows.append(m)
    rows.sort(key=lambda r: (int(r["start"]), int(r["end"])))
    replaced = superseded(rows, article_year(article.published))
    for r, key, old in zip(rows, people(doc, rows), replaced):
        r["article_id"] = article.article_id
        r["person"] = key
        r["superseded"] = old
        r.pop("victim_i", None)
        r.pop("revision", None)
    return rows


# Stems of the verbs in REVISE_VERBS: a cheap test of a sentence before its figures are parsed.
_REVISE_STEMS = re.compile(r"\b(?:revis|correct|updat|amend|adjust|downgrad|upgrad|lower|reduc|rais|cut)", re.I)


def _revised_figures(doc: Doc, figures: pd.DataFrame, rows: list[dict], paragraphs: set[int]) -> list[dict]:
    """Casualty rows for counts that revise a tally named without its casualty word ("Five people were
    killed. Officials corrected the figure to four."): they take the state of the casualty figure before them."""
    if not rows or not len(figures):
        return []
    numbered = sorted((r for r in rows if r.get("figure") is not None), key=lambda r: int(r["start"]))
    out = []
    flags = figures["is_casualty"].fillna(False).astype(bool).tolist()
    for i, f in enumerate(figures.to_dict("records")):
        if flags[i] or f["kind"] != "count" or int(f["paragraph"]) not in paragraphs:
            continue
        span = doc.char_span(int(f["start"]), int(f["end"]), alignment_mode="expand")
        if span is None or not _REVISE_STEMS.search(span.sent.text):
            continue
        verb = tally_verb(span.root)
        if verb is None or verb.lemma_.lower() not in REVISE_VERBS:
            continue
        noun = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass") and c.lower_ in TALLY_NOUNS), None)
        # the tally revised is the casualty figure just before, in this sentence or the two before it
        before = [r for r in numbered if int(r["start"]) < int(f["start"])
                  and int(f["sentence"]) - 2 <= int(r["sentence"]) <= int(f["sentence"])]
        if noun is None or not before:
            continue
        last = before[-1]
        count = f["value"] if f["qualifier"] in ("exact", "approximate") else pd.NA
        out.append({"paragraph": f["paragraph"], "sentence": f["sentence"], "start": f["start"], "end": f["end"],
                    "text": f["text"], "casualty_type": last["casualty_type"], "cue": noun.lower_, "count": count,
                    "low": f["low"], "high": f["high"], "qualifier": f["qualifier"], "quantified": True,
                    "implicit": False, "victims": last["victims"], "side": last["side"], "period": last["period"],
                    "source": f["source"], "source_row": f["source_row"], "figure": i, "revision": True})
    return out


def _state(casualty_type) -> str:
    """The state of casualty_totals a casualty type counts in ("dead" is killed)."""
    return "killed" if casualty_type == "dead" else str(casualty_type)


def superseded(rows: list[dict], year: int | None = None) -> list[bool]:
    """For mentions in text order, whether a later revision of the same state and side (and time) replaces
    each numbered one ("71 people died" ... "revised the toll down to 63")."""
    out = [False] * len(rows)
    for j, rev in enumerate(rows):
        if not rev.get("revision"):
            continue
        state, side, when = _state(rev["casualty_type"]), _key(rev.get("side")), elsewhen(rev.get("period"), year)
        for i in range(j):
            r = rows[i]
            if (_state(r["casualty_type"]) == state and _key(r.get("side")) == side and r.get("quantified")
                    and elsewhen(r.get("period"), year) == when and int(r["start"]) < int(rev["start"])):
                out[i] = True
    return out


def _phrase(row) -> str:
    v = row["count"]
    q = row["qualifier"]
    fmt = lambda x: f"{x:,.0f}"  # noqa: E731
    if pd.notna(v):
        n = fmt(v) if q == "exact" else f"about {fmt(v)}"
    elif q == "range" and pd.notna(row["low"]) and pd.notna(row["high"]):
        n = f"{fmt(row['low'])}-{fmt(row['high'])}"
    elif q in ("up_to", "at_most", "less_than") and pd.notna(row["high"]):
        n = {"up_to": "up to", "at_most": "at most", "less_than": "fewer than"}[q] + " " + fmt(row["high"])
    elif q in ("at_least", "more_than") and pd.notna(row["low"]):
        n = {"at_least": "at least", "more_than": "more than"}[q] + " " + fmt(row["low"])
    elif pd.notna(row["low"]) and pd.notna(row["high"]):
        n = f"{fmt(row['low'])}-{fmt(row['high'])} (vague)"
    else:
        n = "an unstated number of"
    who = row["victims"] if pd.notna(row["victims"]) else "people"
    if who in PRONOUNS:  # "He died": one person, not "1 he dead"
        one = pd.notna(v) and float(v) == 1 or who in ("he", "she", "him", "her", "himself", "herself")
        who = "person" if one else "people"
    side = f" ({row['side']})" if pd.notna(row["side"]) else ""
    src = f", according to {row['source']}" if pd.notna(row["source"]) else ""
    return f"{n} {who}{side} {row['casualty_type']}{src}"


def summary(casualties: pd.DataFrame | list[dict], year: int | None = None) -> pd.DataFrame:
    """Per article and (casualty_type, victims, side, source, another time or not): the mention with the
    largest number; `year` is the article's, for the other-time test the totals use (`elsewhen`)."""
    records = casualties.to_dict("records") if isinstance(casualties, pd.DataFrame) else list(casualties)
    groups: dict[tuple, list[tuple[int, dict]]] = {}
    position: dict[str, int] = {}
    for r in records:
        n = position[r["article_id"]] = position.get(r["article_id"], -1) + 1
        # different claimants and another time's event are different claims, never merged
        key = (r["article_id"], r["casualty_type"], _key(r["victims"]), _key(r["side"]), _key(r.get("source")),
               elsewhen(r.get("period"), year))
        groups.setdefault(key, []).append((n, r))
    rows = []
    for key, members in groups.items():
        scored = [(_estimate(r), n, r) for n, r in members]
        # a revised figure is the best only when its group has nothing else ("revised down to 63")
        best = max(scored, key=lambda x: (not _key(x[2].get("superseded")), x[0] is not None, x[0] or 0.0,
                                          -x[1]))[2]
        row = {k: best[k] for k in ("article_id", "casualty_type", "victims", "side", "count", "low", "high",
                                    "qualifier", "source")}
        row["rows"] = ",".join(str(n) for n, _ in members)
        row["statement"] = _phrase(row)
        rows.append(row)
    categories = {"casualty_type": CASUALTY_TYPES}
    if not rows:
        return _empty(SUMMARY, tuple(categories.items())).copy()
    from .figures import with_categories

    return with_categories(conform(rows, SUMMARY), categories)


def _key(v):
    return None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v


def _claim_interval(row) -> tuple[float | None, float | None]:
    """(low, high) a mention allows: its count for both when it states one, else its bounds."""
    count = _key(row.get("count"))
    if count is not None:
        return float(count), float(count)
    low, high = _key(row.get("low")), _key(row.get("high"))
    return (None if low is None else float(low)), (None if high is None else float(high))


def elsewhen(period, year: int | None) -> bool:
    """Whether a mention's period places it at another time than the article's year ("last year",
    "a decade ago", "in 1998", "the 2003 heatwave": any written year when the article's is unknown),
    or makes it a running count of the year ("so far this year", "since January")."""
    p = _key(period)
    if p is None:
        return False
    # The whole period must be the running count: "one of the deadliest attacks this year" is no tally.
    if OTHER_TIME.search(p) or RUNNING_PERIOD.fullmatch(p.strip()):
        return True
    m = DATE_PERIOD.fullmatch(p.strip()) or EVENT_YEAR.fullmatch(p.strip()) or YEAR_SPAN.fullmatch(p.strip())
    if m is not None:  # a date, or an event named with its year ("the 2003 European heatwave")
        return year is None or int(m.group(1)) != year
    # A longer phrase with a year ("since the full-scale invasion in February 2022") places the
    # mention before the article only when the article's own year is known and later.
    years = [int(y) for y in YEAR.findall(p)]
    return bool(years) and year is not None and max(years) < year


def _stated(r) -> bool:
    """A written number that is neither vague ("dozens") nor only a ceiling ("up to 300")."""
    if r.get("implicit"):
        return False
    q = r.get("qualifier")
    return q in ("at_least", "more_than", "range") or (q in ("exact", "approximate")
                                                       and _key(r.get("count")) is not None)


def _preferred(found: list) -> list:
    """The (estimate, row) pairs a total may come from: the stated numbers when there are any."""
    stated = [(v, r) for v, r in found if _stated(r)]
    return stated or found


def article_year(published) -> int | None:
    """The year of an article's publication date as given ("2016-05-02", "May 2, 2016"), else None."""
    text = _key(published) or ""
    m = DATED_YEAR.search(text)
    if m:
        return int(next(g for g in m.groups() if g))
    m = UNDATED_YEAR.search(text)
    return int(m.group()) if m else None


def totals(article_id: str, casualties: pd.DataFrame | list[dict], year: int | None = None) -> pd.DataFrame:
    """Best single estimate per side of people killed, wounded, missing, captured and displaced,
    with the interval the chosen claim allows (see ESTIMATE_RULE); `year` is the article's."""
    records = casualties.to_dict("records") if isinstance(casualties, pd.DataFrame) else list(casualties)
    records, later_dead = _died_later(records)

    # a rate ("1,200 a day") is no count of people, whatever it multiplies to
    scored = [(r, v) for r in records if (v := _estimate(r)) is not None and not _key(r.get("superseded"))
              and not RATE.fullmatch((_key(r.get("period")) or "").strip())]
    dated = [elsewhen(r.get("period"), year) for r, _ in scored]
    # One individual's mentions tell of one event: "Van Gogh was shot ... shot and stabbed in November 2004".
    now = {_key(r.get("person")) for (r, _), d in zip(scored, dated) if not d} - {None}
    current = [(r, v) for (r, v), d in zip(scored, dated) if not d or _key(r.get("person")) in now]
    # An article whose every number is dated elsewhere is about that event (a trial, an anniversary).
    scored = current or scored
    if not scored:
        # The one row of an article without a number of casualties: typed once, then copied.
        frame = _no_totals().copy()
        frame["article_id"] = pd.array([article_id], dtype="string")
        return frame
    sides = list(dict.fromkeys(_key(r["side"]) or "" for r, _ in scored)) or [""]
    rows = []
    for side in sides:
        g = [(r, v) for r, v in scored if (_key(r["side"]) or "") == side]

        def best(types):
            """(estimate, low, high) of the mention of these types with the largest estimate, else None."""
            found = _preferred([(v, r) for r, v in g if r["casualty_type"] in types])
            if not found:
                return None
            v, r = max(found, key=lambda x: x[0])
            return (v, *_claim_interval(r))

        def point(v):
            return None if v is None else (v, v, v)

        killed = best(("killed", "dead"))
        k = killed[0] if killed else 0.0
        dead = [(r, v) for r, v in g if r["casualty_type"] in ("killed", "dead")]
        if any(_key(r.get("victims")) in SELVES for r, _ in dead):
            # the shot who may have died: a shooter who killed himself is not one of those he shot
            k = max((v for r, v in dead if _key(r.get("victims")) not in SELVES), default=0.0)
        # A stated number of wounded stands; "shot", "gunshot wounds" and one-person mentions
        # ("the injured man") may be people later reported dead.
        maybe_dead = [(r, v) for r, v in g if r["casualty_type"] == "wounded" and not _further(r)
                      and (r["cue"] in SHOT_CUES or (r.get("implicit") and v and v > 0) or id(r) in later_dead)]
        stated = _preferred([(v, r) for r, v in g if r["casualty_type"] == "wounded" and (r, v) not in maybe_dead])
        wounded = None
        if stated:
            v, r = max(stated, key=lambda x: x[0])
            wounded = (v, *_claim_interval(r))
        shot = max(v for _, v in maybe_dead) if maybe_dead else None
        if shot is not None and (wounded is None or wounded[0] < shot - k):
            # "two men were shot, one died": the shot who died are counted once, as killed
            wounded = point(max(shot - k, 0.0))
        if killed is None and wounded is None and best(("casualties",)) is not None \
                and best(("casualties",))[0] == 0.0:
            killed = wounded = point(0.0)
        row = {"article_id": article_id, "side": side or None}
        for state, value in (("killed", killed), ("wounded", wounded), ("missing", best(("missing",))),
                             ("captured", best(("captured",))), ("displaced", best(("displaced",)))):
            if value is not None:
                row[state], row[f"{state}_low"], row[f"{state}_high"] = value
        rows.append(row)
    return conform(rows, TOTALS)


@lru_cache(maxsize=1)
def _no_totals() -> pd.DataFrame:
    """`casualty_totals` of an article without a number of casualties, but for its id (callers copy it)."""
    return conform([{"article_id": "", "side": None}], TOTALS)


# The tables `extract` returns, in order (the pipeline lists them without running anything).
MAKES = ("casualties", "casualty_summary", "casualty_totals")


def extract(article: Article, doc: Doc, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline entry point: `casualties`, `casualty_summary` and `casualty_totals` of one article."""
    figures = tables.get("figures")
    if figures is None:
        from . import figures as figures_mod
        figures = figures_mod.table(article, doc, tables["sentences"], tables.get("sources"))
    rows = mention_rows(article, doc, tables["sentences"], figures, tables.get("sources"))
    year = article_year(article.published)
    return {"casualties": _frame(rows), "casualty_summary": summary(rows, year),
            "casualty_totals": totals(article.article_id, rows, year)}


def timeline(summary: pd.DataFrame, dates: pd.DataFrame) -> pd.DataFrame:
    """Quantified claims of a corpus with their article's date (from reference.article_dates), oldest first."""
    s = summary.merge(dates[["article_id", "article_date"]], on="article_id", how="left")
    s = s.assign(estimate=[_estimate(r) for r in s.to_dict("records")])
    s = s[s["estimate"].notna() & s["article_date"].notna()]
    out = s[["article_date", "article_id", "casualty_type", "side", "source", "qualifier", "low", "high",
             "estimate", "statement"]].copy()
    out["estimate"] = out["estimate"].astype("Float64")
    out["casualty_type"] = out["casualty_type"].astype("string")
    return out.sort_values(["article_date", "article_id"], kind="stable").reset_index(drop=True)


# --- takeaways: one sentence each, from the data ------------------------------------------------

def _n(k: int, word: str) -> str:
    return f"{k:,} {word}" + ("" if k == 1 else "s")


def claims_takeaway(summary: pd.DataFrame) -> str:
    """How many quantified claims there are, and how many are open-ended bounds rather than counts."""
    quantified = summary[summary["count"].notna() | summary["low"].notna() | summary["high"].notna()]
    if not len(quantified):
        return "No casualty claim in the input carries a number, stated or implied."
    q = quantified["qualifier"].astype("string")
    open_ended = int(q.isin(["up_to", "at_most", "less_than", "at_least", "more_than"]).sum())
    ranges = int((q == "range").sum())
    return (f"{_n(len(quantified), 'quantified claim')} in {_n(quantified['article_id'].nunique(), 'article')}: "
            f"{open_ended} open on one side (a bound, not a count), {ranges} given as a range, "
            f"{len(quantified) - open_ended - ranges} as a single number.")


def totals_takeaway(totals: pd.DataFrame) -> str:
    """How many articles report people killed or wounded, and the largest best estimate of the killed."""
    n = totals["article_id"].nunique()
    killed = totals[totals["killed"].notna() & (totals["killed"] > 0)]
    wounded = totals[totals["wounded"].notna() & (totals["wounded"] > 0)]
    text = (f"Articles reporting anyone killed: {killed['article_id'].nunique()} of {n}; "
            f"anyone wounded: {wounded['article_id'].nunique()}")
    if not len(killed):
        return text + "."
    top = killed.sort_values("killed", ascending=False, kind="stable").iloc[0]
    side = f" ({top['side']})" if not pd.isna(top["side"]) else ""
    return text + f"; the largest estimate of the killed is {top['killed']:,.0f}{side}, in article {top['article_id']}."


def timeline_takeaway(timeline: pd.DataFrame, dates: pd.DataFrame) -> str:
    """How many claims could be placed in time, over which span, and how many articles had no date."""
    undated = int(dates["article_date"].isna().sum())
    left_out = (f"; {_n(undated, 'article')} without a published date or a full date in the text "
                f"{'is' if undated == 1 else 'are'} left out") if undated else ""
    if not len(timeline):
        return f"No quantified claim has an article date{left_out}."
    first, last = timeline["article_date"].min(), timeline["article_date"].max()
    span = f"on {first}" if first == last else f"from {first} to {last}"
    return f"{_n(len(timeline), 'dated claim')} from {_n(timeline['article_id'].nunique(), 'article')}, {span}{left_out}."

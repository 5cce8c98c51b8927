"""The figures table: values, hedges, kinds and claimants of numeric expressions."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import articles, figures, nlp, sentences


@pytest.fixture(scope="session")
def figures_of():
    """Figures of a small hand-written text, parsed as the pipeline does."""
    model = nlp.load()

    def run(text: str) -> pd.DataFrame:
        article = articles.make_article("t", text)
        sents = sentences.table(article)
        doc = nlp.parse(text, list(zip(sents["start"].tolist(), sents["end"].tolist())), model)
        return figures.extract(article, doc, {"sentences": sents})["figures"]

    return run


def one(frame: pd.DataFrame, text: str) -> pd.Series:
    rows = frame[frame["text"] == text]
    assert len(rows) == 1, f"expected one figure {text!r}, got {frame['text'].tolist()}"
    return rows.iloc[0]


# --- the seed ---------------------------------------------------------------------------------

def test_seed_up_to_15000_keeps_hedge_casualty_side_period_and_claimant(seed_tables):
    row = one(seed_tables.figures, "up to 15,000")
    assert (row.qualifier, row.high, row.value) == ("up_to", 15000, 15000)
    assert pd.isna(row.low)
    assert (row.casualty_type, row.counted, row.victims, row.side) == ("killed", "soldiers", "soldiers", "Russia")
    assert row.source == "a NATO official"
    assert row.period == "just over a month of fighting"


def test_seed_at_least_143_children_killed_according_to_zelenskyy(seed_tables):
    row = one(seed_tables.figures, "at least 143")
    assert (row.qualifier, row.low, row.casualty_type, row.victims) == ("at_least", 143, "killed", "children")
    assert pd.isna(row.high)
    assert row.source == "Volodymyr Zelenskyy"


def test_seed_some_40_miles_is_an_approximate_distance(seed_tables):
    row = one(seed_tables.figures, "some 40 miles")
    assert (row.kind, row.qualifier, row.value, row.unit) == ("distance", "approximate", 40, "miles")


def test_seed_more_than_a_month_is_a_duration_more_than(seed_tables):
    row = one(seed_tables.figures, "more than a month")
    assert (row.kind, row.qualifier, row.unit) == ("duration", "more_than", "month")


def test_seed_dates_are_dates_and_never_casualties(seed_tables):
    f = seed_tables.figures
    assert one(f, "March 29, 2022").date_iso == "2022-03-29"
    assert one(f, "February 24th").date_iso == "--02-24"  # no year written: none borrowed
    assert set(f[f["text"].isin(["March 29, 2022", "February 24th"])]["kind"]) == {"date"}
    assert not f[f["kind"] == "date"]["is_casualty"].any()
    assert not f["text"].isin(["29", "2022", "24"]).any()


def test_seed_two_breakaway_regions_counts_regions(seed_tables):
    row = one(seed_tables.figures, "two")
    assert (row.kind, row.value, row.counted, row.is_casualty) == ("count", 2, "regions", False)


def test_seed_thousands_of_civilians_is_approximate_with_documented_bounds(seed_tables):
    row = one(seed_tables.figures, "thousands")
    assert (row.qualifier, row.low, row.high, row.counted) == ("approximate", 2000, 9999, "civilians")
    assert pd.isna(row.value)


def test_seed_first_victory_is_an_ordinal(seed_tables):
    f = seed_tables.figures
    first = f[(f["text"] == "first") & (f["paragraph"] == 7)]
    assert first["kind"].tolist() == ["ordinal"]


def test_seed_twice_is_a_count_of_times(seed_tables):
    row = one(seed_tables.figures, "Twice")
    assert (row.kind, row.value, row.unit) == ("count", 2, "times")


def test_seed_offsets_point_at_the_figure_text(seed_tables, seed_text):
    f = seed_tables.figures
    assert len(f) > 10
    assert all(seed_text[s:e] == t for s, e, t in zip(f["start"], f["end"], f["text"]))


def test_seed_no_figures_from_credit_related_link_or_boilerplate(seed_tables):
    kinds = seed_tables.paragraphs.set_index("paragraph")["kind"]
    assert set(kinds[seed_tables.figures["paragraph"]].astype(str)) <= {"headline", "subheading", "body", "caption"}


# --- number parsing ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("15,000", 15000), ("6.5", 6.5), ("6.5 million", 6.5e6), ("4 million", 4e6), ("2.4bn", 2.4e9),
    ("fifteen thousand", 15000), ("two", 2), ("one hundred and forty-three", 143), ("a hundred", 100),
    ("twenty-one", 21)])
def test_parse_number_reads_digits_scales_and_words(text, value):
    assert figures.parse_number(text) == value


def test_parse_number_refuses_vague_quantities():
    assert figures.parse_number("dozens") is None
    assert figures.vague("dozens") == (None, 24, 99)


def test_dozens_is_approximate_not_a_number(figures_of):
    row = one(figures_of("Dozens of people were injured in the blast."), "Dozens")
    assert (row.qualifier, row.low, row.high) == ("approximate", 24, 99)
    assert pd.isna(row.value)


def test_4_million_is_one_number(figures_of):
    f = figures_of("The war has displaced 4 million people.")
    row = one(f, "4 million")
    assert (row.value, row.kind) == (4e6, "count")
    assert len(f) == 1


def test_2_15pm_is_a_time_not_picometres(figures_of):
    f = figures_of("The talks resumed at 2.15pm on Tuesday.")
    assert one(f, "2.15pm").kind == "time"
    assert len(f) == 1


def test_dates_are_not_counts(figures_of):
    f = figures_of("On March 29, 2022, two people were injured. The war began in 2014.")
    assert one(f, "March 29, 2022").kind == "date"
    assert one(f, "2014").kind == "date"
    assert one(f, "two").value == 2


@pytest.mark.parametrize("sentence, text, qualifier, low, high", [
    ("Officials said up to 15,000 soldiers died.", "up to 15,000", "up_to", None, 15000),
    ("At least 12 people died.", "At least 12", "at_least", 12, None),
    ("More than 300 civilians were killed.", "More than 300", "more_than", 300, None),
    ("Fewer than 50 people were hurt.", "Fewer than 50", "less_than", None, 50),
    ("No more than 20 soldiers were captured.", "No more than 20", "at_most", None, 20),
    ("NATO estimated that 7,000 to 15,000 Russian soldiers died.", "7,000 to 15,000", "range", 7000, 15000),
    ("NATO estimated 7,000-15,000 Russian deaths.", "7,000-15,000", "range", 7000, 15000),
    ("Between 2 and 3 million people fled.", "Between 2 and 3 million", "range", 2e6, 3e6),
    ("Some 200 people were evacuated.", "Some 200", "approximate", None, None),
])
def test_hedges_and_ranges_set_qualifier_and_bounds(figures_of, sentence, text, qualifier, low, high):
    row = one(figures_of(sentence), text)
    assert row.qualifier == qualifier
    assert (None if pd.isna(row.low) else row.low) == low
    assert (None if pd.isna(row.high) else row.high) == high


def test_money_and_percent(figures_of):
    f = figures_of("The package is worth $2.4bn, about 15% of the budget, or 3 per cent of output.")
    money = one(f, "$2.4bn")
    assert (money.kind, money.unit, money.value) == ("money", "USD", 2.4e9)
    assert (one(f, "about 15%").kind, one(f, "about 15%").qualifier) == ("percent", "approximate")
    assert one(f, "3 per cent").kind == "percent"


def test_identifiers_are_not_figures(figures_of):
    f = figures_of("Call 337-232-8477 about the F-16 seen in the 100 block of Brushwood Drive.")
    assert f.empty


def test_ages_are_ages(figures_of):
    f = figures_of("John Smith, 24, was shot. A 19-year-old man was also hurt.")
    assert one(f, "24").kind == "age"
    assert one(f, "19-year-old").kind == "age"
    assert not f["is_casualty"].any()


def test_injured_people_are_a_casualty_figure(figures_of):
    row = one(figures_of("Two people were injured in the attack."), "Two")
    assert (row.is_casualty, row.casualty_type, row.victims) == (True, "wounded", "people")


def test_shot_times_counts_shots_not_people(figures_of):
    row = one(figures_of("The man was shot three times."), "three times")
    assert (row.unit, row.is_casualty) == ("times", False)


def test_own_attribution_according_to(figures_of):
    row = one(figures_of("According to police, three people were killed."), "three")
    assert (row.source, row.casualty_type) == ("police", "killed")


def test_no_one_is_not_a_figure(figures_of):
    assert figures_of("No one was injured.").empty


def test_text_without_numbers_gives_an_empty_table_of_the_declared_columns(figures_of):
    f = figures_of("Nothing here.")
    assert list(f.columns) == [c.name for c in figures.FIGURES]
    assert f.empty


def test_fractions_are_read_with_their_hedge(figures_of):
    f = figures_of("Nearly two-thirds of firms agreed, and less than a quarter of them acted in the second quarter.")
    row = one(f, "Nearly two-thirds")
    assert (row.kind, row.unit, row.qualifier) == ("other", "fraction", "approximate")
    assert abs(row.value - 2 / 3) < 1e-9
    assert one(f, "less than a quarter").high == 0.25
    assert "quarter" not in f["text"].tolist()


def test_date_without_year_keeps_month_and_day_only(figures_of):
    f = figures_of("Talks were held on 16 March. The law was passed in 2001.")
    assert one(f, "16 March").date_iso == "--03-16"
    assert one(f, "2001").date_iso == "2001"


def test_abbreviated_month_keeps_its_full_stop(figures_of):
    f = figures_of("The vote was held on Jan. 5, 2005 in the capital.")
    assert one(f, "Jan. 5, 2005").date_iso == "2005-01-05"


# --- the plain-list helpers that replace per-candidate DataFrame look-ups -----------------------

def test_speakers_prefer_the_quote_holding_the_span_then_the_sentence():
    sources = pd.DataFrame({"sentence": pd.array([0, 1, 1, 2], dtype="Int64"),
                            "start": pd.array([0, 40, 60, 90], dtype="Int64"),
                            "end": pd.array([30, 55, 80, 120], dtype="Int64"),
                            "speaker": pd.array(["A", None, "B", "C"], dtype="string"),
                            "speaker_text": pd.array(["Mr A", None, None, "C"], dtype="string")})
    who = figures.Speakers(sources)
    assert who.find(0, 5, 10) == ("A", 0, "Mr A")      # inside the first quote
    assert who.find(1, 62, 70) == ("B", 2, None)       # inside a quote whose phrase is missing
    assert who.find(1, 41, 50) == (None, None, None)   # inside a quote without a speaker: no fallback
    assert who.find(1, 56, 58) == ("B", 2, None)       # outside every quote: its sentence's first speaker
    assert who.find(5, 200, 210) == (None, None, None)
    assert figures.Speakers(None).find(0, 0, 1) == (None, None, None)


def test_with_categories_is_set_categories_without_changing_its_input():
    frame = pd.DataFrame({"kind": pd.Categorical(["money", None, "count", "other"]), "n": [1, 2, 3, 4]})
    before = frame.copy()
    got = figures.with_categories(frame, {"kind": figures.KINDS})
    want = frame.assign(kind=frame["kind"].cat.set_categories(figures.KINDS))
    pd.testing.assert_frame_equal(got, want)
    pd.testing.assert_frame_equal(frame, before)


def test_candidates_without_digits_or_key_words_skip_nothing():
    text = "About half of the three hundred guests stayed for nearly a week, twice as long as planned."
    found = [(r["text"], r["kind"]) for r in figures.candidates(text)]
    assert found == [("About half", "other"), ("three hundred", "count"), ("nearly a week", "duration"),
                     ("twice", "count")]


# --- review fixes: "5m", changes, ratios, currencies, destinations ----------------------------

def test_glued_m_before_a_counted_noun_is_millions(figures_of):
    f = figures_of("The UN says 2m people have been displaced, and 5m barrels of oil were lost.")
    people = one(f, "2m")
    assert (people.kind, people.value, people.casualty_type) == ("count", 2e6, "displaced")
    barrels = one(f, "5m barrels")
    assert (barrels.kind, barrels.value, barrels.unit) == ("other", 5e6, "barrels")


def test_glued_m_in_a_measuring_context_stays_metres(figures_of):
    f = figures_of("They built a 5m wall. The 10m-high wave hit the town. She won the 100m hurdles.")
    assert set(f["kind"]) == {"distance"}
    assert f["value"].tolist() == [5, 10, 100]


def test_glued_m_alone_is_millions_unless_the_text_speaks_of_races():
    text = "The show was seen by 14m on Sunday."
    assert not figures.glued_m_is_metres(text, 21, 24)
    race = "Holmes won the 800m in Athens, her second Olympic title."
    assert figures.glued_m_is_metres(race, 15, 19)


def test_2m_people_displaced_gives_a_displaced_total_of_two_million():
    from analysis import casualties

    text = "The UN says 2m people have been displaced by the floods."
    article = articles.make_article("t", text)
    sents = sentences.table(article)
    doc = nlp.parse(text, list(zip(sents["start"].tolist(), sents["end"].tolist())), nlp.load())
    tables = {"sentences": sents}
    tables.update(figures.extract(article, doc, tables))
    tables.update(casualties.extract(article, doc, tables))
    assert tables["casualty_totals"]["displaced"].tolist() == [2e6]


@pytest.mark.parametrize("sentence, first, second", [
    ("Biogen fell $28.63 to $38.65 on Friday.", "$28.63", "$38.65"),
    ("The index rose 12 to 1,450.", "12", "1,450"),
    ("Its audience fell by 600,000 to 5.9 million.", "600,000", "5.9 million"),
    ("The pension age rises from 60 to 65.", "60", "65"),
])
def test_x_to_y_after_a_verb_of_change_is_a_change_and_a_level_not_a_range(figures_of, sentence, first, second):
    f = figures_of(sentence)
    assert f["text"].tolist() == [first, second]
    assert set(f["qualifier"]) == {"exact"}


def test_x_to_y_after_a_verb_of_change_stays_a_range_for_small_round_numbers(figures_of):
    row = one(figures_of("The firm will cut 200 to 300 jobs."), "200 to 300")
    assert (row.qualifier, row.low, row.high) == ("range", 200, 300)


def test_a_second_number_not_taken_by_a_range_is_its_own_figure(figures_of):
    f = figures_of("Labour's majority fell by 229 to 206 seats.")
    assert f["text"].tolist() == ["229", "206"]


def test_one_in_five_is_one_share_not_two_counts(figures_of):
    f = figures_of("One in five pensioners lives in poverty, and nearly nine out of 10 are women.")
    row = one(f, "One in five")
    assert (row.kind, row.unit, row.value) == ("other", "fraction", 0.2)
    assert one(f, "nearly nine out of 10").qualifier == "approximate"
    assert not (f["kind"] == "count").any()


def test_one_in_five_years_is_not_a_share(figures_of):
    f = figures_of("Such a flood comes once, maybe one in five years.")
    assert not f["unit"].isin(["fraction"]).any()


def test_capitalised_ordinal_before_a_title_word_is_a_name_not_an_ordinal(figures_of):
    f = figures_of("The First Minister met the First Lady after the Second World War debate. It was the first visit.")
    assert f["text"].tolist() == ["first"]
    assert one(f, "first").kind == "ordinal"


@pytest.mark.parametrize("sentence, text, unit, value", [
    ("Its reserves reached 86.7bn Swiss francs last year.", "86.7bn Swiss francs", "CHF", 86.7e9),
    ("Shares closed at 151.5 pence.", "151.5 pence", "pence", 151.5),
    ("Shares closed at 873p on Tuesday.", "873p", "pence", 873),
    ("Crude fell 50 cents a barrel.", "50 cents", "cents", 50),
    ("Profit was 300m rupees in the quarter.", "300m rupees", "rupees", 300e6),
    ("Sales were 131.9 billion kronor.", "131.9 billion kronor", "SEK", 131.9e9),
])
def test_currency_words_after_a_number_make_money_not_a_count(figures_of, sentence, text, unit, value):
    row = one(figures_of(sentence), text)
    assert (row.kind, row.unit, row.value) == ("money", unit, value)
    assert pd.isna(row.counted)


def test_speeds_and_data_sizes_are_measures_not_counts(figures_of):
    f = figures_of("The train hit 90mph, and the disc holds 50GB.")
    assert (one(f, "90mph").kind, one(f, "90mph").unit) == ("other", "mph")
    assert (one(f, "50GB").kind, one(f, "50GB").unit) == ("other", "gb")


@pytest.mark.parametrize("sentence, text", [
    ("The deal will push their earnings up to $43.1m.", "$43.1m"),
    ("Inflation rose up to 3% in May.", "3%"),
])
def test_up_to_after_a_verb_of_movement_is_the_level_reached_not_a_ceiling(figures_of, sentence, text):
    row = one(figures_of(sentence), text)
    assert (row.qualifier, row.low, row.high) == ("exact", row.value, row.value)


@pytest.mark.parametrize("sentence, text", [
    ("A gunman shot up to 15 people.", "up to 15"),
    ("Prices could rise up to 10% next year.", "up to 10%"),
    ("The firm pushed for talks with up to 20 unions.", "up to 20"),
    ("The chip can boost speeds up to 75%.", "up to 75%"),
])
def test_up_to_stays_a_ceiling_elsewhere(figures_of, sentence, text):
    assert one(figures_of(sentence), text).qualifier == "up_to"


def test_between_a_few_words_before_x_and_y_still_makes_a_range(figures_of):
    row = one(figures_of("Children between the ages of 10 and 17 had an income."), "10 and 17")
    assert (row.qualifier, row.low, row.high) == ("range", 10, 17)


def test_glued_m_in_a_silent_paragraph_goes_by_the_article():
    para = "Gardener won the 60m at Leipzig."
    athletics = "Gardener ran the fastest indoor sprint of the season, a relay and the hurdles. " + para
    assert figures.glued_m_is_metres(para, 17, 20, article=athletics)
    business = "Sales and profits rose, and the firm paid $5bn for the deal. " + para
    assert not figures.glued_m_is_metres(para, 17, 20, article=business)


def test_a_number_naming_a_round_is_not_the_top_of_a_share(figures_of):
    f = figures_of("He has never been beyond round four in eight attempts.")
    assert not f["unit"].isin(["fraction"]).any()


def test_x_or_y_is_a_range_not_the_first_number(figures_of):
    frame = figures_of("Two or three people were killed in the blast, police said.")
    row = one(frame, "Two or three")
    assert (row["qualifier"], row["low"], row["high"]) == ("range", 2.0, 3.0)
    assert pd.isna(row["value"])
    # "or more" stays a floor, and "or so" an approximation
    assert one(figures_of("Two or more people were hurt."), "Two or more")["qualifier"] == "at_least"
    assert one(figures_of("There were 40 or so protesters."), "40 or so")["qualifier"] == "approximate"


# --- second review: shares of events, pence, race distances, Team GB, per-article cues -------

@pytest.mark.parametrize("sentence, counts", [
    ("Militants killed 3 in 12 attacks last month.", ["3", "12"]),
    ("The team won seven out of 10 games this season.", ["seven", "10"]),
    ("Gunmen killed four in 12 separate attacks.", ["four", "12"]),
])
def test_n_in_m_events_are_two_counts_not_a_share(figures_of, sentence, counts):
    f = figures_of(sentence)
    assert not f["unit"].isin(["fraction"]).any()
    assert f.loc[f["kind"] == "count", "text"].tolist() == counts


@pytest.mark.parametrize("sentence, text, value", [
    ("One in four young Britons cannot swim.", "One in four", 0.25),
    ("Nearly one in 10 households are in debt.", "Nearly one in 10", 0.1),
    ("One in three now say they will vote.", "One in three", 1 / 3),
    ("Almost one in six cars sold by the group was a Mini.", "Almost one in six", 1 / 6),
    ("It won in four out of five key issues.", "four out of five", 0.8),
])
def test_n_in_m_of_people_things_or_nothing_stays_a_share(figures_of, sentence, text, value):
    row = one(figures_of(sentence), text)
    assert (row.kind, row.unit) == ("other", "fraction")
    assert row.value == pytest.approx(value)


@pytest.mark.parametrize("sentence, text", [
    ("The phone films 1080p video.", "1080p"),
    ("The match streams in 720p on the app.", "720p"),
    ("It shoots 4K and 60p footage.", "60p"),
])
def test_glued_p_of_a_video_resolution_is_not_pence(figures_of, sentence, text):
    row = one(figures_of(sentence), text)
    assert (row.kind, row.unit) == ("other", "p")


def test_glued_capital_p_is_not_pence_and_share_prices_stay_pence(figures_of):
    assert not (figures_of("The 4P model sold out.")["kind"] == "money").any()
    row = one(figures_of("Shares closed at 720p on Tuesday."), "720p")
    assert (row.kind, row.unit, row.value) == ("money", "pence", 720)


def test_ran_the_100m_is_metres_and_a_time_in_seconds_is_a_race_cue(figures_of):
    row = one(figures_of("He ran the 100m in 9.8 seconds."), "100m")
    assert (row.kind, row.value) == ("distance", 100)
    assert figures.glued_m_is_metres("Her 200m in 22.1 seconds stunned the crowd.", 4, 8)


@pytest.mark.parametrize("sentence, text", [
    ("She was one of 12 GB athletes to reach the final.", "12"),
    ("Only 3 GB riders and 2 GB's boxers were left.", "3"),
    ("The 2012 GB team won.", "2012"),
])
def test_gb_of_great_britain_is_no_data_size(figures_of, sentence, text):
    f = figures_of(sentence)
    assert not f["unit"].isin(["gb"]).any()
    assert one(f, text).kind in ("count", "date")


def test_a_year_before_gb_is_no_data_size_even_without_a_parse():
    found = figures.candidates("The 2012 GB Olympic team won.")
    assert [(r["text"], r.get("unit")) for r in found] == [("2012", None)]


def test_data_sizes_in_upper_or_lower_case_stay_measures(figures_of):
    f = figures_of("The phone has 128GB of storage and 8gb of memory.")
    assert one(f, "128GB").unit == "gb" and one(f, "8gb").unit == "gb"


def test_glued_m_counts_the_article_cues_once_per_article(monkeypatch):
    calls = []

    class Counting:
        """`_MEASURE_CUES` that counts its findall calls over whole articles."""

        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, *args):
            return self.pattern.search(*args)

        def findall(self, *args):
            calls.append(args)
            return self.pattern.findall(*args)

    monkeypatch.setattr(figures, "_MEASURE_CUES", Counting(figures._MEASURE_CUES))
    para = "Gardener won the 60m at Leipzig and the 200m at Erfurt."
    athletics = "Gardener ran the fastest indoor sprint of the season, a relay and the hurdles. " + para
    for s, e in ((17, 20), (40, 44)) * 3:
        assert figures.glued_m_is_metres(para, s, e, article=athletics)
    assert len(calls) <= 1


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("The club paid &#163;5m for the striker.", "&#163;5m", 5e6, "GBP"),
    ("The club paid &pound;5m for the striker.", "&pound;5m", 5e6, "GBP"),
    ("Its sales reached &#x20AC;2bn last year.", "&#x20AC;2bn", 2e9, "EUR"),
    ("Tickets cost &#36;40 each.", "&#36;40", 40, "USD"),
])
def test_currency_signs_written_as_html_references_are_money(figures_of, sentence, text, value, unit):
    f = figures_of(sentence)
    row = one(f, text)
    assert (row.kind, row.value, row.unit) == ("money", value, unit)
    assert sentence[row.start:row.end] == row.text  # the text is read as written, never rewritten


def test_percent_written_as_an_html_reference_is_a_percentage(figures_of):
    row = one(figures_of("Shares rose 5&#37; on Monday."), "5&#37;")
    assert (row.kind, row.value) == ("percent", 5)


def test_a_markdown_emphasis_mark_is_never_the_noun_counted(figures_of):
    row = one(figures_of("Two people were killed and four _injured_ in a blast."), "four")
    assert pd.isna(row.counted)


def test_emphasis_around_a_whole_clause_keeps_its_casualty_reading(figures_of):
    row = one(figures_of("*Three people were killed* in the crash."), "Three")
    assert (row.counted, row.casualty_type) == ("people", "killed")


@pytest.mark.parametrize("sentence, name", [
    ("The 4G network and 5G phones arrive next year.", "4G"),
    ("Sony sells a 4K television for the first time.", "4K"),
    ("The phone records 4k video at 60 frames.", "4k"),
    ("The final was filmed in 8K for cinema screens.", "8K"),
    ("Cinemas show 3D films again.", "3D"),
    ("The 4P model sold out.", "4P"),
])
def test_a_number_glued_to_capitals_names_a_thing_and_counts_nothing(figures_of, sentence, name):
    f = figures_of(sentence)
    assert not any(sentence[s:e] in name or name in sentence[s:e] for s, e in zip(f["start"], f["end"])), \
        f["text"].tolist()


def test_a_number_after_a_glued_name_is_still_read(figures_of):
    row = one(figures_of("The firm built 4G and 5 new masts."), "5")
    assert (row.kind, row.value) == ("count", 5)


@pytest.mark.parametrize("sentence, text", [
    ("She ran a 5K run on Saturday.", "5K"),
    ("He finished the 10k fun run in the rain.", "10k"),
    ("She ran a 10k in 40 minutes.", "10k"),
])
def test_k_of_a_race_is_kilometres(figures_of, sentence, text):
    row = one(figures_of(sentence), text)
    assert (row.kind, row.unit, row.value) == ("distance", "km", float(text[:-1]))


@pytest.mark.parametrize("sentence, text, value, kind", [
    ("She raised £4K for charity.", "£4K", 4000, "money"),
    ("In all, 4k runners took part.", "4k", 4000, "count"),
])
def test_k_elsewhere_stays_a_thousand(figures_of, sentence, text, value, kind):
    row = one(figures_of(sentence), text)
    assert (row.kind, row.value) == (kind, value)


@pytest.mark.parametrize("sentence, text, unit", [
    ("Temperatures hit 30C on Monday.", "30C", "C"),
    ("It was 86 °F in the shade.", "86 °F", "°F"),
    ("The 500MW plant opens in May.", "500MW", "mw"),
])
def test_temperatures_and_power_glued_in_capitals_are_measures(figures_of, sentence, text, unit):
    row = one(figures_of(sentence), text)
    assert (row.kind, row.unit) == ("other", unit)


@pytest.mark.parametrize("sentence, text, kind, value", [
    ("The deal is worth &#163;2.5&nbsp;million.", "&#163;2.5&nbsp;million", "money", 2.5e6),
    ("Prices rose 3.5&nbsp;per cent in May.", "3.5&nbsp;per cent", "percent", 3.5),
    ("The town is 40&nbsp;miles away.", "40&nbsp;miles", "distance", 40),
])
def test_a_no_break_space_written_as_a_reference_joins_number_scale_and_unit(figures_of, sentence, text, kind, value):
    row = one(figures_of(sentence), text)
    assert (row.kind, row.value) == (kind, value)


def test_a_dash_written_as_a_reference_makes_a_range(figures_of):
    row = one(figures_of("Between 5&#8211;10 people were hurt."), "Between 5&#8211;10")
    assert (row.qualifier, row.low, row.high) == ("range", 5, 10)


def test_a_third_of_something_is_a_share_not_an_ordinal(figures_of):
    f = figures_of("Labour won barely a third of the votes cast, and came third in two seats.")
    assert (one(f, "a third")["kind"], one(f, "a third")["unit"]) == ("other", "fraction")
    assert one(f, "third")["kind"] == "ordinal"


def test_earthquake_magnitudes_and_basis_points_are_measures_not_counts(figures_of):
    f = figures_of("A magnitude 5.8 aftershock followed the 7.1-magnitude quake. "
                   "Rates rose by 25 basis points.")
    assert (one(f, "5.8")["kind"], one(f, "5.8")["unit"]) == ("other", "magnitude")
    assert one(f, "7.1-magnitude")["unit"] == "magnitude"
    assert one(f, "25 basis points")["unit"] == "basis points"


def test_this_one_and_that_one_are_pronouns_not_counts(figures_of):
    assert figures_of("Nobody knows whether this one will hold or that one will fail.").empty


def test_that_one_before_a_noun_still_counts(figures_of):
    f = figures_of("Police said that one person was killed in the crash.")
    assert one(f, "one")["value"] == 1


def test_glued_electrical_and_camera_units_are_measures(figures_of):
    f = figures_of("Replace the 100W bulb; it runs at 240V and 50Hz with a 12MP camera.")
    assert [one(f, t)["unit"] for t in ("100W", "240V", "50Hz", "12MP")] == ["w", "v", "hz", "mp"]


def test_a_k_amount_run_by_a_club_is_no_race(figures_of):
    f = figures_of("The club is running a 200k deficit this year.")
    assert not (f["unit"] == "km").any()


def test_flat_and_class_labels_are_no_temperatures(figures_of):
    f = figures_of("He lived in Flat 3C near the school. It was 30C in Madrid.")
    assert f["text"].tolist() == ["30C"]


def test_scaled_amounts_are_exact_in_decimal(figures_of):
    f = figures_of("Revenue will be between $8.2 billion and $8.4 billion this year.")
    row = f.iloc[0]
    assert (row["low"], row["high"]) == (8_200_000_000, 8_400_000_000)


def test_and_over_and_and_under_are_open_bounds(figures_of):
    f = figures_of("People aged 60 and over should get the vaccine. He scored 5 and over the weekend added 3.")
    assert (one(f, "60 and over")["qualifier"], one(f, "60 and over")["low"]) == ("at_least", 60)
    assert one(f, "5")["qualifier"] == "exact"


# --- age decades ------------------------------------------------------------------------------

def test_in_his_60s_is_an_age_decade_not_a_count_nor_a_year(figures_of):
    f = figures_of("Police said a man in his 60s was found dead at the scene.")
    row = one(f, "60s")
    assert (row.kind, row.unit, row.qualifier, row.low, row.high) == ("age", "years", "range", 60, 69)
    assert pd.isna(row.value) and not row.is_casualty
    assert len(f) == 1


@pytest.mark.parametrize("text, figure, low, high", [
    ("A woman in her early 30s was taken to hospital.", "early 30s", 30, 33),
    ("A man in his mid-40s was arrested.", "mid-40s", 44, 46),
    ("A man in his late fifties was arrested.", "late fifties", 57, 59),
    ("She is now in her eighties.", "eighties", 80, 89),
    ("A boy in his late teens was hurt.", "late teens", 17, 19),
    ("The men, in their 20s to 40s, were released.", "20s to 40s", 20, 49),
])
def test_age_decades_with_early_mid_late_bounds(figures_of, text, figure, low, high):
    row = one(figures_of(text), figure)
    assert (row.kind, row.qualifier, row.low, row.high) == ("age", "range", low, high)


def test_people_in_their_20s_and_30s_are_two_age_decades(figures_of):
    f = figures_of("Most of the victims were people in their 20s and 30s, officials said.")
    assert f["text"].tolist() == ["20s", "30s"]
    assert f["kind"].tolist() == ["age", "age"]
    assert (f["low"].tolist(), f["high"].tolist()) == ([20, 30], [29, 39])


def test_live_blog_timestamps_give_no_figures(figures_of):
    text = ("Storm hits coast\n\nThe river burst its banks.\n\nPosted at 10:0510:05\n\n2 hours ago\n\n"
            "14:32 GMT\nPolice said three people were hurt.")
    f = figures_of(text)
    assert f["text"].tolist() == ["three"]
    assert f["kind"].tolist() == ["count"]


# --- "one" that counts nothing ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "\"I thank God that no-one got injured,\" he said.",
    "Its profits were buoyed by one-off gains.",
    "Oil topped $50 a barrel at one point, dealers said.",
    "The best way to prepare for a game is to win the previous one.",
])
def test_one_as_a_pronoun_or_an_idiom_is_no_count(figures_of, text):
    f = figures_of(text)
    assert "one" not in f["text"].str.lower().tolist()
    assert not f["is_casualty"].any()


def test_one_that_counts_stays_a_count(figures_of):
    f = figures_of("That one person was hurt. The only one of the 12 miners survived. He took one step.")
    ones = f[f["text"] == "one"]
    assert len(ones) == 3
    assert (ones["counted"].iloc[0], ones["counted"].iloc[2]) == ("person", "step")


# --- identifiers ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Anyone with information should call police on 0845 8 505 505 or 0800 555 111.",
    "Readers can call the helpline on 020 7946 0000 or +44 20 7946 0001.",
])
def test_phone_numbers_with_a_trunk_zero_or_country_code_are_no_figures(figures_of, text):
    assert figures_of(text).empty


def test_a_number_after_an_identifier_is_still_read(figures_of):
    f = figures_of("The plane left at 0400 and 3 people died.")
    assert f["text"].tolist() == ["3"]


def test_money_before_a_word_of_time_stays_money(figures_of):
    f = figures_of("Profits rose to $1.13bn from $639m year-earlier.")
    row = one(f, "$639m")
    assert (row.kind, row.unit, row.value) == ("money", "USD", 639e6)


@pytest.mark.parametrize("text", [
    "The machine does 42.7 trillion calculations per second.",
    "It was capable of 80 million operations a second.",
    "She paused for a second.",
])
def test_second_as_a_unit_of_time_is_no_ordinal(figures_of, text):
    assert "ordinal" not in figures_of(text)["kind"].tolist()


def test_second_before_a_noun_stays_an_ordinal(figures_of):
    assert one(figures_of("He won a second term."), "second").kind == "ordinal"


@pytest.mark.parametrize("text, figure", [
    ("World number 46 Rusedski broke in the ninth game.", "46"),
    ("The British number one then showed his strength.", "one"),
    ("Henman, seeded three, held his serve.", "three"),
])
def test_a_rank_after_number_or_seeded_is_an_ordinal_not_a_count(figures_of, text, figure):
    assert one(figures_of(text), figure).kind == "ordinal"


def test_a_count_after_the_number_of_stays_a_count(figures_of):
    assert one(figures_of("The number of dead rose to 40."), "40").kind == "count"


@pytest.mark.parametrize("text, day, iso", [
    ("Britain play Israel on 4-6 March.", "4", "--03-04"),
    ("A meeting is planned for 6 or 7 January 2005.", "6", "2005-01-06"),
    ("The talks run March 4-6 in Geneva.", "6", "--03-06"),
])
def test_the_other_day_of_a_span_of_days_is_a_date_not_a_count(figures_of, text, day, iso):
    row = one(figures_of(text), day)
    assert (row.kind, row.date_iso) == ("date", iso)


def test_computing_speed_in_flops_is_a_measure_not_a_count(figures_of):
    row = one(figures_of("The machine has managed speeds of 70.72 teraflops."), "70.72 teraflops")
    assert (row.kind, row.unit, row.value) == ("other", "teraflops", 70.72)


@pytest.mark.parametrize("text, feet, inches", [
    ("The suspect is 6ft 2in tall.", "6ft", "2in"),
    ("Police described him as about 5' 10\" tall.", "about 5'", "10\""),
])
def test_a_height_in_feet_and_inches_is_two_distances_not_a_count(figures_of, text, feet, inches):
    f = figures_of(text)
    assert f["text"].tolist() == [feet, inches]
    assert f["kind"].tolist() == ["distance", "distance"]
    assert f["value"].tolist()[1] in (2, 10)


def test_a_live_page_time_printed_twice_is_one_time(figures_of):
    f = figures_of("Posted at 10:0510:05 the minister said 40 homes were lost.")
    assert one(f, "10:0510:05").kind == "time"
    assert f["text"].tolist() == ["10:0510:05", "40"]


@pytest.mark.parametrize("text, figure", [
    ("His band was huge in the 80s.", "80s"),
    ("It was a hit in the late '60s.", "'60s"),
])
def test_a_decade_without_its_century_is_a_date_not_a_count(figures_of, text, figure):
    row = one(figures_of(text), figure)
    assert row.kind == "date" and pd.isna(row.value) and pd.isna(row.date_iso)


def test_temperatures_in_the_60s_are_degrees_not_a_count(figures_of):
    row = one(figures_of("Temperatures will be in the 60s on Friday."), "60s")
    assert (row.kind, row.unit, row.low, row.high) == ("other", "degrees", 60, 69)


@pytest.mark.parametrize("text, figure, qualifier", [
    ("The payment goes to households with people over 60.", "over 60", "more_than"),
    ("It is paid where people are over 80, officials said.", "over 80", "more_than"),
    ("Children under five were vaccinated.", "under five", "less_than"),
    ("When I was 16, it was hard.", "16", "exact"),
    ("He turned 40 last year.", "40", "exact"),
])
def test_an_age_without_aged_or_years_old_is_an_age(figures_of, text, figure, qualifier):
    row = one(figures_of(text), figure)
    assert (row.kind, row.unit, row.qualifier) == ("age", "years", qualifier)


def test_a_hedged_count_of_people_stays_a_count(figures_of):
    row = one(figures_of("More than 20 people died when he was 16 miles away."), "More than 20")
    assert (row.kind, row.counted) == ("count", "people")


@pytest.mark.parametrize("text", [
    "England face Wales in the Six Nations opener on Saturday.",
    "Its design is like the all-in-one models released this year.",
    "It is the sort of one-stop-shop they can come to.",
])
def test_numbers_in_names_and_idioms_are_no_counts(figures_of, text):
    assert figures_of(text).empty


@pytest.mark.parametrize("text", [
    "Wasps 31-37 Leicester",
    "Saulnier battled to a 6-7 (3-7) 6-3 6-3 win.",
    "Chelsea lost 1-3 to Arsenal.",
    "He goes 0-30 down.",
])
def test_a_score_is_no_range(figures_of, text):
    assert "range" not in figures_of(text)["qualifier"].tolist()


def test_a_range_of_people_stays_a_range(figures_of):
    row = one(figures_of("Some 20-30 people died."), "Some 20-30")
    assert (row.qualifier, row.low, row.high) == ("range", 20, 30)


def test_a_range_after_aged_is_an_age_range(figures_of):
    row = one(figures_of("Children aged 5-11 will be offered the vaccine."), "5-11")
    assert (row.kind, row.qualifier, row.low, row.high) == ("age", "range", 5, 11)


@pytest.mark.parametrize("text, figure, seconds", [
    ("She finished in a personal best of 9:05.73 on Sunday.", "9:05.73", 545.73),
    ("Kipchoge won the marathon in 2:05:30.", "2:05:30", 7530),
])
def test_a_race_time_is_a_duration_in_seconds_not_a_clock_time(figures_of, text, figure, seconds):
    row = one(figures_of(text), figure)
    assert (row.kind, row.unit, row.value) == ("duration", "seconds", seconds)


def test_a_clock_time_stays_a_time(figures_of):
    assert one(figures_of("The blast came at 10:05 local time."), "10:05").kind == "time"


@pytest.mark.parametrize("text", [
    "They hope to claim their first away win in the Six Nations.",
    "We have lost work and another one will close us.",
])
def test_more_names_and_pronouns_are_no_counts(figures_of, text):
    assert "count" not in figures_of(text)["kind"].tolist()


def test_a_count_of_a_capitalised_people_stays_a_count(figures_of):
    assert one(figures_of("Five Britons were killed in the attack."), "Five").kind == "count"


@pytest.mark.parametrize("text, figure, low, high", [
    ("Growth will slow to between 3% and 5% this year.", "between 3% and 5%", 3, 5),
    ("Rates of 3%-5% are likely.", "3%-5%", 3, 5),
    ("The camp is 5km to 10km from the border.", "5km to 10km", 5, 10),
])
def test_a_range_whose_first_number_carries_its_unit(figures_of, text, figure, low, high):
    row = one(figures_of(text), figure)
    assert (row.qualifier, row.low, row.high) == ("range", low, high)


@pytest.mark.parametrize("text", [
    "The bank cut rates by 0.5% to 4.5%.",
    "Its share rose from 29% to 40%.",
    "Sales rose 2% to 5% of the total.",
])
def test_a_change_and_a_new_level_are_no_range(figures_of, text):
    assert "range" not in figures_of(text)["qualifier"].tolist()


def test_australian_and_canadian_dollar_signs_have_their_codes(figures_of):
    f = figures_of("Foster's spent A$584m on the stake and C$20m on the brand.")
    assert (one(f, "A$584m").unit, one(f, "C$20m").unit) == ("AUD", "CAD")


@pytest.mark.parametrize("text, figure", [
    ("A man, 34, was shot on Sunday.", "34"),
    ("Police said a woman, 51, and her son, 17, were hurt.", "17"),
    ("The victims, ages 18 and 20, were taken to hospital.", "20"),
])
def test_an_age_after_a_person_noun_and_comma_is_an_age(figures_of, text, figure):
    assert one(figures_of(text), figure).kind == "age"


def test_a_count_after_a_comma_stays_a_count(figures_of):
    assert one(figures_of("In the match, 3 goals were scored."), "3").kind == "count"


@pytest.mark.parametrize("text", [
    "The Top 500 list was announced on Monday.",
    "She runs a Fortune 500 company.",
])
def test_a_number_in_a_list_name_is_no_count(figures_of, text):
    assert figures_of(text).empty


def test_top_10_lower_case_or_opening_a_sentence_stays_a_count(figures_of):
    f = figures_of("The top 10 countries agreed. Top 10 firms lost money.")
    assert f["kind"].tolist() == ["count", "count"]


def test_carats_are_a_unit(figures_of):
    row = one(figures_of("It is one of the only 24-carat sapphires."), "24-carat")
    assert (row.kind, row.unit) == ("other", "carat")


@pytest.mark.parametrize("text, figure, low, high", [
    ("Turnout was between 55% and 65% in most districts.", "between 55% and 65%", 55, 65),
    ("The firm expects margins of 18% to 21% next year.", "18% to 21%", 18, 21),
    ("Analysts see growth of 2.5%-3% this year.", "2.5%-3%", 2.5, 3),
    ("Support stood at 40 per cent to 45 per cent in the polls.", "40 per cent to 45 per cent", 40, 45),
])
def test_a_range_of_percentages_with_the_sign_on_both_ends_is_one_range(figures_of, text, figure, low, high):
    row = one(figures_of(text), figure)
    assert (row.kind, row.qualifier, row.low, row.high) == ("percent", "range", low, high)


def test_a_change_between_two_percentages_stays_two_figures(figures_of):
    f = figures_of("Inflation rose from 3% to 4.5% in March.")
    assert (one(f, "3%").value, one(f, "4.5%").value) == (3, 4.5)


@pytest.mark.parametrize("text, figure, qualifier", [
    ("The report cited estimates of _up to 9,000_ people killed.", "up to 9,000", "up_to"),
    ("Officials said *about 40* people were hurt.", "about 40", "approximate"),
])
def test_markdown_emphasis_around_a_figure_keeps_its_hedge(figures_of, text, figure, qualifier):
    f = figures_of(text)
    row = one(f, figure)
    assert (row.qualifier, int(row.value)) == (qualifier, int(figure.split()[-1].replace(",", "")))


def test_figure_text_keeps_the_article_characters_when_marks_are_inside(figures_of):
    text = "Police counted __more than 2,000__ protesters."
    row = one(figures_of(text), "more than 2,000")
    assert text[row.start:row.end] == "more than 2,000"


def test_from_to_after_a_verb_of_change_and_its_object_is_two_levels(figures_of):
    f = figures_of("The club hopes to increase matchday earnings from 29% to 40% of turnover.")
    assert (one(f, "29%").value, one(f, "40%").value) == (29, 40)
    g = figures_of("Estimates ranged from 20% to 30% of the vote.")
    assert one(g, "from 20% to 30%").qualifier == "range"


# --- year spans, crowns, ages said outright, a measure written once (fix-cas7) ------------------

def test_a_season_or_financial_year_is_a_date_not_a_count(figures_of):
    f = figures_of("The 2014-15 season ended early, and the 2021/22 budget was cut.")
    assert one(f, "2014-15").kind == "date" and one(f, "2021/22").kind == "date"
    assert f["kind"].tolist() == ["date", "date"]


def test_crowns_are_money_in_the_unit_as_written_unless_a_country_is_named(figures_of):
    f = figures_of("He cut his target for the shares to 730 crowns. A ticket costs 1,200 Czech crowns.")
    assert (one(f, "730 crowns").kind, one(f, "730 crowns").unit) == ("money", "crowns")
    assert one(f, "1,200 Czech crowns").unit == "CZK"


def test_crowns_won_are_titles_not_money(figures_of):
    f = figures_of("She has won 14 crowns in her career.")
    assert one(f, "14 crowns").kind == "count"


def test_an_age_said_outright_is_an_age(figures_of):
    f = figures_of("Every day he rows out. He is 58, and he has fished here all his life.")
    row = one(f, "58")
    assert (row.kind, row.unit) == ("age", "years")


def test_the_second_end_of_a_change_takes_the_measure_of_the_first(figures_of):
    f = figures_of("The forest shrank from about 9,000 square km to less than 900 by 2010.")
    row = one(f, "less than 900")
    assert (row.kind, row.unit, row.qualifier) == ("other", "square km", "less_than")


def test_a_range_with_the_currency_after_its_second_number_does_not_raise(figures_of):
    f = figures_of("Prices rose from 1990-2500 dollars.")
    assert "money" in f["kind"].tolist()


def test_a_change_written_to_then_from_gives_the_from_number_the_same_unit(figures_of):
    f = figures_of("The bank cut its target to 730 crowns from 810. The price rose to 50 euros from 40.")
    assert (one(f, "810").kind, one(f, "810").unit) == ("money", "crowns")
    assert (one(f, "40").kind, one(f, "40").unit) == ("money", "EUR")


def test_a_unit_before_ago_is_a_duration_of_one(figures_of):
    f = figures_of("The shop closed a month ago, and its owner left an hour ago.")
    assert [(r.text, r.kind, r.unit, r.value) for r in f.itertuples()] == [
        ("a month", "duration", "month", 1.0), ("an hour", "duration", "hour", 1.0)]

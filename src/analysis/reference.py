"""Reference casualty tallies, and an article's casualty claims placed beside them for its date.

The project ships a small hand-typed table of published figures with citations
(`analysis/data/reference_casualties.csv`). Users who have the full public series can load them
by path: Ukraine's daily claims of Russian losses (`russia_losses_personnel.json` of the
PetroIvaniuk/2022-Ukraine-Russia-War-Dataset) and The Economist's list of attributed estimates
(`Soldier deaths_casualties in Ukraine - estimates.csv`, the UK MoD month-by-month file and the
modelled `meta-estimate-*.csv`). All come out in one shape, `REFERENCE`.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pandas as pd

from .schema import Column, conform

# Not a pipeline table (it does not come from articles), so declared here and not registered.
REFERENCE = (
    Column("date", "string", "Date the figure refers to (as of), YYYY-MM-DD.", "2022-03-29"),
    Column("low", "Float64", "Lower bound of an estimate range; missing for point figures.", "7000"),
    Column("high", "Float64", "Upper bound of an estimate range; missing for point figures.", "15000"),
    Column("estimate", "Float64", "Point figure; missing for ranges.", "17200"),
    Column("type", "string", "deaths (killed), casualties (killed and wounded, sometimes captured and "
           "missing), or captured.", "deaths"),
    Column("side", "string", "Whose soldiers: Russia or Ukraine.", "Russia"),
    Column("claimant", "string", "Who published the figure.", "Ukraine's General Staff"),
    Column("what", "string", "What the figure counts, in words.", "Russian personnel losses (about) ..."),
    Column("url", "string", "Where the figure was published.", "https://github.com/PetroIvaniuk/..."),
    Column("citation", "string", "Where the figure was typed from.", "PetroIvaniuk/... day 34"),
)
COMPARISON = (
    Column("article_id", "string", "The article.", "000_a5fb506bb93332d8"),
    Column("article_date", "string", "The date the article's claims are compared at (see article_date).", "2022-03-29"),
    Column("claim", "string", "The article's claim (casualty_summary.statement).", "up to 15,000 soldiers ..."),
    Column("claim_low", "Float64", "Lowest number the claim allows.", "<NA>"),
    Column("claim_high", "Float64", "Highest number the claim allows.", "15000"),
    Column("casualty_type", "string", "The claim's casualty type.", "killed"),
    Column("side", "string", "The claim's side.", "Russia"),
    Column("claimant", "string", "The reference figure's claimant.", "NATO officials"),
    Column("reference_date", "string", "Date of the reference figure used (the latest on or before the article date).", "2022-03-24"),
    Column("reference_low", "Float64", "Its lower bound, or its point figure.", "7000"),
    Column("reference_high", "Float64", "Its upper bound, or its point figure.", "15000"),
    Column("reference_type", "string", "deaths, casualties or captured.", "deaths"),
    Column("url", "string", "Where the reference figure was published.", "https://www.washingtonpost.com/..."),
)
# Which reference types can stand beside which casualty types.
MATCHING_TYPES = {"killed": ("deaths",), "dead": ("deaths",), "casualties": ("casualties",),
                  "captured": ("captured",), "wounded": ("casualties",)}
UKRAINE_MOD_URL = "https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset"


def shipped() -> pd.DataFrame:
    """The project's hand-typed reference figures, with citations."""
    with resources.files("analysis").joinpath("data/reference_casualties.csv").open(encoding="utf-8") as f:
        return conform(pd.read_csv(f, dtype=str), REFERENCE)


def load_ukraine_mod(path: str | Path) -> pd.DataFrame:
    """Ukraine's cumulative daily claims of Russian personnel losses and POWs (russia_losses_personnel.json)."""
    path = Path(path)
    records = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for r in records:
        hedge = r.get("personnel*")
        what = "Russian personnel losses" + (f" ({hedge})" if hedge else "") + ", cumulative, daily claim"
        citation = f"{path.name}, day {r.get('day')}"
        if r.get("personnel") is not None:
            rows.append({"date": r["date"], "estimate": r["personnel"], "type": "deaths", "side": "Russia",
                         "claimant": "Ukraine's General Staff", "what": what, "url": UKRAINE_MOD_URL,
                         "citation": citation})
        if r.get("POW") is not None:
            rows.append({"date": r["date"], "estimate": r["POW"], "type": "captured", "side": "Russia",
                         "claimant": "Ukraine's General Staff", "what": "Russian prisoners of war, cumulative",
                         "url": UKRAINE_MOD_URL, "citation": citation + " (POW)"})
    return conform(rows, REFERENCE)


def _dmy(text: str) -> str | None:
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", text or "")
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else None


def load_economist(path: str | Path) -> pd.DataFrame:
    """The Economist's list of attributed estimates ("Soldier deaths_casualties in Ukraine - estimates.csv")."""
    path = Path(path)
    raw = pd.read_csv(path, dtype=str, encoding="utf-8-sig").fillna("")
    rows = [{"date": _dmy(r["date"]), "low": r["estimate_low"] or None, "high": r["estimate_high"] or None,
             "estimate": r["estimate"] or None, "type": r["type"], "side": r["country"].strip().title() or None,
             "claimant": r["source"], "what": f"{r['type']} of soldiers of {r['country'].title()}",
             "url": r["source_url"], "citation": f"{path.name}, row dated {r['date']}"}
            for _, r in raw.iterrows() if _dmy(r["date"])]
    frame = pd.DataFrame(rows)
    for col in ("low", "high", "estimate"):
        frame[col] = pd.to_numeric(frame[col].str.replace(",", "", regex=False), errors="coerce")
    return conform(frame, REFERENCE)


def load_uk_mod_monthly(path: str | Path) -> pd.DataFrame:
    """UK MoD month-by-month estimates of Russian casualties, cumulative ("... uk mod month-by-month estimates.csv")."""
    path = Path(path)
    raw = pd.read_csv(path, dtype=str, encoding="utf-8-sig").fillna("")
    rows = [{"date": _dmy(r["date (at beginning of next month)"]), "estimate": r["cumulative casualties"],
             "type": "casualties", "side": "Russia", "claimant": r["source"] or "UK MoD",
             "what": f"Russian casualties, cumulative to the end of {r['month']} {r['year']}",
             "url": r["source_url"], "citation": f"{path.name}, {r['month']} {r['year']}"}
            for _, r in raw.iterrows() if _dmy(r["date (at beginning of next month)"]) and r["cumulative casualties"]]
    frame = pd.DataFrame(rows)
    frame["estimate"] = pd.to_numeric(frame["estimate"].str.replace(",", "", regex=False), errors="coerce")
    return conform(frame, REFERENCE)


def load_meta_estimate(path: str | Path) -> pd.DataFrame:
    """The Economist's modelled daily estimate with its 95% interval (meta-estimate-deaths/casualties.csv)."""
    path = Path(path)
    raw = pd.read_csv(path, na_values=["NA"]).dropna(subset=["estimate"])
    frame = pd.DataFrame({
        "date": raw["date"].astype(str), "low": raw["ci_lower"], "high": raw["ci_upper"],
        "estimate": raw["estimate"], "type": raw["type"].astype(str), "side": raw["country"].astype(str).str.title(),
        "claimant": "The Economist (model)", "what": "modelled estimate with 95% confidence interval",
        "url": "https://github.com/TheEconomist/the-economist-ukraine-war-dead-and-wounded-estimates",
        "citation": path.name})
    return conform(frame.sort_values("date", kind="stable"), REFERENCE)


def load(path: str | Path) -> pd.DataFrame:
    """A public series by path, in the REFERENCE shape; the format is told from the file's name and header."""
    path = Path(path)
    if path.suffix == ".json":
        return load_ukraine_mod(path)
    if path.suffix == ".csv":
        header = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
        if "cumulative casualties" in header:
            return load_uk_mod_monthly(path)
        if "ci_lower" in header:
            return load_meta_estimate(path)
        if "estimate_low" in header:
            return load_economist(path)
    raise ValueError(f"{path}: unknown reference format (expected russia_losses_personnel.json, or one of "
                     f"The Economist's estimates, UK MoD month-by-month or meta-estimate .csv files)")


def as_of(reference: pd.DataFrame, date: str, max_age_days: int = 62) -> pd.DataFrame:
    """For each (claimant, type, side), its latest figure on or before `date`, at most `max_age_days` old."""
    ref = reference.assign(_d=pd.to_datetime(reference["date"], errors="coerce"))
    day = pd.Timestamp(date)
    ref = ref[(ref["_d"] <= day) & (ref["_d"] >= day - pd.Timedelta(days=max_age_days))]
    ref = ref.sort_values(["claimant", "type", "side", "_d"], kind="stable")
    latest = ref.groupby(["claimant", "type", "side"], sort=False, dropna=False).tail(1)
    return latest.drop(columns="_d").sort_values("date", kind="stable").reset_index(drop=True)


# Paragraphs (headline included) whose full dates can date an article: the lead and the caption or
# dateline that wire copy puts near the top.
DATE_PARAGRAPHS = 6


def article_date(published: str | None, figures: pd.DataFrame) -> str | None:
    """The date an article speaks from: its `published` date when known, else the latest full date
    written in its first paragraphs, day, month and year in one expression ("March 29, 2022"); else
    missing.

    Wire copy often carries only a dateline or a caption date near the top. A date deeper in the
    body is mostly an event the article mentions ("on September 11th 2001"), so it dates nothing; a
    day and month without a year ("on 27 January") or a year alone ("the 1945 liberation") never do.
    """
    if published:
        parsed = pd.to_datetime(published, errors="coerce")
        if pd.notna(parsed):
            return parsed.strftime("%Y-%m-%d")
    dates = figures[(figures["kind"] == "date") & figures["date_iso"].notna()
                    & (figures["paragraph"].fillna(DATE_PARAGRAPHS) < DATE_PARAGRAPHS)]
    # The year must be written in the expression itself, not only present in date_iso.
    full = [d for d, t in zip(dates["date_iso"], dates["text"])
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) and d[:4] in t]
    return max(full) if full else None


def compare(summary: pd.DataFrame, reference: pd.DataFrame, date: str | None, article_id: str | None = None,
            max_age_days: int = 62) -> pd.DataFrame:
    """Each quantified casualty claim beside the reference figures of the same side and kind for `date`."""
    if date is None or not len(summary):
        return conform([], COMPARISON)
    ref = as_of(reference, date, max_age_days)
    claims = summary if article_id is None else summary[summary["article_id"] == article_id]
    rows = []
    for c in claims.to_dict("records"):
        low, high = _bounds(c)
        if low is None and high is None:
            continue
        types = MATCHING_TYPES.get(str(c["casualty_type"]), ())
        match = ref[ref["type"].isin(types) & (ref["side"] == c["side"])] if not pd.isna(c["side"]) else ref.iloc[0:0]
        for r in match.to_dict("records"):
            r_low = r["low"] if not pd.isna(r["low"]) else r["estimate"]
            r_high = r["high"] if not pd.isna(r["high"]) else r["estimate"]
            rows.append({"article_id": c["article_id"], "article_date": date, "claim": c["statement"],
                         "claim_low": low, "claim_high": high, "casualty_type": str(c["casualty_type"]),
                         "side": c["side"], "claimant": r["claimant"], "reference_date": r["date"],
                         "reference_low": r_low, "reference_high": r_high, "reference_type": r["type"],
                         "url": r["url"]})
    return conform(rows, COMPARISON)


def _bounds(claim: dict) -> tuple[float | None, float | None]:
    """(low, high) of a claim: its bounds, or its count for both when it is a point."""
    def val(k):
        v = claim.get(k)
        return None if v is None or pd.isna(v) else float(v)

    low, high, count = val("low"), val("high"), val("count")
    if count is not None and low is None and high is None:
        return count, count
    return low, high


def article_dates(articles: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """The date of every article (see `article_date`), with how it was found."""
    rows = []
    for a in articles.to_dict("records"):
        published = None if pd.isna(a.get("published")) else a.get("published")
        figs = figures[figures["article_id"] == a["article_id"]]
        date = article_date(published, figs)
        how = "published" if published and date else ("full date in the first paragraphs" if date else "none found")
        rows.append({"article_id": a["article_id"], "article_date": date, "found_by": how})
    return pd.DataFrame(rows, columns=["article_id", "article_date", "found_by"]).astype("string")


def compare_corpus(articles: pd.DataFrame, figures: pd.DataFrame, summary: pd.DataFrame,
                   reference: pd.DataFrame | None = None, max_age_days: int = 62) -> pd.DataFrame:
    """`compare` for every article at its own date (reference: the shipped table by default)."""
    reference = shipped() if reference is None else reference
    dates = article_dates(articles, figures)
    parts = [compare(summary, reference, d, article_id=a, max_age_days=max_age_days)
             for a, d in zip(dates["article_id"], dates["article_date"]) if not pd.isna(d)]
    parts = [p for p in parts if len(p)]
    return conform(pd.concat(parts, ignore_index=True), COMPARISON) if parts else conform([], COMPARISON)


def dates_takeaway(dates: pd.DataFrame) -> str:
    """How many articles got a date, and how (published date, full date in the text, none)."""
    how = dates["found_by"].value_counts()
    n = len(dates)
    return (f"Articles with a date: {n - int(how.get('none found', 0))} of {n} "
            f"({int(how.get('published', 0))} by a published date, "
            f"{int(how.get('full date in the first paragraphs', 0))} by a full date in their first paragraphs); "
            f"without one, not compared: {int(how.get('none found', 0))}.")


def coverage(references: pd.DataFrame) -> str:
    """What a reference table covers, in words: sides, kinds and dates."""
    if not len(references):
        return "no reference figures"
    sides = ", ".join(sorted(references["side"].dropna().astype(str).unique())) or "no side"
    kinds = ", ".join(sorted(references["type"].dropna().astype(str).unique()))
    dates = references["date"].dropna().astype(str)
    return f"{len(references)} figures on {sides} ({kinds}), dated {dates.min()} to {dates.max()}"


def comparison_takeaway(comparison: pd.DataFrame, references: pd.DataFrame | None = None) -> str:
    """How many claims have a reference figure beside them, and the first such pair in words."""
    if not len(comparison):
        refs = shipped() if references is None else references
        return ("No claim could be set beside a reference figure: that needs a dated article and a reference "
                "figure of the same side and kind from the two months before its date (the references "
                f"used: {coverage(refs)}).")
    first = comparison.iloc[0]

    def num(lo, hi):
        lo = None if pd.isna(lo) else float(lo)
        hi = None if pd.isna(hi) else float(hi)
        if lo is not None and hi is not None:
            return f"{lo:,.0f}" if lo == hi else f"{lo:,.0f} to {hi:,.0f}"
        return f"up to {hi:,.0f}" if hi is not None else f"at least {lo:,.0f}"

    claims, refs = comparison["claim"].nunique(), len(comparison)
    owner = first["claimant"] + ("'" if str(first["claimant"]).endswith("s") else "'s")
    return (f"Claims with a reference figure beside them: {claims} (reference figures: {refs}); "
            f"for example \"{first['claim']}\" ({num(first['claim_low'], first['claim_high'])}) against "
            f"{owner} {num(first['reference_low'], first['reference_high'])} "
            f"{first['reference_type']} as of {first['reference_date']}.")

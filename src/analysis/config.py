"""Project paths and settings, rooted at the project (never at the working directory)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
TABLES_DIR = DATA / "tables"
REPORTS = ROOT / "reports"
NOTEBOOKS = ROOT / "notebooks"
DOCS = ROOT / "docs"
SHARED = ROOT.parent / "shared"

DEFAULT_PIPELINE = "en_core_web_sm"
PIPELINE_ENV = "ANALYSIS_SPACY_PIPELINE"

# Bumped whenever a change alters any table's rows: cached results of older versions are redone.
PIPELINE_VERSION = "1"


def code_version() -> str:
    """Short hash of the package's code and data files: cached rows of other code are redone."""
    import hashlib

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv", ".json", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def spacy_pipeline(name: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else $ANALYSIS_SPACY_PIPELINE, else en_core_web_sm."""
    return name or os.environ.get(PIPELINE_ENV) or DEFAULT_PIPELINE


def corpus_name(corpus: str | os.PathLike) -> str:
    """The name a corpus's built files go under: its folder (or file) name, "seeds" for the seed."""
    return resolve(corpus).resolve().name


def charts_dir(corpus: str | os.PathLike | None = None) -> Path:
    """data/charts/ for the seed corpus, data/charts/<corpus name>/ for any other (kept apart)."""
    if corpus is None or resolve(corpus).resolve() == SEEDS.resolve():
        return DATA / "charts"
    return DATA / "charts" / corpus_name(corpus)


def resolve(path: str | os.PathLike) -> Path:
    """A user-given path: absolute as is, relative ones against the project root when they exist there."""
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p
    rooted = ROOT / p
    return rooted if rooted.exists() else p

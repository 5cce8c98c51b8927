"""Runs a corpus into table files on disk: streaming, resumable, on one or many processes.

Layout of an output folder DIR:

- `DIR/<table>.parquet` (or `.csv`): one file per table, rows in input order, each replaced
  atomically at the end of a run.
- `DIR/.analysis/parts/<NNNNNNNN>/<table>.parquet`: the tables of one processed batch of
  articles. A part becomes visible only by renaming its finished temporary folder, so a run
  killed at any point leaves whole parts or nothing. `part.json` records the fingerprint
  (pipeline version, code hash, spaCy pipeline and version, extractors, tables and their
  columns) the part was made with. `DIR/.analysis/lock` keeps a second run out while one runs.

A run reads every article (cheap), skips those whose (article_id, sha256) is already in a part
with the current fingerprint and status `ok`, processes the rest in batches (in this process,
in `jobs` worker processes, or on a dask cluster), writes each batch as a part, then merges the
parts table by table, in input order, into the final files. Memory holds a few batches and
one part's table at a time, whatever the corpus size. Articles that cannot be read or fail in
processing get an `articles` row with status `failed` and are tried again on the next run.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from collections import OrderedDict
from functools import lru_cache
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import articles as articles_mod
from . import config, pipeline
from .articles import Article, Failure
from .schema import TABLES, conform

BATCH_SIZE = 32
WORK = ".analysis"
FORMATS = ("parquet", "csv")


class RunError(Exception):
    """A run that cannot start or finish; the message is the one-line reason."""


@dataclass
class Summary:
    """What a run did: counts of articles and the files written."""
    articles: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    dropped: int = 0  # articles of an earlier run into the same folder that are not in this input
    written: list[Path] = field(default_factory=list)


# --- arrow schemas ----------------------------------------------------------------------------

_ARROW = {"string": pa.large_string(), "Int64": pa.int64(), "Float64": pa.float64(),
          "float64": pa.float64(), "boolean": pa.bool_(), "category": pa.large_string()}


def arrow_schema(name: str) -> pa.Schema:
    """The declared columns of a table as an Arrow schema, with pandas metadata for its dtypes."""
    return _arrow_schema(name, TABLES[name])


@lru_cache(maxsize=None)
def _arrow_schema(name: str, columns: tuple) -> pa.Schema:
    empty = conform(pd.DataFrame(), columns)
    # Categories vary between batches, so parts and final files hold them as plain strings;
    # the pandas metadata still turns them back into categories on reading.
    meta = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return pa.schema([pa.field(c.name, _ARROW.get(c.dtype, pa.large_string())) for c in columns],
                     metadata=meta)


def final_schema(name: str) -> pa.Schema:
    """The schema of a final file: as the parts', with categories dictionary-encoded."""
    return _final_schema(name, TABLES[name])


@lru_cache(maxsize=None)
def _final_schema(name: str, columns: tuple) -> pa.Schema:
    schema = _arrow_schema(name, columns)
    kinds = {c.name: c.dtype for c in TABLES[name]}
    return pa.schema([pa.field(f.name, pa.dictionary(pa.int32(), f.type)) if kinds[f.name] == "category"
                      else f for f in schema], metadata=schema.metadata)


def to_arrow(frame: pd.DataFrame, name: str) -> pa.Table:
    """One table's frame as an Arrow table of the parts' schema (categories as plain strings)."""
    schema = arrow_schema(name)
    frame = conform(frame, TABLES[name])
    arrays = [pa.array(frame[f.name].astype("string") if isinstance(frame[f.name].dtype, pd.CategoricalDtype)
                       else frame[f.name], type=f.type, from_pandas=True) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


# --- per-batch work (runs in workers too) -----------------------------------------------------

def process_batch(batch: list[Article], pipeline_name: str | None = None) -> dict[str, pa.Table]:
    """Every table for a batch of articles, one Arrow table each, ready to be written as a part.

    Converting here rather than in the process that writes keeps that process light when
    workers run in parallel (and Arrow tables travel between processes cheaply)."""
    from . import nlp

    model = nlp.load(pipeline_name)
    results = pipeline.analyse_many(batch, model)
    return {name: to_arrow(pipeline.concat(name, [r[name] for r in results if name in r]), name)
            for name in pipeline.table_names()}


def _init_worker(pipeline_name: str | None) -> None:
    from . import nlp

    nlp.load(pipeline_name)
    pipeline.extractors()  # import the extractors (and what they load) before the first batch


# --- the output folder ------------------------------------------------------------------------

def fingerprint(pipeline_name: str | None = None) -> dict:
    """What a part's rows depend on besides the article text."""
    from spacy.util import get_package_version

    name = config.spacy_pipeline(pipeline_name)
    # Columns are part of it: a table whose declaration changed cannot be merged with old parts.
    columns = {t: [f"{c.name}:{c.dtype}" for c in TABLES[t]] for t in pipeline.table_names()}
    # The code hash makes a changed extractor redo cached articles even when nobody bumped the version.
    return {"pipeline_version": config.PIPELINE_VERSION, "code": config.code_version(),
            "spacy_pipeline": name,
            "spacy_pipeline_version": get_package_version(name) or "",
            "extractors": list(pipeline.EXTRACTORS), "tables": pipeline.table_names(), "columns": columns}


class Store:
    """The parts of an output folder: which articles are done, where, and writing new ones."""

    def __init__(self, out: Path, stamp: dict):
        self.out = out
        self.parts_dir = out / WORK / "parts"
        self.stamp = stamp
        self.done: dict[tuple[str, str], int] = {}  # (article_id, sha256) -> part holding its rows
        self.failed: dict[tuple[str, str], int] = {}  # the same, for articles whose processing failed
        self.next_part = 0
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(out / WORK / "lock")
        for entry in sorted(self.parts_dir.iterdir()):
            if not entry.name.isdigit():
                shutil.rmtree(entry, ignore_errors=True)  # an unfinished part of an interrupted run
                continue
            number = int(entry.name)
            self.next_part = max(self.next_part, number + 1)
            if not self._current(entry):
                shutil.rmtree(entry, ignore_errors=True)
                continue
            index = pq.read_table(entry / "articles.parquet", columns=["article_id", "sha256", "status"])
            for aid, sha, status in zip(*(index[c].to_pylist() for c in ("article_id", "sha256", "status"))):
                if status == "ok":
                    self.done[(aid, sha)] = number

    def _current(self, part: Path) -> bool:
        try:
            return json.loads((part / "part.json").read_text()) == self.stamp
        except (OSError, ValueError):
            return False

    def write(self, frames: dict[str, pa.Table]) -> int:
        """Write one batch's tables (from `process_batch`) as a new part; returns its number."""
        number = self.next_part
        self.next_part += 1
        tmp = self.parts_dir / f"tmp-{number:08d}-{os.getpid()}"
        tmp.mkdir(parents=True)
        for name in pipeline.table_names():
            table = frames[name] if name in frames else to_arrow(pd.DataFrame(), name)
            pq.write_table(table, tmp / f"{name}.parquet")
        (tmp / "part.json").write_text(json.dumps(self.stamp, sort_keys=True))
        _fsync_dir(tmp)
        tmp.rename(self.parts_dir / f"{number:08d}")  # the commit point of the batch
        articles = frames.get("articles")
        if articles is not None:
            columns = (articles.column(c).to_pylist() for c in ("article_id", "sha256", "status"))
            for aid, sha, status in zip(*columns):
                (self.done if status == "ok" else self.failed)[(aid, sha)] = number
        return number

    def part_of(self, key: tuple[str, str]) -> int:
        return self.done[key] if key in self.done else self.failed[key]

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def path(self, number: int, name: str) -> Path:
        return self.parts_dir / f"{number:08d}" / f"{name}.parquet"

    def prune(self, used: set[int]) -> None:
        """Remove parts no final row comes from."""
        for entry in self.parts_dir.iterdir():
            if entry.name.isdigit() and int(entry.name) not in used:
                shutil.rmtree(entry, ignore_errors=True)


def _lock(path: Path):
    """Hold an exclusive lock on the output folder for this process (two runs would mix parts)."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock
        return None
    handle = open(path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise RunError(f"{path.parent.parent}: another run is writing there; wait for it or use "
                       f"another --out") from None
    return handle


def _fsync_dir(path: Path) -> None:
    for f in path.iterdir():
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())


# --- merging parts into the final files -------------------------------------------------------

class _PartCache:
    """A few parts' tables in memory, with each article's row range."""

    def __init__(self, store: Store, name: str, size: int = 4):
        self.store, self.name, self.size = store, name, size
        self.cache: OrderedDict[int, tuple[pa.Table, dict[str, tuple[int, int]]]] = OrderedDict()

    def rows(self, number: int, article_id: str) -> pa.Table | None:
        if number not in self.cache:
            table = pq.read_table(self.store.path(number, self.name))
            ranges: dict[str, tuple[int, int]] = {}
            for i, aid in enumerate(table["article_id"].to_pylist()):
                first, _ = ranges.get(aid, (i, i))
                ranges[aid] = (first, i + 1)
            self.cache[number] = (table, ranges)
            if len(self.cache) > self.size:
                self.cache.popitem(last=False)
        self.cache.move_to_end(number)
        table, ranges = self.cache[number]
        span = ranges.get(article_id)
        return None if span is None else table.slice(span[0], span[1] - span[0])


class _Sink:
    """One final table file written chunk by chunk to a temporary name, then moved into place."""

    def __init__(self, target: Path, name: str, fmt: str):
        self.target, self.name, self.fmt = target, name, fmt
        self.tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        self.schema = final_schema(name)
        self.writer = pq.ParquetWriter(self.tmp, self.schema) if fmt == "parquet" else None
        self.header = True
        self.pending: list[pa.Table] = []
        self.n_pending = self.bytes_pending = 0

    def add(self, table: pa.Table) -> None:
        if table.num_rows:
            self.pending.append(table)
            self.n_pending += table.num_rows
            self.bytes_pending += table.nbytes
            # A row group of 20,000 rows, or less when the rows are long (the articles table holds
            # every text): the memory of a merge stays the same whatever the corpus size.
            if self.n_pending >= 20_000 or self.bytes_pending >= 16 * 2**20:
                self.flush()
            elif len(self.pending) >= 256:
                # Each slice keeps its whole part alive and costs a few kB of its own; a table of
                # one row per article would hold 20,000 of them before the row group is full.
                self.pending = [pa.concat_tables(self.pending).combine_chunks()]

    def flush(self) -> None:
        if not self.pending:
            return
        chunk = pa.concat_tables(self.pending)
        self.pending, self.n_pending, self.bytes_pending = [], 0, 0
        if self.writer is not None:
            self.writer.write_table(chunk.cast(self.schema))
        else:
            frame = conform(chunk.to_pandas(), TABLES[self.name])
            frame.to_csv(self.tmp, mode="w" if self.header else "a", header=self.header, index=False)
            self.header = False

    def close(self) -> Path:
        self.flush()
        if self.writer is not None:
            self.writer.close()
        elif self.header:  # no rows at all: still a header line
            conform(pd.DataFrame(), TABLES[self.name]).to_csv(self.tmp, index=False)
        with open(self.tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.target)
        return self.target


def merge(store: Store, plan: list[tuple[int, str] | pd.DataFrame], out: Path, fmt: str) -> list[Path]:
    """Write every table from the parts, in plan order (a plan entry is (part, article_id), or a
    ready `articles` row for an article that could not be read)."""
    written = []
    for name in pipeline.table_names():
        sink = _Sink(out / f"{name}.{fmt}", name, fmt)
        cache = _PartCache(store, name)
        for entry in plan:
            if isinstance(entry, pd.DataFrame):
                if name == "articles":
                    sink.add(to_arrow(entry, name))
                continue
            rows = cache.rows(*entry)
            if rows is not None:
                sink.add(rows)
        written.append(sink.close())
    # Tables of an older run that this one no longer makes would mislead: remove them.
    names = {f"{n}.{fmt}" for n in pipeline.table_names()}
    for stale in out.glob(f"*.{fmt}"):
        if stale.name not in names:
            stale.unlink()
    return written


# --- the run ----------------------------------------------------------------------------------

def count_articles(files: list[Path]) -> int:
    """How many articles the files hold, cheaply (for the progress bar's total)."""
    total = 0
    for f in files:
        suffix = f.suffix.lower()
        if suffix == ".jsonl":
            try:
                total += sum(1 for line in f.read_bytes().splitlines() if line.strip())
            except OSError:
                total += 1
        elif suffix == ".json":
            try:
                obj = json.loads(articles_mod.decode(f.read_bytes(), f))
                total += len(obj) if isinstance(obj, list) else 1
            except (OSError, ValueError, articles_mod.ArticleError):
                total += 1
        else:
            total += 1
    return total


def _batches(items: Iterator[Article | Failure], store: Store, plan: list, summary: Summary,
             on_failure: Callable[[str], None], on_skip: Callable[[], None],
             size: int) -> Iterator[list[Article]]:
    """Batches of articles still to process; fills the plan with where every row will come from."""
    batch: list[Article] = []
    for item in items:
        summary.articles += 1
        if isinstance(item, Failure):
            summary.failed += 1
            plan.append(pipeline.failed(item)["articles"])
            on_failure(item.error)
            continue
        key = (item.article_id, item.sha256)
        plan.append(key)  # resolved to its part number once that part is written
        if key in store.done:
            summary.skipped += 1
            on_skip()
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _dask_client(address: str, jobs: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise RunError("--dask needs the optional dask extra: pip install -e '.[dask]'") from None
    import logging

    if address == "local":
        cluster = LocalCluster(n_workers=max(jobs, 2), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except OSError as exc:
        raise RunError(f"cannot reach the dask scheduler at {address} ({exc})") from None


def _results(batches: Iterator[list[Article]], jobs: int, dask: str | None,
             pipeline_name: str | None) -> Iterator[tuple[list[Article], dict[str, pd.DataFrame]]]:
    """(batch, tables) for every batch, in completion order, with few batches in flight."""
    if dask:
        client, cluster = _dask_client(dask, jobs)
        try:
            from dask.distributed import as_completed

            window = 2 * max(jobs, len(client.scheduler_info().get("workers", {})) or 2)
            pending = as_completed()
            inflight = {}
            for batch in batches:
                future = client.submit(process_batch, batch, pipeline_name, pure=False)
                inflight[future.key] = batch
                pending.add(future)
                while pending.count() >= window:
                    done = next(pending)
                    yield inflight.pop(done.key), done.result()
            for done in pending:
                yield inflight.pop(done.key), done.result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return
    if jobs <= 1:
        from . import nlp

        nlp.load(pipeline_name)
        for batch in batches:
            yield batch, process_batch(batch, pipeline_name)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"),
                               initializer=_init_worker, initargs=(pipeline_name,))
    inflight: dict = {}
    try:
        for batch in batches:
            inflight[pool.submit(process_batch, batch, pipeline_name)] = batch
            while len(inflight) >= 2 * jobs:
                done, _ = wait(inflight, return_when=FIRST_COMPLETED)
                for future in done:
                    yield inflight.pop(future), future.result()
        while inflight:
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            for future in done:
                yield inflight.pop(future), future.result()
    except BaseException:
        # Interrupted or failed: stop the workers now rather than let them finish their batches,
        # whose results would be lost anyway (the parts written so far are kept).
        workers = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        raise
    pool.shutdown(wait=True)


def run(paths: Iterable[str | Path], out: str | Path, fmt: str = "parquet", jobs: int = 1,
        dask: str | None = None, pipeline_name: str | None = None, progress: bool = False,
        on_failure: Callable[[str], None] | None = None, batch_size: int | None = None) -> Summary:
    """Build every table of the articles under `paths` into the folder `out` (see module doc)."""
    if fmt not in FORMATS:
        raise RunError(f"unknown format {fmt!r} (use {' or '.join(FORMATS)})")
    if jobs < 1:
        raise RunError(f"--jobs must be at least 1, not {jobs}")
    try:
        found = articles_mod.sources([config.resolve(p) for p in paths])
    except articles_mod.ArticleError as exc:
        raise RunError(str(exc)) from None
    if not found:
        given = ", ".join(str(p) for p in paths) or "(no path)"
        skipped = articles_mod.unsupported([config.resolve(p) for p in paths])
        why = f" ({len(skipped)} other files, e.g. {skipped[0].name})" if skipped else ""
        raise RunError(f"{given}: no article files ({' '.join(articles_mod.SUFFIXES)}) found{why}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise RunError(f"{out}: exists and is not a folder")
    _check_not_foreign(out)
    from . import nlp

    try:
        nlp.check(pipeline_name)
    except nlp.PipelineError as exc:
        raise RunError(str(exc)) from None
    store = Store(out, fingerprint(pipeline_name))
    earlier = {aid for aid, _ in store.done}
    summary = Summary()
    plan: list = []
    total = count_articles([f for f, _ in found])
    bar = _progress(total, progress)
    batch_size = batch_size or auto_batch_size(total, jobs if not dask else max(jobs, 2))
    failures = []

    def failure(message: str) -> None:
        failures.append(message)
        if on_failure:
            on_failure(message)
        bar.set_postfix_str(f"failed={len(failures)}", refresh=False)
        bar.update(1)

    batches = _batches(articles_mod.read(found), store, plan, summary, failure, lambda: bar.update(1),
                       batch_size)
    try:
        for batch, frames in _results(batches, jobs, dask, pipeline_name):
            store.write(frames)
            arts = frames["articles"]
            errors = [e for status, e in zip(arts.column("status").to_pylist(), arts.column("error").to_pylist())
                      if status == "failed"]
            for error in errors:
                failure(error)
                summary.failed += 1
            summary.processed += len(batch)
            bar.update(len(batch) - len(errors))
        resolved = [e if isinstance(e, pd.DataFrame) else (store.part_of(e), e[0]) for e in plan]
        current = {aid for e in plan for aid in (e["article_id"].tolist() if isinstance(e, pd.DataFrame) else [e[0]])}
        summary.dropped = len(earlier - current)
        summary.written = merge(store, resolved, out, fmt)
        store.prune({e[0] for e in resolved if not isinstance(e, pd.DataFrame)})
    finally:
        bar.close()
        store.close()
    return summary


def _check_not_foreign(out: Path) -> None:
    """Refuse to write into a folder whose table-named files this tool did not make: they would be replaced."""
    if not out.is_dir() or (out / WORK).is_dir():
        return
    names = {f"{name}.{fmt}" for name in pipeline.table_names() for fmt in FORMATS}
    clash = sorted(p.name for p in out.iterdir() if p.name in names)
    if clash:
        raise RunError(f"{out}: holds {clash[0]}, which this run would replace, and is not an output folder "
                       f"of `analysis tables` (no {WORK}/ in it); choose a new or empty folder")


def auto_batch_size(total: int, workers: int) -> int:
    """Articles per batch: BATCH_SIZE, or fewer when that would leave parallel workers idle.

    A worker that gets its last batch while the others have none makes the run wait for it,
    so a small corpus is cut into about eight batches per worker (never fewer than 4 articles,
    below which spaCy's batching and the per-part files cost more than they save)."""
    if workers <= 1:
        return BATCH_SIZE
    return max(4, min(BATCH_SIZE, -(-total // (8 * workers))))


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", disable=not enabled, file=sys.stderr, dynamic_ncols=True,
               smoothing=0.1)
    return bar

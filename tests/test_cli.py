"""`python -m analysis tables`: files written, formats, exit codes and messages."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis import config, pipeline
from analysis.__main__ import main

SEED_DIR = config.SEEDS


def _broken_corpus(folder):
    folder.mkdir()
    (folder / "good.txt").write_text("Rain in May\n\nIt rained on 3 May, the office said.\n", encoding="utf-8")
    # 0x81 and 0x8d are undefined in cp1252 and invalid UTF-8 here: the file cannot be decoded.
    (folder / "broken.txt").write_bytes(b"Title\n\nHe said \x81\x8d that.\n")
    (folder / "bad.json").write_text('{"id": "x", "text": ', encoding="utf-8")
    (folder / "good.md").write_text("Another\n\nA second text with the same stem.\n", encoding="utf-8")
    return folder


def test_tables_writes_one_parquet_file_per_table(tmp_path, capsys):
    assert main(["tables", str(SEED_DIR), "--out", str(tmp_path), "--quiet"]) == 0
    names = pipeline.table_names()
    assert sorted(p.stem for p in tmp_path.glob("*.parquet")) == sorted(names)
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert articles["article_id"].tolist() == ["000_a5fb506bb93332d8"]
    assert articles["status"].tolist() == ["ok"]


def test_parquet_keeps_declared_dtypes(tmp_path):
    assert main(["tables", str(SEED_DIR), "--out", str(tmp_path), "--quiet"]) == 0
    sentences = pd.read_parquet(tmp_path / "sentences.parquet")
    assert str(sentences["paragraph_kind"].dtype) == "category"
    assert str(sentences["start"].dtype) == "Int64"


def test_csv_format_writes_csv_files_with_the_declared_columns(tmp_path):
    assert main(["tables", str(SEED_DIR), "--out", str(tmp_path), "--format", "csv", "--quiet"]) == 0
    assert not list(tmp_path.glob("*.parquet"))
    for name in pipeline.table_names():
        header = (tmp_path / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(c.name for c in pipeline.TABLES[name])
    # The seed's first sentence is its headline (read from the seed file by a person).
    sentences = pd.read_csv(tmp_path / "sentences.csv")
    assert sentences["text"].iloc[0].startswith("Russia says it will")


def test_missing_path_exits_1_with_a_one_line_reason(tmp_path, capsys):
    assert main(["tables", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err == f"analysis: {tmp_path / 'nope'}: no such file or folder\n"


def test_folder_without_articles_exits_1_naming_it_and_what_it_holds(tmp_path, capsys):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "notes.docx").write_bytes(b"PK")
    assert main(["tables", str(corpus), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == (f"analysis: {corpus}: no article files (.txt .md .html .htm .json .jsonl) found "
                       "(1 other files, e.g. notes.docx)")
    assert not (tmp_path / "out").exists()


def test_files_of_other_formats_in_a_folder_are_named_not_silently_skipped(tmp_path, capsys):
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "story.txt").write_text("Rain\n\nIt rained, the office said.\n", encoding="utf-8")
    (corpus / "scan.pdf").write_bytes(b"%PDF")
    assert main(["tables", str(corpus), "--out", str(tmp_path / "out")]) == 0
    assert f"analysis: 1 file not read (not an article format, or the corpus's README, LICENSE or SOURCE file): {corpus / 'scan.pdf'}" in capsys.readouterr().err


def test_two_folders_with_the_same_file_names_keep_every_article(tmp_path):
    for name in ("business", "politics"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "001.txt").write_text(f"A {name} story\n\nThe minister said so.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["tables", str(tmp_path / "business"), str(tmp_path / "politics"), "--out", str(out), "--quiet"]) == 0
    articles = pd.read_parquet(out / "articles.parquet")
    assert articles["article_id"].tolist() == ["business/001", "politics/001"]
    assert articles["status"].tolist() == ["ok", "ok"]


def test_a_folder_holding_the_users_own_table_named_file_is_not_overwritten(tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "articles.csv").write_text("my,own,data\n", encoding="utf-8")
    assert main(["tables", str(SEED_DIR), "--out", str(out), "--format", "csv"]) == 1
    assert (out / "articles.csv").read_text(encoding="utf-8") == "my,own,data\n"
    err = capsys.readouterr().err
    assert err.startswith(f"analysis: {out}: holds articles.csv, which this run would replace") and err.count("\n") == 1


def test_a_rerun_with_other_input_says_which_earlier_articles_left_the_tables(tmp_path, capsys):
    one, two = tmp_path / "one", tmp_path / "two"
    for folder, stem in ((one, "a"), (two, "b")):
        folder.mkdir()
        (folder / f"{stem}.txt").write_text("Rain\n\nIt rained, the office said.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["tables", str(one), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["tables", str(two), "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == (f"analysis: 1 article of an earlier run into {out} is not in this input "
                                       "and no longer in its tables\n")


def test_unknown_pipeline_exits_1_naming_it(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(config.PIPELINE_ENV, raising=False)
    assert main(["tables", str(SEED_DIR), "--out", str(tmp_path), "--pipeline", "xx_no_such_pipeline"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'xx_no_such_pipeline' is not installed" in err[0]


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["tables", "seeds/"])  # no --out
    assert stop.value.code == 2


def test_broken_corpus_completes_with_each_bad_file_reported(tmp_path, capsys):
    corpus = _broken_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert main(["tables", str(corpus), "--out", str(out), "--quiet"]) == 3
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3
    assert all(line.startswith("analysis: ") and line.endswith("; skipped, see articles.error") for line in err)
    arts = pd.read_parquet(out / "articles.parquet").set_index("path")
    status = {p.rsplit("/", 1)[1]: s for p, s in arts["status"].items()}
    assert status == {"bad.json": "failed", "broken.txt": "failed", "good.md": "ok", "good.txt": "failed"}
    assert "cannot decode" in arts.loc[str(corpus / "broken.txt"), "error"]
    assert "invalid JSON" in arts.loc[str(corpus / "bad.json"), "error"]
    assert "already used" in arts.loc[str(corpus / "good.txt"), "error"]
    sentences = pd.read_parquet(out / "sentences.parquet")
    assert set(sentences["article_id"]) == {"good"}


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "analysis", "tables", str(SEED_DIR), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [f"analysis: 1 article (1 processed, 0 unchanged, 0 failed); "
                                        f"{len(pipeline.table_names())} tables in {tmp_path}"]


def test_dask_without_the_extra_exits_1_saying_how_to_install(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # what a missing package looks like
    assert main(["tables", str(SEED_DIR), "--out", str(tmp_path), "--dask", "local", "--quiet"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["analysis: --dask needs the optional dask extra: pip install -e '.[dask]'"]


def test_zero_jobs_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["tables", str(SEED_DIR), "--out", str(tmp_path), "--jobs", "0"])
    assert exit_info.value.code == 2
    assert "--jobs: must be a whole number of at least 1" in capsys.readouterr().err


def test_bench_passes_its_options_to_the_benchmark_script(capsys):
    assert main(["bench", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: benchmarks/throughput.py")


def test_two_folders_with_the_same_name_keep_every_article(tmp_path):
    for parent in ("a", "b"):
        (tmp_path / parent / "news").mkdir(parents=True)
        (tmp_path / parent / "news" / "001.txt").write_text(f"A {parent} story\n\nThe minister said so.\n",
                                                            encoding="utf-8")
    out = tmp_path / "out"
    assert main(["tables", str(tmp_path / "a" / "news"), str(tmp_path / "b" / "news"), "--out", str(out),
                 "--quiet"]) == 0
    assert pd.read_parquet(out / "articles.parquet")["article_id"].tolist() == ["a/news/001", "b/news/001"]

"""Executes the notebooks and renders them to HTML reports, deterministically.

`python -m analysis.report [--corpus PATH] [--inplace]`: runs every notebook in notebooks/ with the
`parameters` cell set to the corpus, writes reports/<notebook>.html (inputs hidden, images
embedded) and reports/index.html. Re-rendering unchanged inputs changes no byte: no timestamps,
no execution timings, no software metadata in images.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
from pathlib import Path

from . import config

DEFAULT_CORPUS = "seeds/"
KERNEL = "python3"


def setup_notebook() -> None:
    """Configure inline figures of the running notebook: PNG without software metadata."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return
    shell.run_line_magic("matplotlib", "inline")
    shell.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
    shell.run_line_magic("config", "InlineBackend.print_figure_kwargs = "
                                   "{'bbox_inches': 'tight', 'metadata': {'Software': None}}")


def describe_input(corpus: str, tables):
    """A Markdown line naming the corpus a report describes and how many of its articles were read."""
    from IPython.display import Markdown

    status = tables.articles["status"].astype(str)
    n_ok = int((status == "ok").sum())
    n_failed = len(status) - n_ok
    noun = "article" if len(status) == 1 else "articles"
    failed = f", {n_failed} could not be read (see `articles.error`)" if n_failed else ""
    return Markdown(f"**Input corpus:** `{corpus}`: {len(status)} {noun}, {n_ok} read{failed}.")


def notebooks(folder: Path | None = None) -> list[Path]:
    """The numbered notebooks, in order."""
    folder = folder or config.NOTEBOOKS
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))


def _set_parameters(nb, corpus: str) -> None:
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = f"corpus = {corpus!r}"
            return
    raise ValueError("notebook has no cell tagged 'parameters'")


def execute(path: Path, corpus: str = DEFAULT_CORPUS, timeout: int = 1200):
    """The notebook at path, executed with the given corpus (returned, not written)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if corpus != DEFAULT_CORPUS:
        _set_parameters(nb, corpus)
    from jupyter_client.manager import KernelManager

    # IPC sockets (in a temporary folder) instead of TCP: local only, and no transport warning.
    with tempfile.TemporaryDirectory() as sockets:
        km = KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(Path(sockets) / "kernel"))
        client = NotebookClient(nb, km=km, timeout=timeout, kernel_name=KERNEL, record_timing=False,
                                resources={"metadata": {"path": str(config.ROOT)}})
        try:
            client.execute()
        finally:
            # A kernel manager passed in is not shut down by nbclient itself.
            if km.has_kernel:
                km.shutdown_kernel(now=False)
    _clean(nb)
    return nb


def _clean(nb) -> None:
    """Drop volatile metadata so that unchanged inputs give unchanged files."""
    nb.metadata.pop("widgets", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
        if cell.get("outputs"):
            cell.outputs = _coalesced(cell.outputs)


def _coalesced(outputs: list) -> list:
    """Consecutive stream outputs of one stream joined: the kernel splits printed text into
    chunks as it flushes, so the same print can arrive in one message or two."""
    merged: list = []
    for output in outputs:
        if (output.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == output.get("name")):
            merged[-1]["text"] = merged[-1]["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def _title_and_summary(nb) -> tuple[str, str]:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = [l.strip() for l in cell.source.splitlines() if l.strip()]
            title = lines[0].lstrip("# ").strip() if lines else ""
            rest = " ".join(lines[1:])
            summary = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0] if rest else ""
            return title, summary
    return "", ""


def to_html(nb) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True)
    # The page title is the notebook's own heading, not nbconvert's default "Notebook".
    title = _title_and_summary(nb)[0] or "Report"
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def index_html(entries: list[tuple[str, str, str]], corpus: str, seed: bool = False) -> str:
    """The reports' index page; the seed's also says where other corpora's reports are written."""
    # Other corpora's reports are not linked: they exist only where a user made them, and the
    # committed seed index must not change with local runs.
    elsewhere = ("<p>Reports of another corpus (<code>make reports CORPUS=path/to/folder</code>) are "
                 "written to <code>reports/&lt;corpus name&gt;/index.html</code>, with an index like "
                 "this one.</p>\n") if seed else ""
    items = "\n".join(f'  <li><a href="{html.escape(href)}">{html.escape(title)}</a>: {html.escape(summary)}</li>'
                      for href, title, summary in entries)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>News analysis reports</title>
<style>body{{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.5}}</style></head>
<body>
<h1>News analysis reports</h1>
<p>Input corpus: <code>{html.escape(corpus)}</code>. Each report is a notebook of the project, executed and rendered with its code hidden.</p>
<ul>
{items}
</ul>
{elsewhere}</body>
</html>
"""


def reports_dir(corpus: str) -> Path:
    """reports/ for the seed corpus, reports/<corpus name>/ for any other, so seed reports stay intact."""
    if config.resolve(corpus).resolve() == config.SEEDS.resolve():
        return config.REPORTS
    return config.REPORTS / config.corpus_name(corpus)


def render_all(corpus: str = DEFAULT_CORPUS, inplace: bool = False, out: Path | None = None) -> list[Path]:
    """Execute every notebook and write its HTML report plus index.html; returns the files written."""
    import nbformat

    out = out or reports_dir(corpus)
    out.mkdir(parents=True, exist_ok=True)
    written, entries = [], []
    for path in notebooks():
        print(f"analysis: executing {path.relative_to(config.ROOT)} on {corpus}", file=sys.stderr)
        nb = execute(path, corpus)
        if inplace and corpus == DEFAULT_CORPUS:
            nbformat.write(nb, path)
            written.append(path)
        target = out / f"{path.stem}.html"
        _write_if_changed(target, to_html(nb))
        written.append(target)
        title, summary = _title_and_summary(nb)
        entries.append((target.name, title or path.stem, summary))
    index = out / "index.html"
    _write_if_changed(index, index_html(entries, corpus, seed=out == config.REPORTS))
    written.append(index)
    return written


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.report", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="input corpus (default: seeds/)")
    parser.add_argument("--inplace", action="store_true",
                        help="also store the executed notebooks (seed corpus only), for nbval")
    args = parser.parse_args(argv)
    if not config.resolve(args.corpus).exists():
        print(f"analysis: {args.corpus}: no such file or folder", file=sys.stderr)
        return 2
    for path in render_all(args.corpus, inplace=args.inplace):
        print(path.relative_to(config.ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())

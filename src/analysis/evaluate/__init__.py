"""Evaluation commands: each submodule scores one extractor on annotated data and prints the figures.

`python -m analysis.evaluate NAME [PATH]` runs `analysis.evaluate.NAME.main(argv)`.
"""

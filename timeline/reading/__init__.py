"""Reading articles: bytes -> text -> records -> cleaned, dated ``Article`` values.

Modules, in the order the data flows through them:
- ``walking``: files and folders -> sorted (name, path) pairs;
- ``decoding``: bytes -> text (BOMs, UTF-8, UTF-16, cp1252 fallback), binary sniffing, control characters;
- ``formats``: text of one file -> raw records (.txt/.md, .html, .json/.jsonl/.csv/.tsv/.parquet);
- ``cleaning``: page furniture, title and subtitle, header date lines and datelines;
- ``dates``: a small, clock-free parser for the dates found in those lines and in metadata;
- ``building``: a raw record -> ``Article`` with the publication-date order applied;
- ``inference``: step 5 of that order, a date inferred from the text and the corpus.

The public names live in ``timeline.articles``.
"""

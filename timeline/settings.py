"""One settings object with documented defaults, passed explicitly through the pipeline.

Nothing in the package reads the clock: a missing anchor stays missing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PROJECT_DIR / "data"
SAMPLE_ARTICLES = DATA_DIR / "articles"


@dataclass(frozen=True)
class Settings:
    # Language of the articles; passed to dateparser as languages=[language].
    language: str = "en"
    # Folder with the rule and lexicon files (temporal patterns, triggers, gazetteer).
    data_dir: Path = DATA_DIR
    # Articles larger than this many bytes are rejected with a reason, not parsed.
    max_article_bytes: int = 20_000_000
    # rapidfuzz score (0-100) a name must reach to match a gazetteer alias it does not equal.
    fuzzy_threshold: float = 85.0
    # Publication date given by the user; used when an article carries none of its own.
    published_override: date | None = None
    # A weekday or a day-month without a year is searched within this many days of the anchor.
    year_search_window_days: int = 183
    # Folder of the parse cache; None turns the cache off.
    cache_dir: Path | None = None

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


DEFAULT_SETTINGS = Settings()

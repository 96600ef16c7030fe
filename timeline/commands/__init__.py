"""One module per `python -m timeline` command; timeline.cli finds them by name."""

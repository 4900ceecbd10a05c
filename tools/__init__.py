"""The project's command lines, run from the root as `python -m tools.<name>` (the Makefile's
targets name them): the cookbook export and its check, the facts report, the pages that show
a value, the social image, and `make bench` in `tools/bench/`."""

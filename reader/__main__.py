"""``python -m reader`` runs the same command line as ``byline``."""

from reader.cli import main

# Guarded: a process started with "spawn" (the analysis process) imports this module again.
if __name__ == "__main__":
    raise SystemExit(main())

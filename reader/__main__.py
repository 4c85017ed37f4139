"""``python -m reader`` runs the same command line as ``byline``."""

from reader.cli import main

raise SystemExit(main())

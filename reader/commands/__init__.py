"""One module per ``byline`` subcommand: ``add_arguments(parser)`` and ``run(args)``."""

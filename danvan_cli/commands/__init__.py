"""One module per ``danvan`` subcommand: arguments in, library calls, rendering out."""

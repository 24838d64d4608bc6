"""Reading files and normalizing their text: the only I/O below the CLI."""

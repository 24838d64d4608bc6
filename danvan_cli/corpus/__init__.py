"""Working over many files: walking folders, parsing a batch, reporting bad input."""

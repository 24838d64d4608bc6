"""Resolution: turning raw extracted records into linked, context-aware ones."""

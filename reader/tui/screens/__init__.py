"""The reader's screens: reading, and the generated key help."""

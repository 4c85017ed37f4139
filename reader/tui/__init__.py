"""The Textual reader: shows an article and its analysis; computes no NLP itself."""

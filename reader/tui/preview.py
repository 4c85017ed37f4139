"""One-line previews of article text for the side panels and the note editor."""

from reader.safe_text import terminal_safe


def one_line(text: str, limit: int) -> str:
    """``text`` flattened to one line of at most ``limit`` characters, cut at a word with an ellipsis.

    Control, bidi and zero-width characters are shown visibly (:func:`terminal_safe`): the preview is
    outside text on its way to the terminal.
    """
    flat = terminal_safe(" ".join(text.split()))
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit - 1)
    return flat[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"

"""One-line previews of article text for the side panels and the note editor."""


def one_line(text: str, limit: int) -> str:
    """``text`` flattened to one line of at most ``limit`` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit - 1)
    return flat[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"

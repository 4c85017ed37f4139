"""Theme loading, split into small modules; import from :mod:`reader.themes`.

``keys`` names every style a theme can set, ``schema`` validates one theme
file with pydantic, ``loader`` finds theme files and resolves ``extends``, and
``model`` holds the resolved :class:`ReaderTheme` the rest of Byline uses.
"""

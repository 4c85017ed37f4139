"""The reader's widgets: the article pane, the actors panel, the header and the status line."""

"""CCHC portal generator: typed models over `data/`, renderers, writers and a thin MkDocs plugin."""

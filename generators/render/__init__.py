"""Renderers: pure functions from models to HTML, through our own Jinja2 environment.

Nothing here imports MkDocs; the plugin only places the results into the theme.
"""

"""Vietnamese language rules: normalisation, slugs, dates, numbers and collation.

Pure functions with no knowledge of models, HTML or MkDocs, so every other layer shares one
definition of what "Vietnamese done right" means.
"""

"""Static, chunked search built for Vietnamese: records from our models, never re-parsed HTML.

A query downloads a small manifest, the index shards of its words, and the metadata of the
results it shows. Words are matched without diacritics (tones and đ → d alike), and a query
typed with diacritics ranks its exact matches first ("đất" before "đặt" and "dát").
"""

"""Video guides (video hướng dẫn): local clips with Vietnamese captions and a transcript."""

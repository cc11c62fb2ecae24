"""Benchmarks: synthetic corpora and builds measured by `make bench` (never by `make test`)."""

"""Benchmarks: each value is compared with a floor measured in the same run (never a timed test)."""

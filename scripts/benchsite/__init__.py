"""The site as production runs it, plus the trivial view a benchmark measures against."""

"""The site search: folding, the documents it reads, queries, and each database's way of matching.

``folding`` makes text and queries comparable; ``documents`` turns a release into the folded
words it is found by and ``index`` keeps them in step; ``query`` cleans what a visitor typed
and ``vocabulary`` checks it against the known words (a typo, a prefix's words); ``backends``
match on PostgreSQL or SQLite; ``results`` counts, orders and pages; ``excerpts`` cut and
highlight what a result shows.
"""

"""The site search: folding, the documents it reads, queries, and each database's way of matching.

``folding`` makes text and queries comparable; ``documents`` turns a release into the folded
words it is found by and ``index`` keeps them in step; ``query`` cleans what a visitor typed
and corrects a typo; ``backends`` match, rank and count on PostgreSQL or SQLite; ``excerpts``
cut and highlight what a result shows.
"""

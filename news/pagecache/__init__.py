"""Serving public pages fast: a page cache shared by every app server, and compressed HTML.

``generation`` says which state of the public content a cached page belongs to; anything that
changes what the public gate lets through starts a new one, and so does a scheduled release
reaching its time. ``middleware`` keeps rendered pages per state, URL and encoding, and answers
conditional requests; ``compression`` makes the gzip and Brotli bodies.
"""

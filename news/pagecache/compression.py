"""gzip and Brotli bodies, chosen from what the client says it accepts."""

import gzip

import brotli

IDENTITY, GZIP, BROTLI = "identity", "gzip", "br"
ENCODINGS = (IDENTITY, GZIP, BROTLI)
# A body compressed once and served from the cache many times is worth a slow, small encoding;
# a body made for one request is compressed quickly.
STORED_LEVELS = {GZIP: 9, BROTLI: 9}
PER_REQUEST_LEVELS = {GZIP: 3, BROTLI: 3}
# Below this, compression costs more than it saves.
MIN_SIZE = 200
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/vnd.oai.openapi",
    "image/svg+xml",
)


def accepted_encodings(request):
    """Return the encodings the client accepts, of those we make (q=0 means refused)."""
    accepted = set()
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=").strip() if params else "1"
        try:
            refused = float(quality) == 0
        except ValueError:
            refused = False
        if not refused:
            accepted.add(name.strip().lower())
    if "*" in accepted:
        accepted |= {GZIP, BROTLI}
    return accepted & {GZIP, BROTLI}


def preferred_encoding(request, *, per_request):
    """Return the encoding to answer ``request`` with: the smallest for stored bodies."""
    accepted = accepted_encodings(request)
    # For a body made once, Brotli's smaller output wins; per request, gzip is the quicker.
    order = (GZIP, BROTLI) if per_request else (BROTLI, GZIP)
    return next((encoding for encoding in order if encoding in accepted), IDENTITY)


def compress(body, encoding, *, stored):
    """Return ``body`` encoded with ``encoding``."""
    levels = STORED_LEVELS if stored else PER_REQUEST_LEVELS
    if encoding == GZIP:
        return gzip.compress(body, compresslevel=levels[GZIP], mtime=0)
    if encoding == BROTLI:
        return brotli.compress(body, quality=levels[BROTLI])
    return body


def is_compressible(response):
    """Say whether ``response`` is text worth compressing and not already encoded."""
    content_type = response.get("Content-Type", "")
    return (
        not response.streaming
        and not response.has_header("Content-Encoding")
        and len(response.content) >= MIN_SIZE
        and content_type.startswith(COMPRESSIBLE_TYPES)
    )

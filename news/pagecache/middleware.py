"""Keep rendered public pages in the shared cache, compressed, and answer with 304 when we can.

Only anonymous visitors are served from the cache: a request that carries a session cookie
(staff signed in to the admin) always gets a freshly rendered page. A page is kept only when
its view marked it public (``Cache-Control: public``) and it sets no cookie, so previews,
the admin and anything personal never enter the cache. With ``PAGE_CACHE_SECONDS`` at 0
nothing is kept, but public pages are still compressed and carry an ETag.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from . import compression
from .generation import cache_did_not_answer, current_state

# Headers each kept copy of a page sets for itself; every other header the page had is kept.
OWN_HEADERS = {"content-length", "content-encoding", "etag", "last-modified", "date"}


@dataclass(frozen=True)
class CachedPage:
    headers: dict
    body: bytes
    etag: str
    # When the content state began, as a Unix timestamp; None when pages are not kept.
    last_modified: int | None

    def response(self, request):
        """Return this page as the answer to ``request``: 304 if the client has it already."""
        response = HttpResponse(self.body)
        for name, value in self.headers.items():
            response[name] = value
        response["Content-Length"] = len(self.body)
        response["ETag"] = self.etag
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified)
        patch_vary_headers(response, ["Accept-Encoding"])
        return get_conditional_response(
            request, etag=self.etag, last_modified=self.last_modified, response=response
        )


def page_key(state, request, encoding):
    """Return the cache key of ``request``'s page in ``encoding`` under ``state``."""
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"news:page:{state.token}:{encoding}:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_anonymous_read(request):
            return self.get_response(request)
        keeping = settings.PAGE_CACHE_SECONDS > 0
        state = current_state() if keeping else None
        encoding = compression.preferred_encoding(request, per_request=not keeping)
        if keeping and (page := self.lookup(page_key(state, request, encoding))):
            return page.response(request)
        response = self.get_response(request)
        if not self.is_public(response):
            return response
        encodings = compression.ENCODINGS if keeping else (encoding,)
        pages = self.pages(response, state, encodings, stored=keeping)
        if keeping:
            self.store(state, request, pages)
        return pages[encoding].response(request)

    def is_anonymous_read(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "Authorization" not in request.headers
        )

    def is_public(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and "public" in response.get("Cache-Control", "")
            and not response.cookies
        )

    def pages(self, response, state, encodings, *, stored):
        """Return {encoding: CachedPage} of ``response``, each body compressed once."""
        body = response.content
        headers = {
            name: value for name, value in response.items() if name.lower() not in OWN_HEADERS
        }
        # Weak: the encodings of one page are the same content to the client.
        etag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
        last_modified = int(state.since.timestamp()) if state else None
        worth_compressing = compression.is_compressible(response)
        pages = {}
        for encoding in encodings:
            if encoding == compression.IDENTITY or not worth_compressing:
                pages[encoding] = CachedPage(headers, body, etag, last_modified)
                continue
            encoded = compression.compress(body, encoding, stored=stored)
            headers_encoded = {**headers, "Content-Encoding": encoding}
            pages[encoding] = CachedPage(headers_encoded, encoded, etag, last_modified)
        return pages

    def store(self, state, request, pages):
        timeout = state.seconds_left(timezone.now(), settings.PAGE_CACHE_SECONDS)
        if timeout <= 0:
            return
        entries = {page_key(state, request, encoding): page for encoding, page in pages.items()}
        try:
            cache.set_many(entries, timeout)
        except Exception:  # a cache that does not answer only costs the next render
            cache_did_not_answer("keeping a page")

    def lookup(self, key):
        try:
            return cache.get(key)
        except Exception:
            cache_did_not_answer("reading a page")
            return None


class CompressionMiddleware:
    """Compress every other text response for clients that accept gzip or Brotli."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not compression.is_compressible(response):
            return response
        patch_vary_headers(response, ["Accept-Encoding"])
        encoding = compression.preferred_encoding(request, per_request=True)
        if encoding == compression.IDENTITY:
            return response
        response.content = compression.compress(response.content, encoding, stored=False)
        response["Content-Length"] = len(response.content)
        response["Content-Encoding"] = encoding
        if response.get("ETag", "").startswith('"'):
            # The bytes differ from the uncompressed ones: the tag can only be weak now.
            response["ETag"] = "W/" + response["ETag"]
        return response

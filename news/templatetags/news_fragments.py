"""``{% kept %}``: a part of a public page rendered once per content state, language and key.

A page rendered afresh (its own cache off, or a visitor's first request) still repeats what
other pages of the same state already rendered: the navigation, the footer, a release's text
with its figures. Such a part is kept under the content state, so it is exactly as fresh as the
pages the cache keeps, and nothing is kept where no view asked for it (previews, error pages).
"""

import hashlib

from django import template
from django.utils.safestring import mark_safe

from ..languages import current_language
from ..pagecache.generation import remembered

register = template.Library()

# Set by public views only: a staff preview shows what visitors may not see and keeps nothing.
KEEPS_FRAGMENTS = "keeps_fragments"


class KeptNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        if not context.get(KEEPS_FRAGMENTS):
            return self.nodelist.render(context)
        parts = [self.name, current_language(), *(str(p.resolve(context)) for p in self.parts)]
        # A key of any length, and of any characters, for any cache backend.
        digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
        return mark_safe(
            remembered(f"fragment:{self.name}:{digest}", lambda: self.nodelist.render(context))
        )


@register.tag
def kept(parser, token):
    """Keep what lies up to ``{% endkept %}``: ``{% kept "name" what it depends on… %}``.

    Everything the part shows beyond the content and the language must be in its key.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name first.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])

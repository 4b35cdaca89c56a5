"""Word-by-word differences between two versions of a text, for editors' eyes."""

import difflib
import re
from html import unescape

from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)


def plain_text(html):
    """Return the words of ``html``, one line per paragraph, without markup or entities."""
    return unescape(strip_tags(_BLOCK_END.sub("\n", html or ""))).strip()


def word_diff(old, new):
    """Return HTML showing ``old`` turned into ``new``: removed words in <del>, added in <ins>."""
    old_words = re.split(r"(\s+)", old)
    new_words = re.split(r"(\s+)", new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        removed = escape("".join(old_words[a_start:a_end]))
        added = escape("".join(new_words[b_start:b_end]))
        if operation == "equal":
            parts.append(added)
            continue
        if removed:
            parts.append(format_html("<del>{}</del>", mark_safe(removed)))
        if added:
            parts.append(format_html("<ins>{}</ins>", mark_safe(added)))
    return mark_safe("".join(str(part) for part in parts))

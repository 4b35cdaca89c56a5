"""The body editor's words in the interface's language.

django-prose-editor writes its toolbar's tooltips in English inside its script, and asks
``window.gettext`` only for its dialogs, which Django's admin catalogue does not hold.
release-languages.js puts these translations in place of both, keyed by the English text.
"""

from django.utils.translation import gettext_lazy as _

# The English text as the editor writes it, for the extensions the release body uses.
EDITOR_LABELS = {
    "paragraph": _("Paragraph"),
    "Paragraph": _("Paragraph"),
    "heading 2": _("Heading 2"),
    "heading 3": _("Heading 3"),
    "heading 4": _("Heading 4"),
    "Heading 2": _("Heading 2"),
    "Heading 3": _("Heading 3"),
    "Heading 4": _("Heading 4"),
    "unordered list": _("Bulleted list"),
    "ordered list": _("Numbered list"),
    "List properties": _("List properties"),
    "blockquote": _("Quotation"),
    "horizontal rule": _("Horizontal line"),
    "bold": _("Bold"),
    "italic": _("Italic"),
    "underline": _("Underline"),
    "strike": _("Strikethrough"),
    "subscript": _("Subscript"),
    "superscript": _("Superscript"),
    "insert link": _("Insert link"),
    "remove link": _("Remove link"),
    "undo": _("Undo"),
    "redo": _("Redo"),
    "Edit Link": _("Edit link"),
    "URL": _("Address (URL)"),
    "Title": _("Title"),
    "Open in new window": _("Open in a new window"),
    "List type": _("List type"),
    "Start at": _("Start at"),
    "Decimal numbers": _("Numbers"),
    "Lowercase letters": _("Lowercase letters"),
    "Uppercase letters": _("Uppercase letters"),
    "Lowercase Roman numerals": _("Lowercase Roman numerals"),
    "Uppercase Roman numerals": _("Uppercase Roman numerals"),
    "Update": _("Update"),
    "Insert": _("Insert"),
    "Cancel": _("Cancel"),
}


def editor_labels():
    """Return {English text: text in the active language} for the editor's script."""
    return {english: str(label) for english, label in EDITOR_LABELS.items()}

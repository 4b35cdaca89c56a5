"""Every step the browser tests take in the admin's and the site's interface, in one place.

The journeys say what a person does ("show the English fields", "write the body"); only this
module knows which element does it. When a template changes, fix the step here. Selectors
prefer field ids (``#id_title_az``), roles and accessible names over classes and layout.
"""

import re

from django.utils import translation

from tests.browser.tools import sync_api

expect = sync_api.expect if sync_api else None

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# How a language's switch may be labelled: its code, or its name in English or in itself.
LANGUAGE_LABELS = {
    "az": ("az", "Azerbaijani", "Azərbaycanca", "Azərbaycan dili"),
    "en": ("en", "English"),
    "ru": ("ru", "Russian", "Русский"),
}


def in_language(code, text):
    """Return ``text`` as the site's interface says it in ``code``."""
    with translation.override(code):
        return translation.gettext(text)


# Signing in


def sign_in(page, username, password, next_path="/admin/"):
    """Sign in through the admin's own sign-in form (django-axes and django-otp included)."""
    page.goto(f"{page.base_url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name=re.compile("log in|sign in", re.I)).or_(
        page.locator("#login-form [type=submit]")
    ).first.click()
    expect(page.locator("#login-form")).to_have_count(0)
    return page


# The release form


def show_language(page, code):
    """Show the fields of one language, whichever language switch the form has.

    One switch per release (buttons of a ``role=tablist`` naming the language), else
    modeltranslation's switch of every field's tabs, else each field's own tab.
    """
    names = "|".join(re.escape(label) for label in LANGUAGE_LABELS[code])
    accessible_name = re.compile(rf"^\s*({names})\b", re.I)
    by_attribute = page.locator(
        f'[role=tablist] button[data-language="{code}"], [role=tablist] button[lang="{code}"]'
    )
    if by_attribute.count():
        by_attribute.first.click()
        return
    buttons = page.locator("[role=tablist] button[role=tab]").filter(has_text=accessible_name)
    if buttons.count():
        buttons.first.click()
        return
    main_switch = page.locator("#modeltranslation-main-switch")
    if main_switch.count():
        main_switch.select_option(label=code)
        return
    tabs = page.get_by_role("tab", name=accessible_name)
    for index in range(tabs.count()):
        tabs.nth(index).click()


def fill(page, name, code, value):
    """Type ``value`` into the field ``name`` of language ``code`` (title, summary, alt…)."""
    show_language(page, code)
    reveal(page, f"#id_{name}_{code}")
    page.locator(f"#id_{name}_{code}").fill(value)


def reveal(page, selector):
    """Open the folded section (a <details>, or Django's collapsed fieldset) holding a field."""
    field = page.locator(selector)
    if field.is_visible():
        return
    summary = page.locator(f"details:has({selector}) > summary")
    if summary.count():
        summary.first.click()
        return
    toggle = page.locator(f"fieldset.collapse:has({selector}) .collapse-toggle")
    if toggle.count():
        toggle.first.click()


def body_editor(page, code):
    return page.locator(f".prose-editor:has(#id_body_{code}) > .ProseMirror")


def fill_body(page, code, html):
    """Replace the body of language ``code`` in the rich-text editor by ``html``, as pasted."""
    show_language(page, code)
    editor = body_editor(page, code)
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    # ProseMirror reads a paste's HTML with its schema, as it does a paste from a word processor.
    editor.evaluate(
        """(element, html) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', html.replace(/<[^>]+>/g, ''));
            const paste = new ClipboardEvent('paste', {clipboardData: data, bubbles: true});
            element.dispatchEvent(paste);
        }""",
        html,
    )


def choose(page, field, label=None, value=None):
    """Choose in the select ``field`` (category, status…) by its visible label or its value."""
    if label is not None:
        page.select_option(f"#id_{field}", label=label)
    else:
        page.select_option(f"#id_{field}", value=value)


def choose_radio(page, field, value):
    page.locator(f"input[name={field}][value={value}]").check()


def tick(page, field):
    page.locator(f"#id_{field}").check()


def set_lead_photograph(page, image):
    page.fill("#id_photographs_lead-0-image", str(image.pk))
    page.keyboard.press("Tab")


def save(page):
    """Save and stay on the form ("Save and continue editing")."""
    page.locator("input[name=_continue]").click()


def expect_saved(page):
    expect(page.locator(".messagelist .success")).to_have_count(1)


def form_errors(page):
    """Wait for the form to come back refused; return its errors as the editor reads them."""
    expect(page.locator(".errornote").first).to_be_visible()
    return " ".join(page.locator(".errornote, .errorlist").all_inner_texts())


def open_preview(page, code):
    """Open the staff preview of language ``code`` from the release's form; return its page."""
    with page.expect_popup() as popup:
        page.locator(f'.object-tools a[hreflang="{code}"]').click()
    preview = popup.value
    preview.base_url = page.base_url
    return preview


def open_translation_queue(page):
    page.goto(f"{page.base_url}/admin/")
    page.get_by_role("link", name=re.compile("translation queue", re.I)).first.click()


def open_release_in_admin(page, title):
    page.get_by_role("link", name=title).first.click()
    # The form's script opens its language switch once loaded; steps after this one use it.
    page.wait_for_url(re.compile(r"/change/"))
    page.wait_for_load_state()


# The public site


def switch_language(page, code):
    """Follow the header's language switch to ``code``."""
    page.locator(f'.language-switcher a[hreflang="{code}"]').click()
    page.wait_for_load_state()


def search(page, words):
    box = page.get_by_role("searchbox").first
    box.fill(words)
    box.press("Enter")
    page.wait_for_load_state()


def search_results(page):
    return page.locator("main h2 a, main h3 a").all_inner_texts()


def feed_address(page, media_type="application/atom+xml"):
    return page.locator(f'link[rel=alternate][type="{media_type}"]').first.get_attribute("href")


def focused(page):
    """Return what the keyboard's focus is on: its tag, text, href, and whether it shows."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return {
                tag: element.tagName.toLowerCase(),
                id: element.id,
                type: element.type || '',
                text: (element.innerText || element.value || '').trim(),
                href: element.getAttribute('href') || '',
                hreflang: element.getAttribute('hreflang') || '',
                ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                    || style.boxShadow !== 'none',
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
                    && box.top < innerHeight && box.left < innerWidth,
            };
        }"""
    )


def tab_to(page, matches, most=60):
    """Press Tab until the focus is on an element ``matches`` accepts; return every stop."""
    stops = []
    for _ in range(most):
        page.keyboard.press("Tab")
        stop = focused(page)
        stops.append(stop)
        if matches(stop):
            return stops
    raise AssertionError(f"the keyboard never reached it; it stopped at {stops}")

"""Slugs from titles in our three languages, and the HTML allow-list every body goes through."""

import re

import pytest

from news.html import sanitize_html
from news.text import SLUG_MAX_LENGTH, make_slug, transliterate
from tests.factories import ArticleFactory

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# --- Slugs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Dövlət Miqrasiya Xidməti", "dovlet-miqrasiya-xidmeti"),
        ("İşçi qüvvəsi", "isci-quvvesi"),
        ("Şəki", "seki"),
        ("Gəncə", "gence"),
        ("Ağdam", "agdam"),
        ("Əliyev", "eliyev"),
        ("İ Ə Ş Ç Ğ Ö Ü", "i-e-s-c-g-o-u"),
        ("İSTİQAMƏT ÜZRƏ ÇAĞIRIŞ", "istiqamet-uzre-cagiris"),
        ("Azərbaycan Respublikasının vətəndaşlığı", "azerbaycan-respublikasinin-vetendasligi"),
        ("Государственная миграционная служба", "gosudarstvennaya-migratsionnaya-sluzhba"),
        ("Объявления", "obyavleniya"),
        ("Интервью", "intervyu"),
        ("Статьи", "stati"),
        ("щ", "shch"),
        ("ЩУКА и ёж", "shchuka-i-yozh"),
        ("State Migration Service: 2020 report", "state-migration-service-2020-report"),
        ("  Gəncə — Şəki  ", "gence-seki"),
    ],
)
def test_make_slug(title, slug):
    assert make_slug(title) == slug


def test_every_azerbaijani_letter_becomes_plain_latin():
    letters = "ƏəIıİŞşÇçĞğÖöÜü"

    assert transliterate(letters) == "eeiiissccggoouu"
    slug = make_slug(" ".join(letters))
    assert "@" not in slug
    assert SLUG.match(slug)
    assert slug == "e-e-i-i-i-s-s-c-c-g-g-o-o-u-u"


def test_every_russian_letter_becomes_plain_latin():
    lower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    for letters in (lower, lower.upper()):
        latin = transliterate(letters)
        assert latin.isascii(), latin
        assert latin.lower() == "abvgdeyozhziyklmnoprstufkhtschshshchyeyuya"


def test_no_at_sign_in_any_slug():
    text = "Əə Ə-ə ə@ə əliyev ƏLİYEV"

    assert "@" not in make_slug(text)
    assert make_slug(text) == "ee-e-e-ee-eliyev-eliyev"


@pytest.mark.parametrize("title", ["!!!", "— … «»", "   ", "", "@#$%^&*()"])
def test_a_title_without_letters_gives_an_empty_slug(title):
    assert make_slug(title) == ""


def test_a_long_title_is_cut_at_a_word_boundary():
    title = " ".join(["Dövlət Miqrasiya Xidməti"] * 10)
    full = "-".join(["dovlet-miqrasiya-xidmeti"] * 10)

    slug = make_slug(title)

    assert len(full) > SLUG_MAX_LENGTH
    assert len(slug) <= SLUG_MAX_LENGTH
    assert full.startswith(slug)
    assert full[len(slug)] == "-"  # cut between words, not inside one
    assert not slug.endswith("-")
    assert SLUG.match(slug)


def test_a_slug_of_exactly_the_limit_is_kept_whole():
    title = "a" * (SLUG_MAX_LENGTH - 2) + " b"

    assert make_slug(title) == "a" * (SLUG_MAX_LENGTH - 2) + "-b"


def test_a_word_ending_at_the_limit_is_kept():
    first = "x" * (SLUG_MAX_LENGTH - 10)
    title = f"{first} yyyyyyyyy zzz"  # "yyyyyyyyy" ends exactly at the limit

    assert make_slug(title) == f"{first}-yyyyyyyyy"


@pytest.mark.parametrize("length", [SLUG_MAX_LENGTH + 1, SLUG_MAX_LENGTH + 5, 300])
def test_a_single_word_longer_than_the_limit_still_fits(length):
    slug = make_slug("ə" * length)

    assert len(slug) <= SLUG_MAX_LENGTH
    assert slug == "e" * len(slug)
    assert slug


def test_max_length_argument_is_respected():
    assert make_slug("Dövlət Miqrasiya Xidməti", max_length=10) == "dovlet"


# --- HTML allow-list --------------------------------------------------------------------------


def test_script_is_removed_with_its_content():
    assert sanitize_html("<p>Salam</p><script>alert(1)</script>") == "<p>Salam</p>"
    assert sanitize_html("<script>alert(1)</script>") == ""


def test_image_with_onerror_leaves_nothing_behind():
    cleaned = sanitize_html("<p>a<img src=x onerror=alert(1)>b</p>")

    assert "onerror" not in cleaned
    assert "<img" not in cleaned
    assert cleaned == "<p>ab</p>"
    assert sanitize_html("<img src=x onerror=alert(1)>") == ""


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x"],
)
def test_a_dangerous_link_loses_its_href(href):
    cleaned = sanitize_html(f'<a href="{href}">x</a>')

    assert "href" not in cleaned
    assert "alert" not in cleaned
    assert cleaned == '<a rel="noopener noreferrer">x</a>'


def test_event_handlers_are_removed():
    assert sanitize_html('<p onclick="alert(1)">Mətn</p>') == "<p>Mətn</p>"
    assert sanitize_html('<a href="https://example.org" onmouseover="x()">e</a>') == (
        '<a href="https://example.org" rel="noopener noreferrer">e</a>'
    )


@pytest.mark.parametrize(
    "href", ["https://example.org", "http://example.org/a?b=1", "mailto:info@migration.gov.az"]
)
def test_a_safe_link_is_kept_with_rel_noopener(href):
    cleaned = sanitize_html(f'<a href="{href}">link</a>')

    assert cleaned == f'<a href="{href}" rel="noopener noreferrer">link</a>'


@pytest.mark.parametrize(
    "html",
    [
        "<p>Mətn</p>",
        "<h2>Başlıq</h2>",
        "<h3>Alt başlıq</h3>",
        "<ul><li>bir</li><li>iki</li></ul>",
        '<ol start="3"><li>üç</li></ol>',
        "<p><strong>qalın</strong> və <em>kursiv</em></p>",
        "<blockquote><p>sitat</p></blockquote>",
        "<p>a<br>b</p>",
    ],
)
def test_allowed_markup_is_kept(html):
    assert sanitize_html(html) == html


def test_style_and_class_attributes_are_removed():
    cleaned = sanitize_html(
        '<p style="color:red" class="x">Mətn</p><h2 style="font-size:9em">B</h2>'
    )

    assert cleaned == "<p>Mətn</p><h2>B</h2>"


def test_tags_outside_the_list_are_dropped_but_their_text_kept():
    assert sanitize_html("<div><span>Mətn</span></div>") == "Mətn"
    assert sanitize_html("<iframe src='https://evil.example'></iframe><p>ok</p>") == "<p>ok</p>"


@pytest.mark.parametrize("html", ["<p></p>", "<p><br></p>", " <p> </p>\n<p></p> ", "", "   "])
def test_an_empty_editor_document_becomes_empty(html):
    assert sanitize_html(html) == ""


def test_none_becomes_empty():
    assert sanitize_html(None) == ""


def test_sanitising_twice_changes_nothing():
    html = '<p>Bax <a href="https://example.org">link</a> &amp; <strong>qalın</strong></p>'

    once = sanitize_html(html)

    assert sanitize_html(once) == once


# Elements a parser treats specially: raw text, plain text to their end tag, foreign content.
SPECIAL = [
    "textarea", "title", "iframe", "noscript", "noembed", "noframes", "xmp", "plaintext",
    "math", "svg", "select", "option", "optgroup", "table", "object",
]  # fmt: skip
# Elements whose content is never shown: code and templates.
HIDDEN = ["script", "style", "template"]
AFTER = '<p>After, <strong>in bold</strong> and <a href="https://migration.gov.az">a link</a>.</p>'
AFTER_CLEAN = (
    '<p>After, <strong>in bold</strong> and <a href="https://migration.gov.az" '
    'rel="noopener noreferrer">a link</a>.</p>'
)


def cases(name):
    """Return the ways ``name`` reaches a body: any case, with attributes, closed or not."""
    return [
        f"{opening}{{inner}}{closing}"
        for tag in (name, name.upper(), name[0].upper() + name[1:])
        for opening in (f"<{tag}>", f"<{tag} class=\"x\" data-note='1 > 0'>")
        for closing in ("", f"</{tag}>")
    ]


@pytest.mark.parametrize("name", SPECIAL)
def test_a_special_element_keeps_its_text_and_everything_after_it(name):
    for case in cases(name):
        html = "<p>Before.</p>" + case.format(inner="Inside " + AFTER) + "<p>End.</p>"

        cleaned = sanitize_html(html)

        assert cleaned.startswith("<p>Before.</p>"), case
        assert "Inside" in cleaned, case
        assert AFTER_CLEAN in cleaned, case
        assert cleaned.endswith("<p>End.</p>"), case
        assert "&lt;" not in cleaned, case
        assert sanitize_html(cleaned) == cleaned, case


@pytest.mark.parametrize("name", HIDDEN)
def test_code_goes_with_its_element_and_an_unclosed_one_swallows_nothing(name):
    for case in cases(name):
        html = "<p>Before.</p>" + case.format(inner="alert(1)") + AFTER

        cleaned = sanitize_html(html)

        assert cleaned.startswith("<p>Before.</p>"), case
        assert cleaned.endswith(AFTER_CLEAN), case
        assert "<" + name not in cleaned.lower(), case
        # Closed, it was code and goes; unclosed, it was never code and stays as text.
        closed = case.lower().endswith(f"</{name}>")
        assert ("alert(1)" in cleaned) is not closed, case
        assert sanitize_html(cleaned) == cleaned, case


@pytest.mark.parametrize(
    ("html", "cleaned"),
    [
        ("<p>a</p><!-- a note", "<p>a</p> a note"),
        ("<p>a</p><!-- a note --><p>b</p>", "<p>a</p><p>b</p>"),
        ("<p>a<!-->b</p>", "<p>ab</p>"),
        ("<!-- <script> --><p>b</p>", "<p>b</p>"),
        ("<math><mi>x</mi><mtext>y<p>after</p>", "xy<p>after</p>"),
        ("<svg><foreignObject>x<p>after</p>", "x<p>after</p>"),
        ("<svg><style>p {}</style><p>after</p>", "<p>after</p>"),
        ("<p>x<plaintext><p>after</p></plaintext>", "<p>x</p><p>after</p>"),
    ],
)
def test_comments_and_foreign_content_leave_the_text_around_them(html, cleaned):
    assert sanitize_html(html) == cleaned
    assert sanitize_html(cleaned) == cleaned


@pytest.mark.parametrize(
    "html",
    [
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</script>",
        "<textarea></textarea><script>alert(1)</script>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><style><img src=x onerror=alert(1)></style></mtext></math>",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    ],
)
def test_taking_special_tags_out_lets_no_script_through(html):
    cleaned = sanitize_html(html).lower()

    assert "<script" not in cleaned
    assert "<img" not in cleaned
    assert "onerror" not in cleaned.replace("onerror=alert(1)&gt;", "")


# --- Saving a release -------------------------------------------------------------------------

MALICIOUS = (
    "<p>Salam</p><script>alert('x')</script>"
    '<img src="x" onerror="alert(1)">'
    '<p onclick="alert(2)" style="color:red">Mətn</p>'
    '<a href="javascript:alert(3)">klik</a>'
)
SANITISED = '<p>Salam</p><p>Mətn</p><a rel="noopener noreferrer">klik</a>'


@pytest.mark.django_db
def test_saving_a_release_sanitises_every_language():
    article = ArticleFactory(body_az=MALICIOUS, body_en=MALICIOUS, body_ru=MALICIOUS)

    article.refresh_from_db()
    assert (article.body_az, article.body_en, article.body_ru) == (SANITISED,) * 3


@pytest.mark.django_db
def test_saving_a_release_keeps_the_text_after_an_unclosed_element():
    article = ArticleFactory(
        body_az="<p>Bir.</p><textarea><p>İki.</p>", body_en="<style><p>Two.</p>"
    )

    article.refresh_from_db()
    assert (article.body_az, article.body_en) == ("<p>Bir.</p><p>İki.</p>", "<p>Two.</p>")


@pytest.mark.django_db
def test_saving_a_release_with_an_empty_editor_body_stores_empty_text():
    article = ArticleFactory(body_az="<p></p>", body_en="<p><br></p>", body_ru="")

    article.refresh_from_db()
    assert (article.body_az or "", article.body_en or "", article.body_ru or "") == ("", "", "")


@pytest.mark.django_db
def test_an_empty_slug_is_made_from_each_language_title():
    article = ArticleFactory(
        title_az="Dövlət Miqrasiya Xidməti",
        title_en="State Migration Service",
        title_ru="Государственная миграционная служба",
        slug_az="",
        slug_en="",
        slug_ru="",
    )

    article.refresh_from_db()
    assert article.slug_az == "dovlet-miqrasiya-xidmeti"
    assert article.slug_en == "state-migration-service"
    assert article.slug_ru == "gosudarstvennaya-migratsionnaya-sluzhba"


@pytest.mark.django_db
def test_a_language_without_a_title_gets_no_slug():
    article = ArticleFactory(title_az="Şəki", without_russian=True)

    article.refresh_from_db()
    assert article.slug_az == "seki"
    assert (article.slug_ru or "") == ""


@pytest.mark.django_db
def test_an_explicit_slug_is_normalised():
    article = ArticleFactory(
        title_az="Başlıq",
        slug_az="Şəki Gəncə Ağdam",
        slug_en="Sheki  GANJA",
        slug_ru="Объявления 2020",
    )

    article.refresh_from_db()
    assert article.slug_az == "seki-gence-agdam"
    assert article.slug_en == "sheki-ganja"
    assert article.slug_ru == "obyavleniya-2020"


@pytest.mark.django_db
def test_an_explicit_slug_is_kept_when_the_title_changes():
    article = ArticleFactory(title_az="Köhnə", slug_az="xususi-unvan")

    article.title_az = "Tamamilə yeni başlıq"
    article.save()

    article.refresh_from_db()
    assert article.slug_az == "xususi-unvan"

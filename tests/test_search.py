"""The site search and the newsroom's: folding, matching, order, pages, excerpts, and the gate."""

import html
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from news.models import Article, Category, SearchDocument, SearchTerm
from news.search import results, vocabulary
from news.search.documents import document, plain_text
from news.search.excerpts import Matcher, excerpt, highlight
from news.search.folding import LETTERS, fold, words
from news.search.query import MAX_LENGTH, MAX_WORDS, SearchQuery
from news.search.vocabulary import look_up, variants
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


# Each letter a Latin keyboard lacks, both cases, and the letter typed instead.
TYPED_AS = {
    "ə": "e", "Ə": "e", "ı": "i", "I": "i", "İ": "i", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u",
    "ş": "s", "Ş": "s", "ç": "c", "Ç": "c", "ğ": "g", "Ğ": "g", "ё": "е", "Ё": "е",
}  # fmt: skip


def search(client, language="az", **params):
    with override(language):
        url = reverse("news:search")
    return client.get(url, params)


def result_titles(response):
    """Return the titles of the results on the page, as a visitor reads them."""
    found = re.findall(r'<h2 class="card__title"><a href="[^"]*">(.*?)</a></h2>', page(response))
    return [html.unescape(re.sub(r"</?mark>", "", title)) for title in found]


def page(response):
    return response.content.decode()


def release(when=None, **texts):
    """Return a published release whose texts are ``texts``, the others left empty."""
    fields = {
        f"{part}_{code}": "" for part in ("title", "summary", "body") for code in ("az", "en", "ru")
    }
    fields.update(
        {
            "title_az": "Xəbər",
            "summary_az": "Qısa məzmun.",
            "body_az": "<p>Mətn.</p>",
            **texts,
        }
    )
    return ArticleFactory(published_at=when or timezone.now() - timedelta(days=1), **fields)


# Folding


def test_every_letter_folds_to_the_letter_typed_for_it_and_keeps_its_place():
    assert set(TYPED_AS) == set(LETTERS)
    for letter, typed in TYPED_AS.items():
        assert fold(letter) == fold(typed.upper()) == typed, letter
        assert len(fold(f"a{letter}b")) == 3
    assert fold("İŞÇİ") == fold("ISCI") == fold("işçi") == "isci"
    assert fold("Dövlət Miqrasiya Xidməti") == "dovlet miqrasiya xidmeti"
    assert fold("Hüseynov") == "huseynov"
    assert fold("ЁЛКА и Ёж") == "елка и еж"
    assert fold("Release MEETING") == "release meeting"


def test_words_are_letters_and_digits_folded():
    assert words("BMT-nin 2024-cü il_üçün «İŞÇİ»!") == [
        "bmt",
        "nin",
        "2024",
        "cu",
        "il",
        "ucun",
        "isci",
    ]


def test_a_document_holds_the_folded_words_of_title_summary_and_plain_body():
    text = document("Dövlət Xidməti", "Qısa.", "<p>Birinci &amp; <b>ikinci</b></p><p>üç</p>")
    assert text == " dovlet xidmeti \n qisa \n birinci ikinci uc "
    assert document("", "", "") == ""
    assert plain_text("<p>a&nbsp;&lt;b&gt;</p><p>c</p>") == "a <b> c"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("dovlet miqrasiya xidmeti", "Dövlət Miqrasiya Xidməti"),
        ("huseynov", "Hüseynov"),
        ("ISCI", "İŞÇİ"),
        ("Dövlət Miqrasiya", "Dovlet Miqrasiya"),
        ("İşçi", "ISCI"),
        ("ŞƏKİ", "şəki"),
    ],
)
def test_a_query_finds_text_written_with_or_without_azerbaijani_letters(client, typed, written):
    release(title_az=f"{written} haqqında")
    release(title_az="Başqa xəbər")

    assert result_titles(search(client, q=typed)) == [f"{written} haqqında"]


def test_russian_is_case_insensitive_and_yo_is_ye(client):
    release(title_ru="Ёлка в Службе", summary_ru="Кратко.", body_ru="<p>Текст.</p>")

    for typed in ("ёлка", "ЕЛКА", "Елка"):
        assert result_titles(search(client, "ru", q=typed)) == ["Ёлка в Службе"]


def test_english_is_case_insensitive(client):
    release(title_en="Annual MEETING", summary_en="Short.", body_en="<p>Text.</p>")

    assert result_titles(search(client, "en", q="annual Meeting")) == ["Annual MEETING"]


def test_a_long_word_finds_the_longer_words_it_begins(client):
    release(title_az="Xidmətində yeni qayda")

    assert result_titles(search(client, q="xidmet")) == ["Xidmətində yeni qayda"]
    assert result_titles(search(client, q="ye")) == []  # too short to stand for "yeni"


@pytest.mark.parametrize("begun_per_word", [40, 1])
def test_the_words_a_prefix_begins_are_all_found(client, monkeypatch, begun_per_word):
    monkeypatch.setattr(vocabulary, "BEGUN_PER_WORD", begun_per_word)
    release(title_az="Xidmətin qaydası")
    release(title_az="Xidmətində qəbul")
    release(title_az="Xidmət")

    found = look_up(("xidmet",), "az", stems=False)

    assert found.beginnings == (
        {"xidmet": ("xidmet", "xidmetin", "xidmetinde")} if begun_per_word > 1 else {}
    )
    assert len(result_titles(search(client, q="xidmet"))) == 3


def test_every_word_must_be_found(client):
    release(title_az="Bakıda qəbul")
    release(title_az="Gəncədə qəbul")

    assert result_titles(search(client, q="qebul baki")) == ["Bakıda qəbul"]


# Order, filters, pages and counts


def test_title_matches_come_first_then_the_newest(client):
    now = timezone.now()
    old_title = release(title_az="Vətəndaşlıq haqqında", when=now - timedelta(days=300))
    release(summary_az="Vətəndaşlıq barədə qısa.", when=now - timedelta(days=2))
    release(body_az="<p>Vətəndaşlıq mətni.</p>", when=now - timedelta(days=1))
    new_title = release(title_az="Vətəndaşlıq: yeni qayda", when=now - timedelta(days=3))

    relevant = search(client, q="vetendasliq")
    newest = search(client, q="vetendasliq", sort="date")

    assert result_titles(relevant)[:2] == [new_title.title_az, old_title.title_az]
    assert result_titles(newest)[0] == "Xəbər"  # the body match of yesterday
    assert result_titles(newest)[-1] == old_title.title_az
    assert 'option value="date" selected' in page(newest)


def test_filters_by_section_and_year(client, news_category, announcements):
    now = timezone.localtime()
    release(title_az="Qeydiyyat qaydası", category=announcements)
    release(title_az="Qeydiyyat günü", when=now.replace(year=now.year - 2))

    by_section = search(client, q="qeydiyyat", category="announcements")
    by_year = search(client, q="qeydiyyat", year=str(now.year - 2))
    unknown = search(client, q="qeydiyyat", category="nonsense", year="20x4")

    assert result_titles(by_section) == ["Qeydiyyat qaydası"]
    assert result_titles(by_year) == ["Qeydiyyat günü"]
    assert f'<option value="{now.year - 2}" selected>' in page(by_year)
    assert sorted(result_titles(unknown)) == ["Qeydiyyat günü", "Qeydiyyat qaydası"]


def test_results_are_paged_and_pages_keep_the_query(client):
    now = timezone.now()
    for day in range(25):
        release(title_az=f"Miqrasiya xəbəri {day}", when=now - timedelta(days=day + 1))

    first = search(client, q="miqrasiya", sort="date")
    second = search(client, q="miqrasiya", sort="date", page="2")

    assert len(result_titles(first)) == 20
    assert result_titles(second) == [f"Miqrasiya xəbəri {day}" for day in range(20, 25)]
    assert "25 press-reliz uyğun gəlir." in page(first)
    assert 'href="?q=miqrasiya&amp;sort=date&amp;page=2"' in page(first)
    assert search(client, q="miqrasiya", page="3").status_code == 404
    assert search(client, q="miqrasiya", page="abc").status_code == 404
    assert search(client, q="miqrasiya", page="0").status_code == 404
    assert search(client, q="miqrasiya", page="9" * 5000).status_code == 404


def test_one_result_is_counted_in_the_singular(client):
    release(title_en="A unique release", summary_en="Short.", body_en="<p>Text.</p>")

    assert "1 release matches." in page(search(client, "en", q="unique"))


def test_past_the_count_limit_the_page_says_more_and_stays_in_order(client, monkeypatch):
    monkeypatch.setattr(results, "COUNT_LIMIT", 5)
    now = timezone.now()
    for day in range(8):
        release(body_az="<p>Ümumi söz.</p>", when=now - timedelta(days=day + 1))
    titled = release(title_az="Ümumi başlıq", when=now - timedelta(days=30))

    response = search(client, q="umumi")

    assert "5-dən çox press-reliz uyğun gəlir" in page(response)
    assert result_titles(response)[0] == titled.title_az
    assert len(result_titles(response)) == 5
    assert search(client, q="umumi", page="2").status_code == 404


def test_the_longest_way_through_a_search_stays_within_the_query_budget(client, monkeypatch):
    monkeypatch.setattr(results, "COUNT_LIMIT", 5)
    for day in range(8):
        release(body_az="<p>Ümumi söz.</p>", when=timezone.now() - timedelta(days=day + 1))
    release(title_az="Ümumi başlıq")

    # A typo corrected, more matches than are counted, title matches first, a second page.
    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="umumu", page="1")

    assert len(result_titles(response)) == 5
    assert len(queries) <= 5


# Typos and word forms


@pytest.mark.parametrize("typed", ["migrasiya", "miqrasyia", "miqrasya", "miqrasiyya"])
def test_one_typo_is_forgiven_and_the_page_says_what_was_searched(client, typed):
    release(title_az="Miqrasiya qaydaları")

    response = search(client, q=typed)

    assert result_titles(response) == ["Miqrasiya qaydaları"]
    assert f"“{typed}” əvəzinə “miqrasiya” üzrə nəticələr göstərilir." in page(response)


def test_a_known_word_is_not_corrected(client):
    release(title_az="Miqrasiya")
    release(title_az="Migrasiya")

    response = search(client, q="migrasiya")

    assert result_titles(response) == ["Migrasiya"]
    assert "əvəzinə" not in page(response)


def test_one_edit_variants_are_made_in_the_words_own_alphabet():
    found = variants("miqrasiya")
    assert found["migrasiya"] is not None
    assert "imqrasiya" in found  # two neighbours swapped
    assert "miqrasya" in found  # a letter left out
    assert "miqrasiyaa" in found  # a letter added
    assert not set("".join(found)) - set("abcdefghijklmnopqrstuvwxyz")
    assert "служба" in variants("слуюба")
    assert variants("2024") == {}
    assert variants("abc") == {}  # too short to guess


@pytest.mark.postgresql
def test_english_and_russian_word_forms_are_found(client):
    release(title_en="Meeting held", summary_en="Short.", body_en="<p>Text.</p>")
    release(title_ru="Миграционная служба", summary_ru="Кратко.", body_ru="<p>Текст.</p>")

    assert result_titles(search(client, "en", q="meetings")) == ["Meeting held"]
    assert result_titles(search(client, "ru", q="миграционной службы")) == ["Миграционная служба"]
    assert "instead" not in page(search(client, "en", q="meetings"))


# Excerpts and what is shown back


def test_the_words_found_are_marked_in_the_title_and_an_excerpt(client):
    release(
        title_az="Dövlət Miqrasiya Xidməti",
        body_az="<p>" + "Giriş sözü. " * 20 + "Xidmətin yeni qaydası.</p>",
    )

    shown = page(search(client, q="xidmet"))

    assert "Dövlət Miqrasiya <mark>Xidməti</mark>" in shown
    assert "<mark>Xidmətin</mark> yeni qaydası." in shown
    assert '<p class="card__summary">…' in shown  # cut before the match, to show it


def test_excerpt_and_title_are_escaped_whatever_the_text_holds():
    matches = Matcher(["script"])
    marked = highlight("<script>alert(1)</script> & co", matches)
    cut = excerpt("a <b>bold</b> script & more", matches)

    assert str(marked) == "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; &amp; co"
    assert "<b>" not in cut
    assert "&lt;b&gt;bold&lt;/b&gt; <mark>script</mark> &amp; more" in cut


def test_stemmed_words_are_marked_by_their_lexeme():
    matches = Matcher(["meetings"], lexemes=["meet"])
    assert str(highlight("Meeting and meetings", matches)) == (
        "<mark>Meeting</mark> and <mark>meetings</mark>"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   \t  ",
        "x" * 10_000,
        "!!! ... ??? —",
        "'; DROP TABLE news_article; --",
        "' OR 1=1 --",
        "<script>alert('q')</script>",
        '"><img src=x onerror=alert(1)>',
        "a:* & b | !c <-> (d)",
        "\u200b\u202e\ufeff",
    ],
)
def test_any_query_gets_a_friendly_page_and_nothing_of_it_unescaped(client, typed):
    release(title_az="Miqrasiya")

    response = search(client, q=typed)

    assert response.status_code == 200
    shown = page(response)
    assert "<script>alert" not in shown
    assert "<img src=x" not in shown
    assert "\u202e" not in shown
    assert 'name="robots" content="noindex"' in shown


def test_a_control_character_in_a_query_is_refused_before_the_search(client):
    # As in any address of the site (tests/test_guards.py): never a 500, nothing read.
    assert search(client, q="miq\x00rasiya\x1b[31m").status_code == 400


def test_invisible_characters_are_stripped_from_the_words(client):
    release(title_az="Miqrasiya xəbəri")

    response = search(client, q="miq\u200bra\u200bsiya\u202e")

    assert result_titles(response) == ["Miqrasiya xəbəri"]
    assert 'value="miqrasiya"' in page(response)


def test_a_long_query_is_cut_and_the_page_says_so(client):
    query = " ".join(["miqrasiya"] * (MAX_WORDS + 3))
    parsed = SearchQuery.parse(query)

    assert len(parsed.words) == MAX_WORDS
    assert parsed.truncated
    assert len(SearchQuery.parse("y" * 10_000).text) == MAX_LENGTH
    assert "too long" in page(search(client, "en", q=query))


def test_search_pages_are_not_indexed_and_are_public(client):
    for params in ({}, {"q": "miqrasiya"}):
        response = search(client, **params)
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex"
        assert response["Cache-Control"] == "public, max-age=60"
        assert '<meta name="robots" content="noindex">' in page(response)
        assert 'rel="alternate" hreflang' not in page(response)


LABELS = {
    "az": "Press-relizlərdə axtarış",
    "en": "Search the releases",
    "ru": "Поиск по пресс-релизам",
}


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_every_page_has_a_labelled_search_box_in_its_language(client, language):
    article = ArticleFactory()
    with override(language):
        pages = [reverse("news:home"), reverse("news:list"), reverse("terms")]
        search_url = reverse("news:search")
    pages.append(article.get_absolute_url(language))

    for url in pages:
        shown = page(client.get(url))
        assert (
            f'<form class="site-search" role="search" method="get" action="{search_url}">' in shown
        )
        assert (
            f'<label class="visually-hidden" for="site-search-q">{LABELS[language]}</label>'
            in shown
        )
        assert 'id="site-search-q" name="q"' in shown


def test_the_language_switcher_keeps_the_search(client):
    shown = page(search(client, q="miqrasiya", sort="date"))

    assert 'href="/en/search/?q=miqrasiya&amp;sort=date"' in shown
    assert 'href="/ru/search/?q=miqrasiya&amp;sort=date"' in shown


# Nothing hidden leaks


@pytest.fixture
def hidden_everywhere():
    """A release visitors may see, and one in every state they may not, all holding "Zümrüd"."""
    now = timezone.now()
    texts = {
        f"{part}_{code}": f"Zümrüd {part} {code}"
        for part in ("title", "summary", "body")
        for code in ("az", "en", "ru")
    }
    shown = ArticleFactory(**texts)
    held_back = ArticleFactory(**{**texts, "title_ru": "Zümrüd held back"})
    held_back.set_translation_ready("ru", False)
    hidden = {
        "draft": ArticleFactory(draft=True, **{**texts, "title_az": "Zümrüd draft"}),
        "submitted": ArticleFactory(submitted=True, **{**texts, "title_az": "Zümrüd submitted"}),
        "scheduled": ArticleFactory(
            published_at=now + timedelta(hours=1), **{**texts, "title_az": "Zümrüd scheduled"}
        ),
        "withdrawn": ArticleFactory(withdrawn=True, **{**texts, "title_az": "Zümrüd withdrawn"}),
        "trashed": ArticleFactory(in_trash=True, **{**texts, "title_az": "Zümrüd trashed"}),
        "no Russian": ArticleFactory(**{**texts, "title_ru": "", "summary_ru": "", "body_ru": ""}),
    }
    return shown, held_back, hidden


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_search_shows_only_what_the_public_gate_lets_through(client, hidden_everywhere, language):
    shown, held_back, hidden = hidden_everywhere
    expected = set(Article.objects.visible(language).values_list("pk", flat=True))

    response = search(client, language, q="zumrud")
    linked = set(map(int, re.findall(r'href="/\w\w/news/(\d+)/', page(response))))

    assert linked == expected
    assert shown.pk in linked
    assert (held_back.pk in linked) == (language != "ru")
    for name, article in hidden.items():
        if name == "no Russian" and language != "ru":
            continue
        assert article.pk not in linked, name
    for name in ("draft", "submitted", "scheduled", "withdrawn", "trashed"):
        assert f"Zümrüd {name}" not in page(response)


def test_a_typo_is_never_corrected_into_a_word_only_hidden_releases_hold(client):
    ArticleFactory(draft=True, title_az="Gizlisöz qaralamada")

    response = search(client, q="gizlisoy")

    assert result_titles(response) == []
    assert "gizlisoz" not in page(response)


# Keeping the index in step


def test_saving_a_release_rewrites_its_document(client):
    article = release(title_az="Köhnə başlıq")
    article.title_az = "Təzə başlıq"
    article.save()

    assert result_titles(search(client, q="teze")) == ["Təzə başlıq"]
    assert result_titles(search(client, q="kohne")) == []
    assert SearchDocument.objects.get(article=article).text_az.startswith(" teze basliq \n")


def test_generated_and_imported_releases_are_searchable(client, tmp_path):
    call_command("generate_releases", "30", verbosity=0)
    path = tmp_path / "archive.jsonl"
    path.write_text(
        '{"legacy_id": 9, "category": "news", "published_at": "2020-01-01T10:00:00+04:00", '
        '"status": "published", "title": {"az": "İdxal olunmuş Xəbər"}, '
        '"summary": {"az": "Qısa."}, "body": {"az": "<p>Mətn.</p>"}}\n'
    )
    call_command("import_articles", str(path), verbosity=0)

    assert SearchDocument.objects.count() == Article.objects.count() == 31
    assert result_titles(search(client, q="idxal")) == ["İdxal olunmuş Xəbər"]
    assert search(client, q="miqrasiya").status_code == 200
    assert SearchTerm.objects.filter(language="az", term="idxal").exists()


def test_rebuild_makes_every_document_and_word_again(client, capsys):
    release(title_az="Yenidən qurulan")
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()

    call_command("rebuild_search_index", dry_run=True)
    assert "would index 1 releases" in capsys.readouterr().out
    assert not SearchDocument.objects.exists()

    call_command("rebuild_search_index")
    assert "Indexed 1 releases" in capsys.readouterr().out
    assert result_titles(search(client, q="yeniden")) == ["Yenidən qurulan"]
    assert SearchTerm.objects.filter(language="az", term="qurulan").exists()


def test_rebuild_refuses_a_batch_size_below_one():
    with pytest.raises(CommandError, match="batch-size"):
        call_command("rebuild_search_index", batch_size=0)


def test_deleting_a_release_for_good_deletes_its_document():
    article = release()
    Article.objects.filter(pk=article.pk).delete()

    assert not SearchDocument.objects.exists()


# The newsroom's search


def staff_client(django_user_model, username, group=None, superuser=False):
    user = django_user_model.objects.create_user(
        username=username, password="not-used", is_staff=True, is_superuser=superuser
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


ROLES = {
    "author": "Authors",
    "publisher": "Publishers",
    "translator": "Translators: English",
    "superuser": None,
}


def listed(client, query):
    response = client.get(reverse("admin:news_article_changelist"), {"q": query})
    assert response.status_code == 200
    return sorted(str(article) for article in response.context["cl"].result_list)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_searches_the_releases_without_azerbaijani_letters(django_user_model, role):
    client = staff_client(django_user_model, role, ROLES[role], superuser=role == "superuser")
    ArticleFactory(title_az="Dövlət Miqrasiya Xidməti", legacy_id=8787)
    ArticleFactory(draft=True, title_az="Hüseynovun qaralaması", title_en="Huseynov draft")
    ArticleFactory(title_az="Başqa", title_ru="Полный выпуск", title_en="Full issue")

    assert listed(client, "dovlet xidm") == ["Dövlət Miqrasiya Xidməti"]
    assert listed(client, "HUSEYNOV") == ["Hüseynovun qaralaması"]
    assert listed(client, "полный") == ["Başqa"]
    assert listed(client, "8787") == ["Dövlət Miqrasiya Xidməti"]
    assert listed(client, "no such words") == []
    assert len(listed(client, "")) == 3


def test_the_newsroom_search_is_for_staff_only(client):
    response = client.get(reverse("admin:news_article_changelist"), {"q": "miqrasiya"})

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_the_newsroom_search_says_when_it_counts_only_up_to_its_limit(admin_client, monkeypatch):
    from news.admin import search as admin_search

    monkeypatch.setattr(admin_search, "COUNT_LIMIT", 3)
    for number in range(5):
        ArticleFactory(title_az=f"Ümumi {number}")

    response = admin_client.get(reverse("admin:news_article_changelist"), {"q": "umumi"})

    assert response.context["cl"].result_count == 3
    assert "Bu sözlər olan press-relizlər 3-dən çoxdur" in page(response)
    assert len(response.context["cl"].result_list) == 5  # every match is still listed


def test_categories_and_years_offered_come_from_the_site(client):
    release(title_az="Miqrasiya", when=timezone.now().replace(year=2011))

    shown = page(search(client, q="miqrasiya"))

    for category in Category.objects.all():
        assert f'<option value="{category.key}">' in shown
    assert '<option value="2011">2011</option>' in shown
    assert f'<option value="{timezone.localdate().year}">' in shown

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyadwatch.errors import NoArticleError
from tests.ingest.ingest_helpers import read_all, write

PARAGRAPHS = (
    "Japan and South Korea signed a cooperation pact on Tuesday in Seoul, officials said, "
    "marking a new stage in relations between the two neighbours after years of disputes.",
    "The agreement covers trade, security and cultural exchange, according to a statement "
    "released by both foreign ministries late in the evening.",
)
PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Japan and Korea sign pact | Example News</title>
<meta property="og:title" content="Japan and Korea sign pact">
<meta property="article:published_time" content="2025-06-18T09:00:00Z">
<link rel="canonical" href="https://news.example.org/japan-korea-pact"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Japan and Korea sign pact</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></article>
<footer>Copyright 2025 Example News</footer></body></html>
"""


def test_html_article_text_title_date(tmp_path: Path) -> None:
    path = write(tmp_path / "pact.HTML", PAGE)
    articles, errors = read_all([path])
    assert errors == []
    [article] = articles
    assert article.title == "Japan and Korea sign pact"
    assert article.text == "\n".join(PARAGRAPHS)  # the repeated headline is not in the text
    assert article.published == dt.date(2025, 6, 18)
    assert article.published_basis == "metadata"
    assert article.url == "https://news.example.org/japan-korea-pact"
    assert article.doc_id == "pact"
    assert "Home" not in article.text and "Copyright" not in article.text


def test_html_date_is_not_guessed_from_copyright(tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2025-06-18T09:00:00Z">', "")
    [article] = read_all([write(tmp_path / "nodate.htm", page)])[0]
    assert article.published is None
    assert article.published_basis is None


def test_html_declared_latin1_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Seoul", "S\u00e9oul")
    [article] = read_all([write(tmp_path / "latin.html", page.encode("latin-1"))])[0]
    assert "S\u00e9oul" in article.text


def test_html_without_article_gives_one_error(tmp_path: Path) -> None:
    empty = write(tmp_path / "a_empty.html", "<html><head><title>Index</title></head><body></body></html>")
    good = write(tmp_path / "b_good.html", PAGE)
    articles, errors = read_all([tmp_path])
    assert [a.doc_id for a in articles] == ["b_good"]
    assert len(errors) == 1 and isinstance(errors[0], NoArticleError)
    assert errors[0].path == str(empty) and good.exists()

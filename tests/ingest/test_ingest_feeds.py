from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyadwatch.errors import EmptyInputError, MalformedRecordError, NoArticleError
from dyadwatch.ingest.feeds import html_to_text
from tests.ingest.ingest_helpers import read_all, write

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title><link>https://news.example.org/</link>
<item><title>Pact signed</title><link>https://news.example.org/a</link><guid>urn:a</guid>
<pubDate>Wed, 18 Jun 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Japan and &lt;b&gt;South Korea&lt;/b&gt; signed a pact.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>
<item><title>No guid</title><link>https://news.example.org/b</link>
<description>Plain summary text.</description></item>
<item><title>Nothing</title><description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom example</title><id>urn:feed</id>
<updated>2025-06-19T00:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:entry:1</id><updated>2025-06-17T08:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Full content wins over the summary.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_entries(tmp_path: Path) -> None:
    path = write(tmp_path / "news.rss", RSS)
    articles, errors = read_all([path])
    assert [(a.doc_id, a.source_line, a.title) for a in articles] == [
        ("urn:a", 1, "Pact signed"),
        ("https://news.example.org/b", 2, "No guid"),
    ]
    first = articles[0]
    assert first.text == "Japan and South Korea signed a pact.\n\nSecond paragraph."
    assert first.published == dt.date(2025, 6, 18) and first.published_basis == "metadata"
    assert first.url == "https://news.example.org/a"
    assert articles[1].text == "Plain summary text." and articles[1].published is None
    assert [(type(e), e.line) for e in errors] == [(NoArticleError, 3)]


def test_atom_content_and_updated_date(tmp_path: Path) -> None:
    [article] = read_all([write(tmp_path / "feed.atom", ATOM)])[0]
    assert article.doc_id == "urn:entry:1"
    assert article.text == "Full content wins over the summary."
    assert article.published == dt.date(2025, 6, 17)


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    plain = write(tmp_path / "data.xml", '<?xml version="1.0"?><root><a>1</a></root>')
    broken = write(tmp_path / "broken.rss", "this is not xml at all")
    empty_feed = write(tmp_path / "empty.rss", '<rss version="2.0"><channel><title>t</title></channel></rss>')
    articles, errors = read_all([plain, broken, empty_feed])
    assert articles == []
    assert [type(e) for e in errors] == [MalformedRecordError, MalformedRecordError, EmptyInputError]
    assert [e.path for e in errors] == [str(plain), str(broken), str(empty_feed)]


def test_html_to_text_blocks_and_breaks() -> None:
    markup = "<div>Intro<p>One <i>two</i></p><script>x()</script>Line<br>break</div>"
    assert html_to_text(markup) == "Intro\n\nOne two\n\nLine\nbreak"
    assert html_to_text("no markup at all ") == "no markup at all"

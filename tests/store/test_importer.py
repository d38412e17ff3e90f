"""`reader import` on the raw seeds and on awkward files: junk out, everything else kept."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.ingest import ImportOptions, import_files, slugify, valid_id
from reader.store import check_story, load_story

SEEDS = sorted((Path(__file__).parents[1] / "fixtures" / "seeds").glob("*.txt"))
JUNK = [
    "Oops!",
    "Something went wrong.",
    "Please try again later.",
    "More from WWD",
    "Click here to read the full article.",
    "Most Read",
    "Similar post:",
    "Araya Doheny/Getty Images for Baby2Baby",
    "For more information",
    " date ",
]
_QUOTATION = re.compile(r"“[^“”]+”|\"[^\"\n]+\"")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "balenciaga"
    import_files(folder, SEEDS)
    return folder


def test_five_seeds_become_five_sources_named_by_stem(imported: Path) -> None:
    story = load_story(imported)
    assert [s.id for s in story.sources] == [p.stem for p in SEEDS]
    assert check_story(imported) == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_is_cleaned_and_otherwise_intact(imported: Path, seed: Path) -> None:
    source = load_story(imported).source(seed.stem)
    for junk in JUNK:
        assert junk not in source.text, junk
    assert "\n\n\n" not in source.text
    assert all(line == line.strip() for line in source.text.splitlines())
    raw = seed.read_text("utf-8")
    kept = source.text + "\n" + (source.title or "")
    for quotation in _QUOTATION.findall(raw):
        assert quotation in kept, quotation
    raw_words = [w for line in raw.splitlines() for w in line.split() if line.strip() not in JUNK]
    assert len(source.text.split()) >= 0.9 * len(raw_words)


@pytest.mark.parametrize(
    ("stem", "date", "title", "outlet"),
    [
        ("000", None, "Kim Kardashian ‘Reevaluating’ Relationship With Balenciaga", "WWD"),
        ("001", dt.date(2022, 11, 28), "Balenciaga Sues Production Company", "OK!"),
        ("002", None, "Kim Kardashian 'Re-Evaluating' Partnership With Balenciaga", None),
        ("003", None, "Kim Kardashian Condemns Balenciaga", None),
        ("004", dt.date(2022, 11, 28), None, None),
    ],
)
def test_seed_metadata_is_read(
    imported: Path, stem: str, date: dt.date | None, title: str | None, outlet: str | None
) -> None:
    source = next(s for s in load_story(imported).sources if s.id.startswith(stem))
    assert source.date == date
    assert source.outlet == outlet
    if title is None:
        assert source.title is None
    else:
        assert source.title is not None and source.title.startswith(title)


def test_content_that_looks_like_junk_stays(imported: Path) -> None:
    story = load_story(imported)
    assert "CBS News reported:" in story.source("002_fa2f828c7e6d5711").text
    text_004 = story.source("004_bd387176dcec0e57").text
    assert "\nBalenciaga Apologizes For Controversial Ad Involving Children\n" in text_004
    assert text_004.startswith("Balenciaga has been a big name in fashion for years")
    text_003 = story.source("003_89cd16c0579f4fbc").text
    assert text_003.count("Kim Kardashian Condemns Balenciaga") == 0
    assert text_003.rstrip().endswith("Balenciaga cut ties with him last month.")


def test_new_story_is_titled_by_its_folder_not_by_a_page(imported: Path) -> None:
    story = load_story(imported)
    assert story.title == "balenciaga"
    assert story.sources[0].title not in (None, story.title)


def test_new_story_title_is_the_users(tmp_path: Path) -> None:
    import_files(tmp_path / "s", SEEDS[:1], ImportOptions(story_title="The campaign row"))
    assert load_story(tmp_path / "s").title == "The campaign row"


@pytest.mark.parametrize("bad", ["../x", "a/b", "a\\b", "..", "x..y"])
def test_ids_with_path_parts_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ReaderError, match="refused"):
        import_files(tmp_path / "s", SEEDS[:1], ImportOptions(id=bad))
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("bad", ["Bad", "with space", "", "-lead", "é"])
def test_ids_must_be_slugs(bad: str) -> None:
    assert valid_id(bad) is not None


def test_stems_become_slugs() -> None:
    assert slugify("My Article (2)") == "my-article-2"
    assert slugify("000_43b94baa6551b378") == "000_43b94baa6551b378"
    assert valid_id(slugify("!!!")) is None


def test_id_option_names_the_source(tmp_path: Path) -> None:
    import_files(tmp_path / "s", SEEDS[:1], ImportOptions(id="wwd", outlet="Women's Wear Daily"))
    source = load_story(tmp_path / "s").source("wwd")
    assert source.outlet == "Women's Wear Daily"


def test_options_override_guesses(tmp_path: Path) -> None:
    options = ImportOptions(
        date=dt.date(2022, 11, 29), title="T", url="https://www.example.com/a", byline="B"
    )
    import_files(tmp_path / "s", SEEDS[1:2], options)
    source = load_story(tmp_path / "s").sources[0]
    assert (source.date, source.title, source.url, source.byline) == (
        dt.date(2022, 11, 29),
        "T",
        "https://www.example.com/a",
        "B",
    )
    assert source.outlet == "OK!"


def test_outlet_from_url_host_when_nothing_else(tmp_path: Path) -> None:
    import_files(tmp_path / "s", SEEDS[3:4], ImportOptions(url="https://www.example.com/x"))
    assert load_story(tmp_path / "s").sources[0].outlet == "example.com"


def test_existing_id_needs_replace(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    import_files(folder, SEEDS[:1])
    with pytest.raises(ReaderError, match="--replace"):
        import_files(folder, SEEDS[:1])
    import_files(folder, SEEDS[1:2], ImportOptions(id=SEEDS[0].stem, replace=True))
    story = load_story(folder)
    assert [s.id for s in story.sources] == [SEEDS[0].stem]
    assert story.sources[0].date == dt.date(2022, 11, 28)
    assert (folder / "sources" / f"{SEEDS[0].stem}.txt.bak").exists()


def test_two_files_with_one_id_are_refused(tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / SEEDS[0].name).write_bytes(SEEDS[1].read_bytes())
    with pytest.raises(ReaderError, match="both"):
        import_files(tmp_path / "s", [SEEDS[0], twin / SEEDS[0].name])


def test_import_appends_to_story_yaml_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    import_files(folder, SEEDS[:2])
    story_yaml = folder / "story.yaml"
    handwritten = (
        "# my notes on this story\n"
        "title: Hand title  # keep me\n"
        "sources:\n"
        f"  - {SEEDS[1].stem}   # first on purpose\n"
        f"  - {SEEDS[0].stem}\n"
        "\n"
        "# speakers come later\n"
        "speakers: []\n"
    )
    story_yaml.write_text(handwritten, "utf-8")
    import_files(folder, SEEDS[2:4])
    text = story_yaml.read_text("utf-8")
    expected_list = f"  - {SEEDS[0].stem}\n  - {SEEDS[2].stem}\n  - {SEEDS[3].stem}\n"
    assert text == handwritten.replace(f"  - {SEEDS[0].stem}\n", expected_list)
    assert [s.id for s in load_story(folder).sources] == [
        SEEDS[1].stem,
        SEEDS[0].stem,
        SEEDS[2].stem,
        SEEDS[3].stem,
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("title: T\nsources: []  # none yet\n", "title: T\nsources: [new]  # none yet\n"),
        ("title: T\nsources:\nsummary: S\n", "title: T\nsources: [new]\nsummary: S\n"),
        ("title: T\nsources: [old]\n", "title: T\nsources: [old, new]\n"),
        ("title: T\nsources:\n- old", "title: T\nsources:\n- old\n- new\n"),
        ("title: T\n", "title: T\n"),
    ],
)
def test_sources_list_shapes(tmp_path: Path, before: str, after: str) -> None:
    folder = tmp_path / "s"
    (folder / "sources").mkdir(parents=True)
    (folder / "story.yaml").write_text(before, "utf-8")
    article = tmp_path / "new.txt"
    article.write_text("A new article.\n", "utf-8")
    import_files(folder, [article])
    assert (folder / "story.yaml").read_text("utf-8") == after


def test_ids_yaml_would_misread_are_quoted(tmp_path: Path) -> None:
    article = tmp_path / "2022.txt"
    article.write_text("Text.\n", "utf-8")
    import_files(tmp_path / "s", [article])
    assert "- '2022'" in (tmp_path / "s" / "story.yaml").read_text("utf-8")
    assert load_story(tmp_path / "s").sources[0].id == "2022"


def test_binary_file_is_refused_and_story_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    import_files(folder, SEEDS[:1])
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    with pytest.raises(ReaderError, match="binary"):
        import_files(folder, [SEEDS[1], binary])
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_cp1252_is_read_with_a_warning(tmp_path: Path) -> None:
    article = tmp_path / "old.txt"
    article.write_bytes("Headline\n\nShe said \u201cna\u00efve\u201d things.\n".encode("cp1252"))
    [result] = import_files(tmp_path / "s", [article])
    assert result.warnings and "cp1252" in result.warnings[0]
    assert "\u201cna\u00efve\u201d" in load_story(tmp_path / "s").sources[0].text


def test_undecodable_file_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "bad.txt"
    article.write_bytes(b"text \x81\x8d\x90 more")
    with pytest.raises(ReaderError, match="UTF-8"):
        import_files(tmp_path / "s", [article])


def test_empty_article_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "empty.txt"
    article.write_text("Most Read\n\nOops!\n", "utf-8")
    with pytest.raises(ReaderError, match="no article text"):
        import_files(tmp_path / "s", [article])


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="cannot read"):
        import_files(tmp_path / "s", [tmp_path / "nope.txt"])
    assert not (tmp_path / "s").exists()


def test_html_page_becomes_paragraphs_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        """<!DOCTYPE html><html><head><title>Site | Headline</title>
        <meta property="og:site_name" content="The Daily">
        <meta property="article:published_time" content="2022-11-28T10:00:00Z">
        <meta name="author" content="Jo Reporter">
        <link rel="canonical" href="https://www.daily.example/story">
        <script>var junk = "<p>no</p>";</script><style>p {}</style></head>
        <body><nav><a href="/">Home</a> News</nav>
        <article><h1>Headline &amp; more</h1>
        <p>First   paragraph,\nwrapped.</p>
        <p>She said, &ldquo;It&rsquo;s fine.&rdquo;<br>Next line.</p>
        </article><footer>Copyright</footer></body></html>""",
        "utf-8",
    )
    import_files(tmp_path / "s", [page])
    source = load_story(tmp_path / "s").sources[0]
    assert source.text == "First paragraph, wrapped.\n\nShe said, “It’s fine.”\n\nNext line.\n"
    assert source.title == "Headline & more"
    assert source.outlet == "The Daily"
    assert source.date == dt.date(2022, 11, 28)
    assert source.url == "https://www.daily.example/story"
    assert source.byline == "Jo Reporter"


def test_control_characters_are_dropped(tmp_path: Path) -> None:
    article = tmp_path / "esc.txt"
    article.write_text("Title\n\nText \x1b[31mred\x1b[0m here.\n", "utf-8")
    import_files(tmp_path / "s", [article])
    assert load_story(tmp_path / "s").sources[0].text == "Text [31mred[0m here.\n"

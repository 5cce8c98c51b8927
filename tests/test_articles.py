"""The reader: formats, encodings, ids, paragraph kinds, failures that name the file."""
from __future__ import annotations

import json

import pytest

from analysis import articles


def kinds_by_start(article):
    return {p.text.split("\n")[0][:30]: p.kind for p in article.paragraphs}


def test_seed_paragraph_kinds_are_one_of_each(seed_article):
    kinds = [(p.kind, p.text) for p in seed_article.paragraphs]
    non_body = [(k, t.split("\n")[-1][:40]) for k, t in kinds if k != "body"]
    assert non_body == [
        ("headline", "Russia says it will “drastically reduce”"),
        ("caption", "Turkey’s Foreign Minister Mevlut Cavusog"),
        ("credit", "Cem Ozdel/Anadolu Agency/Getty"),
        ("related_link", "Congressman on how Putin’s war in Ukrain"),
        ("related_link", "Ukrainian Zelenskyy is ready to discuss "),
        ("boilerplate", "Leave a Reply"),
        ("boilerplate", "Your email address will not be published"),
    ]


def test_seed_keeps_every_paragraph_and_its_offsets(seed_article):
    text = seed_article.text
    assert len(seed_article.paragraphs) == 30
    for p in seed_article.paragraphs:
        assert text[p.start:p.end] == p.text and p.text.strip() == p.text


def test_seed_title_is_the_headline(seed_article):
    assert seed_article.title.startswith("Russia says it will")


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                          ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                          ("cp1252", b"")])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, bom):
    text = "Café owner said: “we’re open” — 15,000 visitors.\n\nSecond paragraph here."
    if encoding == "cp1252":
        text = text.replace("“", '"').replace("”", '"')
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert articles.read_one(path).text == text


def test_undecodable_file_is_a_failure_naming_the_file(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"abc \x81\x8d\x8f\x90\x9d def")  # bytes undefined in cp1252 and invalid UTF-8
    [failure] = list(articles.read(path))
    assert isinstance(failure, articles.Failure)
    assert str(path) in failure.error and "cannot decode" in failure.error and "\n" not in failure.error


def test_multi_file_run_records_the_failure_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Good article.\n\nBody text here.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x81\x8d\x8f")
    (tmp_path / "c.txt").write_text("Another one.\n\nMore text.", encoding="utf-8")
    items = list(articles.read(tmp_path))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]


def test_json_fields_and_metadata(tmp_path):
    record = {"id": "x1", "title": "T", "text": "Hello world.\n\nMore.", "url": "http://e.org/1",
              "published": "2022-03-29", "outlet": "Wire", "section": "world"}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    a = articles.read_one(path)
    assert (a.article_id, a.title, a.outlet, a.published, a.url) == ("x1", "T", "Wire", "2022-03-29", "http://e.org/1")
    assert a.metadata == {"section": "world"}


def test_jsonl_bad_line_fails_alone(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{not json\n{"id": "b", "text": "Two."}\n', encoding="utf-8")
    items = list(articles.read(path))
    assert [getattr(i, "article_id") for i in items] == ["a", "many-2", "b"]
    assert isinstance(items[1], articles.Failure) and f"{path}:2" in items[1].error


def test_same_named_files_in_subfolders_get_distinct_ids(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "same.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "y" / "same.txt").write_text("Second.", encoding="utf-8")
    assert [a.article_id for a in articles.read(tmp_path)] == ["x/same", "y/same"]


def test_duplicate_ids_are_reported_not_merged(tmp_path):
    (tmp_path / "same.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "same.md").write_text("Second.", encoding="utf-8")
    items = list(articles.read([tmp_path / "same.md", tmp_path / "same.txt"]))
    assert isinstance(items[0], articles.Article) and items[0].text == "Second."
    assert isinstance(items[1], articles.Failure) and "already used" in items[1].error
    assert items[1].article_id == "same#2"  # article_id stays unique in the articles table


def test_every_further_use_of_an_id_fails_under_its_own_id(tmp_path):
    records = [{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}, {"id": "a", "text": "Three."}]
    (tmp_path / "batch.json").write_text(json.dumps(records), encoding="utf-8")
    items = list(articles.read(tmp_path / "batch.json"))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure"]
    assert [i.article_id for i in items] == ["a", "a#2", "a#3"]


def test_html_main_text_is_extracted_without_navigation(tmp_path):
    body = " ".join(["The council approved the budget on Monday after a long debate."] * 6)
    page = f"""<html><head><title>Council approves budget</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Council approves budget</h1><p>{body}</p><p>The mayor said the vote was historic and thanked residents.</p></article>
    <footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    a = articles.read_one(path)
    assert "The mayor said the vote was historic" in a.text
    assert "Home" not in a.text.split("\n\n")[1]
    assert a.paragraphs[0].kind == "headline"


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(articles.ArticleError, match="no such file or folder"):
        list(articles.read(tmp_path / "nope"))


def test_cp1252_fallback_is_recorded(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 prices rose 5\u20ac.".encode("cp1252"))
    article = articles.read_one(path)
    assert (article.text, article.encoding) == ("Caf\u00e9 prices rose 5\u20ac.", "cp1252")


@pytest.mark.parametrize("text,kind", [
    ("Photo: Jane Doe/Reuters", "credit"),
    ("AP Photo/Evan Vucci", "credit"),
    ("Sign up for our daily newsletter", "boilerplate"),
    ("© 2022 Example Media. All rights reserved.", "boilerplate"),
    ("4. Eel ecologist", "subheading"),
    ("Typical salary: £60,000 to £90,000", "subheading"),
    ("Heavy fighting", "subheading"),
    ("Mayor on how the flood plan failed the riverside districts", "related_link"),
    ("“Over the past decade, the family have provided me with the platform to manage the club and", "body"),
])
def test_a_paragraph_between_body_paragraphs_gets_its_kind(text, kind):
    paras = ["Headline of the story here", "The first body paragraph says something. It has two sentences.", text,
             "Another body paragraph follows, as body paragraphs do."]
    assert articles.classify(paras)[2] == kind


def between_body(text: str, first: bool = False) -> str:
    """The kind of a line placed between body paragraphs, or (first) right after the headline."""
    body = ["The first body paragraph says something. It has two sentences.",
            "Another body paragraph follows, as body paragraphs do."]
    paras = ["Headline of the story here", *([] if first else body[:1]), text, body[1]]
    return articles.classify(paras)[1 if first else 2]


@pytest.mark.parametrize("text,kind", [
    ("Photo: Firefighters tackle the blaze in Leeds on 3 May", "caption"),
    ("Image caption: Two of the 40 flats were destroyed", "caption"),
    ("Image caption, Crowds gathered outside the court", "caption"),
    ("Pictured: The 12 miners who were rescued on Sunday", "caption"),
    ("Fans celebrate in Buenos Aires on Sunday. (AP Photo/Natacha Pisarenko)", "caption"),
    ("Troops near Bakhmut on 5 March (Photo by Jane Doe/Getty Images)", "caption"),
    ("Getty Images", "credit"),
    ("AFP via Getty Images", "credit"),
    ("REUTERS", "credit"),
    ("PA Media", "credit"),
    ("Credit: Jane Smith", "credit"),
    ("Photo: AFP", "credit"),
    ("Image source, Getty Images", "credit"),
    ("(Photo by Chip Somodevilla/Getty Images)", "credit"),
])
def test_captions_and_credits_are_recognised_by_their_labels_and_agencies(text, kind):
    assert between_body(text) == kind and between_body(text, first=True) == kind


@pytest.mark.parametrize("text", [
    "Reuters reported that 25 soldiers had been killed.",
    "Getty Images said it had removed the picture from its archive.",
    "EPA officials said the water was safe to drink.",
    "PA Media understands the talks will resume on Monday.",
    "Photographs of the scene showed the roof had collapsed.",
    "Credit card debt rose to a record £70bn last year.",
    "The ministry said 12 people were hurt, according to AFP.",
    "KYIV, Ukraine (AP) — Russian forces pounded the capital overnight, officials said.",
])
def test_body_sentences_that_name_an_agency_stay_body(text):
    assert between_body(text) == "body" and between_body(text, first=True) == "body"


@pytest.mark.parametrize("text,kind", [
    ("Image source, Getty Images\nImage caption, Firefighters worked through the night", "caption"),
    ("Image caption, Firefighters at work\nImage source, PA Media", "caption"),
    ("Image caption: Crowds in the square\nThe mayor said 12 people were hurt.", "body"),
    ("The mayor said 12 people were hurt.\nCrowds in the square. REUTERS/Jim Bourg", "body"),
])
def test_a_block_is_a_caption_only_when_every_line_is_caption_or_credit(text, kind):
    assert between_body(text) == kind


@pytest.mark.parametrize("text", ["CORRECTION APPENDED.", "Police at the scene. Jones/APPLE"])
def test_an_agency_acronym_inside_a_word_is_no_credit(text):
    assert between_body(text) not in ("credit", "caption")


def test_a_title_case_first_line_naming_an_agency_is_the_headline():
    assert articles.classify(["Getty Images Sold To Investment Group", "The deal was announced on Monday."])[0] == "headline"


@pytest.mark.parametrize("text,kind", [
    ("Related: Storm Ciara: what we know so far", "related_link"),
    ("RELATED: Police name victim of Tuesday's stabbing", "related_link"),
    ("Read more: Why are storms getting stronger?", "related_link"),
    ("See also: Council approves new flood defences", "related_link"),
    ("Also read: Why the pound fell against the dollar", "related_link"),
    ("More on this story", "boilerplate"),
    ("RELATED:", "boilerplate"),
    ("Read more", "boilerplate"),
    ("Related Topics", "boilerplate"),
])
def test_a_label_before_another_story_s_headline_makes_a_related_link(text, kind):
    assert between_body(text) == kind


def test_a_labelled_first_line_is_the_headline():
    assert articles.classify(["Watch: The moment the bridge collapsed in Baltimore",
                              "The bridge fell at 01:30 local time."])[0] == "headline"


def test_a_body_sentence_starting_read_more_stays_body():
    assert between_body("Read more about the council's plans on its website, the mayor said.") == "body"


@pytest.mark.parametrize("text", [
    "Follow BBC Wales on Facebook and Instagram", "Share on Facebook", "Follow us on Twitter",
    "Copyright 2022 The Associated Press. All rights reserved.", "Copyright © 2023 Example News",
    "(c) Reuters 2022", "Advertisement", "Share this article", "Comments", "Most read", "Subscribe",
    "Click here to subscribe to our daily briefing", "Sign up for our newsletter",
])
def test_page_furniture_is_boilerplate(text):
    assert between_body(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "Follow @newsdesk for updates.", "(Subscribe to our politics podcast on iTunes.)",
    "For more, sign up for the Morning Briefing newsletter.", "Watch the full video of the speech below:",
])
def test_social_podcast_and_video_prompts_are_boilerplate(text):
    assert between_body(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "Copyright infringement claims rose 20% last year.",
    "(c) The council must publish its accounts by 1 June.",
    "Fans follow her on Instagram, where she posts daily.",
    "Watch the skies tonight, forecasters said.",
    "More than 2,000 readers sign up for the newsletter each week, the firm said, and 40% stay a year.",
])
def test_body_sentences_near_furniture_words_stay_body(text):
    assert between_body(text) == "body"


def test_markdown_title_drops_the_heading_marker(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# Council approves budget\n\nThe council approved the budget on Monday.", encoding="utf-8")
    assert articles.read_one(path).title == "Council approves budget"


def test_html_title_is_not_repeated_as_body(tmp_path):
    body = " ".join(["Heavy rain flooded the coast road on Sunday, officials said."] * 5)
    page = (f"<html><head><title>Storm hits coast</title></head><body><article><h1>Storm hits coast</h1>"
            f"<p>{body}</p><p>Residents were told to stay indoors until the evening.</p></article></body></html>")
    path = tmp_path / "storm.html"
    path.write_text(page, encoding="utf-8")
    a = articles.read_one(path)
    assert [p.text for p in a.paragraphs].count("Storm hits coast") == 1


def test_invalid_json_names_file_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"id": "a", "text": "unterminated', encoding="utf-8")
    [failure] = list(articles.read(path))
    assert "bad.json: invalid JSON (Unterminated string" in failure.error and "line 1, column" in failure.error


# A hand-labelled check of paragraph kinds on web-news furniture and ordinary body lines, written
# for this test (not taken from any corpus). "mid" puts the line between two body paragraphs;
# "top" puts it right after the headline, before any body paragraph, where pictures often sit.
LABELLED_KINDS = [
    # captions: a label, or a description followed by its credit
    ("mid", "Photo: Waves crash over the sea wall in Porthcawl on Sunday", "caption"),
    ("mid", "Image caption: Fallen trees blocked several roads in the county", "caption"),
    ("mid", "Pictured: Residents clear debris from a street in the town centre", "caption"),
    ("mid", "Image: Protesters gather outside parliament on Tuesday evening", "caption"),
    ("mid", "Caption: The new bridge is expected to open in 2025", "caption"),
    ("mid", "Image caption, Firefighters worked through the night to contain the blaze", "caption"),
    ("mid", "Media caption, Watch: The moment the bridge collapsed", "caption"),
    ("mid", "Police at the scene on Friday morning. Photo: Reuters", "caption"),
    ("mid", "Rescue workers search the rubble in Antakya on 7 February (Photo by Burak Kara/Getty Images)", "caption"),
    ("mid", "Demonstrators march through central Paris on Thursday. (AP Photo/Lewis Joly)", "caption"),
    ("mid", "A man walks past a destroyed building in Irpin, Ukraine, April 2, 2022. REUTERS/Zohra Bensemra", "caption"),
    ("mid", "Photo: Rescuers pull a survivor from the rubble in Hatay, where 3,000 people died", "caption"),
    ("top", "Image caption: Smoke rises over the port after the strike", "caption"),
    ("top", "Pictured: The 12 miners who were rescued on Sunday", "caption"),
    # credits: agency names and credit labels in short lines
    ("mid", "Getty Images", "credit"),
    ("mid", "AFP via Getty Images", "credit"),
    ("mid", "AP Photo/Evan Vucci", "credit"),
    ("mid", "Reuters/Lisi Niesner", "credit"),
    ("mid", "REUTERS", "credit"),
    ("mid", "EPA", "credit"),
    ("mid", "PA Media", "credit"),
    ("mid", "Shutterstock", "credit"),
    ("mid", "Credit: Jane Smith", "credit"),
    ("mid", "Photo credit: John Doe", "credit"),
    ("mid", "Photo: AFP", "credit"),
    ("mid", "(Photo by Chip Somodevilla/Getty Images)", "credit"),
    ("mid", "Photo by Win McNamee/Getty Images", "credit"),
    ("mid", "EPA-EFE/Oleg Petrasyuk", "credit"),
    ("mid", "Image source, Getty Images", "credit"),
    ("mid", "Image copyright Getty Images", "credit"),
    ("mid", "Photograph: Dan Kitwood/Getty Images", "credit"),
    ("mid", "Pictures: Getty Images", "credit"),
    ("top", "Getty Images", "credit"),
    ("top", "AFP", "credit"),
    ("top", "Photo: AP", "credit"),
    # links to other stories, and the bare labels of link lists
    ("mid", "Related: Storm Ciara: what we know so far", "related_link"),
    ("mid", "Read more: Why are storms getting stronger?", "related_link"),
    ("mid", "See also: Council approves new flood defences", "related_link"),
    ("mid", "RELATED: Police name victim of Tuesday's stabbing", "related_link"),
    ("mid", "READ MORE: Ukraine war latest", "related_link"),
    ("mid", "Also read: Why the pound fell against the dollar", "related_link"),
    ("mid", "Mayor on how the flood plan failed the riverside districts", "related_link"),
    ("mid", "More on this story", "boilerplate"),
    ("mid", "RELATED:", "boilerplate"),
    ("mid", "Read more", "boilerplate"),
    ("mid", "Related Topics", "boilerplate"),
    # page furniture
    ("mid", "Advertisement", "boilerplate"),
    ("mid", "ADVERTISEMENT", "boilerplate"),
    ("mid", "Share this article", "boilerplate"),
    ("mid", "Sign up for our newsletter", "boilerplate"),
    ("mid", "Follow us on Twitter", "boilerplate"),
    ("mid", "Follow BBC Wales on Facebook and Instagram", "boilerplate"),
    ("mid", "Copyright 2022 The Associated Press. All rights reserved.", "boilerplate"),
    ("mid", "All rights reserved", "boilerplate"),
    ("mid", "Click here to subscribe to our daily briefing", "boilerplate"),
    ("mid", "Comments", "boilerplate"),
    ("mid", "Most read", "boilerplate"),
    ("mid", "Subscribe", "boilerplate"),
    ("mid", "Subscribe now for unlimited access", "boilerplate"),
    ("mid", "This article was originally published by The Conversation.", "boilerplate"),
    ("top", "Share this article", "boilerplate"),
    ("top", "Advertisement", "boilerplate"),
    # section titles
    ("mid", "Heavy fighting", "subheading"),
    ("mid", "The economy: a mixed picture", "subheading"),
    ("mid", "4. Eel ecologist", "subheading"),
    ("mid", "Timeline of the conflict", "subheading"),
    # body lines, many of them starting with or naming the words the rules above look for
    ("top", "KYIV, Ukraine (AP) — Russian forces pounded the capital overnight, officials said.", "body"),
    ("top", "WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed a bill to fund the government.", "body"),
    ("top", "LONDON, March 3 (Reuters) - British house prices rose 0.5% in February, a survey showed.", "body"),
    ("mid", "KYIV, Ukraine (AP) — Ukrainian officials said 14 civilians were killed in the shelling.", "body"),
    ("mid", "Reuters reported that the talks had stalled.", "body"),
    ("mid", "Reuters could not independently verify the reports.", "body"),
    ("mid", "He told Reuters: “We will not give up.”", "body"),
    ("mid", "Getty Images said it had removed the picture from its archive.", "body"),
    ("mid", "The picture agency Getty Images said it would appeal.", "body"),
    ("mid", "An AFP reporter saw at least 12 bodies in the street.", "body"),
    ("mid", "AFP news agency said the blast was heard across the city.", "body"),
    ("mid", "EPA officials said the water was safe to drink.", "body"),
    ("mid", "PA Media understands the talks will resume on Monday.", "body"),
    ("mid", "AP reporters counted 20 bodies near the station.", "body"),
    ("mid", "The photo, taken by an AP photographer, shows the damaged bridge.", "body"),
    ("mid", "Photographs of the scene showed the roof had collapsed.", "body"),
    ("mid", "Images released by the army showed tanks crossing the river.", "body"),
    ("mid", "Credit card debt rose to a record £70bn last year.", "body"),
    ("mid", "Subscribers to the service will pay £5 a month from June.", "body"),
    ("mid", "Comments made by the minister on Tuesday angered opposition MPs.", "body"),
    ("mid", "Share prices in London fell 2% on Monday.", "body"),
    ("mid", "Related charges were brought against two other men.", "body"),
    ("mid", "Advertisements for the product were banned in 2019.", "body"),
    ("mid", "Sign language interpreters stood beside the minister.", "body"),
    ("mid", "Follow-up inspections found 12 more faults.", "body"),
    ("mid", "He denies the charges.", "body"),
    ("mid", "Read more about the council's plans on its website, the mayor said.", "body"),
    ("mid", "Pictured with his family in 2019, Mr Jones had worked at the mine for 30 years.", "body"),
    ("mid", "Image rights are a growing worry for photographers, the report found.", "body"),
    # a second set, written after the first fixes and labelled before running them
    ("mid", "Photo: A child receives a vaccine at a clinic in Lagos", "caption"),
    ("mid", "Picture: Flood water covers the A59 near York", "caption"),
    ("mid", "Image caption: The singer, 64, performed for two hours", "caption"),
    ("mid", "Pictured: Former president Donald Trump at a rally in Ohio", "caption"),
    ("mid", "Workers clear snow in Chicago on Monday. Photo: Scott Olson/Getty Images", "caption"),
    ("mid", "Firefighters at the scene of the blaze (Photo: PA)", "caption"),
    ("mid", "Ukrainian soldiers fire a howitzer near Bakhmut. REUTERS/Marko Djurica", "caption"),
    ("mid", "Shoppers on Oxford Street on Boxing Day. (Photo by Leon Neal/Getty Images)", "caption"),
    ("top", "Photo: Rescue teams search the collapsed building in Izmir", "caption"),
    ("mid", "AP", "credit"),
    ("mid", "Photograph: Alamy", "credit"),
    ("mid", "Image credit: NASA", "credit"),
    ("mid", "Reuters", "credit"),
    ("mid", "Anadolu Agency via Getty Images", "credit"),
    ("mid", "SOPA Images/LightRocket via Getty Images", "credit"),
    ("mid", "Photo by Sean Gallup/Getty Images", "credit"),
    ("mid", "Getty", "credit"),
    ("top", "Reuters", "credit"),
    ("mid", "Related: Five things we learned from the budget", "related_link"),
    ("mid", "Read more: The families who lost everything in the fire", "related_link"),
    ("mid", "READ MORE: Inflation falls to 4% as food prices ease", "related_link"),
    ("mid", "See also: How the cost of living crisis hit students", "related_link"),
    ("mid", "Related stories", "boilerplate"),
    ("mid", "Most popular", "boilerplate"),
    ("mid", "Share on Facebook", "boilerplate"),
    ("mid", "Follow us on Facebook", "boilerplate"),
    ("mid", "Sign up to our daily newsletter", "boilerplate"),
    ("mid", "© Copyright 2023 Reach plc", "boilerplate"),
    ("mid", "Click here for the latest updates", "boilerplate"),
    ("mid", "Advertisement", "boilerplate"),
    ("mid", "Reuters said the ship was carrying 40,000 tonnes of grain.", "body"),
    ("mid", "According to AFP, at least 30 people died.", "body"),
    ("mid", "Pictures posted online showed smoke rising above the city.", "body"),
    ("mid", "Images of the attack were shared widely on social media.", "body"),
    ("mid", "The Associated Press counted 16 dead.", "body"),
    ("mid", "Getty Images photographer Spencer Platt won the award in 2007.", "body"),
    ("mid", "Related costs rose by 12% in the year to March.", "body"),
    ("mid", "Shares in the firm fell 7% in early trading.", "body"),
    ("top", "BEIRUT (AP) — An explosion rocked the port on Tuesday, killing at least 78 people.", "body"),
    ("top", "PARIS (Reuters) - French unemployment fell to 7.1% in the third quarter.", "body"),
    ("mid", "MOSCOW, Oct 5 (Reuters) - Russia said on Wednesday it had shot down 12 drones.", "body"),
    ("mid", "Photo opportunities were limited, the organisers said.", "body"),
    # a third set: staff credits, correction notes and transcript/export furniture, labelled before the fix
    ("mid", "(Reporting by Tom Balmforth in Kyiv; Editing by Gareth Jones)", "credit"),
    ("mid", "Reporting by Olena Harmash in Kyiv; Writing by Timothy Heritage; Editing by Alex Richardson", "credit"),
    ("mid", "(Additional reporting by Jana Choukeir in Dubai.)", "credit"),
    ("mid", "Associated Press writer Sam Mednick in Dakar, Senegal, contributed to this report.", "credit"),
    ("mid", "Maria Ortiz and Dan Wells contributed reporting.", "credit"),
    ("mid", "Jane Roe contributed to this story.", "credit"),
    ("top", "By Lyse Doucet, BBC News, Kyiv", "credit"),
    ("top", "By JOHN SMITH Associated Press", "credit"),
    ("mid", "Correction: An earlier version of this article misstated the number of people evacuated.", "boilerplate"),
    ("mid", "CORRECTION APPENDED.", "boilerplate"),
    ("mid", "This article has been updated to include a statement from the ministry.", "boilerplate"),
    ("mid", "An earlier version of this story gave the wrong date for the vote.", "boilerplate"),
    ("mid", "(BEGIN VIDEO CLIP)", "boilerplate"),
    ("mid", "(END VIDEO CLIP.)", "boilerplate"),
    ("top", "ABSTRACT.", "boilerplate"),
    ("mid", "FULL TEXT.", "boilerplate"),
    ("mid", '<tweet tweet-id="783499116076687360"><tweet/>.', "boilerplate"),
    ("mid", "Reporting by the newspaper showed the contract had been signed in 2019.", "body"),
    ("mid", "Editing by hand took the archivists three years, she said.", "body"),
    ("mid", "Donors in Ohio contributed $2 million to the campaign.", "body"),
    ("mid", "Mr. Rastin also contributed $300,000 to an independent group.", "body"),
    ("mid", "By Wednesday afternoon, the death toll had risen to 40.", "body"),
    ("mid", "By contrast, Germany sent 14 tanks.", "body"),
    ("mid", "By 2015, the market was in a deep slide.", "body"),
    ("mid", "Correction officers said the inmate had escaped through a vent.", "body"),
    ("mid", "The article has drawn criticism from both parties.", "body"),
    ("mid", "An earlier version of the bill was rejected by the Senate in May.", "body"),
    ("mid", "The abstract painting sold for $2 million.", "body"),
    ("mid", "The article of the treaty was amended in 1997 to allow new members.", "body"),
    ("mid", "This report has been updated every year since 2010, the agency said.", "body"),
]


def labelled_kind(position: str, text: str) -> str:
    """The kind the classifier gives a labelled line in its place in a small article."""
    body = ["The first body paragraph says something. It has two sentences.",
            "Another body paragraph follows, as body paragraphs do."]
    paras = ["Headline of the story here", *(body[:1] if position == "mid" else []), text, *body[1:]]
    return articles.classify(paras)[2 if position == "mid" else 1]


def labelled_accuracy() -> float:
    return sum(labelled_kind(pos, text) == kind for pos, text, kind in LABELLED_KINDS) / len(LABELLED_KINDS)


def test_hand_labelled_kinds_of_news_furniture_and_body_lines():
    wrong = [(kind, labelled_kind(pos, text), text) for pos, text, kind in LABELLED_KINDS
             if labelled_kind(pos, text) != kind]
    assert not wrong, f"accuracy {labelled_accuracy():.3f}: {wrong}"


def test_a_text_with_one_paragraph_per_line_and_no_blank_lines_gets_a_paragraph_per_line():
    text = ("Flood kills 12 in northern town\n"
            "At least 12 people were killed when the river burst its banks on Sunday, officials said.\n"
            "Rescue teams were searching for survivors late into the night.\n"
            "The mayor said the town had not seen such a flood in fifty years.")
    kinds = [p.kind for p in articles.make_article("x", text).paragraphs]
    assert kinds == ["headline", "body", "body", "body"]


def test_prose_hard_wrapped_without_blank_lines_stays_one_paragraph():
    text = ("At least 12 people were killed when the river burst its banks on Sunday,\n"
            "officials said, and rescue teams were searching for survivors late into\n"
            "the night as the water kept rising in the lower part of the old town.")
    assert len(articles.make_article("x", text).paragraphs) == 1


def test_json_records_that_fail_keep_their_own_id_and_say_what_is_wrong(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a1", "text": "Rain fell. The office said so."}\n'
                    '{"id": "a2", "text": ["Rain fell.", "The office said so."]}\n'
                    '{"id": "a3", "text": \n', encoding="utf-8")
    got = list(articles.read(feed))
    assert [(type(x).__name__, x.article_id) for x in got] == [("Article", "a1"), ("Failure", "a2"), ("Failure", "feed-3")]
    assert got[1].error == f"{feed}:2: 'text' is list, expected a string of article text"


def test_an_html_page_with_only_navigation_is_a_failure_not_an_article(tmp_path):
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                    "<main><p>Home World</p></main></body></html>", encoding="utf-8")
    (item,) = articles.read(page)
    assert isinstance(item, articles.Failure)
    assert item.error.startswith(f"{page}: no main text found in the HTML")


def test_a_failed_record_and_an_article_never_share_an_id(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": ""}\n{"id": "a", "text": "Real article text here."}\n', encoding="utf-8")
    ids = [item.article_id for item in articles.read(feed)]
    assert ids == ["a", "a#2"]


def test_wrapped_prose_under_a_title_line_without_blank_lines_is_not_cut_at_line_ends():
    text = ("Storm hits coast\nThe storm brought down power lines across the whole region on Monday\n"
            "night, and officials said repairs could take more than a week to\ncomplete.")
    paragraphs = articles.make_article("x", text).paragraphs
    assert not any(p.text.startswith("night") for p in paragraphs)


def test_a_body_sentence_opening_with_copyright_and_a_name_stays_body():
    kinds = articles.classify(["Ministers meet on copyright",
                               "Copyright Office officials said on Monday that the new rules would apply to all songs.",
                               "Copyright Guardian News & Media Limited"])
    assert kinds == ["headline", "body", "boilerplate"]


@pytest.mark.parametrize("text, kind", [
    ("(Reporting by Nidal al-Mughrabi in Cairo and Maayan Lubell in Jerusalem; Writing by Andrew Mills; "
     "Editing by Frances Kerry)", "credit"),
    ("Associated Press writer Illia Novikov in Kyiv contributed to this report.", "credit"),
    ("Lerer reported from Los Angeles. Associated Press writer Jill Colvin contributed from Albuquerque.", "credit"),
    ("By Paul Adams, BBC News, Gaziantep", "credit"),
])
def test_wire_sign_offs_contributor_lines_and_bylines_are_credits(text, kind):
    # a sign-off without a final full stop is title-like: it used to become a related_link
    assert articles.classify(["Headline of the story here", "Body text says something. More follows.",
                              text, "Another body paragraph follows, as they do."])[2] == kind


@pytest.mark.parametrize("text", [
    "Correction 8 February: An earlier version of this article said the earthquake struck at 01:17 local time.",
    "This article was amended on 6 June 2024. An earlier version gave the wrong state for Wad al-Noura.",
    "This story has been corrected to show that the strike occurred Tuesday, not Monday.",
    "CORRECTION:",
    "(BEGIN VIDEO CLIP.)",
    '<tweet tweet-id="661196115484643328"><tweet/>.',
])
def test_correction_notes_and_transcript_furniture_are_boilerplate(text):
    kinds = articles.classify(["Headline of the story here", "Body text says something. More follows.", text])
    assert kinds[2] == "boilerplate"


def test_an_html_page_without_a_declared_date_gets_no_date_from_years_in_its_text(tmp_path):
    body = " ".join(["The council said the new bridge would be finished by the end of 2026."] * 3)
    page = tmp_path / "bridge.html"
    page.write_text(f"<html><head><title>Bridge plan</title></head><body><article><h1>Bridge plan</h1>"
                    f"<p>{body}</p><p>{body}</p></article></body></html>", encoding="utf-8")
    (item,) = articles.read(page)
    assert item.published is None
    dated = tmp_path / "dated.html"
    dated.write_text(page.read_text(encoding="utf-8").replace(
        "<head>", '<head><meta property="article:published_time" content="2024-03-14T10:00:00Z">'), encoding="utf-8")
    (item,) = articles.read(dated)
    assert item.published == "2024-03-14"


def test_a_corpus_folders_readme_licence_and_source_files_are_named_not_read_as_articles(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sport").mkdir(parents=True)
    (corpus / "sport" / "001.txt").write_text("Win\n\nThe team won 2-1 on Saturday.\n", encoding="utf-8")
    (corpus / "README.TXT").write_text("Consists of 2225 documents from the BBC news website.\n", encoding="utf-8")
    (corpus / "LICENSE.txt").write_text("All rights, including copyright, belong to the BBC.\n", encoding="utf-8")
    (corpus / "SOURCE.txt").write_text("Downloaded from the authors' page in 2006.\n", encoding="utf-8")
    assert [a.article_id for a in articles.read(corpus)] == ["sport/001"]
    assert [f.name for f in articles.unsupported([corpus])] == ["LICENSE.txt", "README.TXT", "SOURCE.txt"]


def test_a_readme_given_on_its_own_is_still_read_and_an_article_about_sources_is_kept(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("Notes\n\nThese notes were written by hand in 2024.\n", encoding="utf-8")
    assert [a.article_id for a in articles.read(readme)] == ["README"]
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "sources-of-funding.txt").write_text("Funds\n\nThe fund grew.\n", encoding="utf-8")
    assert [a.article_id for a in articles.read(tmp_path / "news")] == ["sources-of-funding"]


def test_markdown_emphasis_and_links_do_not_hide_what_a_paragraph_is():
    kinds = articles.classify([
        "# Three killed in crash",
        "Three people were killed in a crash on Monday, police said.",
        "![Police at the scene of the crash](https://example.com/a.jpg)",
        "_Reporting by John Smith; Editing by Jane Roe_",
        "[Read more: Motorway closed after crash](https://example.com/b)",
        "*Follow us on Twitter*",
        "---",
        "![](https://example.com/pixel.gif)",
    ])
    assert kinds == ["headline", "body", "caption", "credit", "related_link", "boilerplate", "boilerplate",
                     "boilerplate"]


def test_markdown_marks_stay_in_the_text_and_leave_the_title():
    text = "# **Three killed** in crash\n\n*Three people were killed* on Monday, police said.\n"
    article = articles.make_article("md", text)
    assert article.title == "Three killed in crash"
    assert [p.text for p in article.paragraphs] == ["# **Three killed** in crash",
                                                     "*Three people were killed* on Monday, police said."]
    assert all(text[p.start:p.end] == p.text for p in article.paragraphs)


def test_html_references_do_not_hide_a_quote_paragraph_or_a_credit():
    kinds = articles.classify(["Head line of the story", "Body text says something here. More follows.",
                               "&#8220;We are not leaving.&#8221;", "Smith &amp; Jones/PA"])
    assert kinds == ["headline", "body", "body", "credit"]


def test_article_files_named_like_licences_are_still_articles():
    from pathlib import Path

    assert articles.is_corpus_document(Path("LICENSE-MIT.txt"))
    assert not articles.is_corpus_document(Path("licence-fee-to-rise.txt"))
    assert not articles.is_corpus_document(Path("copying-charges-dropped.md"))


# --- live-blog timestamps ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "14:32 GMT", "Updated 09:15 BST", "Posted at 10:05", "Posted at 10:0510:05", "2 hours ago", "1h ago",
    "Last updated: 27 November 2026", "Friday 27 November 2026 14:32 GMT", "12:01 p.m. ET, March 3, 2022",
    "Updated at 14:02 GMT, Monday", "2023-03-04T09:15:00Z",
])
def test_a_timestamp_line_is_boilerplate_not_content(text):
    assert between_body(text) == "boilerplate" and between_body(text, first=True) == "boilerplate"


@pytest.mark.parametrize("text", [
    "Five killed", "Police said 14 people were hurt at 10:05.", "By 2015, the plant had closed.",
    "Friday", "2:45pm: The minister said 40 homes were lost.",
])
def test_lines_with_times_or_numbers_that_say_something_are_not_timestamps(text):
    assert between_body(text) != "boilerplate"


def test_a_timestamp_heading_a_block_is_a_paragraph_of_its_own():
    text = "Storm hits coast\n\n14:32 GMT\nPolice said three people were hurt.\n\nThe river burst its banks."
    paras = articles.paragraphs(text)
    assert [(p.text, p.kind) for p in paras] == [
        ("Storm hits coast", "headline"), ("14:32 GMT", "boilerplate"),
        ("Police said three people were hurt.", "body"), ("The river burst its banks.", "body")]
    assert all(text[p.start:p.end] == p.text for p in paras)

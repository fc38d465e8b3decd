"""The words the drafting tool recognizes: categories (words/category_words.yaml) and
countries (pycountry's names and words/countries.yaml: names, adjectives, capitals)."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
import yaml

LEXICON_DIR = Path(__file__).parent / "words"
# Words written two ways match both ways.
_SPELLINGS = {"armoured": "armou?red", "armored": "armou?red", "refuelling": "refuell?ing"}


@dataclass(frozen=True)
class Mention:
    """A word or name at text[start:end] and what it stands for (a slug or a code)."""

    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Phrases:
    """A set of phrases compiled into one pattern, the longest tried first."""

    pattern: re.Pattern[str]
    keys: dict[str, str]  # folded phrase -> key

    @classmethod
    def of(cls, phrases: dict[str, str], flags: int = 0, plural: bool = False) -> "Phrases":
        ordered = sorted(phrases, key=len, reverse=True)
        suffix = "(?:e?s)?" if plural else "(?:’s|'s)?"
        body = "|".join(_phrase_pattern(phrase) for phrase in ordered)
        pattern = re.compile(rf"(?<!\w)(?:{body}){suffix}(?!\w)", flags)
        keys = {_fold(phrase): key for phrase, key in phrases.items()}
        return cls(pattern, keys)

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        for match in self.pattern.finditer(text):
            key = self.key_of(match[0])
            if key is not None:
                found.append(Mention(match.start(), match.end(), key))
        return found

    def key_of(self, matched: str) -> str | None:
        folded = _fold(matched)
        for candidate in (folded, re.sub(r"(?:’s|'s)$", "", folded), folded.rstrip("s")):
            if candidate in self.keys:
                return self.keys[candidate]
        if folded.endswith("es") and folded[:-2] in self.keys:
            return self.keys[folded[:-2]]
        return None


def _phrase_pattern(phrase: str) -> str:
    words = [_SPELLINGS.get(word.lower(), re.escape(word)) for word in re.split(r"[\s-]+", phrase)]
    return r"[\s-]+".join(words)


def _fold(phrase: str) -> str:
    folded = re.sub(r"[\s-]+", " ", phrase.lower()).strip()
    return folded.replace("armoured", "armored").replace("refuelling", "refueling")


@dataclass(frozen=True)
class CategoryLexicon:
    words: Phrases  # running text
    acronyms: Phrases  # MBT, MLRS: case matters
    labels: Phrases  # the label of a table-like row
    not_categories: Phrases  # "think tanks"


@cache
def categories() -> CategoryLexicon:
    document = yaml.safe_load((LEXICON_DIR / "category_words.yaml").read_text(encoding="utf-8"))
    words: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    labels: dict[str, str] = {}
    for slug, entry in document["categories"].items():
        for word in entry.get("words", []):
            (acronyms if word.isupper() else words)[word] = slug
            labels[word] = slug
        for word in entry.get("labels", []):
            labels[word] = slug
    others = {phrase: "" for phrase in document.get("not_categories", [])}
    return CategoryLexicon(
        Phrases.of(words, re.IGNORECASE, plural=True),
        Phrases.of(acronyms, plural=True),
        Phrases.of(labels, re.IGNORECASE, plural=True),
        Phrases.of(others, re.IGNORECASE, plural=True),
    )


def category_words() -> dict[str, list[str]]:
    """Each category slug the lexicon maps words onto, with its words and labels."""
    document = yaml.safe_load((LEXICON_DIR / "category_words.yaml").read_text(encoding="utf-8"))
    return {
        slug: [*entry.get("words", []), *entry.get("labels", [])]
        for slug, entry in document["categories"].items()
    }


def find_categories(text: str) -> list[Mention]:
    lexicon = categories()
    found = lexicon.words.find(text) + lexicon.acronyms.find(text)
    others = [(m.start, m.end) for m in lexicon.not_categories.find(text)]
    kept = [
        m for m in found if not any(s <= m.start < e or m.start <= s < m.end for s, e in others)
    ]
    return _without_overlaps(kept)


def _without_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """The longest of overlapping mentions, in text order."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


@dataclass(frozen=True)
class CountryLexicon:
    names: Phrases
    adjectives: Phrases
    capitals: Phrases


def _short_names() -> dict[str, str]:
    """pycountry's names, and their part before a comma where only one country has it
    ("Bolivia" of "Bolivia, Plurinational State of"; not "Korea")."""
    names: dict[str, str] = {}
    bases: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if not name:
                continue
            if "," in name:
                bases.setdefault(name.split(",")[0], set()).add(country.alpha_2)
            else:
                names[name] = country.alpha_2
    for base, codes in bases.items():
        if len(codes) == 1:
            names.setdefault(base, next(iter(codes)))
    return names


@cache
def countries() -> CountryLexicon:
    document = yaml.safe_load((LEXICON_DIR / "countries.yaml").read_text(encoding="utf-8"))
    names = _short_names()
    adjectives: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, entry in document["countries"].items():
        for name in entry.get("names", []):
            names[name] = code
        for adjective in entry.get("adjectives", []):
            adjectives[adjective] = code
        for capital in entry.get("capitals", []):
            capitals[capital] = code
    return CountryLexicon(Phrases.of(names), Phrases.of(adjectives), Phrases.of(capitals))


def official_name(code: str) -> str:
    """ "Kingdom of Saudi Arabia": what the country calls itself, else its name."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "official_name", None) or country.name)


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@dataclass(frozen=True)
class CountryMention(Mention):
    """`is_origin`: the country made the thing ("Russian-made"), it does not hold it."""

    is_adjective: bool = False
    is_origin: bool = False


# "US dollars", "US$6.3 billion" name a currency, not a country.
_CURRENCY_WORD = re.compile(r"\s+dollars?\b|\$")
# A capital stands for its government only as an actor: not as a place ("in Astana"), a
# part of a name ("Kabul Berdiyev") or of a compound ("Tashkent-based").
_CAPITAL_AS_PLACE = re.compile(r"\b(?:in|at|to|from|near|outside|of|into|via)\s+$")
_CAPITAL_IN_NAME = re.compile(r"(?:’s|'s)?(?:\s+[A-Z]|-)")
_ORIGIN = re.compile(r"[-\s](?:made|built|produced|designed|manufactured|supplied)\b")


def find_countries(text: str) -> list[CountryMention]:
    lexicon = countries()
    found: list[CountryMention] = []
    capitals = [
        mention
        for mention in lexicon.capitals.find(text)
        if not _CAPITAL_AS_PLACE.search(text, 0, mention.start)
        and not _CAPITAL_IN_NAME.match(text, mention.end)
    ]
    mentions = lexicon.names.find(text) + lexicon.adjectives.find(text) + capitals
    for mention in _without_overlaps(mentions):
        words = text[mention.start : mention.end]
        is_adjective = lexicon.adjectives.key_of(words) is not None
        is_adjective = is_adjective and lexicon.names.key_of(words) is None
        is_origin = bool(_ORIGIN.match(text, mention.end))
        if _CURRENCY_WORD.match(text, mention.end):
            continue
        found.append(
            CountryMention(mention.start, mention.end, mention.key, is_adjective, is_origin)
        )
    return found

"""A film title's matching key: the form in which two spellings of one title are equal.

``title_key("The Lovers & the Despot")`` == ``title_key("Lovers and the Despot, The")``
== ``"lovers and the despot"``. The key folds case and diacritics (NFKD, and the
letters that do not decompose: ø, æ, œ, ł, đ, ð, þ), drops apostrophes inside
words ("Rodman’s" → "rodmans"), reads "&" as "and", turns every other run of
punctuation into one space, and drops one leading article (English, French,
German, Spanish, Italian, Portuguese, Dutch), or a trailing ", The" as old
indexes print it. The same key is computed for list entries, search results,
films and the imported IMDb datasets, so matching is one indexed equality.
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ‘`´](?=\w)")
_ELISION = re.compile(r"^l['’ʼ]\s*")  # L'Avventura, l’Atalante: the article of the next word
_NOT_WORD = re.compile(r"[\W_]+")
_ARTICLES = frozenset(
    {
        *("the", "a", "an"),  # English
        *("le", "la", "les", "un", "une"),  # French (l' is elided above)
        *("der", "die", "das", "ein", "eine"),  # German
        *("el", "los", "las", "una"),  # Spanish
        *("il", "lo", "gli", "uno"),  # Italian
        *("o", "os", "um", "uma"),  # Portuguese
        *("de", "het", "een"),  # Dutch
    }
)
_TRAILING_ARTICLE = re.compile(r",\s*(the|a|an|le|la|les|der|die|das|el|il)\s*$", re.IGNORECASE)


def title_key(title: str | None) -> str:
    """The matching key of a title; "" for a title with no letters or digits."""
    if not title:
        return ""
    text = _TRAILING_ARTICLE.sub("", title.strip())
    text = text.casefold()
    if not text.isascii():  # most titles are: they skip the decomposition
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = "".join(char for char in text if not unicodedata.combining(char))
    text = _ELISION.sub("", text)
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    words = _NOT_WORD.sub(" ", text).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)

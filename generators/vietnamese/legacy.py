"""Text pasted from documents typed in the old TCVN3 (ABC) or VNI fonts.

Before Unicode, Vietnamese documents were typed in 8-bit fonts (.VnTime for TCVN3, VNI-Times
for VNI) that draw Vietnamese letters in place of Latin-1 symbols. Copied out of such a document
into a UTF-8 file, the text stays valid UTF-8 but reads "Hµ Néi", "Thñ tôc hµnh chÝnh" (TCVN3)
or "Haø Noäi", "Thuû tuïc haønh chính" (VNI) instead of "Hà Nội", "Thủ tục hành chính".

The test is per word, so that a lone legitimate symbol ("© 2024", "210 × 297 mm", «…») never
trips it: a word made only of Latin-1 characters that is *not* a Vietnamese syllable, but
becomes one when read back through the TCVN3 or the VNI table, is a legacy word ("Hµ" → "Hà",
"Noäi" → "Nội"). Genuine Unicode words ("và", "tôi") are syllables already and are never
decoded. Text is flagged from `THRESHOLD` legacy words on, so one odd foreign word does not.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

THRESHOLD = 2
SAMPLE_CHARS = 40

# TCVN3 (ABC): the Latin-1 character each Vietnamese letter is typed as, letter by letter.
_UNICODE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3_CODES = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
_TCVN3_CAPITALS = set("¡¢§£¤¥¦")
TCVN3 = dict(zip(_TCVN3_CODES, _UNICODE, strict=True))

# VNI: a base letter followed by a Latin-1 character carrying its marks ("aø" is "à"), plus a
# few letters typed as one character ("ô" is "ơ", "ñ" is "đ").
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_HAT, _BREVE = "\u0302", "\u0306"
VNI_TONES = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
VNI_HAT = {"â": "", "à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}  # after a e o
VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}  # after a
VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VOWELS = set("aeiouyơư")

# A Vietnamese syllable: initial consonant, then a rhyme; at most one tone mark, and a syllable
# ending in c, ch, p or t takes only the sắc or nặng tone.
_INITIAL = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_CLOSED = "(?:uyê|iê|yê|uô|ươ|oa|oă|oe|oo|uâ|uê|uy|[aăâeêioôơuưy])(?:ch|ng|nh|[cmnpt])"
_OPEN = (
    "(?:uôi|ươi|ươu|iêu|yêu|oai|oay|oao|oeo|uây|uyu|uya|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|"
    "ôi|ơi|ua|uê|ui|uy|uơ|ưa|ưi|ưu|[aeêioôơuưy])"
)
_SYLLABLE = re.compile(f"{_INITIAL}(?:{_CLOSED}|{_OPEN})")
# Spelling rules of the initials: ngh/gh/k before i e ê (k also y), c/g/ng elsewhere, q as qu.
_MISSPELT = re.compile(r"^(?:ngh|gh)[^ieê]|^k(?!h)[^ieêy]|^c[ieêy]|^ng[ieê]|^q(?!u)")
_TONES = {_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT}

# Words: runs of anything but spaces, ASCII punctuation and digits (so "c«ng" stays one word).
_WORD = re.compile(r"[^\s!-@\[-`{-~]+")
_LATIN1 = re.compile(r"[\x00-\xff]+")


def is_syllable(word: str, *, any_case: bool = False) -> bool:
    """Whether `word` is spelled as a Vietnamese syllable: "người", "Hà", "QUỐC" (not "chÝnh",
    unless `any_case`: a word read back from TCVN3 capitals mixes cases, "TáC")."""
    cased = word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())
    if not (cased or any_case):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if not _SYLLABLE.fullmatch(base) or _MISSPELT.match(base):
        return False
    if base.endswith(("c", "ch", "p", "t")):
        return bool(tones) and tones[0] in (_ACUTE, _DOT)
    return True


def _from_tcvn3_word(match: re.Match[str]) -> str:
    word = match.group()
    reading = "".join(TCVN3.get(ch, ch) for ch in word)
    # Words in capitals were typed in TCVN3's capital fonts (.VnTimeH) with the small letters'
    # codes: "CHØ" is "CHỈ". (A capitalised "Hµ" is just "Hà".)
    letters = [ch for ch in word if (ch.isascii() and ch.isalpha()) or ch in _TCVN3_CAPITALS]
    return reading.upper() if len(letters) > 1 and all(
        ch.isupper() or ch in _TCVN3_CAPITALS for ch in letters) else reading


def from_tcvn3(text: str) -> str:
    return _WORD.sub(_from_tcvn3_word, text)


def from_vni(word: str) -> str:
    out: list[str] = []
    for ch in word:
        low = ch.lower()
        previous = unicodedata.normalize("NFD", out[-1]) if out else ""
        base, marks = previous[:1].lower(), previous[1:]
        toned = any(m in _TONES for m in marks)
        if base in _VOWELS and not toned and low in VNI_TONES:
            out[-1] = unicodedata.normalize("NFC", previous + VNI_TONES[low])
        elif base in ("a", "e", "o") and not marks and low in VNI_HAT:
            out[-1] = unicodedata.normalize("NFC", previous + _HAT + VNI_HAT[low])
        elif base == "a" and not marks and low in VNI_BREVE:
            out[-1] = unicodedata.normalize("NFC", previous + _BREVE + VNI_BREVE[low])
        elif low in VNI_LETTERS:
            letter = VNI_LETTERS[low]
            out.append(letter if ch == low else letter.upper())
        else:
            out.append(ch)
    return "".join(out)


DECODERS = {"TCVN3": from_tcvn3, "VNI": from_vni}


@functools.lru_cache(maxsize=8192)  # the same few thousand words come back in every file
def legacy_readings(word: str) -> dict[str, str]:
    """How `word` reads in each legacy encoding that makes it a syllable; {} for a real word."""
    if word.isascii() or not _LATIN1.fullmatch(word) or not any(ch.isalpha() for ch in word):
        return {}
    if is_syllable(word):
        return {}
    if word.startswith("µ") and len(word) <= 3 and word[1:].isascii():
        return {}  # a micro unit: µm, µg, µs
    readings = {name: decode(word) for name, decode in DECODERS.items()}
    return {name: read for name, read in readings.items()
            if read != word and is_syllable(read, any_case=True)}


@dataclass(frozen=True)
class LegacyText:
    """Where legacy-font text starts: its line (1-based), a sample, and how it should read."""

    line: int
    sample: str
    encoding: str
    reading: str


def find_legacy_encoding(text: str) -> LegacyText | None:
    """The first line of `text` with TCVN3 or VNI words, once `THRESHOLD` such words are found."""
    if text.isascii() or not any(legacy_readings(w) for w in set(_WORD.findall(text))):
        return None  # the usual case, seen at once: no word of the text reads as legacy
    found: list[tuple[int, re.Match[str], dict[str, str]]] = []
    lines = text.split("\n")  # numbered as editors' tools and our YAML errors number them
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        for match in _WORD.finditer(line):
            readings = legacy_readings(match.group())
            if readings:
                found.append((number, match, readings))
        if len(found) >= THRESHOLD:
            break
    if len(found) < THRESHOLD:
        return None
    votes = {name: sum(name in readings for _, _, readings in found) for name in DECODERS}
    encoding = max(DECODERS, key=lambda name: votes[name])
    number, first, _ = found[0]
    line = lines[number - 1]
    sample = line[first.start(): first.start() + SAMPLE_CHARS]
    if first.start() + SAMPLE_CHARS < len(line) and " " in sample:
        sample = sample.rsplit(" ", 1)[0]
    sample = sample.rstrip()

    # In legacy text every word is typed in the legacy font, even one that happens to look like
    # Unicode ("xaõ" is VNI for "xã") or is no syllable ("N§-CP" is "NĐ-CP").
    return LegacyText(number, sample, encoding, DECODERS[encoding](sample))


LEGACY_ADVICE = (
    "dán từ văn bản dùng phông TCVN3 (ABC) hoặc VNI; hãy chuyển mã sang Unicode dựng sẵn, ví dụ "
    "bằng chức năng chuyển mã của Unikey, rồi dán lại"
)


def legacy_message(found: LegacyText) -> str:
    """The editor's message: what the text looks like it should say, and what to do."""
    return (f"chữ bị lỗi phông («{found.sample}», có lẽ là «{found.reading}»): văn bản được "
            f"{LEGACY_ADVICE}")

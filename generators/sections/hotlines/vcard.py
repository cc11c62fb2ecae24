"""vCard 3.0 (RFC 2426) contact cards, so a citizen can save a hotline to the phone's contacts.

Version 3.0 rather than 4.0 because it is the one every phone's contacts app imports. Lines end
in CRLF and are folded at 75 octets without splitting a UTF-8 character; text values escape
backslash, comma, semicolon and newline.
"""

from __future__ import annotations

from .model import HotlineUnit

_MAX_OCTETS = 75


def escape_value(text: str) -> str:
    # A bare CR is a line break to many contacts apps: it would start a property of its own.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (
        text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
    )


def fold(line: str) -> list[str]:
    """Split a content line into physical lines of at most 75 octets (continuations start with
    a space, which counts)."""
    lines: list[str] = []
    current, size, limit = "", 0, _MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            lines.append(current)
            current, size, limit = "", 0, _MAX_OCTETS - 1
        current += char
        size += width
    lines.append(current)
    return [lines[0], *(" " + rest for rest in lines[1:])]


def render_vcard(unit: HotlineUnit, agency: str, page_url: str) -> bytes:
    """The card of one hotline unit of `agency`; `page_url` is the hotline page's address."""
    name = escape_value(unit.name)
    # The agency's own units belong to it; a national hotline or 113 is its own organisation.
    org = f"{escape_value(agency)};{name}" if unit.category == "co-quan" else name
    note = unit.purpose + (f"\nThời gian tiếp nhận: {unit.hours}" if unit.hours else "")
    content = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//cchc-portal//Duong day nong//VI",
        f"N:{name};;;;",
        f"FN:{name}",
        f"ORG:{org}",
        "X-ABShowAs:COMPANY",
    ]
    for phone in unit.phones:
        kind = "CELL" if phone.parsed.kind == "mobile" else "VOICE"
        content.append(f"TEL;TYPE=WORK,{kind}:{phone.parsed.international}")
    content += [f"EMAIL;TYPE=INTERNET,WORK:{email}" for email in unit.emails]
    if unit.address:
        content.append(f"ADR;TYPE=WORK:;;{escape_value(unit.address)};;;;Việt Nam")
    content.append(f"NOTE:{escape_value(note)}")
    content.append(f"URL:{unit.website or page_url}")
    content.append("END:VCARD")
    physical = [part for line in content for part in fold(line)]
    return ("\r\n".join(physical) + "\r\n").encode("utf-8")

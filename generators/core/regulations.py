"""The regulations the portal's rules rest on, in one place.

Editors' messages and the JSON Schema descriptions cite them ("menu thiếu mục bắt buộc theo
Thông tư 32/2017/TT-BTTTT (Điều 16)"). Regulations are replaced: when one is, an agency edits the
citation here, and every message, description and page that cites the rule follows. A test
(tests/test_regulations.py) keeps regulation numbers out of every other string of the code.

Each constant names what the rule is about, not the regulation, so a replacement keeps the name.
"""

from __future__ import annotations

# What an agency's web portal must publish (menu items, site map): Điều 16.
PORTAL_CONTENT = "Thông tư 32/2017/TT-BTTTT"
PORTAL_CONTENT_ARTICLE = "Điều 16"
# Online public services (toàn trình, một phần) and the English information portals must carry.
ONLINE_SERVICES = "Nghị định 42/2022/NĐ-CP"
# Types, numbering and layout of administrative documents (Điều 7, Phụ lục III).
DOCUMENT_FORMAT = "Nghị định 30/2020/NĐ-CP"
# The national database of administrative procedures.
PROCEDURE_DATABASE = "Nghị định 63/2010/NĐ-CP"

ALL: dict[str, str] = {
    "PORTAL_CONTENT": PORTAL_CONTENT,
    "ONLINE_SERVICES": ONLINE_SERVICES,
    "DOCUMENT_FORMAT": DOCUMENT_FORMAT,
    "PROCEDURE_DATABASE": PROCEDURE_DATABASE,
}

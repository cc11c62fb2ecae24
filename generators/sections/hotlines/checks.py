"""Checks across the hotline units that a single field cannot see."""

from __future__ import annotations

from ...core.errors import FieldPath
from .model import HotlineDirectory

Problem = tuple[FieldPath, str]


def check_directory(directory: HotlineDirectory) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, unit in enumerate(directory.units):
        if not unit.phones and not unit.emails and not unit.address:
            problems.append(
                (("units", index, "phones"),
                 "đơn vị cần ít nhất một số điện thoại, email hoặc địa chỉ để người dân liên hệ")
            )
        if unit.slug in seen:
            problems.append(
                (("units", index, "name"),
                 f"tên đơn vị trùng với mục {seen[unit.slug] + 1}; mỗi đơn vị có tệp danh bạ "
                 f"riêng ({unit.slug}.vcf) nên tên phải khác nhau")
            )
        seen.setdefault(unit.slug, index)
        numbers: set[str] = set()
        for p_index, phone in enumerate(unit.phones):
            if phone.parsed.national in numbers:
                problems.append(
                    (("units", index, "phones", p_index, "number"),
                     f"số {phone.number} đã có ở trên trong cùng đơn vị")
                )
            numbers.add(phone.parsed.national)
    if directory.units and not directory.featured():
        problems.append(
            (("units",),
             "cần ít nhất một số có «featured: true» để hiện trong hộp đường dây nóng ở mọi trang")
        )
    return problems

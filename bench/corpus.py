"""A synthetic Vietnamese news corpus, the same for every tool that builds it.

Deterministic (seeded), shaped like the demo articles: front matter with a date, a category
and tags, about 350 words of administrative-reform prose in a few paragraphs and a list.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

CATEGORIES = [
    ("cai-cach-thu-tuc-hanh-chinh", "Cải cách thủ tục hành chính"),
    ("chinh-quyen-so", "Chính quyền điện tử, chính quyền số"),
    ("hoat-dong", "Hoạt động"),
    ("cai-cach-che-do-cong-vu", "Cải cách chế độ công vụ"),
    ("thong-bao", "Thông báo"),
]
TAGS = ["PAR INDEX", "SIPAS", "PCI", "dịch vụ công trực tuyến", "một cửa", "chuyển đổi số",
        "thanh toán không tiền mặt", "giấy phép lái xe"]
SUBJECTS = ["Sở Giao thông vận tải", "Văn phòng Sở", "Tổ hỗ trợ nộp hồ sơ trực tuyến",
            "Bộ phận một cửa", "Thanh tra Sở", "Trung tâm Phục vụ hành chính công tỉnh",
            "các phòng, đơn vị thuộc Sở", "cán bộ, công chức, viên chức"]
VERBS = ["triển khai", "hướng dẫn", "tổ chức", "rà soát", "đẩy mạnh", "tuyên truyền",
         "kiểm tra", "tiếp nhận", "giải quyết", "công khai", "số hóa", "đánh giá"]
OBJECTS = ["hồ sơ cấp đổi giấy phép lái xe", "dịch vụ công trực tuyến toàn trình",
           "thanh toán phí, lệ phí không dùng tiền mặt", "phản ánh, kiến nghị của người dân",
           "kết quả giải quyết thủ tục hành chính", "Chỉ số cải cách hành chính năm 2024",
           "quy trình nội bộ giải quyết thủ tục", "ứng dụng chữ ký số trong văn bản điện tử",
           "dịch vụ bưu chính công ích", "bộ thủ tục hành chính thuộc thẩm quyền của Sở"]
PLACES = ["Đông Hà", "thị xã Quảng Trị", "Vĩnh Linh", "Gio Linh", "Hải Lăng", "Triệu Phong",
          "Cam Lộ", "Hướng Hóa", "Đakrông"]
ENDINGS = ["đúng quy định", "kịp thời, hiệu quả", "trong quý này", "theo kế hoạch của Sở",
           "tại {place}", "cho người dân và doanh nghiệp", "với tỷ lệ đúng hạn đạt {pct}%"]


@dataclass(frozen=True)
class SyntheticArticle:
    number: int
    title: str
    slug: str
    date: datetime
    category: tuple[str, str]
    tags: list[str]
    summary: str
    body: str


def _sentence(rng: random.Random) -> str:
    ending = rng.choice(ENDINGS).format(place=rng.choice(PLACES), pct=rng.randint(90, 100))
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {ending}."
    return text[0].upper() + text[1:]


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def article(number: int, seed: int = 2024) -> SyntheticArticle:
    rng = random.Random(seed * 1_000_003 + number)
    date = datetime(2020, 1, 1, 8, 0) + timedelta(hours=7 * number + rng.randint(0, 5))
    verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
    title = f"Bài viết số {number}: {verb} {obj}"
    slug = f"bai-viet-so-{number}"
    body = "\n\n".join(
        [
            _paragraph(rng, 5),
            "## Kết quả nổi bật",
            "\n".join(f"- {_sentence(rng)}" for _ in range(4)),
            _paragraph(rng, 6),
            _paragraph(rng, 5),
        ]
    )
    return SyntheticArticle(
        number=number,
        title=title[0].upper() + title[1:],
        slug=slug,
        date=date,
        category=rng.choice(CATEGORIES),
        tags=rng.sample(TAGS, 2),
        summary=_sentence(rng),
        body=body,
    )


def corpus(size: int, seed: int = 2024) -> list[SyntheticArticle]:
    return [article(n, seed) for n in range(1, size + 1)]

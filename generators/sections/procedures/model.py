"""Administrative procedures (thủ tục hành chính, TTHC), one per `data/thu-tuc/<slug>.yml`.

Shaped on the national procedure database (Nghị định 63/2010/NĐ-CP, Điều 8) and on what the
national public-service portal shows for each procedure: its code, levels, field, steps, the
submission channels, each with its own time limit, fees and description, the documents to file,
applicants, agencies, result, legal bases, requirements, the online-service level of Nghị định
42/2022/NĐ-CP, and a dated history of the decisions that announced, amended or abolished it.

Status and the announcing decision are not stored: both follow from the history, so they can
never contradict it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ...core.model import Link, Markdown, Model, Text, WebUrl
from ...core.portal import Part
from ...core.regulations import ONLINE_SERVICES
from ...vietnamese.numbers import format_decimal_vi, parse_decimal_vi

CODE_PATTERN = r"^\d\.\d{6}(\.[A-Z0-9]+)?$"
DOCUMENT_NUMBER_PATTERN = r"^\d+[a-z]?(/\d{4})?/[A-ZĐ][A-ZĐ0-9]*(-[A-ZĐ0-9]+)*$"

LEVELS: dict[str, str] = {"tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}
ONLINE_LEVELS: dict[str, str] = {
    "toan-trinh": "Toàn trình",
    "mot-phan": "Một phần",
    "khong": "Không",
}
CHANNELS: dict[str, str] = {
    "truc-tiep": "Trực tiếp",
    "truc-tuyen": "Trực tuyến",
    "buu-chinh": "Dịch vụ bưu chính",
}
ACTIONS: dict[str, str] = {"moi": "Công bố mới", "sua-doi": "Sửa đổi, bổ sung", "bai-bo": "Bãi bỏ"}
STATUSES: dict[str, str] = {
    "hieu-luc": "Còn hiệu lực",
    "sua-doi": "Còn hiệu lực (đã sửa đổi, bổ sung)",
    "bai-bo": "Đã bãi bỏ",
}
TimeUnit = Literal["giờ làm việc", "giờ", "ngày làm việc", "ngày", "tháng"]
TIME_UNITS: tuple[str, ...] = get_args(TimeUnit)

Level = Literal["tinh", "huyen", "xa"]
OnlineLevel = Literal["toan-trinh", "mot-phan", "khong"]
ChannelKind = Literal["truc-tiep", "truc-tuyen", "buu-chinh"]
Action = Literal["moi", "sua-doi", "bai-bo"]
Status = Literal["hieu-luc", "sua-doi", "bai-bo"]


def _code(value: object) -> str:
    if isinstance(value, float):
        raise ValueError(
            "mã thủ tục phải đặt trong dấu nháy kép, ví dụ code: \"1.004220\" (không có nháy, "
            "YAML đọc mã thành số và bỏ mất chữ số 0 ở cuối)"
        )
    if not isinstance(value, str) or not re.fullmatch(CODE_PATTERN, value.strip()):
        raise ValueError(
            "mã thủ tục như trên Cơ sở dữ liệu quốc gia: một chữ số, dấu chấm, sáu chữ số, "
            "có thể thêm hậu tố địa phương, ví dụ 1.004227 hoặc 1.012753.H19"
        )
    return value.strip()


ProcedureCode = Annotated[
    str,
    BeforeValidator(_code),
    WithJsonSchema({"type": "string", "pattern": CODE_PATTERN, "examples": ["1.004227"]}),
]


def _document_number(value: object) -> str:
    text = str(value).strip() if isinstance(value, str) else ""
    if not re.fullmatch(DOCUMENT_NUMBER_PATTERN, text):
        raise ValueError(
            "số ký hiệu văn bản viết như trên văn bản, ví dụ 35/2024/TT-BGTVT, 36/2024/QH15 "
            "hoặc 1163/QĐ-UBND"
        )
    return text


DocumentNumber = Annotated[
    str,
    BeforeValidator(_document_number),
    WithJsonSchema(
        {"type": "string", "pattern": DOCUMENT_NUMBER_PATTERN, "examples": ["35/2024/TT-BGTVT"]}
    ),
]


def _dong(value: object) -> int:
    """An amount in đồng: 135000 or "135.000"; a YAML 135.000 (read as 135.0) is refused."""
    if isinstance(value, bool):
        raise ValueError("cần số tiền bằng đồng, ví dụ 135000")
    if isinstance(value, float):
        raise ValueError(
            "viết số tiền liền, không dấu chấm: 135000 (YAML đọc 135.000 thành 135), hoặc đặt "
            "trong dấu nháy: \"135.000\""
        )
    if isinstance(value, int):
        amount = value
    elif isinstance(value, str) and re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", value.strip()):
        amount = int(value.strip().replace(".", ""))
    else:
        raise ValueError("cần số tiền bằng đồng, ví dụ 135000 hoặc \"135.000\"")
    if amount < 0:
        raise ValueError("số tiền không được âm")
    return amount


Dong = Annotated[
    int,
    BeforeValidator(_dong),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"^\d{1,3}(\.\d{3})+$"},
            ],
            "description": "Số tiền bằng đồng: 135000 hoặc \"135.000\"",
        }
    ),
]


def format_dong(amount: int) -> str:
    """135000 → "135.000 đồng"."""
    return f"{format_decimal_vi(amount)} đồng"


class TimeLimit(Model):
    """Thời hạn giải quyết: "5 ngày làm việc", with an optional remark."""

    amount: Decimal = Field(gt=0)
    unit: TimeUnit
    note: str | None = Field(None, description="Ví dụ: kể từ ngày nhận đủ hồ sơ hợp lệ")

    @field_validator("amount", mode="before")
    @classmethod
    def _vietnamese_number(cls, value: Any) -> Decimal:
        return parse_decimal_vi(value)

    @classmethod
    def parse(cls, value: Any) -> Any:
        """"5 ngày làm việc" → {amount: 5, unit: ngày làm việc}; mappings pass through."""
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            raise ValueError("ghi rõ đơn vị, ví dụ \"5 ngày làm việc\"")
        if not isinstance(value, str):
            return value
        units = "|".join(TIME_UNITS)
        match = re.fullmatch(rf"(\d+(?:,\d+)?)\s+({units})", " ".join(value.lower().split()))
        if not match:
            raise ValueError(
                "thời hạn viết như «5 ngày làm việc», «3 ngày», «8 giờ làm việc» hoặc «1 tháng»"
            )
        return {"amount": match.group(1), "unit": match.group(2)}

    def __str__(self) -> str:
        return f"{format_decimal_vi(self.amount)} {self.unit}"

    def serialise(self) -> str | dict[str, Any]:
        """The short form "5 ngày làm việc", or a mapping when there is a note."""
        if self.note is None:
            return str(self)
        whole = self.amount == self.amount.to_integral()
        amount = int(self.amount) if whole else format_decimal_vi(self.amount)
        return {"amount": amount, "unit": self.unit, "note": self.note}


TimeLimitField = Annotated[
    TimeLimit,
    BeforeValidator(TimeLimit.parse),
    PlainSerializer(lambda t: t.serialise()),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "examples": ["5 ngày làm việc"]},
                {
                    "type": "object",
                    "properties": {
                        "amount": {"type": "number"},
                        "unit": {"enum": list(TIME_UNITS)},
                        "note": {"type": "string"},
                    },
                    "required": ["amount", "unit"],
                },
            ],
            "description": "Thời hạn giải quyết, ví dụ \"5 ngày làm việc\"",
        }
    ),
]


class Fee(Model):
    """A fee or charge (phí, lệ phí) of one channel."""

    name: Text = Field(description="Ví dụ: Lệ phí cấp giấy phép lái xe")
    amount: Dong | None = Field(
        None, description="Số tiền bằng đồng; bỏ trống khi mức thu tính theo tỷ lệ (ghi ở note)"
    )
    unit: str | None = Field(None, description="Đơn vị tính, ví dụ: lần, giấy phép")
    note: str | None = Field(None, description="Ghi chú, văn bản quy định mức thu")

    @model_validator(mode="after")
    def _amount_or_note(self) -> Fee:
        if self.amount is None and not self.note:
            raise ValueError("cần «amount» (số tiền) hoặc «note» nói cách tính mức thu")
        return self

    def describe(self) -> str:
        """"Lệ phí: 135.000 đồng/lần"."""
        if self.amount is None:
            return f"{self.name}: {self.note}"
        unit = f"/{self.unit}" if self.unit else ""
        return f"{self.name}: {format_dong(self.amount)}{unit}"


class Channel(Model):
    """A way to file (cách thức thực hiện), with its own time limit, fees and description."""

    channel: ChannelKind = Field(
        title="Cách nộp", description="truc-tiep, truc-tuyen hoặc buu-chinh"
    )
    time_limit: TimeLimitField
    fees: list[Fee] = Field(description="Phí, lệ phí; [] khi không thu")
    description: Markdown = ""

    @property
    def label(self) -> str:
        return CHANNELS[self.channel]


def _content_file(value: str) -> str:
    path = str(value).strip().lstrip("/")
    if not path or ".." in path.split("/") or "\\" in path or "://" in path or "\0" in path:
        raise ValueError("đường dẫn tệp trong thư mục content/, ví dụ thu-tuc/mau/to-khai.pdf")
    return path


ContentFile = Annotated[
    str,
    AfterValidator(_content_file),
    WithJsonSchema({"type": "string", "examples": ["thu-tuc/mau/to-khai.pdf"]}),
]


class FormTemplate(Model):
    title: Text = Field(description="Tên mẫu đơn, tờ khai")
    url: Link | None = Field(None, description="Liên kết tải mẫu")
    file: ContentFile | None = Field(
        None, description="Tệp mẫu trong content/ (.pdf, .docx, .doc, .odt, .xlsx), ví dụ "
        "thu-tuc/mau/to-khai-doi-giay-phep-lai-xe.pdf"
    )
    illustrative: bool = Field(
        False, description="Tệp minh họa do trang soạn, không phải bản mẫu chính thức"
    )

    @model_validator(mode="after")
    def _one_source(self) -> FormTemplate:
        if self.url and self.file:
            raise ValueError("mẫu có «url» hoặc «file», không ghi cả hai")
        return self


class RequiredDocument(Model):
    """One document of the file (thành phần hồ sơ)."""

    name: Text
    case: str | None = Field(None, description="Trường hợp áp dụng, nếu hồ sơ khác nhau theo "
                             "trường hợp")
    forms: list[FormTemplate] = Field(default_factory=list, description="Mẫu đơn, tờ khai")
    originals: int = Field(1, ge=0, description="Số bản chính")
    copies: int = Field(0, ge=0, description="Số bản sao")


class Agencies(Model):
    implementing: list[Text] = Field(min_length=1, description="Cơ quan thực hiện")
    competent: list[Text] = Field(default_factory=list, description="Cơ quan có thẩm quyền")
    authorised: list[Text] = Field(default_factory=list, description="Cơ quan được ủy quyền")
    coordinating: list[Text] = Field(default_factory=list, description="Cơ quan phối hợp")


class LegalReference(Model):
    """A legal basis (căn cứ pháp lý), typed so a legal-documents register can link it."""

    number: DocumentNumber = Field(description="Số ký hiệu, ví dụ 35/2024/TT-BGTVT")
    title: Text = Field(description="Trích yếu")
    date: dt.date = Field(description="Ngày ban hành")
    issuer: Text = Field(description="Cơ quan ban hành")

    @model_validator(mode="after")
    def _year_matches(self) -> LegalReference:
        match = re.search(r"/(\d{4})/", self.number)
        if match and int(match.group(1)) != self.date.year:
            raise ValueError(
                f"số ký hiệu {self.number} là văn bản năm {match.group(1)} nhưng ngày ban hành "
                f"là {self.date:%d/%m/%Y}"
            )
        return self


class Change(Model):
    """One entry of the history: the decision that announced, amended or abolished it."""

    date: dt.date = Field(description="Ngày của quyết định công bố")
    action: Action = Field(
        title="Loại quyết định", description="moi (công bố mới), sua-doi hoặc bai-bo"
    )
    decision: DocumentNumber = Field(description="Số quyết định công bố, ví dụ 1560/QĐ-BGTVT")
    issuer: str | None = Field(None, description="Cơ quan, người ký quyết định")
    summary: str | None = Field(None, description="Nội dung thay đổi")

    @model_validator(mode="after")
    def _says_what_changed(self) -> Change:
        if self.action != "moi" and not self.summary:
            raise ValueError("cần «summary»: nội dung sửa đổi, bổ sung hoặc lý do bãi bỏ")
        return self

    @property
    def label(self) -> str:
        return ACTIONS[self.action]


class ProcedureDocument(Model):
    """A procedure as written in one `data/thu-tuc/<slug>.yml` file."""

    code: ProcedureCode = Field(description="Mã thủ tục, ví dụ 1.004227")
    name: Text = Field(description="Tên thủ tục")
    field: Text = Field(description="Lĩnh vực, một trong procedure_fields của data/site.yml")
    kind: str | None = Field(None, description="Loại thủ tục, như trên Cơ sở dữ liệu quốc gia")
    levels: list[Level] = Field(min_length=1, description="Cấp thực hiện: tinh, huyen, xa")
    online: OnlineLevel = Field(
        description=f"Dịch vụ công trực tuyến ({ONLINE_SERVICES}): toan-trinh, mot-phan "
        "hoặc khong"
    )
    portal_url: WebUrl | None = Field(None, description="Trang của thủ tục trên Cổng Dịch vụ công")
    steps: list[Markdown] = Field(min_length=1, description="Trình tự thực hiện, mỗi bước một mục")
    channels: list[Channel] = Field(min_length=1, description="Cách thức thực hiện")
    documents: list[RequiredDocument] = Field(min_length=1, description="Thành phần hồ sơ")
    applicants: list[Text] = Field(min_length=1, description="Đối tượng thực hiện")
    agencies: Agencies
    submit_at: Markdown = Field(description="Địa chỉ tiếp nhận hồ sơ")
    results: list[Text] = Field(min_length=1, description="Kết quả thực hiện")
    requirements: Markdown = Field("", description="Yêu cầu, điều kiện thực hiện")
    legal_bases: list[LegalReference] = Field(min_length=1, description="Căn cứ pháp lý")
    history: list[Change] = Field(
        min_length=1, description="Các quyết định công bố, sửa đổi, bãi bỏ, cũ trước mới sau"
    )


class Procedure:
    """A validated procedure with its slug and what follows from its history."""

    def __init__(self, slug: str, document: ProcedureDocument) -> None:
        self.slug = slug
        self.doc = document

    def memo_values(self) -> tuple[object, ...]:
        """What it is made from (all else derives from them): render_memo.py keys by these."""
        return (self.slug, self.doc)

    @property
    def latest(self) -> Change:
        return self.doc.history[-1]

    @property
    def status(self) -> Status:
        if self.latest.action == "bai-bo":
            return "bai-bo"
        if any(c.action == "sua-doi" for c in self.doc.history):
            return "sua-doi"
        return "hieu-luc"

    @property
    def in_force(self) -> bool:
        return self.status != "bai-bo"

    @property
    def announced_by(self) -> Change:
        """The decision announcing the procedure as it stands (số quyết định công bố)."""
        standing = [c for c in self.doc.history if c.action != "bai-bo"]
        return standing[-1] if standing else self.latest

    @property
    def updated(self) -> dt.date:
        return self.latest.date

    def levels_text(self) -> str:
        return ", ".join(LEVELS[level] for level in self.doc.levels)


def change_anchors(history: list[Change]) -> list[str]:
    """Stable fragment ids of history entries ("thay-doi-2024-12-27", then "-2" on the same day);
    feed GUIDs are the page URL with this fragment, so they never depend on list positions."""
    seen: dict[str, int] = {}
    anchors = []
    for change in history:
        base = f"thay-doi-{change.date.isoformat()}"
        seen[base] = seen.get(base, 0) + 1
        anchors.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return anchors


PROCEDURES: Part[list[Procedure]] = Part("procedures", list)

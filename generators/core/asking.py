"""How a citizen sends a question to a static site that cannot receive one.

Seed 001's column "Dân hỏi – Cơ quan chức năng trả lời" and seed 004 task 3.5.2 ask agencies
to take questions; a static site has no server to post a form to, so it says so and offers two
ways that work: an e-mail to the unit in charge, prefilled with a subject and the details the
unit needs to answer (RFC 6068 `mailto:` with every character percent-encoded), and the national
feedback system (`questions` in data/site.yml).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from pydantic import EmailStr, Field

from .model import Model, Text, WebUrl

BODY_LINES = (
    "Họ và tên:",
    "Địa chỉ:",
    "Số điện thoại:",
    "",
    "Nội dung câu hỏi:",
    "",
)


class NationalFeedback(Model):
    """The national system that receives citizens' feedback and questions."""

    name: Text = Field(
        "Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị của người dân, doanh nghiệp",
        description="Tên hệ thống tiếp nhận phản ánh, kiến nghị",
    )
    url: WebUrl = Field(description="Địa chỉ https://…, ví dụ https://pakn.dichvucong.gov.vn/")


class QuestionChannel(Model):
    """Where questions go (`questions` in data/site.yml)."""

    unit: Text = Field(description="Đơn vị nhận câu hỏi, ví dụ: Văn phòng Sở")
    email: EmailStr = Field(description="Hộp thư nhận câu hỏi")
    national: NationalFeedback | None = Field(
        None, description="Hệ thống phản ánh, kiến nghị quốc gia"
    )


@dataclass(frozen=True)
class AskLink:
    """A prefilled e-mail to the unit in charge, and what the page says about it."""

    unit: str
    email: str
    subject: str
    href: str
    national: NationalFeedback | None


def mailto(email: str, subject: str, body: str) -> str:
    """`mailto:` URL with subject and body percent-encoded (spaces as %20, lines as %0D%0A),
    so no character of a procedure's name can end the subject or start another header."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(email, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )


def ask_link(channel: QuestionChannel, subject: str, about: str = "") -> AskLink:
    """The e-mail a citizen sends about `about` (a procedure, say), under `subject`."""
    lines = list(BODY_LINES)
    if about:
        lines.insert(0, f"Về: {about}")
        lines.insert(1, "")
    return AskLink(
        unit=channel.unit,
        email=str(channel.email),
        subject=subject,
        href=mailto(str(channel.email), subject, "\n".join(lines)),
        national=channel.national,
    )

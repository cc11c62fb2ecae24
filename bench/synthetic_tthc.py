"""Synthetic administrative procedures, the same for every run that asks for the same size.

Deterministic (seeded per procedure), shaped like the demo procedures of `data/thu-tuc/`: a
province-wide catalogue over forty fields, one to three channels with their own time limits and
fees, several documents, legal bases and a history, some amended and some abolished. Names are
as long as real ones, so page sizes measured on this corpus hold for real catalogues.

    write_procedures(project, 2000)     # adds 2,000 files to project/data/thu-tuc/ and their
                                        # fields to project/data/site.yml
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from generators.core.yamlsource import read_yaml
from generators.core.yamlwriter import dump_yaml, model_yaml, schema_line
from generators.sections.procedures.model import ProcedureDocument
from generators.vietnamese.text import slugify

FIELDS = [
    "Bảo trợ xã hội", "Chứng thực", "Công thương địa phương", "Đăng ký biện pháp bảo đảm",
    "Đất đai", "Đường bộ", "Đường thủy nội địa", "Đăng kiểm", "Giáo dục và Đào tạo",
    "Hộ tịch", "Hoạt động xây dựng", "Kinh doanh khí", "Lao động",
    "Lưu thông hàng hóa trong nước", "Môi trường", "Người có công", "Nông nghiệp",
    "Phát thanh, truyền hình và thông tin điện tử", "Quản lý công sản",
    "Quy hoạch xây dựng, kiến trúc", "Tài nguyên nước", "Thành lập và hoạt động của hợp tác xã",
    "Thành lập và hoạt động doanh nghiệp", "Thi đua, khen thưởng", "Thú y", "Thủy lợi",
    "Thủy sản", "Tín ngưỡng, tôn giáo", "Trồng trọt", "Tư pháp",
    "Văn hóa cơ sở", "Viên chức", "Việc làm", "Xuất bản, in và phát hành", "Y tế dự phòng",
    "Dược phẩm", "Khám bệnh, chữa bệnh", "Du lịch", "Thể dục thể thao", "Lâm nghiệp",
]
VERBS = ["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Đăng ký", "Công bố",
         "Thẩm định", "Chấp thuận", "Xác nhận", "Thu hồi", "Phê duyệt"]
OBJECTS = [
    "giấy phép hoạt động", "giấy chứng nhận đủ điều kiện kinh doanh", "chứng chỉ hành nghề",
    "giấy phép kinh doanh", "hồ sơ đề nghị hỗ trợ", "giấy xác nhận đăng ký", "quyết định công nhận",
    "giấy chứng nhận đăng ký hoạt động", "phương án sử dụng", "giấy phép khai thác",
    "giấy chứng nhận cơ sở đủ điều kiện", "văn bản chấp thuận đầu tư",
]
QUALIFIERS = [
    "đối với tổ chức, cá nhân trong nước", "đối với doanh nghiệp có vốn đầu tư nước ngoài",
    "trong trường hợp bị mất, bị hư hỏng", "khi có thay đổi nội dung đã đăng ký",
    "thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh", "cho cơ sở sản xuất, kinh doanh nhỏ lẻ",
    "trên địa bàn nhiều huyện", "đối với hộ kinh doanh", "theo yêu cầu của tổ chức, cá nhân",
    "khi hết thời hạn hiệu lực",
]
LEVEL_SETS = [["tinh"], ["tinh"], ["tinh"], ["huyen"], ["xa"], ["tinh", "huyen"],
              ["tinh", "huyen", "xa"]]
ONLINE = ["toan-trinh", "toan-trinh", "mot-phan", "mot-phan", "khong"]
TIME_LIMITS = ["1 ngày làm việc", "3 ngày làm việc", "5 ngày làm việc", "7 ngày làm việc",
               "10 ngày làm việc", "15 ngày", "20 ngày", "30 ngày"]
LEGAL = [
    ("63/2010/NĐ-CP", "Về kiểm soát thủ tục hành chính", dt.date(2010, 6, 8), "Chính phủ"),
    ("61/2018/NĐ-CP", "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục "
     "hành chính", dt.date(2018, 4, 23), "Chính phủ"),
    ("42/2022/NĐ-CP", "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ "
     "quan nhà nước trên môi trường mạng", dt.date(2022, 6, 24), "Chính phủ"),
    ("45/2020/NĐ-CP", "Về thực hiện thủ tục hành chính trên môi trường điện tử",
     dt.date(2020, 4, 8), "Chính phủ"),
]


def procedure(number: int, seed: int = 2024) -> tuple[str, ProcedureDocument]:
    """Procedure number `number` (from 1) of the corpus: its file slug and its document."""
    rng = random.Random(seed * 1_000_003 + number)
    field = FIELDS[(number - 1) % len(FIELDS)]
    name = (f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} lĩnh vực {field.lower()} "
            f"{rng.choice(QUALIFIERS)}")
    online = rng.choice(ONLINE)
    kinds = ["truc-tiep", "buu-chinh"] if online == "khong" else ["truc-tiep", "truc-tuyen"]
    if rng.random() < 0.4:
        kinds.append("buu-chinh" if online != "khong" else "truc-tiep")
    kinds = list(dict.fromkeys(kinds))
    fee = rng.choice([0, 0, 50000, 100000, 135000, 200000, 500000])
    channels: list[dict[str, Any]] = []
    for kind in kinds:
        online_fee = kind == "truc-tuyen" and fee > 0
        where = "trực tuyến" if kind == "truc-tuyen" else "tại Bộ phận tiếp nhận và trả kết quả"
        channels.append({
            "channel": kind,
            "time_limit": rng.choice(TIME_LIMITS),
            "fees": [{"name": "Lệ phí", "amount": fee - 20000 if online_fee else fee,
                      "unit": "hồ sơ"}] if fee else [],
            "description": f"Nộp hồ sơ {where}; nhận kết quả theo giấy hẹn.",
        })
    announced = dt.date(2016, 1, 4) + dt.timedelta(days=rng.randint(0, 2900))
    history: list[dict[str, Any]] = [
        {"date": announced, "action": "moi", "decision": f"{rng.randint(10, 3000)}/QĐ-UBND",
         "issuer": "Chủ tịch Ủy ban nhân dân tỉnh"}
    ]
    if rng.random() < 0.3:
        history.append({"date": announced + dt.timedelta(days=rng.randint(30, 700)),
                        "action": "sua-doi", "decision": f"{rng.randint(10, 3000)}/QĐ-UBND",
                        "summary": "Sửa đổi thành phần hồ sơ và thời hạn giải quyết."})
    if rng.random() < 0.05:
        history.append({"date": history[-1]["date"] + dt.timedelta(days=rng.randint(30, 400)),
                        "action": "bai-bo", "decision": f"{rng.randint(10, 3000)}/QĐ-UBND",
                        "summary": "Bãi bỏ do văn bản quy định thủ tục hết hiệu lực."})
    data = {
        "code": f"{1 + number % 2}.{100000 + number:06d}",
        "name": name,
        "field": field,
        "levels": rng.choice(LEVEL_SETS),
        "online": online,
        "steps": [
            "Tổ chức, cá nhân chuẩn bị hồ sơ và nộp theo một trong các cách thức dưới đây.",
            "Cơ quan tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hướng dẫn bổ sung một lần "
            "nếu hồ sơ chưa đầy đủ.",
            "Cơ quan có thẩm quyền thẩm định hồ sơ, kiểm tra thực tế khi cần thiết.",
            "Trả kết quả cho tổ chức, cá nhân; không giải quyết thì trả lời bằng văn bản, nêu rõ "
            "lý do.",
        ][: rng.randint(2, 4)],
        "channels": channels,
        "documents": [
            {"name": f"{item} theo quy định", "originals": 1, "copies": rng.randint(0, 1)}
            for item in rng.sample(
                ["Đơn đề nghị", "Tờ khai", "Bản sao giấy tờ pháp lý của tổ chức",
                 "Bản thuyết minh điều kiện hoạt động", "Danh sách nhân sự kèm văn bằng",
                 "Báo cáo kết quả thực hiện", "Giấy tờ chứng minh quyền sử dụng cơ sở"],
                rng.randint(2, 6),
            )
        ],
        "applicants": rng.sample(["Công dân Việt Nam", "Doanh nghiệp", "Hợp tác xã",
                                  "Tổ chức", "Hộ kinh doanh"], 2),
        "agencies": {"implementing": ["Cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh"]},
        "submit_at": "Trung tâm Phục vụ hành chính công tỉnh hoặc Hệ thống thông tin giải quyết "
        "thủ tục hành chính tỉnh.",
        "results": ["Văn bản giải quyết thủ tục hành chính"],
        "legal_bases": [
            {"number": n, "title": t, "date": d, "issuer": i}
            for n, t, d, i in rng.sample(LEGAL, rng.randint(1, 3))
        ],
        "history": history,
    }
    return f"{slugify(name, max_length=72)}-{number}", ProcedureDocument.model_validate(data)


def procedures(size: int, seed: int = 2024) -> list[tuple[str, ProcedureDocument]]:
    return [procedure(number, seed) for number in range(1, size + 1)]


def write_procedures(project: Path, size: int, seed: int = 2024) -> int:
    """Add `size` procedures to `project` (a copy of this repository's layout): one file each
    in data/thu-tuc/, and their fields to data/site.yml. Returns the number of files written."""
    folder = project / "data" / "thu-tuc"
    folder.mkdir(parents=True, exist_ok=True)
    site_path = project / "data" / "site.yml"
    site, _ = read_yaml(site_path, "site.yml")
    declared = site.setdefault("procedure_fields", [])
    declared += [f for f in FIELDS if f not in declared]
    site_path.write_text(schema_line("site.schema.json", 0) + dump_yaml(site), encoding="utf-8")
    for slug, document in procedures(size, seed):
        path = folder / f"{slug}.yml"
        path.write_text(model_yaml(document, "procedure.schema.json"), encoding="utf-8")
    return size

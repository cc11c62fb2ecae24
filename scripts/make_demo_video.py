"""Make the demo's video guide: a few slides drawn with Pillow, encoded by Debian's ffmpeg as
a silent H.264 MP4 (well under 1 MB), with its poster and Vietnamese WebVTT captions.

    make demo-video        (installs ffmpeg from Debian if missing, then runs this)

The clip is committed under content/video-huong-dan/; the build never runs ffmpeg.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "video-huong-dan"
NAME = "nop-ho-so-doi-giay-phep-lai-xe-truc-tuyen"
WIDTH, HEIGHT = 640, 360
SECONDS = 4  # each slide
FPS = 5
FONTS = Path("/usr/share/fonts/truetype/noto")
PRIMARY = (138, 28, 28)

# (heading, lines on the slide, caption spoken… read by the viewer)
SLIDES = [
    ("Video hướng dẫn", ["Nộp hồ sơ đổi giấy phép lái xe", "trực tuyến"],
     "Hướng dẫn nộp hồ sơ đổi giấy phép lái xe trực tuyến."),
    ("Bước 1", ["Đăng nhập Cổng Dịch vụ công", "bằng tài khoản định danh điện tử VNeID"],
     "Bước 1: đăng nhập Cổng Dịch vụ công bằng tài khoản định danh điện tử VNeID."),
    ("Bước 2", ["Chọn thủ tục «Đổi giấy phép lái xe", "do ngành Giao thông vận tải cấp»"],
     "Bước 2: chọn thủ tục Đổi giấy phép lái xe do ngành Giao thông vận tải cấp, mã 1.002804."),
    ("Bước 3", ["Điền tờ khai, kiểm tra ảnh và", "giấy khám sức khỏe đã có trên hệ thống"],
     "Bước 3: điền tờ khai; ảnh và giấy khám sức khỏe được lấy từ cơ sở dữ liệu dùng chung."),
    ("Bước 4", ["Thanh toán lệ phí trực tuyến: 115.000 đồng", "Nhận giấy phép qua bưu chính"],
     "Bước 4: thanh toán lệ phí trực tuyến 115.000 đồng và nhận giấy phép lái xe qua bưu chính."),
]


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def slide(heading: str, lines: list[str]) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 54), fill=PRIMARY)
    draw.text((20, 14), "Sở Giao thông vận tải tỉnh Quảng Trị", font=font(20, True), fill="white")
    draw.text((20, 80), heading, font=font(34, True), fill=PRIMARY)
    for index, line in enumerate(lines):
        draw.text((20, 140 + index * 40), line, font=font(25), fill=(30, 30, 30))
    # Leave the bottom band free: the captions are shown there.
    draw.text((20, HEIGHT - 32), "Video minh họa của trang mẫu", font=font(14), fill=(90, 90, 90))
    return image


def stamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"00:{int(minutes):02d}:{rest:06.3f}"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for index, (heading, lines, _) in enumerate(SLIDES):
            slide(heading, lines).save(Path(work) / f"s{index}.png")
        listing = Path(work) / "slides.txt"
        listing.write_text(
            "".join(f"file 's{i}.png'\nduration {SECONDS}\n" for i in range(len(SLIDES)))
            + f"file 's{len(SLIDES) - 1}.png'\n",
            encoding="utf-8",
        )
        subprocess.run(
            ["ffmpeg", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", str(listing),
             "-vf", f"fps={FPS},format=yuv420p", "-c:v", "libx264", "-preset", "veryslow",
             "-crf", "30", "-tune", "stillimage", "-movflags", "+faststart", "-an",
             "-metadata", "title=Nộp hồ sơ đổi giấy phép lái xe trực tuyến",
             "-fflags", "+bitexact", "-map_metadata", "-1",
             str(OUT / f"{NAME}.mp4")],
            check=True,
        )
    slide(*SLIDES[0][:2]).save(OUT / f"{NAME}.jpg", quality=80, optimize=True)
    cues = ["WEBVTT", ""]
    for index, (_, _, caption) in enumerate(SLIDES):
        start, end = stamp(index * SECONDS + 0.2), stamp((index + 1) * SECONDS - 0.2)
        cues += [str(index + 1), f"{start} --> {end}", caption, ""]
    (OUT / f"{NAME}.vtt").write_text("\n".join(cues), encoding="utf-8")
    for path in sorted(OUT.glob(f"{NAME}.*")):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""CSS custom properties for the agency's colours, so `data/site.yml` alone rebrands the site."""

from __future__ import annotations

from .profile import Colours


def _mix(hex_colour: str, towards: int, share: float) -> str:
    channels = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (towards - c) * share) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def render_colours_css(colours: Colours) -> str:
    primary = colours.primary
    return (
        "/* Generated from data/site.yml (colours); do not edit. */\n"
        ":root, [data-md-color-scheme=default] {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {_mix(primary, 255, 0.25)};\n"
        f"  --md-primary-fg-color--dark: {_mix(primary, 0, 0.25)};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {_mix(primary, 0, 0.15)};\n"
        f"  --md-typeset-a-color: {primary};\n"
        f"  --cchc-accent: {colours.accent};\n"
        f"  --cchc-tint: {_mix(primary, 255, 0.92)};\n"
        "}\n"
    )

"""The demo's illustrations, drawn with Pillow: no download, no licence to check, no network.

Each picture is seeded by a stable key (an article's slug, an author's name), so a rerun draws
the same bytes. Shapes are drawn at half size and scaled up: the bicubic upscale smooths the
edges Pillow does not antialias, and halves the drawing time, the slow part of `load_demo`.
The alt text is written from what was actually drawn (palette, motif, letter), not from the
article, so that it stays true to the image.
"""

import math
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

LEAD_SIZE = (1600, 900)
PORTRAIT_SIZE = (600, 600)
CREDIT = "Illustration Gazette"

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    tones: str  # what the alt text says, « aux tons … »
    dark: str
    mid: str
    accent: str
    light: str

    def rgb(self, name: str) -> RGB:
        value = getattr(self, name).lstrip("#")
        return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


PALETTES = {
    "monde": Palette("bleu nuit et turquoise", "#0b2545", "#1f7a8c", "#f2b134", "#bfdbf7"),
    "europe": Palette("bleu roi et jaune d'or", "#102a72", "#3c5fb8", "#f5c518", "#dfe7fb"),
    "france": Palette("bleu ardoise et rouge brique", "#22304a", "#5b7089", "#c8443a", "#f1e9dc"),
    "economie": Palette("vert sapin et or", "#0f3d2e", "#3f7d5c", "#d9a441", "#e8f1e4"),
    "culture": Palette("prune et corail", "#3b1f3f", "#8e4a78", "#f07a5c", "#f8e1d9"),
    "sport": Palette("bleu marine et orange vif", "#14213d", "#2f4f86", "#fc7a1e", "#f1f4f9"),
    "sciences": Palette("violet profond et cyan", "#241a4f", "#5a3f9e", "#38c6d9", "#e3e0f7"),
}


@dataclass(frozen=True)
class Picture:
    """A JPEG ready for `ImageFile`, with the alt text that describes it."""

    data: bytes
    size: tuple[int, int]
    description: str


Draw = Callable[[ImageDraw.ImageDraw, tuple[int, int], Palette, random.Random], None]


def _circles(draw, size, palette, rng):
    width, height = size
    cx, cy = rng.uniform(0.55, 0.85) * width, rng.uniform(0.3, 0.7) * height
    stroke = max(2, height // 150)
    for ring in range(9, 0, -1):
        radius = ring * height * 0.09
        box = (cx - radius, cy - radius, cx + radius, cy + radius)
        draw.ellipse(box, outline=(*palette.rgb("light"), 110), width=stroke)
    core = height * 0.12
    draw.ellipse((cx - core, cy - core, cx + core, cy + core), fill=(*palette.rgb("accent"), 210))
    for _ in range(5):
        x, y, radius = (
            rng.uniform(0, width),
            rng.uniform(0, height),
            rng.uniform(0.05, 0.2) * height,
        )
        alpha = rng.randint(30, 70)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(*palette.rgb("light"), alpha)
        )


def _bands(draw, size, palette, rng):
    width, height = size
    colours = [palette.rgb("mid"), palette.rgb("accent"), palette.rgb("light")]
    x = rng.uniform(-0.2, 0.3) * width
    while x < width * 1.2:
        band = rng.uniform(0.05, 0.16) * width
        slant = height * rng.uniform(0.5, 0.9)
        polygon = [(x, height), (x + band, height), (x + band + slant, 0), (x + slant, 0)]
        draw.polygon(polygon, fill=(*rng.choice(colours), rng.randint(50, 150)))
        x += band + rng.uniform(0.04, 0.14) * width


def _dots(draw, size, palette, rng):
    width, height = size
    step = height // 12
    phase, frequency = rng.uniform(0, math.tau), rng.uniform(0.8, 1.6)
    for row in range(height // step + 1):
        for column in range(width // step + 2):
            x, y = column * step + (step // 2 if row % 2 else 0), row * step + step // 2
            wave = math.sin(phase + frequency * (x / width) * math.tau + row * 0.35)
            radius = step * (0.12 + 0.3 * (wave + 1) / 2)
            colour = palette.rgb("accent") if wave > 0.75 else palette.rgb("light")
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, 150))


def _waves(draw, size, palette, rng):
    width, height = size
    stroke = max(2, height // 90)
    amplitude, frequency = rng.uniform(0.04, 0.09) * height, rng.uniform(1.0, 2.2)
    for line in range(14):
        base, phase = height * (0.1 + line * 0.065), rng.uniform(0, 0.6) + line * 0.25
        points = [
            (x, base + amplitude * math.sin(phase + frequency * math.tau * x / width))
            for x in range(0, width + 8, 8)
        ]
        colour = palette.rgb("accent") if line % 5 == 2 else palette.rgb("light")
        draw.line(points, fill=(*colour, 90 + line * 8), width=stroke)


def _bars(draw, size, palette, rng):
    width, height = size
    count = 11
    slot = width / (count + 1)
    level = rng.uniform(0.25, 0.4)
    tops = []
    for index in range(count):
        level = min(0.85, max(0.15, level + rng.uniform(-0.12, 0.16)))
        x, top = slot * (index + 0.7), height * (1 - level)
        draw.rectangle((x, top, x + slot * 0.6, height), fill=(*palette.rgb("light"), 95))
        tops.append((x + slot * 0.3, top - height * 0.05))
    draw.line(tops, fill=(*palette.rgb("accent"), 230), width=max(3, height // 80), joint="curve")
    for x, y in tops:
        radius = height * 0.015
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(*palette.rgb("accent"), 255)
        )


def _orbits(draw, size, palette, rng):
    width, height = size
    cx, cy = rng.uniform(0.45, 0.7) * width, height * 0.5
    stroke = max(2, height // 160)
    for index in range(6):
        a, b = height * (0.2 + index * 0.09), height * (0.08 + index * 0.035)
        tilt = rng.uniform(-0.5, 0.5)
        points = [
            (
                cx + a * math.cos(t) * math.cos(tilt) - b * math.sin(t) * math.sin(tilt),
                cy + a * math.cos(t) * math.sin(tilt) + b * math.sin(t) * math.cos(tilt),
            )
            for t in (step * math.tau / 90 for step in range(91))
        ]
        draw.line(points, fill=(*palette.rgb("light"), 120), width=stroke)
        x, y = points[rng.randrange(90)]
        radius = height * rng.uniform(0.015, 0.035)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(*palette.rgb("accent"), 230)
        )
    core = height * 0.07
    draw.ellipse((cx - core, cy - core, cx + core, cy + core), fill=(*palette.rgb("light"), 220))


def _arcs(draw, size, palette, rng):
    width, height = size
    corner = rng.choice([(0, height), (width, height), (0, 0), (width, 0)])
    colours = [palette.rgb("mid"), palette.rgb("accent"), palette.rgb("light"), palette.rgb("dark")]
    for index in range(8, 0, -1):
        radius = index * height * 0.16
        box = (corner[0] - radius, corner[1] - radius, corner[0] + radius, corner[1] + radius)
        draw.ellipse(box, fill=(*colours[index % 4], 120))


def _triangles(draw, size, palette, rng):
    width, height = size
    colours = [palette.rgb("mid"), palette.rgb("accent"), palette.rgb("light")]
    for _ in range(9):
        x, y, span = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(0.15, 0.45) * height
        angle = rng.uniform(0, math.tau)
        corners = [
            (
                x + span * math.cos(angle + k * math.tau / 3),
                y + span * math.sin(angle + k * math.tau / 3),
            )
            for k in range(3)
        ]
        draw.polygon(corners, fill=(*rng.choice(colours), rng.randint(60, 140)))


def _field(draw, size, palette, rng):
    width, height = size
    line = (*palette.rgb("light"), 150)
    stroke = max(2, height // 120)
    margin_x, margin_y = width * 0.08, height * 0.12
    draw.rectangle(
        (margin_x, margin_y, width - margin_x, height - margin_y), outline=line, width=stroke
    )
    draw.line((width / 2, margin_y, width / 2, height - margin_y), fill=line, width=stroke)
    radius = height * 0.15
    draw.ellipse(
        (width / 2 - radius, height / 2 - radius, width / 2 + radius, height / 2 + radius),
        outline=line,
        width=stroke,
    )
    for side in (margin_x, width - margin_x - width * 0.12):
        draw.rectangle(
            (side, height * 0.3, side + width * 0.12, height * 0.7), outline=line, width=stroke
        )
    x, y = rng.uniform(0.25, 0.75) * width, rng.uniform(0.3, 0.7) * height
    ball = height * 0.04
    draw.ellipse((x - ball, y - ball, x + ball, y + ball), fill=(*palette.rgb("accent"), 240))


def _globe(draw, size, palette, rng):
    width, height = size
    cx, cy, radius = rng.uniform(0.55, 0.75) * width, height * 0.5, height * 0.38
    stroke = max(2, height // 170)
    line = (*palette.rgb("light"), 140)
    draw.ellipse(
        (cx - radius, cy - radius, cx + radius, cy + radius),
        fill=(*palette.rgb("mid"), 120),
        outline=line,
        width=stroke,
    )
    for k in range(1, 4):
        half = radius * k / 4
        draw.ellipse((cx - half, cy - radius, cx + half, cy + radius), outline=line, width=stroke)
    for k in (-2, -1, 0, 1, 2):
        y = cy + radius * k / 3
        half = math.sqrt(max(radius**2 - (y - cy) ** 2, 0))
        draw.line((cx - half, y, cx + half, y), fill=line, width=stroke)
    x, y = cx + radius * rng.uniform(-0.5, 0.5), cy + radius * rng.uniform(-0.5, 0.5)
    dot = height * 0.03
    draw.ellipse((x - dot, y - dot, x + dot, y + dot), fill=(*palette.rgb("accent"), 255))


MOTIFS: dict[str, tuple[str, Draw]] = {
    "cercles": ("des cercles concentriques autour d'un disque plein", _circles),
    "bandes": ("de larges bandes obliques qui se superposent", _bands),
    "points": ("une trame de points dont la taille ondule", _dots),
    "vagues": ("des lignes ondulées superposées", _waves),
    "barres": ("des barres de hauteurs inégales reliées par une courbe, comme un graphique", _bars),
    "orbites": ("des orbites elliptiques parcourues de petites sphères", _orbits),
    "arcs": ("des arcs de cercle emboîtés depuis un angle", _arcs),
    "triangles": ("des triangles translucides qui se chevauchent", _triangles),
    "terrain": ("les lignes stylisées d'un terrain de sport et un ballon", _field),
    "globe": ("un globe stylisé, avec ses méridiens et ses parallèles", _globe),
}


def _rng(key: str) -> random.Random:
    """`hash()` changes with every process; crc32 does not, so reruns draw the same picture."""
    return random.Random(zlib.crc32(key.encode()))  # noqa: S311 (drawing, not security)


def _background(size, palette: Palette, rng: random.Random) -> Image.Image:
    """A diagonal gradient from the dark to the mid tone, lit by a soft glow of the accent."""
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize(size)
    mask = Image.blend(vertical, horizontal, rng.uniform(0.2, 0.8))
    if rng.random() < 0.5:
        mask = mask.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    image = Image.composite(
        Image.new("RGB", size, palette.rgb("mid")),
        Image.new("RGB", size, palette.rgb("dark")),
        mask,
    ).convert("RGBA")
    width, height = size
    side = int(max(size) * 1.2)
    # radial_gradient is 0 at the centre and reaches 255 only in the corners: rescale to a disc.
    glow = Image.radial_gradient("L").resize((side, side))
    glow = glow.point(lambda value: int(max(0.0, 255 - value * 1.42) * 0.45))
    alpha = Image.new("L", size, 0)
    alpha.paste(glow, (rng.randint(-side // 2, width - side // 2), rng.randint(-side // 2, 0)))
    light = Image.new("RGBA", size, (*palette.rgb("accent"), 0))
    light.putalpha(alpha)
    return Image.alpha_composite(image, light)


def _finish(image: Image.Image, size, rng: random.Random) -> bytes:
    """Upscale, then a faint grain, so that flat tints do not band once the JPEG compresses."""
    image = image.convert("RGB").resize(size, Image.Resampling.BICUBIC)
    grain = Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).convert("RGB")
    image = Image.blend(image, grain, 0.03)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def draw_illustration(
    *, key: str, palette: Palette, motif: str, theme: str, initial: str = ""
) -> Picture:
    """A 1600×900 lead or body image. `theme` ends the alt text (« évoquant … »)."""
    rng = _rng(key)
    size = (LEAD_SIZE[0] // 2, LEAD_SIZE[1] // 2)
    image = _background(size, palette, rng)
    phrase, draw_motif = MOTIFS[motif]
    if initial:
        letter = Image.new("RGBA", size, (0, 0, 0, 0))
        font = ImageFont.load_default(size=size[1])  # Pillow's bundled font: same on every host
        ImageDraw.Draw(letter).text(
            (size[0] * 0.05, size[1] * 0.55),
            initial,
            font=font,
            fill=(*palette.rgb("light"), 40),
            anchor="lm",
        )
        image = Image.alpha_composite(image, letter)
    shapes = Image.new("RGBA", size, (0, 0, 0, 0))
    draw_motif(ImageDraw.Draw(shapes), size, palette, rng)
    image = Image.alpha_composite(image, shapes)
    watermark = f", avec un grand « {initial} » en filigrane" if initial else ""
    description = (
        f"Illustration abstraite aux tons {palette.tones} : {phrase} sur un fond dégradé"
        f"{watermark}, évoquant {theme}."
    )
    return Picture(_finish(image, LEAD_SIZE, rng), LEAD_SIZE, description)


HAIRSTYLES = {
    "courts": "aux cheveux courts",
    "longs": "aux cheveux longs",
    "chignon": "coiffée d'un chignon",
    "bouclés": "aux cheveux bouclés",
}


def draw_portrait(*, key: str, palette: Palette, name: str, hair: str) -> Picture:
    """A 600×600 stylised bust: enough of a face for a byline, and nobody's real one."""
    rng = _rng(key)
    size = (PORTRAIT_SIZE[0] // 2, PORTRAIT_SIZE[1] // 2)
    width, height = size
    image = _background(size, palette, rng)
    figure = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(figure)
    skin, dark = palette.rgb("light"), palette.rgb("dark")
    cx = width * rng.uniform(0.46, 0.54)
    head_w, head_h = width * 0.28, height * 0.36
    head_top = height * 0.17
    shoulders = (cx - width * 0.4, height * 0.7, cx + width * 0.4, height * 1.3)
    if hair == "longs":
        draw.rounded_rectangle(
            (
                cx - head_w * 0.62,
                head_top - height * 0.03,
                cx + head_w * 0.62,
                head_top + head_h * 1.25,
            ),
            radius=head_w * 0.5,
            fill=(*dark, 255),
        )
    draw.ellipse(shoulders, fill=(*palette.rgb("accent"), 235))
    draw.rectangle(
        (cx - head_w * 0.15, head_top + head_h * 0.8, cx + head_w * 0.15, height * 0.72),
        fill=(*skin, 255),
    )
    draw.ellipse((cx - head_w / 2, head_top, cx + head_w / 2, head_top + head_h), fill=(*skin, 255))
    if hair == "chignon":
        bun = width * 0.065
        draw.ellipse(
            (cx - bun, head_top - bun * 1.6, cx + bun, head_top + bun * 0.4), fill=(*dark, 255)
        )
    if hair == "bouclés":
        for k in range(9):
            angle = math.pi + k * math.pi / 8
            x = cx + head_w * 0.5 * math.cos(angle)
            y = head_top + head_h * 0.45 + head_h * 0.55 * math.sin(angle)
            curl = width * 0.045
            draw.ellipse((x - curl, y - curl, x + curl, y + curl), fill=(*dark, 255))
    else:
        draw.chord(
            (cx - head_w / 2, head_top - height * 0.01, cx + head_w / 2, head_top + head_h * 0.7),
            180,
            360,
            fill=(*dark, 255),
        )
    image = Image.alpha_composite(image, figure)
    description = (
        f"Portrait stylisé de {name} : silhouette en buste {HAIRSTYLES[hair]}, "
        f"sur un fond dégradé aux tons {palette.tones}."
    )
    return Picture(_finish(image, PORTRAIT_SIZE, rng), PORTRAIT_SIZE, description)

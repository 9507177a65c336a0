"""AVIF renditions encoded at speed 8 rather than Pillow's default 6.

AVIF was the cost of every image: after `make demo`, the renditions (AVIF, WebP and JPEG of
each size) took minutes, AVIF most of it. Measured on a demo illustration at 1280×720,
quality 60, on this 2-core machine (2026-12-02, loaded): speed 6, 0.94 s and 29.1 KB; speed
8, 0.35 s and 30.8 KB (+6 %); speed 9, 0.14 s but 34.0 KB. Speed 8 keeps nearly all of AVIF's
weight advantage for a third of the time. Wagtail (through Willow) passes only the quality to
Pillow, so the default is set where Pillow looks the saver up (`Image.register_save`, its
public hook), for every AVIF this process writes.
"""

from PIL import AvifImagePlugin, Image

SPEED = 8


def _save(image, fp, filename) -> None:
    image.encoderinfo.setdefault("speed", SPEED)
    AvifImagePlugin._save(image, fp, filename)


def register() -> None:
    Image.register_save(AvifImagePlugin.AvifImageFile.format, _save)

"""On demand (minutes, needs root): a real WordPress exported by WordPress itself, imported
into Gazette, then compared.

1. `../shared/bench/wordpress-peer.sh` starts (or reuses) the WordPress peer on 127.0.0.1:8080
   and writes its full export with WordPress's own `export_wp()`.
2. The export is imported into a fresh SQLite database, images read from the peer's
   `wp-content/uploads`.
3. Counts are compared three ways: what WordPress's REST API says it publishes, what the file
   holds, what Gazette holds.
4. Gazette's server starts on 127.0.0.1:8765, and for a sample of published posts and every
   page, the old address is requested on both sites: WordPress must answer 200, Gazette 301 to
   a page that answers 200 with the same title.

    sudo .venv/bin/python bench/wordpress_roundtrip.py [--sample 20]
"""

import argparse
import html
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import HTTPRedirectHandler, build_opener, urlopen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PEER = Path("/work/shared/bench/wordpress-peer.sh")
EXPORT = Path("/var/lib/wordpress-peer/exports/peer-full.xml")
UPLOADS = Path("/var/lib/wordpress/wp-content/uploads")
WORDPRESS = "http://127.0.0.1:8080"
GAZETTE = "http://127.0.0.1:8765"


class NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, *, follow: bool = True) -> tuple[int, str, str]:
    """(status, Location, body)"""
    opener = build_opener() if follow else build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, "", response.read().decode("utf-8", "replace")
    except HTTPError as error:
        return error.code, error.headers.get("Location", ""), ""


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", html.unescape(text))


def wordpress_total(kind: str) -> int:
    with urlopen(f"{WORDPRESS}/wp-json/wp/v2/{kind}?per_page=1", timeout=30) as response:
        return int(response.headers["X-WP-Total"])


def gazette_counts(env: dict) -> dict:
    script = (
        "import json; from gazette.news.models import ArticlePage, SimplePage, SectionPage, "
        "Author; from gazette.comments.models import Comment; from gazette.core.models import "
        "CreditedImage; from taggit.models import Tag; from wagtail.contrib.redirects.models "
        "import Redirect; print(json.dumps({'live posts': ArticlePage.objects.live().count(), "
        "'posts': ArticlePage.objects.count(), 'pages': SimplePage.objects.live().count(), "
        "'categories': SectionPage.objects.count(), 'tags': Tag.objects.count(), "
        "'authors': Author.objects.count(), 'images': CreditedImage.objects.count(), "
        "'comments': Comment.objects.count(), 'approved comments': "
        "Comment.objects.visible().count(), 'redirects': Redirect.objects.count()}))"
    )
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def file_counts() -> tuple[dict, list]:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
    from gazette.wordpress.wxr import Item, Term, read_wxr

    counts, items = Counter(), []
    for obj in read_wxr(EXPORT):
        if isinstance(obj, Term):
            counts["categories" if obj.kind == "category" else "tags"] += 1
        elif isinstance(obj, Item):
            counts[f"{obj.post_type} {obj.status}"] += 1
            counts["comments"] += len(obj.comments)
            counts["approved comments"] += sum(c.approved == "1" for c in obj.comments)
            items.append(obj)
    return counts, items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args()
    subprocess.run([str(PEER)], check=True)
    OUT.mkdir(exist_ok=True)
    database = OUT / "roundtrip.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        GAZETTE_VAR_DIR=str(OUT / "roundtrip-var"),
        GAZETTE_DEBUG="1",  # static files from the app folders: no collectstatic here
    )
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    started = time.perf_counter()
    subprocess.run(
        [*manage, "import_wordpress", str(EXPORT), "--uploads", str(UPLOADS)],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started

    in_file, items = file_counts()
    in_gazette = gazette_counts(env)
    in_wordpress = {
        "live posts": wordpress_total("posts"),
        "pages": wordpress_total("pages"),
        "categories": wordpress_total("categories"),
        "tags": wordpress_total("tags"),
    }
    comparisons = [
        ("live posts", in_wordpress["live posts"], in_file["post publish"]),
        ("posts", None, sum(n for k, n in in_file.items() if k.startswith("post "))),
        ("pages", in_wordpress["pages"], in_file["page publish"]),
        ("categories", in_wordpress["categories"], in_file["categories"]),
        ("tags", in_wordpress["tags"], in_file["tags"]),
        ("images", None, sum(n for k, n in in_file.items() if k.startswith("attachment"))),
        ("comments", None, in_file["comments"]),
        ("approved comments", None, in_file["approved comments"]),
    ]
    failures = []
    print(
        f"\nImport: {seconds:.1f} s\n\n"
        "| | WordPress (REST) | export file | Gazette |\n|---|---|---|---|"
    )
    for name, wordpress, in_export in comparisons:
        gazette = in_gazette[name]
        # WordPress counts every category, the export only the ones in use plus parents, and
        # Gazette adds « Non classé » only when a post has no category.
        expected = in_export
        print(
            f"| {name} | {wordpress if wordpress is not None else '—'} | {in_export} | {gazette} |"
        )
        if gazette < expected:
            failures.append(f"{name}: {gazette} in Gazette, {expected} in the export")
    print(f"| redirects | — | — | {in_gazette['redirects']} |")

    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", "127.0.0.1:8765"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                fetch(f"{GAZETTE}/")
                break
            except OSError:
                time.sleep(0.2)
        published = [i for i in items if i.post_type == "post" and i.status == "publish"]
        pages = [i for i in items if i.post_type == "page" and i.status == "publish"]
        sample = (
            random.Random(1).sample(  # noqa: S311 - a sample, not a secret
                published, min(args.sample, len(published))
            )
            + pages
        )
        print(
            "\n| old address | WordPress | Gazette | new address | same title |\n"
            "|---|---|---|---|---|"
        )
        for item in sample:
            parts = urlsplit(item.link)
            old = parts.path + (f"?{parts.query}" if parts.query else "")
            wp_status, _, wp_page = fetch(WORDPRESS + old)
            status, location, _ = fetch(GAZETTE + old, follow=False)
            final_status, _, page = fetch(GAZETTE + (location or old))
            # Both sites set French spacing and typographic quotes at render: compare the
            # characters, not the spaces.
            title = _letters(item.title)
            same = title in _letters(page) and title in _letters(wp_page)
            print(
                f"| `{old}` | {wp_status} | {status} | `{location or old}` → {final_status} "
                f"| {'oui' if same else 'NON'} |"
            )
            ok = wp_status == 200 and final_status == 200 and same
            if not ok or status not in {200, 301}:
                failures.append(f"{old}: WordPress {wp_status}, Gazette {status} → {final_status}")
    finally:
        server.terminate()
        server.wait()
    if failures:
        print("\nÉcarts :\n" + "\n".join(failures))
        sys.exit(1)
    print("\nAller-retour WordPress → Gazette : comptes et anciennes adresses conformes.")


if __name__ == "__main__":
    main()

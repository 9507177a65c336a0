"""Where every bench's figures go: printed, then appended to bench/RESULTS.md, the one record
of what was measured, on which machine and when (each bench writes its own heading)."""

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def publish(lines: list[str], record: bool = True) -> str:
    """Print the lines as one block and, unless the run was asked not to (`--no-record`, a
    trial run), append them to RESULTS.md after a blank line."""
    text = "\n".join(lines) + "\n"
    print(text)
    if record:
        with RESULTS.open("a") as file:
            file.write("\n" + text)
    return text

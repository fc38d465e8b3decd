"""Reading an article file: UTF-8 text of a size the loader would take, or a one-line refusal."""

from pathlib import Path

from app.seeding.safe_yaml import MAX_FILE_BYTES, too_large


class ArticleRefused(Exception):
    """An article file that cannot be drafted; the message is one line naming why."""


def read_article(path: Path) -> str:
    """The file's text, exactly as the loader will read it (offsets are into this text)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            # The loader refuses an article this large, so a draft of it could never load.
            raise ArticleRefused(f"{path}: {too_large(size)}")
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleRefused(f"{path}: cannot be read: {error.strerror or error}") from None
    if b"\0" in raw:
        raise ArticleRefused(f"{path}: is not a text file (it holds NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleRefused(
            f"{path}: is not UTF-8 (byte {error.start} cannot be decoded); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from None
    if not text.strip():
        raise ArticleRefused(f"{path}: is empty")
    return text

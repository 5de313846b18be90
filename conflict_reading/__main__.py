"""The kit from the shell.

    python -m conflict_reading extract PATH --json [--lang id|en|auto]

prints what the reading engine finds in an article, as specified in the
``extract`` contract (one JSON object on stdout).

    python -m conflict_reading report PATH [-o REPORT.html] [--force]

writes a teacher's reading report of the article: one self-contained HTML file.
Bad input gives one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from .article import Article, load_article
from .errors import KitError

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


QUOTE_FIELDS = ["text", "kind", "paragraph_start", "paragraph_end", "speaker", "cue", "start", "end"]
NUMBER_FIELDS = ["text", "paragraph", "value", "unit", "kind", "start", "end"]
PLACE_FIELDS = ["text", "paragraph", "name", "kind", "lat", "lon", "start", "end"]
SOURCE_FIELDS = ["kind", "source", "source_kind", "cue", "paragraph", "text", "start", "end"]


def _records(table, fields: list[str]) -> list[dict]:
    """Rows as plain JSON values (missing values as null), in the contract's field order."""
    records = []
    for row in table[fields].itertuples(index=False):
        record = {}
        for name, value in zip(fields, row):
            if value is None or (isinstance(value, float) and value != value):
                value = None
            elif hasattr(value, "item"):  # numpy scalars
                value = value.item()
            record[name] = value
        records.append(record)
    return records


def extract(article: Article) -> dict:
    """The contract's JSON object for ``article``.

    Every list is in the order of the text (by ``start``).
    """
    from .numbers import find_numbers
    from .places import find_places
    from .quotes import find_quotes
    from .sources import find_sources

    quotes = find_quotes(article)
    return {
        "article": article.summary(),
        "quotes": _records(quotes, QUOTE_FIELDS),
        "numbers": _records(find_numbers(article), NUMBER_FIELDS),
        "places": _records(find_places(article), PLACE_FIELDS),
        "sources": _records(find_sources(article, quotes), SOURCE_FIELDS),
    }


def _extract_command(args) -> int:
    article = load_article(args.path, language=args.lang)
    result = extract(article)
    result["article"]["path"] = args.path
    if args.json:
        sys.stdout.buffer.write(json.dumps(result, ensure_ascii=False).encode("utf-8") + b"\n")
    else:
        a = result["article"]
        print(
            f"{a['path']}: language {a['language']}, {a['paragraphs']} paragraphs, "
            f"{a['sentences']} sentences, {a['words']} words"
        )
    return 0


def _report_command(args) -> int:
    from .report import write_report

    written = write_report(args.path, args.output, language=args.lang, force=args.force)
    print(f"Wrote {written} ({written.stat().st_size / 1000:,.0f} kB): open it in any browser, no network needed.")
    return 0


def _class_report_command(args) -> int:
    from .class_report import summary_line, write_class_report

    page, grid, data = write_class_report(args.paths, args.output, csv_path=args.csv, force=args.force)
    if note := summary_line(data):
        print(note, file=sys.stderr)
    print(f"Wrote {page} and {grid}: {len(data.learners)} learners; open the page in any browser, no network needed.")
    return 0


def _one_line_errors(parser: argparse.ArgumentParser) -> None:
    """Make a subcommand's argument errors (unknown options too) one line on stderr, exit code 2."""
    def error(message: str):
        parser.exit(EXIT_BAD_INPUT, f"error: {message} ({parser.prog} --help explains).\n")

    parse_known = parser.parse_known_args

    def parse_known_args(args=None, namespace=None):
        namespace, extras = parse_known(args, namespace)
        if extras:
            error(f"unrecognized arguments: {' '.join(extras)[:200]}")
        return namespace, extras

    parser.error, parser.parse_known_args = error, parse_known_args


CLASS_REPORT_HELP = (
    "Write the instructor's view of a class from the learners' progress journals and CSV exports: one "
    "self-contained HTML page (who passed, tried or did not try each exercise; the hardest exercises; the "
    "commonest wrong answers; hints used; reflections to read) and the same grid as a CSV for a gradebook. "
    "Folders are searched for the files; nothing is sent anywhere and no learner's file is changed."
)

REPORT_HELP = (
    "Write a teacher's reading report of an article: one self-contained HTML file (no network needed to view "
    "or print it) with the highlighted text, who is quoted and how much, every number and whose voice it is in, "
    "the places and a map, and questions for class. The figures come from the kit's rules-based engine."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m conflict_reading", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  python -m conflict_reading extract data/articles/koalisi-isis-roma.txt --json\n"
               "  python -m conflict_reading report koalisi-isis-roma -o koalisi-report.html\n"
               "  python -m conflict_reading report my-article.txt      (writes my-article-report.html here)\n"
               "  python -m conflict_reading class-report handed-in/ -o class.html   (and class.csv)\n\n"
               "python -m conflict_reading COMMAND --help explains a command.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract_parser = commands.add_parser("extract", help="what the engine finds in an article")
    extract_parser.add_argument("path", help="a UTF-8 text file, one paragraph per line")
    extract_parser.add_argument("--json", action="store_true", help="print the contract's JSON object")
    extract_parser.add_argument("--lang", choices=["id", "en", "auto"], default="auto", help="the article's language")
    extract_parser.set_defaults(run=_extract_command)
    report_parser = commands.add_parser("report", help="write a teacher's HTML reading report of an article",
                                        description=REPORT_HELP)
    report_parser.add_argument("path", help="a UTF-8 text file, one paragraph per line, or the name of an article "
                                            "in data/articles/ (e.g. koalisi-isis-roma)")
    report_parser.add_argument("-o", "--output", metavar="REPORT.html",
                               help="where to write (default: <article>-report.html in the current folder; "
                                    "a folder means that name in it); a previous report is replaced")
    report_parser.add_argument("--force", action="store_true",
                               help="replace the output file even if it is not a previous report")
    report_parser.add_argument("--lang", choices=["id", "en", "auto"], default="auto", help="the article's language")
    report_parser.set_defaults(run=_report_command)
    class_parser = commands.add_parser("class-report", help="write the instructor's HTML view of a class's progress",
                                       description=CLASS_REPORT_HELP)
    _one_line_errors(class_parser)
    class_parser.add_argument("paths", nargs="+", metavar="PATH",
                              help="a folder of handed-in files, a folder of the learners' home folders, or files "
                                   "(progress.jsonl, amira.csv, …)")
    class_parser.add_argument("-o", "--output", metavar="CLASS.html", default="class.html",
                              help="the page to write (default: class.html here; a folder means class.html in it); "
                                   "a previous class report is replaced")
    class_parser.add_argument("--csv", metavar="CLASS.csv",
                              help="the grid for a gradebook (default: the page's name ending in .csv, beside it)")
    class_parser.add_argument("--force", action="store_true",
                              help="replace the output files even if this command did not write them")
    class_parser.set_defaults(run=_class_report_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except KitError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never a traceback for a teacher at the shell
        if os.environ.get("CONFLICT_READING_DEBUG"):
            raise
        print(
            f"internal error ({type(error).__name__}: {error}); "
            "set CONFLICT_READING_DEBUG=1 to see the details and please report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())

"""The ``phongtrao`` command: plans, templates and plugins, and checking documents.

It validates, renders, starts and lists plans, templates and plugins,
checks documents against the decree's format rules (``lint``), writes the
statistics forms a plan sends down (``form``) and adds up what comes back
(``aggregate``).

Exit codes (every command):

- 0: done; for ``validate``, every plan is valid, for ``lint``, every document
  conforms (warnings may be printed);
- 1: a plan has problems (listed one a line as ``FILE: $.path: message``), a
  document breaks a format rule (``FILE: error CODE: …``), or returned forms
  have problems (``FILE SHEET!CELL: message``; nothing is written);
- 2: usage error, or a file that cannot be read or written (for ``lint``: not a
  .docx, encrypted, damaged, beyond a limit);
- 3: rendering failed (template or PDF conversion).

Errors are one line on standard error; ``--debug`` shows the traceback too.
Output never fails on a character the terminal cannot show: it is escaped; a
reader that stops reading (``| head``) ends the command quietly (exit 141).
Heavy modules are imported only by the command that needs them, so
``phongtrao --help`` answers at once.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from phongtrao._templates import KIND_TEMPLATES

if TYPE_CHECKING:
    from phongtrao import Finding, Renderer
    from phongtrao.errors import UnitLookupError
    from phongtrao.model import AdministrativeUnit, Plan

__all__ = ["main"]

OK, PROBLEMS, USAGE, RENDER_FAILED, INTERRUPTED = 0, 1, 2, 3, 130


class _CommandError(Exception):
    """Leave with an exit code after printing a one-line message."""

    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise _CommandError(USAGE, f"{self.prog}: error: {message}")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        # --help and --version end here: main() returns the code instead of raising SystemExit.
        if message:
            self._print_message(message, sys.stderr)
        raise _CommandError(status)


def _write_failure(output: Path, error: OSError, *, force: bool) -> _CommandError:
    """Say why ``output`` could not be written; only an existing ``output`` asks for --force."""
    if isinstance(error, FileExistsError):
        if not force and output.exists():
            return _CommandError(USAGE, f"{output} exists; pass --force to replace it")
        # mkdir of the parent folder found a file of that name.
        blocker = error.filename or output.parent
        return _CommandError(USAGE, f"cannot write {output}: {blocker} exists and is not a folder")
    return _CommandError(USAGE, f"cannot write {output}: {error.strerror or error}")


def _print_problems(source: str, problems: Sequence[object]) -> None:
    for problem in problems:
        print(f"{source}: {problem}")


def _load(path: str) -> Plan:
    import phongtrao

    try:
        return phongtrao.load_plan(Path(path))
    except phongtrao.PlanError as error:
        unreadable = any(p.code in ("unreadable",) for p in error.problems)
        _print_problems(path, error.problems)
        raise _CommandError(USAGE if unreadable else PROBLEMS) from None


class _Session:
    """What one run of the command uses: one renderer, made when first needed."""

    def __init__(self) -> None:
        self._renderer: Renderer | None = None

    @property
    def renderer(self) -> Renderer:
        if self._renderer is None:
            from phongtrao import Plugins, Renderer

            self._renderer = Renderer(Plugins(timeout=_hook_timeout()))
        return self._renderer


#: Environment variable: the seconds a plugin may take to import or answer a hook.
HOOK_TIMEOUT_ENV = "PHONGTRAO_HOOK_TIMEOUT"
_HOOK_TIMEOUT = 60.0


def _hook_timeout() -> float | None:
    """The command's time limit for plugin code: PHONGTRAO_HOOK_TIMEOUT, else 60 s."""
    import os

    value = os.environ.get(HOOK_TIMEOUT_ENV, "").strip()
    if not value:
        return _HOOK_TIMEOUT
    if value.lower() in ("0", "none", "off"):
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise _CommandError(USAGE, f"{HOOK_TIMEOUT_ENV}={value!r} is not a number of "
                            "seconds; expected e.g. 60, or 0 for no limit") from None
    return seconds if seconds > 0 else None


def _validate(args: argparse.Namespace) -> int:
    import phongtrao

    worst = OK
    for path in args.plans:
        try:
            plan = _load(path)
        except _CommandError as stop:
            worst = max(worst, stop.code)
            continue
        problems = args.session.renderer.check(plan)
        _print_problems(path, problems)
        if any(p.severity is phongtrao.Severity.ERROR for p in problems):
            worst = max(worst, PROBLEMS)
    return worst


def _render(args: argparse.Namespace) -> int:
    import phongtrao

    plan = _load(args.plan)
    output = Path(args.output)
    try:
        if args.pdfa and output.suffix.lower() != ".pdf":
            raise _CommandError(USAGE, f"--pdfa writes PDF/A; give a .pdf output, not {output}")
        with _terminate_as_interrupt():
            rendered = args.session.renderer.render(plan, output, template=args.template,
                                                    overwrite=args.force, pdfa=args.pdfa,
                                                    draft=args.draft, document=args.document)
    except phongtrao.PlanError as error:
        _print_problems(args.plan, error.problems)
        return PROBLEMS
    except ValueError as error:
        raise _CommandError(USAGE, str(error)) from None
    except OSError as error:
        raise _write_failure(output, error, force=args.force) from None
    except phongtrao.RenderError as error:
        raise _CommandError(RENDER_FAILED, str(error)) from None
    # Warnings do not stop a render, but the officer should still see them.
    for problem in rendered.warnings:
        print(f"{args.plan}: {problem}", file=sys.stderr)
    print(rendered.path)
    return OK


def _package(args: argparse.Namespace) -> int:
    import attrs

    import phongtrao

    plan = _load(args.plan)
    listed = None
    if args.nominees is not None:
        try:
            listed = phongtrao.load_nominees(Path(args.nominees), name=args.nominees)
        except phongtrao.NomineeListError as error:
            for unreadable in error.problems:
                print(unreadable)
            return PROBLEMS
        plan = attrs.evolve(plan, nominees=listed.nominees)
    folder = Path(args.output)
    try:
        with _terminate_as_interrupt():
            written = args.session.renderer.render_package(
                plan, folder, documents=args.document or None, pdf=args.pdf, pdfa=args.pdfa,
                draft=args.draft, overwrite=args.force)
    except phongtrao.PlanError as error:
        for problem in error.problems:
            where = listed.locate(problem.path) if listed is not None else None
            if where is not None and listed is not None:
                print(f"{listed.source} {where}: {problem.message} [{problem.code}]")
            else:
                print(f"{args.plan}: {problem}")
        return PROBLEMS
    except FileExistsError as error:
        existing = Path(error.filename or folder)
        raise _CommandError(USAGE, f"{existing} exists; pass --force to replace the set's "
                            "files (nothing was written)") from None
    except OSError as error:
        raise _write_failure(folder, error, force=args.force) from None
    except phongtrao.RenderError as error:
        raise _CommandError(RENDER_FAILED, str(error)) from None
    for problem in written.warnings:
        print(f"{args.plan}: {problem}", file=sys.stderr)
    for path in written.written:
        print(path)
    for left in written.left_out:
        them = "them" if len(left.needs) > 1 else "it"
        print(f"{args.plan}: {left}; give {them} in the plan, or pass --draft to print «…» "
              "where it goes", file=sys.stderr)
    return PROBLEMS if written.left_out else OK


def _new(args: argparse.Namespace) -> int:
    import phongtrao
    from phongtrao.model import Level

    if args.unit is not None and not args.unit.strip():
        raise _CommandError(
            USAGE, "--unit is empty; give the unit's name, such as 'Cẩm Bình', or leave --unit "
            "out to get a «…» placeholder"
        )
    plugins = args.session.renderer.plugins
    try:
        movement = plugins.movement(args.movement)
    except KeyError as error:
        raise _CommandError(USAGE, str(error.args[0])) from None
    year = args.year if args.year is not None else _this_year()
    try:
        plan = plugins.new_plan(Level(args.level), args.unit, year, movement,
                                province=args.province, unlisted=args.unlisted)
    except phongtrao.UnitLookupError as error:
        raise _CommandError(USAGE, f"{error}{_unit_hint(error)}") from None
    except ValueError as error:
        raise _CommandError(USAGE, str(error)) from None
    output = Path(args.output)
    try:
        phongtrao.dump_plan(plan, output, overwrite=args.force)
    except ValueError as error:
        raise _CommandError(USAGE, str(error)) from None
    except OSError as error:
        raise _write_failure(output, error, force=args.force) from None
    left = [p for p in args.session.renderer.check(plan) if p.code == "placeholder"]
    print(f"{output}: starter plan written; fill in the {len(left)} values marked «…» "
          f"(phongtrao validate {output} lists them)")
    return OK


def _unit_hint(error: UnitLookupError) -> str:
    """What the command's options can do about a unit the registry cannot settle."""
    if error.outcome == "shared":
        return " (or with --province)"
    stop = "" if str(error).endswith((".", "?")) else "."
    return (f"{stop} If the unit is right but the registry does not list it then, pass "
            "--unlisted to write it as given.")


def _this_year() -> int:
    import datetime

    return datetime.date.today().year


def _templates(args: argparse.Namespace) -> int:
    for name, (plugin, spec) in sorted(args.session.renderer.templates().items()):
        source = "built-in" if plugin == "national" else f"plugin {plugin}"
        print(f"{name}\t{spec.kind.value}\t{source}\t{spec.file}")
    return OK


def _plugins(args: argparse.Namespace) -> int:
    plugins = args.session.renderer.plugins
    for info in plugins.info():
        templates = ", ".join(info.templates) or "-"
        print(f"{info.name} {info.version}")
        print(f"  hooks: {', '.join(info.hooks)}")
        print(f"  templates: {templates}")
    return PROBLEMS if plugins.failures else OK


def _plugin_new(args: argparse.Namespace) -> int:
    from phongtrao._scaffold import write_plugin

    try:
        root = write_plugin(args.name, Path(args.output))
    except ValueError as error:
        raise _CommandError(USAGE, str(error)) from None
    except OSError as error:
        raise _CommandError(USAGE, str(error)) from None
    print(root)
    print(f"next: pip install -e {root} && phongtrao plugins")
    return OK


def _batch(args: argparse.Namespace) -> int:
    from phongtrao import BatchInterrupted, worker_pool
    from phongtrao._batch import BatchFailure, render_many

    if args.force and args.skip_existing:
        raise _CommandError(USAGE, "--force replaces documents that exist and --skip-existing "
                            "keeps them; give one of them")
    jobs = args.jobs if args.jobs is not None else 1
    if jobs < 1:
        raise _CommandError(USAGE, f"--jobs must be 1 or more, got {jobs}")
    failures: list[BatchFailure] = []
    bar = _ProgressBar(len(args.plans))

    def report(failure: BatchFailure) -> None:
        failures.append(failure)
        if failure.kind == "exists":
            bar.write(f"phongtrao: {failure.source}: {failure.target} exists; pass --force to "
                      "replace it, or --skip-existing to keep it")
        else:
            bar.write(f"phongtrao: {failure}")

    pool = worker_pool(jobs) if jobs > 1 else None
    try:
        with _terminate_as_interrupt(), bar, pool if pool is not None else _nothing():
            written = render_many(args.plans, args.output, template=args.template,
                                  executor=pool, progress=bar.update, pdf=args.pdf or args.pdfa,
                                  pdfa=args.pdfa, overwrite=args.force,
                                  skip_existing=args.skip_existing, draft=args.draft,
                                  on_failure=report, renderer=args.session.renderer)
    except BatchInterrupted as stopped:
        print(f"phongtrao: {args.output}: stopped: {len(stopped.written)} written, "
              f"{stopped.not_done} not done; rerun with --skip-existing to finish",
              file=sys.stderr)
        return INTERRUPTED
    skipped = len(args.plans) - len(written) - len(failures)
    kept = f", {skipped} skipped (already there)" if skipped else ""
    print(f"{args.output}: {len(written)} written{kept}, {len(failures)} failed")
    return PROBLEMS if failures else OK


class _ProgressBar:
    """Progress on standard error, per document, with rate and ETA: on a terminal only."""

    def __init__(self, total: int) -> None:
        self._bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True,
                             leave=False)

    def update(self, done: int, total: int) -> None:
        if self._bar is not None:
            self._bar.update(done - self._bar.n)

    def write(self, message: str) -> None:
        """Print a line above the bar (or alone, without one) on standard error."""
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM stops the command as Ctrl-C does (a batch then stops cleanly)."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave SIGTERM as it is
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield


def _communes(args: argparse.Namespace) -> int:
    import phongtrao
    from phongtrao._batch import output_names
    from phongtrao._cascade import commune_plans

    parent = _load(args.plan)
    try:
        plans = list(commune_plans(parent, plugins=args.session.renderer.plugins))
    except (ValueError, KeyError) as error:
        raise _CommandError(USAGE, str(error.args[0] if error.args else error)) from None
    folder = Path(args.output)
    suffix = f".{args.format}"
    for plan, name in zip(plans, output_names(plans, suffix), strict=True):
        try:
            phongtrao.dump_plan(plan, folder / name, overwrite=args.force)
        except OSError as error:
            raise _write_failure(folder / name, error, force=args.force) from None
    print(f"{folder}: {len(plans)} commune plans written; values marked «…» are for each "
          "commune to fill in (render drafts with 'phongtrao batch --draft')")
    return OK


# -- reports up the cascade ------------------------------------------------------------


def _units_of(args: argparse.Namespace, plan: Plan) -> tuple[AdministrativeUnit, ...] | None:
    """The lower units: from --units FILE, from the cascade (--units alone), or None (not given)."""
    import phongtrao

    given = getattr(args, "units", None)
    if given is None:
        return None
    if given != _CASCADE:
        try:
            return phongtrao.load_units(Path(given))
        except phongtrao.PlanError as error:
            _print_problems(given, error.problems)
            raise _CommandError(USAGE) from None
    try:
        return phongtrao.lower_units(plan, args.session.renderer.plugins)
    except ValueError as error:
        raise _CommandError(USAGE, f"{args.plan}: {error}") from None


_CASCADE = "\0cascade"


def _form(args: argparse.Namespace) -> int:
    import phongtrao

    plan = _load(args.plan)
    if not plan.indicators:
        raise _CommandError(USAGE, f"{args.plan}: the plan defines no indicators, so its form "
                            "would have nothing to count; add them under 'indicators:' "
                            "(docs/howto-issuers.md)")
    output = Path(args.output)
    units = _units_of(args, plan)
    key = phongtrao.plan_key(plan)
    if units is None:
        if output.suffix.lower() != ".xlsx":
            raise _CommandError(USAGE, f"a form is an Excel workbook; give an output ending in "
                                f".xlsx, not {output} (or --units to write one per unit into a "
                                "folder)")
        try:
            phongtrao.write_form(plan, output, overwrite=args.force)
        except OSError as error:
            raise _write_failure(output, error, force=args.force) from None
        print(f"{output}: form written (plan key {key}); send it to each lower unit to fill in")
        return OK
    if output.suffix.lower() == ".xlsx":
        raise _CommandError(USAGE, f"--units writes one form per unit into a folder; give a "
                            f"folder, not {output}")
    if not units:
        raise _CommandError(USAGE, f"{args.units}: lists no unit")
    try:
        written = phongtrao.write_forms(plan, output, units, overwrite=args.force)
    except FileExistsError as error:
        existing = Path(error.filename or output)
        raise _CommandError(USAGE, f"{existing} exists; pass --force to replace the forms "
                            "(nothing was written)") from None
    except OSError as error:
        raise _write_failure(output, error, force=args.force) from None
    print(f"{output}: {len(written)} forms written, one per unit (plan key {key})")
    return OK


def _result_paths(sources: Sequence[str]) -> list[Path]:
    """The files given, a folder standing for its forms and results files (not Excel's ~$ locks)."""
    paths: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            paths += sorted(item for item in path.iterdir()
                            if item.suffix.lower() in (".xlsx", ".yaml", ".yml", ".json")
                            and not item.name.startswith(("~$", ".")) and item.is_file())
        else:
            paths.append(path)
    return paths


def _aggregate(args: argparse.Namespace) -> int:
    import phongtrao

    plan = _load(args.plan)
    if not plan.indicators:
        raise _CommandError(USAGE, f"{args.plan}: the plan defines no indicators, so there is "
                            "nothing to add up; add them under 'indicators:'")
    jobs = args.jobs if args.jobs is not None else 1
    if jobs < 1:
        raise _CommandError(USAGE, f"--jobs must be 1 or more, got {jobs}")
    if args.units is None:
        try:
            units: tuple[AdministrativeUnit, ...] | None = phongtrao.lower_units(
                plan, args.session.renderer.plugins)
        except ValueError as error:
            print(f"phongtrao: note: {error}; units that did not report cannot be named",
                  file=sys.stderr)
            units = None
    else:
        units = _units_of(args, plan)
    paths = _result_paths(args.results)
    if not paths:
        raise _CommandError(USAGE, f"no forms or results files in {', '.join(args.results)}")
    output = Path(args.output)
    pool = phongtrao.worker_pool(jobs) if jobs > 1 else None
    try:
        with pool if pool is not None else _nothing():
            results = phongtrao.read_results(plan, paths, units=units, partial=args.partial,
                                             executor=pool)
    except phongtrao.ResultsError as error:
        for problem in error.problems:
            print(problem)
        print(f"phongtrao: {len(error.problems)} problems in the results; nothing was written "
              f"(fix them, or pass --partial to add up the others)", file=sys.stderr)
        return PROBLEMS
    except ValueError as error:
        raise _CommandError(USAGE, str(error)) from None
    total = phongtrao.aggregate(plan, results)
    try:
        written = phongtrao.write_aggregate(total, output, overwrite=args.force,
                                            charts=not args.no_charts, plan=plan,
                                            renderer=args.session.renderer)
    except phongtrao.PlanError as error:
        _print_problems(args.plan, error.problems)
        print("phongtrao: the plan has errors, so its báo cáo cannot be made; nothing was "
              "written", file=sys.stderr)
        return PROBLEMS
    except phongtrao.RenderError as error:
        raise _CommandError(RENDER_FAILED, f"{error} (nothing was written)") from None
    except FileExistsError as error:
        existing = Path(error.filename or output)
        raise _CommandError(USAGE, f"{existing} exists; pass --force to replace it (nothing "
                            "was written)") from None
    except ImportError as error:
        raise _CommandError(USAGE, f"{error} (nothing was written)") from None
    except OSError as error:
        raise _write_failure(output, error, force=args.force) from None
    for item in total.indicators:
        print(f"{item.indicator.id}: {item.phrase}")
    expected = len(total.reported) + len(total.missing) + len(total.left_out)
    print(f"{len(total.reported)} of {expected} units counted" if units is not None
          else f"{len(total.reported)} units counted")
    for unit in total.missing:
        print(f"not reported: {unit.full_name}")
    for left in total.left_out:
        print(f"left out: {left}", file=sys.stderr)
    for name in total.carried:
        print(f"left out below: {name}", file=sys.stderr)
    print(f"{output}: {len(written)} files written ({', '.join(p.name for p in written[:3])}"
          f"{', …' if len(written) > 3 else ''})")
    return OK


def _finding_line(source: str, finding: Finding) -> str:
    """One finding on one line: where, verdict and code, the Vietnamese, the English, the basis."""
    where = finding.where
    return (f"{source}: {finding.verdict} {finding.code}: {where.describe('vi')}: "
            f"{finding.message} | {where.describe('en')}: {finding.message_en} "
            f"[{finding.basis}]")


def _summary(findings: Sequence[Finding]) -> tuple[int, int, int]:
    errors = sum(1 for finding in findings if finding.is_error)
    not_evaluated = sum(1 for finding in findings if not finding.evaluated)
    return errors, len(findings) - errors - not_evaluated, not_evaluated


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _summary_line(source: str, findings: Sequence[Finding]) -> str:
    errors, warnings, not_evaluated = _summary(findings)
    parts = [_counted(warnings, "warning")] if warnings else []
    if not_evaluated:
        parts.append(f"{not_evaluated} not evaluated")
    if errors:
        return f"{source}: does not conform: " + ", ".join([_counted(errors, "error"), *parts])
    if not_evaluated:
        return f"{source}: no error found, but not fully checked: " + ", ".join(parts)
    return f"{source}: conforms" + (f" ({', '.join(parts)})" if parts else "")


def _finding_json(finding: Finding) -> dict[str, object]:
    where = finding.where
    return {
        "code": finding.code, "severity": finding.severity.value,
        "evaluated": finding.evaluated, "message": finding.message,
        "message_en": finding.message_en, "basis": finding.basis,
        "where": {"part": where.part.value, "paragraph": where.paragraph, "text": where.text,
                  "page": where.page, "section": where.section,
                  "description": where.describe("en"), "description_vi": where.describe("vi")},
    }


def _lint(args: argparse.Namespace) -> int:
    import json

    import phongtrao

    worst = OK
    reports: list[dict[str, object]] = []
    plugins = args.session.renderer.plugins
    for source in args.documents:
        try:
            findings = phongtrao.lint(Path(source), plugins=plugins)
        except phongtrao.DocumentError as error:
            print(f"phongtrao: error: {error}", file=sys.stderr)
            reports.append({"file": source, "readable": False, "error": error.reason})
            worst = max(worst, USAGE)
            continue
        errors, warnings, not_evaluated = _summary(findings)
        if errors:
            worst = max(worst, PROBLEMS)
        if args.format == "json":
            reports.append({"file": source, "readable": True, "conforms": not errors,
                            "errors": errors, "warnings": warnings,
                            "not_evaluated": not_evaluated,
                            "findings": [_finding_json(finding) for finding in findings]})
            continue
        for finding in findings:
            print(_finding_line(source, finding))
        print(_summary_line(source, findings))
    if args.format == "json":
        print(json.dumps(reports, ensure_ascii=False, indent=2))
    return worst


def _parser() -> _Parser:
    parser = _Parser(
        prog="phongtrao",
        description="Plans (Kế hoạch) for the summary conferences of Vietnamese mass "
        "movements: validate plan files and render them to Decree-30 .docx or .pdf.",
        epilog="Exit codes: 0 done, 1 plan problems or a document breaking a format rule, "
        "2 usage error or unreadable file, 3 rendering failed.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    # --debug is accepted after the command too; SUPPRESS keeps the command's parser from
    # resetting a --debug given before it.
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    validate = commands.add_parser(
        "validate", parents=[common], help="check plan files and list their problems",
        description="Load and check each plan file; print 'FILE: $.path: message' for each "
        "problem. Exit 0 when every plan is valid (warnings allowed), 1 when a plan has "
        "errors, 2 when a file cannot be read.",
    )
    validate.add_argument(
        "plans", nargs="+", metavar="PLAN", help="plan file (.yaml, .json, .toml)"
    )
    validate.set_defaults(handler=_validate)

    render = commands.add_parser(
        "render", parents=[common], help="render a plan to .docx or .pdf",
        description="Render a plan to a Decree-30 document; the output suffix (.docx or .pdf) "
        "chooses the format. PDF output needs LibreOffice. A plan with errors is not "
        "rendered (exit 1); warnings are printed on standard error and do not stop it.",
    )
    render.add_argument("plan", metavar="PLAN", help="plan file (.yaml, .json, .toml)")
    render.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output file, .docx or .pdf")
    render.add_argument("--template", metavar="NAME_OR_PATH",
                        help="template name (see 'phongtrao templates') or .docx path")
    render.add_argument("--force", action="store_true", help="replace OUT if it exists")
    render.add_argument("--pdfa", action="store_true",
                        help="write PDF/A-2b, the archival form of PDF (OUT must be .pdf)")
    render.add_argument("--document", choices=KIND_TEMPLATES, default="ke-hoach", metavar="KIND",
                        help="which document of the conference's set: "
                        f"{', '.join(KIND_TEMPLATES)} (default: ke-hoach)")
    render.add_argument("--draft", action="store_true",
                        help="print «…» for values still to fill and facts the document lacks")
    render.set_defaults(handler=_render)

    package = commands.add_parser(
        "package", parents=[common], help="write the conference's whole document set",
        description="Write every document the plan asks for (its Kế hoạch, and those under "
        "'documents:' — đề cương, giấy mời, chương trình, tờ trình, quyết định, báo cáo, công "
        "văn, quyết định ban hành) into OUT_DIR, one file each named by its place in the set "
        "(01-ke-hoach.docx … 09-quyet-dinh-ban-hanh.docx). A document lacking facts is left "
        "out with a line saying what it needs (exit 1), unless --draft prints «…» where they "
        "go. Nothing is written when a file of the set exists (without --force) or a document "
        "fails.",
    )
    package.add_argument("plan", metavar="PLAN", help="plan file (.yaml, .json, .toml)")
    package.add_argument("-o", "--output", required=True, metavar="OUT_DIR",
                         help="folder to write the documents into (made when missing)")
    package.add_argument("--document", action="append", choices=KIND_TEMPLATES, metavar="KIND",
                         help="only this kind (repeatable): " + ", ".join(KIND_TEMPLATES))
    package.add_argument("--pdf", action="store_true", help="write .pdf (needs LibreOffice)")
    package.add_argument("--pdfa", action="store_true",
                         help="write PDF/A-2b, the archival form of PDF (implies --pdf)")
    package.add_argument("--draft", action="store_true",
                         help="make every document, printing «…» where a fact is missing")
    package.add_argument("--force", action="store_true",
                         help="replace the set's files if they exist")
    package.add_argument("--nominees", metavar="LIST.xlsx",
                         help="the nominees from an .xlsx list (row 1: STT, Họ và tên / Tên tập "
                         "thể, Đối tượng, Chức vụ, Đơn vị, Thành tích tóm tắt, Hình thức), "
                         "instead of the plan's")
    package.set_defaults(handler=_package)

    new = commands.add_parser(
        "new", parents=[common], help="write a starter plan to fill in",
        description="Write a starter plan for a summary conference of a movement — 'Toàn dân "
        "đoàn kết xây dựng đời sống văn hóa' unless --movement names another from the "
        "plugins' catalog — with national defaults (or a plugin's, for the units it knows). "
        "Values to supply are marked «…»; 'phongtrao validate' names each one until it is "
        "filled.",
    )
    new.add_argument("--level", choices=["xa", "huyen", "tinh"], default="xa",
                     help="the issuer's level (default: xa)")
    new.add_argument("--unit", metavar="NAME",
                     help="the unit: its name ('Cẩm Bình', 'phường Bến Thành'), with its "
                     "province when the name is shared ('phường Hoàng Mai, Nghệ An'), or its "
                     "official code; looked up in the unit registry for the plan's year")
    new.add_argument("--province", metavar="NAME_OR_CODE",
                     help="the province (or district) the unit lies in, when its name alone "
                     "names several units")
    new.add_argument("--unlisted", action="store_true",
                     help="write the unit as given, without looking it up (a unit the registry "
                     "does not list)")
    new.add_argument(
        "--year", type=int, metavar="YYYY", help="the plan's year (default: this year)"
    )
    new.add_argument("-o", "--output", required=True, metavar="PLAN",
                     help="file to write (.yaml, .json or .toml)")
    new.add_argument("--movement", metavar="NAME",
                     help="the movement, by name or abbreviation from the plugins' catalog "
                     "(default: TDĐKXDĐSVH)")
    new.add_argument("--force", action="store_true", help="replace PLAN if it exists")
    new.set_defaults(handler=_new)

    templates = commands.add_parser(
        "templates", parents=[common], help="list the available templates",
        description="List each template: name, document kind, where it comes from, its file.",
    )
    templates.set_defaults(handler=_templates)

    batch = commands.add_parser(
        "batch", parents=[common], help="render many plans into a folder",
        description="Render each plan file into OUT_DIR, one document each, named after the "
        "plan file. A plan that fails is reported and the others are still written (exit 1). "
        "A progress bar shows on a terminal. Ctrl-C or SIGTERM stops the batch within two "
        "seconds, keeping every document written whole, and exits 130; --skip-existing then "
        "finishes it. PDF output keeps one LibreOffice running per worker.",
    )
    batch.add_argument("plans", nargs="+", metavar="PLAN", help="plan files")
    batch.add_argument("-o", "--output", required=True, metavar="OUT_DIR",
                       help="folder to write the documents into")
    batch.add_argument("--jobs", "-j", type=int, metavar="N",
                       help="worker processes (default: 1, in this process)")
    batch.add_argument("--pdf", action="store_true", help="write .pdf (needs LibreOffice)")
    batch.add_argument("--pdfa", action="store_true",
                       help="write PDF/A-2b, the archival form of PDF (implies --pdf)")
    batch.add_argument("--template", metavar="NAME_OR_PATH",
                       help="one template for every plan (default: chosen per plan)")
    batch.add_argument("--draft", action="store_true",
                       help="render drafts: values still marked «…» are printed as they are")
    batch.add_argument("--force", action="store_true", help="replace documents that exist")
    batch.add_argument("--skip-existing", action="store_true",
                       help="keep documents that exist and count them as done: finishes a "
                       "batch that was stopped")
    batch.set_defaults(handler=_batch)

    communes = commands.add_parser(
        "communes", parents=[common],
        help="derive the commune plans of a province or district plan",
        description="Write the plan of every commune-level unit under the unit that issues "
        "PLAN, as the unit registry has them on PLAN's date: a province's after the 2025 "
        "reform (the official list of 3,321 units from 2025-07-01), a district's before it "
        "(from vietnam-provinces 2026.1 or later, or from a plugin: huyện Cẩm Xuyên's 23 of "
        "2021 from ha-tinh). Each cites PLAN as its basis; what only the commune can know "
        "stays marked «…».",
    )
    communes.add_argument("plan", metavar="PLAN",
                          help="the province-level (or, before the reform, district-level) "
                          "plan file")
    communes.add_argument("-o", "--output", required=True, metavar="DIR",
                          help="folder to write the commune plans into")
    communes.add_argument("--format", choices=["yaml", "json", "toml"], default="yaml",
                          help="plan file format (default: yaml)")
    communes.add_argument("--force", action="store_true", help="replace plan files that exist")
    communes.set_defaults(handler=_communes)

    form = commands.add_parser(
        "form", parents=[common], help="write the statistics form (.xlsx) of a plan's indicators",
        description="Write the statistics form (biểu mẫu) of PLAN's indicators as an Excel "
        "workbook for a lower unit to fill in: the unit's name and code, who fills it and when, "
        "one row per indicator with its cells to fill (achieved and total, or a plain count), "
        "whole-number checks, everything else locked, instructions in Vietnamese, and a hidden "
        "marker of the plan and the form's version. With --units, one form per lower unit, "
        "its name and code filled in, into the folder OUT. Nothing is replaced without --force.",
    )
    form.add_argument("plan", metavar="PLAN", help="the plan file, with its indicators")
    form.add_argument("-o", "--output", required=True, metavar="OUT",
                      help="the .xlsx to write; with --units, the folder to write the forms into")
    form.add_argument("--units", nargs="?", const=_CASCADE, metavar="FILE",
                      help="one form per lower unit: those listed in FILE (YAML, JSON or TOML, a "
                      "list of units as in a plan file), or, with no FILE, the plan's lower units "
                      "from the official list or the plugins' catalog")
    form.add_argument("--force", action="store_true", help="replace forms that exist")
    form.set_defaults(handler=_form)

    aggregate = commands.add_parser(
        "aggregate", parents=[common], help="add up the returned forms and results files",
        description="Read the returned forms (.xlsx) and results files (.yaml, .json; a folder "
        "stands for those in it) of PLAN's lower units and add them up: per indicator the sums "
        "of the counts and the share of the sums, never an average. Write into DIR tong-hop.xlsx "
        "(the sums, then one sheet per indicator with a row per unit and a total row), "
        "ket-qua.yaml (the sums as this unit's results, for the level above), PNG charts and "
        "bao-cao.docx (the báo cáo tổng kết: the sums in its indicator table, a Phụ lục with "
        "each indicator's table by unit and its chart). "
        "Every problem of every file is printed with its file, sheet and cell, and nothing is "
        "written (exit 1), unless --partial. Units that did not report are listed by name.",
    )
    aggregate.add_argument("plan", metavar="PLAN", help="the plan file, with its indicators")
    aggregate.add_argument("results", nargs="+", metavar="RESULTS",
                           help="returned forms, results files, or folders of them")
    aggregate.add_argument("-o", "--output", required=True, metavar="DIR",
                           help="folder to write the summary, the charts and the results into")
    aggregate.add_argument("--units", metavar="FILE",
                           help="the units expected to report (a list of units); by default the "
                           "plan's lower units from the official list or the plugins' catalog")
    aggregate.add_argument("--partial", action="store_true",
                           help="leave out the reports with problems, add up the others and "
                           "name those left out (in the summary, and in ket-qua.yaml for the "
                           "level above)")
    aggregate.add_argument("--jobs", "-j", type=int, metavar="N",
                           help="worker processes reading the files (default: 1, in this process)")
    aggregate.add_argument("--no-charts", action="store_true", help="write no charts")
    aggregate.add_argument("--force", action="store_true", help="replace files that exist")
    aggregate.set_defaults(handler=_aggregate)

    lint = commands.add_parser(
        "lint", parents=[common], help="check .docx documents against the decree's format rules",
        description="Check each .docx — made by phongtrao, Word, LibreOffice or anything else — "
        "against the format rules of Nghị định 30/2020/NĐ-CP (thể thức) and the plugins' rules, "
        "and print one line per finding: its verdict (error, warning or not evaluated), code, "
        "where it is, what is wrong and what is right in Vietnamese and English, and the "
        "decree's item; then a summary line per file. Exit 0 when every document conforms "
        "(warnings allowed), 1 when one has an error, 2 when a file cannot be read (not a .docx, "
        "encrypted, damaged), with one line saying why.",
    )
    lint.add_argument("documents", nargs="+", metavar="FILE", help="a .docx document")
    lint.add_argument("--format", choices=["text", "json"], default="text",
                      help="text (one finding a line) or json (a list, one object per file); "
                      "default: text")
    lint.set_defaults(handler=_lint)

    plugins = commands.add_parser(
        "plugins", parents=[common], help="list the loaded plugins",
        description="List each loaded plugin with its version, the hooks it implements and "
        "the templates it provides. Plugins that failed are reported on standard error and "
        "the exit code is 1. PHONGTRAO_PLUGINS=none turns plugin loading off; "
        "PHONGTRAO_PLUGINS=a,b loads only those.",
    )
    plugins.set_defaults(handler=_plugins)

    plugin = commands.add_parser(
        "plugin", parents=[common], help="work on plugins (plugin new NAME)",
        description="Work on phongtrao plugins.",
    )
    plugin_commands = plugin.add_subparsers(dest="plugin_command", metavar="COMMAND",
                                            parser_class=_Parser, required=True)
    scaffold = plugin_commands.add_parser(
        "new", parents=[common], help="write a new plugin distribution",
        description="Write phongtrao-NAME/, a plugin distribution with a template, a catalog, "
        "a check and a test, ready for 'pip install -e'.",
    )
    scaffold.add_argument("name", metavar="NAME", help="the plugin's name, such as quang-tri")
    scaffold.add_argument("-o", "--output", default=".", metavar="DIR",
                          help="folder to write it in (default: the current folder)")
    scaffold.set_defaults(handler=_plugin_new)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("phongtrao")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _report_plugin_failures() -> None:
    """Plugin failures are one line each on standard error."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("phongtrao: warning: %(message)s"))
    logger = logging.getLogger("phongtrao._plugins")
    logger.handlers[:] = [handler]
    logger.propagate = False


def _escape_unencodable() -> None:
    """Characters the terminal's encoding lacks are printed escaped, never an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or unusual stream
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _escape_unencodable()
    _report_plugin_failures()
    parser = _parser()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return USAGE
        handler: Callable[[argparse.Namespace], int] = args.handler
        args.session = _Session()
        return handler(args)
    except _CommandError as stop:
        if stop.message:
            print(stop.message if stop.message.startswith("phongtrao") else
                  f"phongtrao: error: {stop.message}", file=sys.stderr)
        return stop.code
    except KeyboardInterrupt:
        print("phongtrao: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (| head): stop quietly, as the shell's own tools do.
        # Python's own advice: point standard output at devnull, so the final flush is quiet.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as error:  # noqa: BLE001 - the CLI never shows a bare traceback
        if debug:
            traceback.print_exc()
        print(f"phongtrao: error: {type(error).__name__}: {error}"
              + ("" if debug else " (run with --debug for details)"), file=sys.stderr)
        return USAGE


if __name__ == "__main__":
    sys.exit(main())

"""Hostile input: each attack refused with its exact error, within a time and memory budget.

The attacks are those an adversarial review of phongtrao found (the hostile-input
issue): alias bombs, huge numbers, pipes and devices, template bombs, zip bombs
and hostile part names, colliding batch names and racing batches, plugins that
exit, interrupt or hang, unprintable characters. Where a budget is asserted, the
attack runs in a subprocess that reports its own time and peak memory.
"""

from __future__ import annotations

import json
import os
import stat
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phongtrao
from phongtrao import Limits, PlanError, RenderError, testing
from phongtrao._templates import BUILTIN
from phongtrao.model import AdministrativeUnit, Level, Plan, UnitKind

from . import strategies
from .conftest import EXAMPLE
from .plugins import Site, template_with

#: Runs the code of a test in a fresh interpreter and prints what it cost.
_PROBE = """
import json, resource, sys, time
started = time.perf_counter()
outcome = "no error"
try:
{body}
except BaseException as error:
    outcome = f"{{type(error).__name__}}: {{error}}"
seconds = time.perf_counter() - started
try:  # this process's own high-water mark (ru_maxrss would count the parent's, at fork)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"outcome": outcome, "seconds": seconds, "peak_mb": peak}}))
"""


def bounded(body: str, *args: str | Path, timeout: float = 60) -> dict[str, Any]:
    """Run ``body`` (indented code, with ``sys.argv`` set) in a subprocess; its outcome and cost."""
    code = _PROBE.format(body=textwrap.indent(textwrap.dedent(body), "    "))
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                            text=True, timeout=timeout, check=True, env=env)
    report: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return report


def cli(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The command in a subprocess, as an officer runs it."""
    environment = {**os.environ, "PHONGTRAO_PLUGINS": "none", **(env or {})}
    return subprocess.run([sys.executable, "-m", "phongtrao", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=environment, timeout=timeout, check=False)


def alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


class TestPlanFiles:
    def test_alias_bomb_refused_quickly(self, tmp_path: Path) -> None:
        """A 9-level billion-laughs file is refused in under a second and 100 MB."""
        path = tmp_path / "bomb.yaml"
        path.write_text(alias_bomb(10), encoding="utf-8")
        report = bounded("""
            import phongtrao
            phongtrao.load_plan(sys.argv[1])
        """, path)
        assert report["outcome"] == (
            f"PlanError: {path}: not a valid plan (1 problem):\n  $: the file stands for more "
            "than 100,000 values once its aliases are expanded; a plan has far fewer "
            "(Limits.plan_values)")
        assert (True, True) == (report["seconds"] < 1, report["peak_mb"] < 100), report

    def test_an_alias_that_contains_itself(self) -> None:
        """A recursive alias is one problem, not a hang."""
        with pytest.raises(PlanError) as info:
            phongtrao.loads_plan("a: &a [*a]\n", "yaml")
        assert [("$.a (line 1): the value contains itself through an alias; a plan file cannot "
                "refer to itself")] == [str(problem) for problem in info.value.problems]

    def test_few_aliases_are_fine(self) -> None:
        """A plan that repeats a text through an alias loads as written out."""
        text = EXAMPLE.read_text(encoding="utf-8").replace(
            "signature:", "_alias: &x Nguyễn\nsignature:", 1)
        with pytest.raises(PlanError, match=r"unknown key '_alias'"):
            phongtrao.loads_plan(text, "yaml")

    def test_too_many_aliases(self) -> None:
        """More aliases than the limit is refused naming the limit."""
        text = "a: &x 1\nb: [" + ", ".join(["*x"] * 20) + "]\n"
        with pytest.raises(PlanError) as info:
            phongtrao.loads_plan(text, "yaml", limits=Limits(plan_aliases=10))
        assert "Limits.plan_aliases" in info.value.problems[0].message

    @pytest.mark.parametrize(("fmt", "text", "expected"), [
        ("json", '{"x": %s}', ("$.x: a whole number of 5,000 digits; a plan holds numbers of at "
         "most 30 digits (Limits.number_digits)")),
        ("yaml", "x: %s\n", ("$.x (line 1): a whole number of 5,000 digits; a plan holds "
         "numbers of at most 30 digits (Limits.number_digits)")),
        ("toml", "x = %s\n", ("$ (line 1): the file holds a whole number too long to read (over "
         "4,300 digits); a plan holds numbers of at most a few dozen digits "
         "(Limits.number_digits)")),
    ])
    def test_a_huge_number_in_any_format(self, fmt: str, text: str, expected: str) -> None:
        """A 5,000-digit number is one problem with its path, never a bare ValueError."""
        with pytest.raises(PlanError) as info:
            phongtrao.loads_plan(text % ("9" * 5000), fmt)
        assert [expected] == [str(problem) for problem in info.value.problems]

    def test_a_long_number_is_not_echoed(self) -> None:
        """A 4,001-digit number in a wrong place is named by its length, not printed whole."""
        data = json.loads(phongtrao.dumps_plan(phongtrao.load_plan(EXAMPLE), "json"))
        data["period"]["start"] = "1" * 4001
        with pytest.raises(PlanError) as info:
            phongtrao.loads_plan(json.dumps(data), "json")
        assert max(len(str(problem)) for problem in info.value.problems) < 300

    @pytest.mark.parametrize(("limits", "text", "words"), [
        (Limits(plan_depth=5), "a: [[[[[[[[1]]]]]]]]\n", "more than 5 deep"),
        (Limits(plan_values=50), "a: [" + ",".join(["1"] * 60) + "]\n", "more than 50 values"),
        (Limits(text_length=10), "title: " + "x" * 11 + "\n", "a text of 11 characters"),
    ])
    def test_each_limit_names_itself(self, limits: Limits, text: str, words: str) -> None:
        """Depth, number of values and text length are refused with the limit's name."""
        with pytest.raises(PlanError) as info:
            phongtrao.loads_plan(text, "yaml", limits=limits)
        (problem,) = info.value.problems
        assert (words in problem.message, "too-large") == (True, problem.code), problem

    def test_a_file_too_large_is_not_read(self, tmp_path: Path) -> None:
        """A file over the byte limit is refused before it is parsed."""
        path = tmp_path / "big.yaml"
        path.write_text("title: x\n" + "# " + "y" * 2000 + "\n", encoding="utf-8")
        with pytest.raises(PlanError) as info:
            phongtrao.load_plan(path, limits=Limits(plan_bytes=1000))
        assert [("$: the file has more than 1,000 bytes; a plan file has far fewer "
                "(Limits.plan_bytes)")] == [str(problem) for problem in info.value.problems]

    def test_a_44_mb_plan_is_refused_in_bounded_memory(self, tmp_path: Path) -> None:
        """A plan of 1.5 million items (44 MB) is refused quickly, without building it."""
        path = tmp_path / "huge.json"
        data = json.loads(phongtrao.dumps_plan(phongtrao.load_plan(EXAMPLE), "json"))
        data["purposes"] = ["Một mục đích rất dài của kế hoạch."] * 1_500_000
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        report = bounded("""
            import phongtrao
            phongtrao.load_plan(sys.argv[1])
        """, path)
        assert report["outcome"].endswith("(Limits.plan_bytes)")
        assert (True, True) == (report["seconds"] < 2, report["peak_mb"] < 150), report

    @pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
    def test_not_a_regular_file(self, kind: str, tmp_path: Path) -> None:
        """A pipe (with no writer), a device or a folder is refused at once, never read."""
        path = {"device": Path("/dev/zero"), "folder": tmp_path, "fifo": tmp_path / "fifo"}[kind]
        if kind == "fifo":
            os.mkfifo(path)
        result = cli("validate", path, cwd=tmp_path, timeout=10)
        assert (2, True) == (result.returncode, "cannot read the file: it is" in result.stdout)


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already deflated entries: (name, raw deflate, declared size, crc)."""
    out, directory = bytearray(), bytearray()
    for name, raw, size, crc in entries:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), size,
                           len(encoded), 0) + encoded + raw
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc,
                                 len(raw), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory),
                      len(out), 0)
    return bytes(out + directory + end)


def _zeros(gibibytes: int) -> bytes:
    """Raw deflate of about ``gibibytes`` GiB of zeros (its steady-state block repeated)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1 << 24)
    first, steady = compressor.compress(chunk), compressor.compress(chunk)
    return first + steady * (64 * gibibytes - 2) + compressor.flush()


@pytest.fixture(scope="module")
def renderer() -> phongtrao.Renderer:
    """The national defaults, a template deadline of 3 s."""
    return phongtrao.Renderer(phongtrao.Plugins(False), limits=Limits(render_seconds=3))


@pytest.fixture(scope="module")
def plan() -> Plan:
    return phongtrao.load_plan(EXAMPLE)


def _template_part(tmp_path: Path, body: str) -> Path:
    return template_with(tmp_path, body, "hostile.docx")


class TestTemplates:
    @pytest.mark.parametrize(("body", "words"), [
        ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
         "was stopped: the template took longer than its time limit (Limits.render_seconds)"),
        ("{% set l=[1] %}{% for i in l %}{{ l.append(i) or '' }}{% endfor %}",
         ("tried something the sandbox forbids: access to attribute 'append' of 'list' object "
         "is unsafe")),
        ("{{ 'a'*10**9 }}", ("was stopped: the template repeats a text or list to 1,000,000,000 "
         "items; the limit is 1,000,000 (Limits.repeat_length)")),
        ("{{ 10**100000 }}", ("was stopped: the template computes a power of about 100,000 "
         "digits; the limit is 1,000 (Limits.power_digits)")),
        ("{{ '%0999999999d' % 5 }}", ("was stopped: the template pads a field to 999,999,999 "
         "characters")),
        ("{{ 'x'|center(10**9) }}", "pads a field to 1,000,000,000 characters"),
        ("{{ 'ab'.ljust(10**9) }}", "pads a field to 1,000,000,000 characters"),
        ("{{ '{:>999999999}'.format(1) }}", "pads a field to 999,999,999 characters"),
        ("{{ 'ab'|replace('', 'x' * 900)|replace('', 'y' * 900) }}", "repeats a text or list"),
        (("{% set big %}{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
         "{% endfor %}{% endset %}{{ big }}"), "took longer than its time limit"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
         "calls itself without end (a macro that calls itself, or data nested too deep)"),
        ("{{ 10.0 ** 1000 }}", "failed: OverflowError: (34, 'Numerical result out of range')"),
        ("{{ 1 // 0 }}", "failed: ZeroDivisionError: integer division or modulo by zero"),
    ], ids=["nested-range", "append-loop", "repeat", "power", "printf-width", "center",
            "ljust", "format-width", "replace", "set-block", "recursion", "overflow",
            "division"])
    def test_template_bombs_are_render_errors(self, body: str, words: str, tmp_path: Path,
                                              renderer: phongtrao.Renderer, plan: Plan) -> None:
        """Each template bomb is a RenderError naming the template and part, within seconds."""
        path = _template_part(tmp_path, body)
        with pytest.raises(RenderError) as info:
            renderer.render_bytes(plan, path)
        assert str(info.value).startswith("template 'hostile.docx' (word/document.xml) ")
        assert words in str(info.value)

    @pytest.mark.parametrize("tag", ["{% include 'x' %}", "{% import 'x' as y %}",
                                     "{% extends 'x' %}", "{% from 'x' import y %}"])
    def test_loading_another_template_is_refused_when_prepared(
        self, tag: str, tmp_path: Path, renderer: phongtrao.Renderer, plan: Plan
    ) -> None:
        """include, import and extends are refused as the template is prepared, not a TypeError."""
        with pytest.raises(RenderError, match=r"cannot be used: the template uses \{% \w"):
            renderer.render_bytes(plan, _template_part(tmp_path, tag))

    def test_a_bomb_costs_bounded_memory(self, tmp_path: Path) -> None:
        """Nested loops writing text stop at the output limit, in a few hundred MB at most."""
        path = _template_part(tmp_path, "{% for i in range(100000) %}{% for j in range(100000)"
                              " %}{{ 'x' * 500 }}{% endfor %}{% endfor %}")
        report = bounded("""
            import phongtrao
            plan = phongtrao.load_plan(sys.argv[2])
            phongtrao.Renderer(phongtrao.Plugins(False)).render_bytes(plan, sys.argv[1])
        """, path, EXAMPLE)
        assert "Limits.render_output_bytes" in report["outcome"]
        assert (True, True) == (report["seconds"] < 20, report["peak_mb"] < 400), report

    @pytest.mark.parametrize(("entries", "words"), [
        ([("word/document.xml", _zeros(2), 2**31, 0)], "unpacks to 2,147,483,648 bytes"),
        ([("word/document.xml", _zeros(2), 1000, 0)], "the package is damaged (Bad CRC-32"),
        ([("../../x", zlib.compress(b"x")[2:-4], 1, zlib.crc32(b"x"))],
         "a part named '../../x', which points outside the package"),
        ([("/etc/x", zlib.compress(b"x")[2:-4], 1, zlib.crc32(b"x"))], "points outside"),
        ([("word/document.xml", zlib.compress(b"<a/>")[2:-4], 4, zlib.crc32(b"<a/>"))] * 2,
         "the part 'word/document.xml' is given twice"),
    ], ids=["declared-2-gib", "lying-size", "dot-dot", "absolute", "duplicate"])
    def test_hostile_packages_are_refused_before_reading(
        self, entries: list[tuple[str, bytes, int, int]], words: str, tmp_path: Path,
        renderer: phongtrao.Renderer, plan: Plan
    ) -> None:
        """Zip bombs and hostile part names are RenderErrors naming the template, cheaply."""
        path = tmp_path / "bomb.docx"
        path.write_bytes(_zip(entries))
        report = bounded("""
            import phongtrao
            plan = phongtrao.load_plan(sys.argv[2])
            phongtrao.Renderer(phongtrao.Plugins(False)).render_bytes(plan, sys.argv[1])
        """, path, EXAMPLE)
        assert report["outcome"].startswith("RenderError: template 'bomb.docx' cannot be used: ")
        assert words in report["outcome"]
        assert (True, True) == (report["seconds"] < 5, report["peak_mb"] < 200), report

    def test_malformed_xml_and_doctype(self, tmp_path: Path, renderer: phongtrao.Renderer,
                                       plan: Plan) -> None:
        """A part that is not XML, or declares a DOCTYPE, is a RenderError, not an lxml error."""
        source = Path(str(phongtrao.builtin_template("ke-hoach"))).read_bytes()
        import io
        import zipfile

        for name, change in (("broken.docx", b"<w:body"),
                             ("doctype.docx", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>')):
            out = io.BytesIO()
            with zipfile.ZipFile(io.BytesIO(source)) as inside, zipfile.ZipFile(out, "w") as copy:
                for info in inside.infolist():
                    data = inside.read(info)
                    if info.filename == "word/document.xml":
                        data = (data.replace(b"<w:body>", change, 1) if name == "broken.docx"
                                else data.replace(b"?>", b"?>" + change, 1))
                    copy.writestr(info, data)
            (tmp_path / name).write_bytes(out.getvalue())
            with pytest.raises(RenderError, match=r"cannot be used: the part 'word/document"):
                renderer.render_bytes(plan, tmp_path / name)

    @pytest.mark.parametrize(("template", "words"), [
        ("/dev/zero", "is not a regular file"), (".", "is a folder; expected a .docx file")])
    def test_devices_and_folders_as_templates(self, template: str, words: str, tmp_path: Path,
                                              plan: Plan) -> None:
        """--template /dev/zero or a folder exits 3 with what it is, never 'cannot write'."""
        result = cli("render", EXAMPLE, "-o", tmp_path / "x.docx", "--template", template,
                     cwd=tmp_path, timeout=20)
        assert (3, True, False) == (result.returncode, words in result.stderr,
                                    (tmp_path / "x.docx").exists())

    @pytest.mark.parametrize("body", ["{% include 'x' %}", "{{ 1 // 0 }}",
                                      "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"])
    def test_the_command_exits_3_for_a_failing_template(self, body: str, tmp_path: Path) -> None:
        """The render command exits 3 for a failing template, with one line, writing nothing."""
        path = _template_part(tmp_path, body)
        result = cli("render", EXAMPLE, "-o", tmp_path / "x.docx", "--template", path,
                     cwd=tmp_path)
        assert (3, 1, False) == (result.returncode, len(result.stderr.splitlines()),
                                 (tmp_path / "x.docx").exists())

    def test_a_batch_reports_a_bad_template_per_plan(self, tmp_path: Path) -> None:
        """Batch with a bomb template reports each plan and writes its summary (exit 1)."""
        path = _template_part(tmp_path, "{{ 'a'*10**9 }}")
        result = cli("batch", EXAMPLE, EXAMPLE, "-o", tmp_path / "out", "--template", path,
                     cwd=tmp_path)
        assert (1, 2, True) == (result.returncode,
                                result.stderr.count("could not be made: template"),
                                "0 written, 2 failed" in result.stdout)


def _unit_plan(plan: Plan, name: str) -> Plan:
    unit = AdministrativeUnit(name=name, level=Level.HUYEN, kind=UnitKind.HUYEN)
    return attrs.evolve(plan, issuer=attrs.evolve(plan.issuer, unit=unit))


class TestNoSilentOverwrite:
    def test_output_names_are_unique_by_construction(self, plan: Plan) -> None:
        """Units "A", "A" and "A 2" get three names, not two."""
        names = phongtrao.output_names([_unit_plan(plan, name) for name in ("A", "A", "A 2")])
        assert ["kh-huyen-a.docx", "kh-huyen-a-2.docx", "kh-huyen-a-2-2.docx"] == names

    def test_colliding_plan_files_write_every_document(self, tmp_path: Path) -> None:
        """Batch a.yaml b/a.yaml a-2.yaml --force writes 3 documents, not 2."""
        (tmp_path / "b").mkdir()
        for name in ("a.yaml", "b/a.yaml", "a-2.yaml"):
            (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
        result = cli("batch", "a.yaml", "b/a.yaml", "a-2.yaml", "-o", "out", "--force",
                     cwd=tmp_path)
        written = sorted(path.name for path in (tmp_path / "out").iterdir())
        assert (0, ["a-2-2.docx", "a-2.docx", "a.docx"]) == (result.returncode, written)
        assert "3 written, 0 failed" in result.stdout

    def test_racing_batches_never_clobber(self, tmp_path: Path) -> None:
        """Two batches on one folder at once: each document is written once, the rest refused."""
        plans = [tmp_path / f"p{index}.yaml" for index in range(6)]
        for path in plans:
            path.write_bytes(EXAMPLE.read_bytes())
        environment = {**os.environ, "PHONGTRAO_PLUGINS": "none"}
        command = [sys.executable, "-m", "phongtrao", "batch", *map(str, plans), "-o", "out"]
        runs = [subprocess.Popen(command, cwd=tmp_path, env=environment, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for _ in range(2)]
        outputs = [run.communicate(timeout=120) for run in runs]
        written = sum(int(out.rsplit(": ", 1)[1].split()[0]) for out, _ in outputs)
        refused = sum(err.count("exists; pass --force to replace it") for _, err in outputs)
        assert (6, 6, 6) == (written, refused, len(list((tmp_path / "out").glob("*.docx"))))
        assert [] == list((tmp_path / "out").glob(".*"))  # no temporary file left

    def test_force_keeps_the_permission_bits(self, tmp_path: Path) -> None:
        """--force replaces a 0600 document with a 0600 document."""
        out = tmp_path / "x.docx"
        out.write_bytes(b"old")
        out.chmod(0o600)
        result = cli("render", EXAMPLE, "-o", out, "--force", cwd=tmp_path)
        assert (0, 0o600, True) == (result.returncode, stat.S_IMODE(out.stat().st_mode),
                                    out.read_bytes().startswith(b"PK"))

    def test_the_command_says_force(self, tmp_path: Path) -> None:
        """A batch meeting existing files says --force, not the Python argument."""
        assert 0 == cli("batch", EXAMPLE, "-o", "out", cwd=tmp_path).returncode
        again = cli("batch", EXAMPLE, "-o", "out", cwd=tmp_path)
        assert (1, True, False) == (again.returncode, "pass --force to replace it" in again.stderr,
                                    "overwrite=True" in again.stderr)


_EXIT_AT_IMPORT = "import sys\nsys.exit(0)\n"
_HOOKS = """\
import sys, time
from phongtrao.hookspecs import hookimpl
@hookimpl
def phongtrao_check(plan):
    {action}
"""


class TestPlugins:
    def _site(self, tmp_path: Path, name: str, source: str) -> dict[str, str]:
        folder = tmp_path / "site"
        folder.mkdir(exist_ok=True)
        Site(folder).add(name, source)
        return {"PYTHONPATH": str(folder), "PHONGTRAO_PLUGINS": name}

    def test_exit_at_import_is_reported_and_the_render_goes_on(self, tmp_path: Path) -> None:
        """A plugin calling sys.exit(0) at import is reported; the document is still written."""
        env = self._site(tmp_path, "thoat", _EXIT_AT_IMPORT)
        result = cli("render", EXAMPLE, "-o", "x.docx", cwd=tmp_path, env=env)
        assert (0, True) == (result.returncode, (tmp_path / "x.docx").exists())
        assert ("plugin 'thoat' failed in import: SystemExit: 0; it is left out"
                in result.stderr)

    @pytest.mark.parametrize(("action", "message"), [
        ("sys.exit(3)", "plugin 'hook' failed in phongtrao_check: SystemExit: 3; it is left out"),
        ("time.sleep(30)", ("plugin 'hook' failed in phongtrao_check: did not answer within 1.0 "
         "s; it is left out")),
        ("while True: pass", "did not answer within 1.0 s"),
    ], ids=["exit", "sleep", "busy"])
    def test_a_hook_that_exits_or_hangs_is_left_out(self, action: str, message: str,
                                                    tmp_path: Path) -> None:
        """A hook calling sys.exit or hanging is reported; the command finishes its work."""
        env = self._site(tmp_path, "hook", _HOOKS.format(action=action))
        env["PHONGTRAO_HOOK_TIMEOUT"] = "1"
        result = cli("validate", EXAMPLE, cwd=tmp_path, env=env, timeout=30)
        assert (0, True) == (result.returncode, message in result.stderr), result.stderr

    def test_ctrl_c_in_a_hook_is_recorded_and_goes_on(self, plan: Plan) -> None:
        """KeyboardInterrupt in a hook is recorded as the plugin's failure, then re-raised."""

        class Interrupting:
            @phongtrao.hookspecs.hookimpl
            def phongtrao_check(self, plan: Plan) -> None:
                raise KeyboardInterrupt

        plugins = testing.make_plugins(("ngat", Interrupting()))
        with pytest.raises(KeyboardInterrupt):
            phongtrao.check(plan, plugins=plugins)
        assert ["interrupted (Ctrl-C)"] == [failure.message for failure in plugins.failures]

    def test_a_template_spec_without_its_file_is_left_out(self, tmp_path: Path,
                                                         plan: Plan) -> None:
        """A plugin whose template file is missing is left out; the built-in one renders."""

        class Missing:
            @phongtrao.hookspecs.hookimpl
            def phongtrao_templates(self) -> list[phongtrao.hookspecs.TemplateSpec]:
                return [phongtrao.hookspecs.TemplateSpec(name="mat", file=tmp_path / "no.docx")]

            @phongtrao.hookspecs.hookimpl
            def phongtrao_choose_template(self) -> str:
                return "mat"

        renderer = testing.make_renderer(("mat", Missing()))
        data = renderer.render_bytes(plan)
        assert (sorted(BUILTIN), ["phongtrao_templates"], True) == (
            sorted(renderer.templates()), [f.hook for f in renderer.plugins.failures],
            data.startswith(b"PK"))


class TestPrintable:
    def test_a_surrogate_in_a_key(self, tmp_path: Path) -> None:
        """A lone surrogate in a key is printed escaped; the command does not crash."""
        path = tmp_path / "plan.json"
        data = json.loads(phongtrao.dumps_plan(phongtrao.load_plan(EXAMPLE), "json"))
        text = json.dumps(data)[:-1] + ', "\\ud800": 1}'
        path.write_text(text, encoding="utf-8")
        result = cli("validate", path, cwd=tmp_path, env={"PYTHONIOENCODING": "utf-8"})
        assert (1, True, "") == (result.returncode, "unknown key '\\ud800'" in result.stdout,
                                 result.stderr)

    def test_a_surrogate_in_a_plugin_message(self, tmp_path: Path) -> None:
        """A plugin problem whose message holds a surrogate is printed escaped."""
        source = ("from phongtrao.hookspecs import Problem, hookimpl\n@hookimpl\n"
                  "def phongtrao_check(plan):\n"
                  "    return [Problem(path='$', code='x', message='bad \\ud800 here')]\n")
        folder = tmp_path / "site"
        folder.mkdir()
        Site(folder).add("xau", source)
        result = cli("validate", EXAMPLE, cwd=tmp_path,
                     env={"PYTHONPATH": str(folder), "PHONGTRAO_PLUGINS": "xau"})
        assert (1, True, "") == (result.returncode, "bad \\ud800 here" in result.stdout,
                                 result.stderr)


# -- mutations of valid plans ------------------------------------------------------------

_JUNK = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
         | st.lists(st.integers(), max_size=2) | st.dictionaries(st.text(max_size=3),
                                                                 st.integers(), max_size=2))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid plan's data, changed in one to three random places, as JSON text."""
    data = phongtrao.unstructure_plan(draw(strategies.plans))
    for _ in range(draw(st.integers(1, 3))):
        holder: Any = data
        while True:
            keys = list(holder) if isinstance(holder, dict) else list(range(len(holder)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = holder[key]
            if isinstance(child, (dict, list)) and child and draw(st.booleans()):
                holder = child
                continue
            action = draw(st.sampled_from(["replace", "delete", "add"]))
            if action == "replace":
                holder[key] = draw(_JUNK)
            elif action == "delete":
                del holder[key]
            elif isinstance(holder, dict):
                holder[draw(st.text(max_size=6))] = draw(_JUNK)
            else:
                holder.append(draw(_JUNK))
            break
    return json.dumps(data, ensure_ascii=False, default=str)


def _a_plan_or_one_plan_error(text: str) -> None:
    try:
        result: object = phongtrao.loads_plan(text, "json")
    except PlanError as error:
        result = error.problems
    assert isinstance(result, Plan) or (isinstance(result, tuple) and len(result) > 0)


class TestMutations:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=mutated())
    def test_a_mutated_plan_is_a_plan_or_one_plan_error(self, text: str) -> None:
        """Any change of a valid plan loads, or raises one PlanError — nothing else."""
        _a_plan_or_one_plan_error(text)

    @pytest.mark.nightly
    @settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=mutated())
    def test_ten_thousand_mutations(self, text: str) -> None:
        """The same, 10,000 times (``pytest -m nightly``)."""
        _a_plan_or_one_plan_error(text)

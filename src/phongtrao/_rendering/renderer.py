"""One configured renderer: the plugins, their Jinja environment and the prepared templates.

A :class:`Renderer` is built once from a :class:`~phongtrao._plugins.Plugins`
and then renders any number of documents: it reads the plugins' templates and
filters once, prepares each template file once (docxtpl's patching and the
Jinja compile, :mod:`phongtrao._rendering.engine`) and calls the plugins at
one stage each — the outline, then the context. Nothing is kept outside it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from importlib.resources import as_file
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import TYPE_CHECKING, Any

import attrs

from phongtrao._files import refuse_existing, write_all, write_atomically
from phongtrao._kinds import Paper, kind, paper_context
from phongtrao._kinds.plan import plan_paper
from phongtrao._limits import DEFAULT_LIMITS, Limits
from phongtrao._outline import Section, build_outline
from phongtrao._plugins import Plugins
from phongtrao._problems import Problem, Severity
from phongtrao._rendering.dossier import MissingDocument, Package, chosen, package_name
from phongtrao._rendering.pdf import PdfConverter
from phongtrao._rules import Check
from phongtrao._rules import check as builtin_checks
from phongtrao._rules.checks import check_texts
from phongtrao._templates import ANNEX
from phongtrao.errors import PlanError, RenderError
from phongtrao.hookspecs import TemplateSpec
from phongtrao.model import Aggregate, Plan

if TYPE_CHECKING:
    from phongtrao._rendering.engine import DocumentProperties, PreparedTemplate
    from phongtrao._rendering.sandbox import BoundedEnvironment

__all__ = ["OUTPUT_SUFFIXES", "Rendered", "Renderer"]

#: The output formats, by file suffix.
OUTPUT_SUFFIXES = (".docx", ".pdf")
#: The template used when neither the caller nor a plugin chooses one.
DEFAULT_TEMPLATE = "ke-hoach"
#: The document a plan renders to unless another is asked for: its Kế hoạch.
PLAN = "ke-hoach"
#: The template of an annex printed on its own (a đề cương, a chương trình attached to another).
ANNEX_TEMPLATE = ANNEX


@attrs.frozen
class Rendered:
    """A document written: where, and the warnings its plan still has.

    It stands for its path wherever a path is taken (:class:`os.PathLike`):
    ``open(phongtrao.render(plan, "x.docx"))`` opens the file written.

    Attributes:
        path: the file written.
        warnings: the plan's warnings (problems that do not stop a render),
            for the caller to show.
    """

    path: Path
    warnings: tuple[Problem, ...] = ()

    def __fspath__(self) -> str:
        return os.fspath(self.path)

    def __str__(self) -> str:
        return str(self.path)


class Renderer:
    """Renders plans with one set of plugins, preparing each template once.

    Args:
        plugins: the plugins whose templates, filters, outline changes,
            context names and checks apply; by default the installed plugins
            that ``PHONGTRAO_PLUGINS`` selects, loaded now.
        limits: how much time and memory a template may take
            (docs/security.md); the defaults when None.

    A renderer may be used from several threads. It reads the plugins'
    templates and filters on first use; build a new one after installing a
    plugin.
    """

    def __init__(self, plugins: Plugins | None = None, *, limits: Limits | None = None) -> None:
        self.plugins = Plugins() if plugins is None else plugins
        self.limits = DEFAULT_LIMITS if limits is None else limits
        self._lock = threading.Lock()
        self._environment: BoundedEnvironment | None = None
        self._registered: dict[str, tuple[str, TemplateSpec]] | None = None
        self._prepared: dict[tuple[str, int, int], PreparedTemplate] = {}
        #: How many template files this renderer prepared (each is prepared once).
        self.preparations = 0

    # -- checks ------------------------------------------------------------------------

    def check(self, plan: Plan, *, extra: Iterable[Check] = ()) -> list[Problem]:
        """The plan's problems: the built-in checks, then ``extra``, then every plugin's."""
        return [*builtin_checks(plan, extra=extra, units=self.plugins.units),
                *self.plugins.plugin_problems(plan)]

    def _refuse_problems(self, plan: Plan, *, check: bool, draft: bool) -> tuple[Problem, ...]:
        """Raise PlanError for the plan's errors; return its warnings."""
        # Without the semantic checks, texts are still checked: an empty text or a
        # character a document cannot hold would be lost, not printed.
        problems = self.check(plan) if check else list(check_texts(plan))
        errors = [problem for problem in problems if problem.severity is Severity.ERROR
                  and not (draft and problem.code == "placeholder")]
        if errors:
            raise PlanError(errors)
        return tuple(problem for problem in problems if problem.severity is Severity.WARNING)

    # -- templates ---------------------------------------------------------------------

    @property
    def environment(self) -> BoundedEnvironment:
        """The sandboxed, bounded Jinja environment, with the plugins' filters."""
        with self._lock:
            if self._environment is None:
                from phongtrao._rendering.sandbox import make_environment

                self._environment = make_environment(self.plugins.filters(), self.limits)
            return self._environment

    def templates(self) -> dict[str, tuple[str, TemplateSpec]]:
        """Every template name, with the plugin and spec that win it (read once)."""
        with self._lock:
            if self._registered is None:
                self._registered = self.plugins.templates()
            return self._registered

    def template_name(self, plan: Plan, document: str = PLAN) -> str:
        """The template of ``plan``'s ``document``: the plugins' choice for its Kế hoạch.

        Every other kind of document has the template of its name
        (``giay-moi`` …), which a plugin overrides by registering a template of
        that name with a higher priority; an annex printed on its own has
        ``phu-luc``.
        """
        if document == PLAN:
            return self.plugins.choose_template(plan)
        return self._template_of(plan, self.paper(plan, document))

    def _template_of(self, plan: Plan, paper: Paper) -> str:
        if paper.key == PLAN:
            return self.plugins.choose_template(plan)
        return paper.key if paper.frame else ANNEX_TEMPLATE

    def template(
        self, template: str | os.PathLike[str] | None = None, plan: Plan | None = None
    ) -> PreparedTemplate:
        """Find and prepare a template: a path to a .docx, or a registered name.

        Args:
            template: a path, a template name, or None to let the plugins choose
                for ``plan`` (the built-in ``ke-hoach`` when none does).
            plan: the plan the template is for, when the plugins choose.

        Raises:
            RenderError: when no template has that name or path.
        """
        if template is None:
            template = self.template_name(plan) if plan is not None else DEFAULT_TEMPLATE
        registered = self.templates()
        if isinstance(template, str) and template in registered:
            _, spec = registered[template]
            with as_file(spec.file) as path:
                return self._prepare(Path(path), template)
        path = Path(template)
        if path.suffix.lower() == ".docx" or path.exists():
            return self._prepare(path, path.name)
        names = ", ".join(sorted(registered))
        raise RenderError(
            f"no template named {str(template)!r}; expected a path to a .docx file or one of: "
            f"{names}"
        )

    def _prepare(self, path: Path, name: str) -> PreparedTemplate:
        from phongtrao._rendering.engine import prepare_bytes

        try:
            stat = path.stat()
            key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        except OSError as error:
            raise RenderError(f"template {str(path)!r} cannot be read: "
                              f"{error.strerror or error}") from None
        if S_ISDIR(stat.st_mode):
            raise RenderError(f"template {str(path)!r} is a folder; expected a .docx file")
        if not S_ISREG(stat.st_mode):
            raise RenderError(f"template {str(path)!r} is not a regular file (a pipe or a "
                              "device); expected a .docx file")
        if stat.st_size > self.limits.package_bytes:
            raise RenderError(f"template {str(path)!r} has {stat.st_size:,} bytes; the limit is "
                              f"{self.limits.package_bytes:,} (Limits.package_bytes)")
        with self._lock:
            prepared = self._prepared.get(key)
        if prepared is not None:
            return prepared
        try:
            data = path.read_bytes()
        except OSError as error:
            raise RenderError(f"template {str(path)!r} cannot be read: "
                              f"{error.strerror or error}") from None
        prepared = prepare_bytes(data, name, self.environment)
        with self._lock:
            self.preparations += 1
            return self._prepared.setdefault(key, prepared)

    # -- documents ---------------------------------------------------------------------

    def outline(self, plan: Plan) -> tuple[Section, ...]:
        """The body's sections, as the plugins adjust them."""
        return self.plugins.adjust_outline(plan, build_outline(plan))

    def paper(self, plan: Plan, document: str = PLAN) -> Paper:
        """``plan``'s ``document`` worded.

        Its Kế hoạch (the outline as plugins adjust it) or another kind of the
        conference's documents (:data:`phongtrao.DOCUMENTS`).

        Raises:
            KeyError: for a ``document`` that is no kind of document.
        """
        if document == PLAN:
            return plan_paper(plan, self.outline(plan))
        return kind(document).paper(plan)

    def context(self, plan: Plan, document: str = PLAN) -> dict[str, Any]:
        """The names a template sees for ``plan``'s ``document``.

        The documented ones, then the plugins'.
        """
        return self._context(plan, self.paper(plan, document))

    def _context(self, plan: Plan, paper: Paper) -> dict[str, Any]:
        context = paper_context(paper, plan)
        context.update(self.plugins.extra_context(plan, context))
        return context

    def document_properties(self, plan: Plan, document: str = PLAN) -> DocumentProperties:
        """What the document says about itself: the plan's title, the issuer as author, ….

        Written into every .docx (``docProps/core.xml``) and carried by
        LibreOffice into the PDF: the title is the plan's trích yếu, the
        author the issuing body's full name, the subject the movement and the
        period (the title, for a plan that sums no movement up), the keywords
        the kind, the movement and the issuer; the language is vi-VN; the date,
        the plan's when it is known to the day.
        """
        return self._properties(plan, self.paper(plan, document))

    @staticmethod
    def _properties(plan: Plan, paper: Paper) -> DocumentProperties:
        from phongtrao._rendering.engine import DocumentProperties

        movement, period = plan.movement, plan.period
        years = "" if period is None else f"{period.start}-{period.end}"
        keywords = [plan.document.kind.vi, plan.issuer.full_name, years]
        if movement is not None:
            keywords[1:1] = [movement.name, movement.abbreviation or ""]
        subject = plan.title if movement is None else f"Phong trào “{movement.name}”"
        if years:
            subject += f", giai đoạn {years}"
        keywords[0] = paper.kind.vi
        date = paper.date
        created = (f"{date.year:04d}-{date.month:02d}-{date.day:02d}"
                   if date.month is not None and date.day is not None else None)
        title = plan.title if paper.key == PLAN else " ".join(
            part for part in (paper.kind_title.capitalize(), paper.title) if part)
        return DocumentProperties(
            title=title,
            creator=plan.issuer.full_name,
            subject=subject,
            keywords=tuple(dict.fromkeys(word for word in keywords if word)),
            created=created,
        )

    def render_bytes(
        self,
        plan: Plan,
        template: str | os.PathLike[str] | None = None,
        *,
        check: bool = True,
        draft: bool = False,
        document: str = PLAN,
    ) -> bytes:
        """Render ``plan``'s ``document`` (its Kế hoạch by default) to the bytes of a .docx.

        Raises:
            PlanError: when the plan has errors (with ``check=False``, only empty
                texts and characters a document cannot hold are refused; with
                ``draft=True``, «…» placeholders are allowed).
            RenderError: when the template fails, or the document lacks facts it
                needs (unless ``draft``: then «…» stand where they go).
            KeyError: for a ``document`` that is no kind of document.
        """
        return self._docx(plan, template, check=check, draft=draft, document=document)[0]

    def _docx(self, plan: Plan, template: str | os.PathLike[str] | None, *, check: bool,
              draft: bool, document: str = PLAN) -> tuple[bytes, tuple[Problem, ...]]:
        warnings = self._refuse_problems(plan, check=check, draft=draft)
        self._refuse_missing(plan, document, draft=draft)
        return self._paper_bytes(plan, self.paper(plan, document), template), warnings

    @staticmethod
    def _refuse_missing(plan: Plan, document: str, *, draft: bool) -> None:
        """Raise RenderError when ``document`` lacks facts it needs, unless a draft."""
        chosen = kind(document)
        needs = chosen.missing(plan)
        if needs and not draft:
            raise RenderError(f"the {chosen.name} ({document}) cannot be made yet: it needs "
                              f"{'; '.join(needs)}; give them in the plan, or render a draft "
                              "(draft=True, --draft) with «…» where they go")

    def _paper_bytes(self, plan: Plan, paper: Paper,
                     template: str | os.PathLike[str] | None = None) -> bytes:
        """The .docx of ``paper`` (a document of ``plan``), in its template or ``template``."""
        prepared = self.template(template if template is not None
                                 else self._template_of(plan, paper), plan)
        return prepared.render(self._context(plan, paper), self._properties(plan, paper))

    def report_bytes(
        self,
        plan: Plan,
        aggregate: Aggregate,
        charts: Mapping[str, bytes] | None = None,
        targets: bytes | None = None,
        *,
        check: bool = True,
        draft: bool = False,
    ) -> bytes:
        """The báo cáo tổng kết of ``plan`` with ``aggregate``'s sums, tables and charts.

        Args:
            plan: the plan whose lower levels' results were added up.
            aggregate: the sums (:func:`phongtrao.aggregate`).
            charts: a PNG picture per indicator, by the indicator's id; each is
                put under its indicator's table in the report's Phụ lục.
            targets: a PNG of the results against the plan's targets, put last.
            check: refuse plans with errors (the default).
            draft: allow «…» placeholders and print «…» for missing facts.

        Raises:
            PlanError: when the plan has errors.
            RenderError: when the template fails, a chart is no PNG, or the plan
                lacks what the report needs (what the summary assesses) and
                ``draft`` is false.
        """
        from phongtrao._kinds.report import aggregated_paper
        from phongtrao._rendering.figures import embed_figures

        self._refuse_problems(plan, check=check, draft=draft)
        self._refuse_missing(plan, "bao-cao", draft=draft)
        pictures = {f"bieu-do-{index}.png": (item.indicator.id, charts[item.indicator.id])
                    for index, item in enumerate(aggregate.indicators, start=1)
                    if charts and item.indicator.id in charts}
        figures = {id_: name for name, (id_, _) in pictures.items()}
        paper = aggregated_paper(plan, aggregate, figures,
                                 "bieu-do-muc-tieu.png" if targets is not None else None)
        data = self._paper_bytes(plan, paper)
        images = {name: png for name, (_, png) in pictures.items()}
        if targets is not None:
            images["bieu-do-muc-tieu.png"] = targets
        return embed_figures(data, images)

    def render_package(
        self,
        plan: Plan,
        folder: str | os.PathLike[str],
        *,
        documents: Iterable[str] | None = None,
        pdf: bool = False,
        pdfa: bool = False,
        draft: bool = False,
        overwrite: bool = False,
        check: bool = True,
        converter: PdfConverter | None = None,
    ) -> Package:
        """Write ``plan``'s document set into ``folder``; see :func:`phongtrao.render_package`."""
        target = Path(folder)
        if target.exists() and not target.is_dir():
            raise NotADirectoryError(f"{target} is a file; expected a folder to write the "
                                     "documents into")
        keys = chosen(plan, documents)
        warnings = self._refuse_problems(plan, check=check, draft=draft)
        made: list[tuple[str, bytes]] = []
        left_out: list[MissingDocument] = []
        for key in keys:
            item = kind(key)
            needs = item.missing(plan)
            if needs and not draft:
                left_out.append(MissingDocument(key, item.name, needs))
                continue
            # The plan was checked above: each document is only worded and filled here.
            made.append((key, self._paper_bytes(plan, self.paper(plan, key))))
        suffix = ".pdf" if pdf or pdfa else ".docx"
        paths = [target / f"{package_name(key)}{suffix}" for key, _ in made]
        if not overwrite:
            refuse_existing(paths)  # before converting: a rerun costs no LibreOffice time
        payloads = [data for _, data in made]
        if suffix == ".pdf" and payloads:
            payloads = self._converted([key for key, _ in made], payloads, pdfa=pdfa,
                                       converter=converter)
        target.mkdir(parents=True, exist_ok=True)
        write_all(dict(zip(paths, payloads, strict=True)), overwrite=overwrite)
        return Package(folder=target, written=tuple(paths), left_out=tuple(left_out),
                       warnings=warnings)

    def _converted(self, names: list[str], payloads: list[bytes], *, pdfa: bool,
                   converter: PdfConverter | None) -> list[bytes]:
        """The PDFs of ``payloads``; a RenderError naming the first that failed."""
        if converter is None:
            with PdfConverter(timeout=self.limits.pdf_seconds) as own:
                results = own.convert_many(payloads, pdfa=pdfa)
        else:
            results = converter.convert_many(payloads, pdfa=pdfa)
        converted: list[bytes] = []
        for name, result in zip(names, results, strict=True):
            if isinstance(result, RenderError):
                raise RenderError(f"{name}: {result}; nothing was written")
            converted.append(result)
        return converted

    def render(
        self,
        plan: Plan,
        out: str | os.PathLike[str],
        template: str | os.PathLike[str] | None = None,
        *,
        overwrite: bool = False,
        check: bool = True,
        draft: bool = False,
        pdfa: bool = False,
        converter: PdfConverter | None = None,
        document: str = PLAN,
    ) -> Rendered:
        """Render ``plan``'s ``document`` to ``out``, a ``.docx`` or ``.pdf`` file, atomically.

        See :func:`phongtrao.render` for the arguments.

        Returns:
            The path written and the plan's warnings.

        Raises:
            ValueError: when ``out`` has another suffix, or ``pdfa`` is asked
                of a .docx.
            FileExistsError: when ``out`` exists and ``overwrite`` is false.
            PlanError: when the plan has errors.
            RenderError: when the template or the PDF conversion fails.
        """
        target = Path(out)
        suffix = target.suffix.lower()
        if suffix not in OUTPUT_SUFFIXES:
            raise ValueError(f"cannot render to {str(target)!r}; expected a .docx or .pdf "
                             "file name")
        if pdfa and suffix != ".pdf":
            raise ValueError(f"pdfa=True makes PDF/A, but {str(target)!r} is not a .pdf file")
        if target.exists() and not overwrite:
            raise FileExistsError(f"{target} exists; pass overwrite=True to replace it")
        data, warnings = self._docx(plan, template, check=check, draft=draft, document=document)
        if suffix == ".pdf":
            if converter is not None:
                data = converter.convert(data, pdfa=pdfa)
            else:
                with PdfConverter(timeout=self.limits.pdf_seconds) as own:
                    data = own.convert(data, pdfa=pdfa)
        write_atomically(target, data, overwrite=overwrite)
        return Rendered(target, warnings)

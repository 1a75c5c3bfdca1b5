"""The typed domain model of a plan: frozen, keyword-only attrs classes, no I/O.

Every class is immutable; change one with :func:`attrs.evolve`. Collections are
tuples. Text is normalised to Unicode NFC on construction. Validators guard the
invariants of each class and raise :class:`ModelError` naming the field.
"""

from phongtrao.errors import ModelError
from phongtrao.model._awards import (
    NATIONAL_WORDING,
    Authority,
    AuthorityTitle,
    AwardCount,
    AwardForm,
    AwardGrant,
    Awards,
    RecipientKind,
)
from phongtrao.model._documents import Document, DocumentKind, DocumentNumber, LegalBasis
from phongtrao.model._indicators import Indicator, Result, Target
from phongtrao.model._movement import CatalogItem, Movement
from phongtrao.model._parts import BUILTIN_PARTS, Annex, AnnexTable, PlanSection, Topic
from phongtrao.model._pending import Pending
from phongtrao.model._plan import (
    Assessment,
    FundingSource,
    Orientation,
    Plan,
    Responsibility,
    Signature,
    SignMode,
)
from phongtrao.model._reports import (
    Aggregate,
    IndicatorTotal,
    LeftOut,
    Results,
    UnitCount,
    UnitResults,
)
from phongtrao.model._schedule import AgendaItem, Conference, Milestone, MilestoneKind, Modality
from phongtrao.model._set import (
    Decision,
    Documents,
    Enactment,
    Invitation,
    Issued,
    Letter,
    Nominee,
    Programme,
    Proposal,
    ReportOutline,
    SummaryReport,
)
from phongtrao.model._time import PartialDate, Period, Precision, TimeOfDay, Window
from phongtrao.model._units import (
    REFORM_DATE,
    AdministrativeUnit,
    Agency,
    BodyKind,
    Level,
    UnitKind,
)

#: The classes phongtrao computes and returns (the sums of returned reports), as opposed
#: to those a plan file or a program states: they take what the library gives them.
COMPUTED: frozenset[type] = frozenset({Aggregate, IndicatorTotal, LeftOut, Results, UnitCount})

__all__ = [
    "BUILTIN_PARTS",
    "COMPUTED",
    "NATIONAL_WORDING",
    "REFORM_DATE",
    "AdministrativeUnit",
    "Agency",
    "AgendaItem",
    "Aggregate",
    "Annex",
    "AnnexTable",
    "Assessment",
    "Authority",
    "AuthorityTitle",
    "AwardCount",
    "AwardForm",
    "AwardGrant",
    "Awards",
    "BodyKind",
    "CatalogItem",
    "Conference",
    "Decision",
    "Document",
    "DocumentKind",
    "DocumentNumber",
    "Documents",
    "Enactment",
    "FundingSource",
    "Indicator",
    "IndicatorTotal",
    "Invitation",
    "Issued",
    "LeftOut",
    "LegalBasis",
    "Letter",
    "Level",
    "Milestone",
    "MilestoneKind",
    "Modality",
    "ModelError",
    "Movement",
    "Nominee",
    "Orientation",
    "PartialDate",
    "Pending",
    "Period",
    "Plan",
    "PlanSection",
    "Precision",
    "Programme",
    "Proposal",
    "RecipientKind",
    "ReportOutline",
    "Responsibility",
    "Result",
    "Results",
    "SignMode",
    "Signature",
    "SummaryReport",
    "Target",
    "TimeOfDay",
    "Topic",
    "UnitCount",
    "UnitKind",
    "UnitResults",
    "Window",
]

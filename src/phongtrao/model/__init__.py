"""The typed domain model of a plan: frozen, keyword-only attrs classes, no I/O.

Every class is immutable; change one with :func:`attrs.evolve`. Collections are
tuples. Text is normalised to Unicode NFC on construction. Validators guard the
invariants of each class and raise :class:`ModelError` naming the field.
"""

from phongtrao.errors import ModelError
from phongtrao.model._awards import (
    Authority,
    AuthorityTitle,
    AwardForm,
    AwardGrant,
    Awards,
    RecipientKind,
)
from phongtrao.model._documents import Document, DocumentKind, DocumentNumber, LegalBasis
from phongtrao.model._movement import CatalogItem, Movement
from phongtrao.model._plan import (
    Assessment,
    FundingSource,
    Orientation,
    Plan,
    Responsibility,
    Signature,
    SignMode,
    Topic,
)
from phongtrao.model._schedule import Milestone, Modality
from phongtrao.model._time import PartialDate, Period, Precision, Window
from phongtrao.model._units import REFORM_DATE, AdministrativeUnit, Agency, Level, UnitKind

__all__ = [
    "REFORM_DATE",
    "AdministrativeUnit",
    "Agency",
    "Assessment",
    "Authority",
    "AuthorityTitle",
    "AwardForm",
    "AwardGrant",
    "Awards",
    "CatalogItem",
    "Document",
    "DocumentKind",
    "DocumentNumber",
    "FundingSource",
    "LegalBasis",
    "Level",
    "Milestone",
    "Modality",
    "ModelError",
    "Movement",
    "Orientation",
    "PartialDate",
    "Period",
    "Plan",
    "Precision",
    "RecipientKind",
    "Responsibility",
    "SignMode",
    "Signature",
    "Topic",
    "UnitKind",
    "Window",
]

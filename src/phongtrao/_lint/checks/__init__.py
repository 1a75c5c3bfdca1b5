"""The built-in rules' checks, one module per part of the document.

Each check takes a :class:`~phongtrao.hookspecs.LintDocument` and yields an
:class:`~phongtrao.hookspecs.Issue` for each place that breaks its rule, or a
:class:`~phongtrao.hookspecs.NotEvaluated` when it cannot tell. The rule table
that names them, with their codes, severities and bases, is
:mod:`phongtrao._lint.rules`.
"""

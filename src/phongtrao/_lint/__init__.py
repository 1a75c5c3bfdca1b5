"""``phongtrao lint``: checking any .docx against the format rules of Nghị định 30/2020/NĐ-CP.

- :mod:`~phongtrao._lint.types`: rules, findings and where they are (light:
  the hook module imports them);
- :mod:`~phongtrao._lint.document`: the document as rules read it;
- :mod:`~phongtrao._lint.styles`, :mod:`~phongtrao._lint.reader`,
  :mod:`~phongtrao._lint.layout`: reading a .docx the way Word shows it and
  finding its parts;
- :mod:`~phongtrao._lint.rules`: the built-in rules, as data;
  :mod:`~phongtrao._lint.checks`: their checks;
- :mod:`~phongtrao._lint.engine`: :func:`lint`, reading a file safely and
  running the rules.

Nothing here is imported by ``import phongtrao`` but the types.
"""

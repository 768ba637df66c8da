"""The importer's one error type."""

from __future__ import annotations


class ImportRefused(Exception):
    """A file that is not an importable page; the message is one line a person understands.

    ``template`` (marked with ``oim_archive.i18n.N_``) and ``values`` let an interface show
    the reason in its language; ``str()`` is the English line, kept in reports and JSON."""

    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = {key: str(value) for key, value in values.items()}
        super().__init__(template.format(**self.values) if self.values else template)

    @property
    def reason(self) -> tuple[str, dict[str, str]]:
        """The template and its values, for :func:`oim_archive.i18n.translated_reason`."""
        return self.template, dict(self.values)

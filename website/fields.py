"""A model field that stores several choices of a fixed vocabulary in one column.

Stored as ",a,b," so that `field__contains=",a,"` filters on SQLite and PostgreSQL alike,
and per-choice counts are one conditional aggregate (no join table for a five-item list).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

INVALID_CHOICE = _("«%(value)s» no es una opción válida.")


class MultipleChoiceField(models.CharField):
    """A list of choice values; the form widget is a set of checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    @staticmethod
    def encode(values) -> str:
        values = [v for v in (values or []) if v]
        return f",{','.join(values)}," if values else ""

    @staticmethod
    def contains(value: str) -> str:
        """The fragment to pass to `__contains` to find rows holding `value`."""
        return f",{value},"

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple)):
            return list(value)
        return [v for v in str(value).split(",") if v]

    def get_prep_value(self, value):
        if isinstance(value, str):
            value = self.to_python(value)
        return self.encode(value)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {str(choice) for choice, _label in self.choices or []}
        for item in value or []:
            if allowed and item not in allowed:
                raise ValidationError(INVALID_CHOICE, code="invalid_choice", params={"value": item})
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        # CharField's max-length validator would measure the list, not the stored text.
        return super().run_validators(self.encode(value))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        defaults.pop("choices_form_class", None)
        defaults.pop("max_length", None)
        form_class = defaults.pop("form_class")
        defaults.pop("empty_value", None)
        defaults.pop("coerce", None)
        return form_class(**{k: v for k, v in defaults.items() if k in _FORM_KWARGS})


_FORM_KWARGS = {"choices", "widget", "required", "label", "help_text", "initial", "disabled", "validators"}

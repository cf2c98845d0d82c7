"""Template helpers for the learning pages: accessible form fields and progress wording."""

from django import template

register = template.Library()


@register.inclusion_tag("education/includes/field.html")
def form_field(field):
    """A labelled field whose help text and errors are announced with it (aria-describedby)."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs),
        "is_checkbox": field.widget_type == "checkbox",
    }


@register.filter
def result_url(module, attempt) -> str:
    """The address of an attempt's results on its module page."""
    return module.url + module.reverse_subpage("result", kwargs={"attempt_id": attempt.pk})

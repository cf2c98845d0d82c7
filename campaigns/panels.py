"""Admin panels of the campaigns app."""

from django.apps import apps

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser


def installed_page_types(model_strings) -> list[str]:
    """The page types among `model_strings` ("app.Model") that exist in this installation.

    Campaigns point at page types of other apps (courses are built in `education`); a type
    that is not installed is skipped instead of breaking the editor.
    """
    available = []
    for model_string in model_strings:
        try:
            apps.get_model(model_string)
        except (LookupError, ValueError):
            continue
        available.append(model_string)
    return available


class OptionalPageTypeChooserPanel(PageChooserPanel):
    """A page chooser limited to the given page types that are installed, or to any page
    when none of them is (so the editor keeps working while an app is still being built)."""

    def get_form_options(self):
        opts = FieldPanel.get_form_options(self)
        requested = [self.page_type] if isinstance(self.page_type, str) else list(self.page_type or [])
        widgets = opts.setdefault("widgets", {})
        widgets[self.field_name] = AdminPageChooser(
            target_models=installed_page_types(requested) or ["wagtailcore.Page"],
            can_choose_root=self.can_choose_root,
        )
        return opts

"""Admin for learning: institutions (created by staff) and certificates (revoked by staff).

Certificates are issued only by completing a course, so nobody can add or delete one here.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from .admin_forms import CertificateAdminForm
from .models import Certificate, Institution

READ_ONLY_ACTIONS = ("add", "delete", "copy")


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates come from completing a course and go only with the holder's account."""

    def user_has_permission(self, user, action):
        if action in READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in READ_ONLY_ACTIONS]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Estado"),
        choices=[("valida", _("Válida")), ("revocada", _("Revocada"))],
        method="filter_status",
        empty_label=_("Todas"),
    )

    class Meta:
        model = Certificate
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(revoked_at__isnull=value == "valida")


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "group"
    menu_label = _("Instituciones")
    list_display = ["name", "kind", "municipality", "join_code", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "cct", "join_code"]
    search_backend_name = None
    copy_view_enabled = False


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Constancias")
    list_display = ["folio", "holder_name", "course_title", "completed_on", "status_label"]
    filterset_class = CertificateFilterSet
    search_fields = ["folio", "holder_name", "course_title", "verification_code"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("folio", read_only=True),
                    FieldPanel("holder_name", read_only=True),
                    FieldPanel("course_title", read_only=True),
                    FieldPanel("institution_name", read_only=True),
                    FieldPanel("completed_on", read_only=True),
                ],
                heading=_("Constancia"),
            ),
            MultiFieldPanel(
                [FieldPanel("revoked"), FieldPanel("revocation_reason")],
                heading=_("Revocación"),
            ),
        ],
        base_form_class=CertificateAdminForm,
    )


class LearningGroup(SnippetViewSetGroup):
    """Who takes the courses and what they earned."""

    items = (InstitutionViewSet, CertificateViewSet)
    menu_icon = "group"
    menu_label = _("Aprendizaje")
    menu_name = "aprendizaje"


register_snippet(LearningGroup)

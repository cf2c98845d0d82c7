"""Learner accounts (/cuenta/…), Mi aprendizaje, certificates and their public verification.

Included inside i18n_patterns: Spanish at /cuenta/…, English at /en/cuenta/….
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from .views import accounts, certificates, learning

app_name = "education"

urlpatterns = [
    path("cuenta/entrar/", accounts.LoginView.as_view(), name="login"),
    path("cuenta/salir/", accounts.LogoutView.as_view(), name="logout"),
    path("cuenta/registro/", accounts.signup, name="signup"),
    path("cuenta/perfil/", accounts.profile, name="profile"),
    path("cuenta/unirse/", accounts.join_institution, name="join_institution"),
    path("cuenta/eliminar/", accounts.account_delete, name="account_delete"),
    path("cuenta/eliminada/", accounts.account_deleted, name="account_deleted"),
    path("cuenta/contrasena/", never_cache(accounts.PasswordResetView.as_view()), name="password_reset"),
    path(
        "cuenta/contrasena/enviada/", never_cache(accounts.PasswordResetDoneView.as_view()), name="password_reset_done"
    ),
    path(
        "cuenta/contrasena/nueva/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "cuenta/contrasena/lista/",
        never_cache(accounts.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path("cuenta/inscribirme/<int:course_id>/", learning.enroll, name="enroll"),
    path("mi-aprendizaje/", learning.my_learning, name="my_learning"),
    path("constancias/<str:folio>.pdf", certificates.certificate_download, name="certificate_pdf"),
    path("verificar/", certificates.verify, name="verify"),
    path("verificar/<str:code>/", certificates.verify_code, name="verify_code"),
]

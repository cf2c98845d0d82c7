"""Sign-up, log-in and out, profile, joining an institution and deleting the account."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..forms import AccountDeleteForm, EmailAuthenticationForm, JoinInstitutionForm, ProfileForm, SignupForm
from ..services.accounts import (
    learner_account_delete,
    learner_institution_join,
    learner_institution_leave,
    learner_profile_for,
    learner_profile_update,
    learner_signup,
)
from .helpers import learner_required, private

SIGNUP_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _next_url(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


class LoginView(auth_views.LoginView):
    """Log in with e-mail and password; django-axes locks the e-mail after repeated failures."""

    authentication_form = EmailAuthenticationForm
    template_name = "education/account/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("education:my_learning")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "page_title": _("Entrar")}


class LogoutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        return reverse("education:login")


@never_cache
def signup(request):
    """Create an adult learner account, optionally joining an institution with its code."""
    if request.user.is_authenticated:
        return private(redirect("education:my_learning"))
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = learner_signup(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                join_code=form.cleaned_data["join_code"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend=SIGNUP_BACKEND)
            messages.success(request, _("Tu cuenta está lista. Ya puedes inscribirte en un curso."))
            return redirect(_next_url(request, reverse("education:my_learning")))
    context = {"form": form, "page_title": _("Crear una cuenta"), "next": _next_url(request, "")}
    return private(render(request, "education/account/signup.html", context))


@learner_required
def profile(request):
    profile = learner_profile_for(user=request.user)
    initial = {"display_name": profile.display_name, "email": request.user.email or request.user.username}
    form = ProfileForm(request.POST or None, request=request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            learner_profile_update(
                user=request.user, display_name=form.cleaned_data["display_name"], email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Guardamos tus datos."))
            return redirect("education:profile")
    context = {"form": form, "profile": profile, "page_title": _("Mi perfil")}
    return render(request, "education/account/profile.html", context)


@learner_required
def join_institution(request):
    """Join an institution with its code, or leave the current one."""
    profile = learner_profile_for(user=request.user)
    form = JoinInstitutionForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "leave":
        learner_institution_leave(user=request.user)
        messages.success(request, _("Ya no perteneces a ninguna institución."))
        return redirect("education:join_institution")
    if request.method == "POST" and form.is_valid():
        try:
            institution = learner_institution_join(user=request.user, join_code=form.cleaned_data["join_code"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Te uniste a %(name)s.") % {"name": institution.name})
            return redirect(_next_url(request, reverse("education:my_learning")))
    context = {"form": form, "profile": profile, "page_title": _("Unirme a una institución")}
    return render(request, "education/account/join.html", context)


@learner_required
def account_delete(request):
    """Delete one's account and personal data after typing the password (derechos ARCO)."""
    form = AccountDeleteForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            learner_account_delete(user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            return redirect("education:account_deleted")
    context = {"form": form, "page_title": _("Eliminar mi cuenta")}
    return render(request, "education/account/delete.html", context)


@never_cache
def account_deleted(request):
    return render(request, "education/account/deleted.html", {"page_title": _("Cuenta eliminada")})


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "education/account/password_reset_form.html"
    email_template_name = "education/account/password_reset_email.txt"
    subject_template_name = "education/account/password_reset_subject.txt"
    success_url = reverse_lazy("education:password_reset_done")
    extra_email_context = {"site_name": settings.SITE_NAME}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "education/account/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "education/account/password_reset_confirm.html"
    success_url = reverse_lazy("education:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "education/account/password_reset_complete.html"

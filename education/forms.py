"""Forms for learner accounts and certificate verification. They validate input only; the
views pass clean data to the services, which decide."""

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models.institutions import normalize_code
from .services.accounts import username_for_email

INVALID_LOGIN = _("El correo o la contraseña no son correctos. Revisa mayúsculas y espacios.")
PASSWORDS_DIFFER = _("Las dos contraseñas no coinciden.")
PRIVACY_REQUIRED = _("Para crear la cuenta necesitas aceptar el aviso de privacidad.")
ADULTS_ONLY = _("Las cuentas son solo para personas mayores de 18 años.")
WRONG_PASSWORD = _("La contraseña no es correcta.")
PASSWORD_NEEDED_FOR_EMAIL = _("Escribe tu contraseña actual para cambiar tu correo.")
DELETE_CONFIRMATION_REQUIRED = _("Marca la casilla para confirmar que quieres eliminar tu cuenta.")
EMAIL_MAX_LENGTH = 150  # it is also the username, whose column holds 150 characters
CODE_MAX_LENGTH = 40
VERIFY_CODE_EMPTY = _("Escribe el código con sus letras y números, tal como aparece en la constancia.")


def _email_field(**kwargs):
    return forms.EmailField(
        label=_("Correo electrónico"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        **kwargs,
    )


def _display_name_field():
    return forms.CharField(
        label=_("Nombre completo"),
        max_length=150,
        help_text=_("Así aparecerá en tus constancias."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with the e-mail (the username, lower-cased) and password. django-axes counts
    failures on this username, so the lockout cannot be dodged by changing the case."""

    username = _email_field()
    error_messages = {**AuthenticationForm.error_messages, "invalid_login": INVALID_LOGIN}

    def clean_username(self):
        return username_for_email(self.cleaned_data["username"])


class SignupForm(forms.Form):
    email = _email_field()
    display_name = _display_name_field()
    password1 = forms.CharField(
        label=_("Contraseña"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Al menos 10 caracteres; evita contraseñas comunes o parecidas a tu correo."),
    )
    password2 = forms.CharField(
        label=_("Repite la contraseña"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    join_code = forms.CharField(
        label=_("Código de tu institución (opcional)"),
        max_length=CODE_MAX_LENGTH,
        required=False,
        help_text=_("Te lo da tu escuela, academia u oficina. También puedes agregarlo después."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    is_adult = forms.BooleanField(label=_("Tengo 18 años o más."), error_messages={"required": ADULTS_ONLY})
    accept_privacy = forms.BooleanField(
        label=_("He leído y acepto el aviso de privacidad."), error_messages={"required": PRIVACY_REQUIRED}
    )

    def clean_join_code(self):
        return normalize_code(self.cleaned_data["join_code"])

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", PASSWORDS_DIFFER)
        elif password1:
            email = username_for_email(cleaned.get("email") or "")
            candidate = get_user_model()(username=email, email=email, first_name=cleaned.get("display_name") or "")
            try:
                password_validation.validate_password(password1, user=candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class JoinInstitutionForm(forms.Form):
    join_code = forms.CharField(
        label=_("Código de la institución"),
        max_length=CODE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_join_code(self):
        return normalize_code(self.cleaned_data["join_code"])


class ProfileForm(forms.Form):
    display_name = _display_name_field()
    email = _email_field()
    current_password = forms.CharField(
        label=_("Contraseña actual (solo si cambias tu correo)"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        user = self.request.user
        email = cleaned.get("email")
        if email and username_for_email(email) != user.username:
            password = cleaned.get("current_password")
            if not password:
                self.add_error("current_password", PASSWORD_NEEDED_FOR_EMAIL)
            elif authenticate(self.request, username=user.username, password=password) is None:
                self.add_error("current_password", WRONG_PASSWORD)
        return cleaned


class AccountDeleteForm(forms.Form):
    """Deleting needs the password, checked through authenticate() so django-axes throttles it."""

    password = forms.CharField(
        label=_("Tu contraseña"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(
        label=_("Entiendo que se borrarán mi cuenta, mis avances y mis constancias, y que no se puede deshacer."),
        error_messages={"required": DELETE_CONFIRMATION_REQUIRED},
    )

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=password) is None:
            raise forms.ValidationError(WRONG_PASSWORD)
        return password


class VerifyForm(forms.Form):
    codigo = forms.CharField(
        label=_("Código de verificación"),
        max_length=CODE_MAX_LENGTH,
        help_text=_("Está impreso en la constancia, debajo del folio. Por ejemplo: ABCD-EFGH-JKMN-PQRS."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_codigo(self):
        code = self.cleaned_data["codigo"]
        if not normalize_code(code):
            raise forms.ValidationError(VERIFY_CODE_EMPTY, code="empty")
        return code

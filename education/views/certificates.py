"""The certificate PDF (its holder or staff only) and the public verification pages."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..certificates import certificate_pdf
from ..forms import VerifyForm
from ..models.institutions import normalize_code
from ..selectors import certificate_for_code, certificate_for_download
from .helpers import login_redirect, private

NOINDEX = "noindex, nofollow"


def verification_url(request, certificate) -> str:
    """The absolute URL printed as a QR code. Always the Spanish address: it must never change."""
    with translation.override("es"):
        path = reverse("education:verify_code", kwargs={"code": certificate.display_code})
    return request.build_absolute_uri(path)


def certificate_download(request, folio: str):
    """The certificate PDF for its holder or for staff allowed to see certificates; 404 for
    anyone else, so a folio typed into the URL tells nothing. A revoked certificate is still
    given to its holder, drawn with a "revocada" band and the reason."""
    if not request.user.is_authenticated:
        return private(login_redirect(request))
    certificate = certificate_for_download(user=request.user, folio=folio)
    if certificate is None:
        raise Http404
    response = HttpResponse(
        certificate_pdf(certificate, verification_url=verification_url(request, certificate)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="constancia-{certificate.folio}.pdf"'
    response["X-Robots-Tag"] = NOINDEX
    return private(response)


def verify(request):
    """The public form to type a code from a certificate."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        code = normalize_code(form.cleaned_data["codigo"])
        if code:
            return redirect("education:verify_code", code=code)
    return render(request, "education/verify.html", {"form": form, "page_title": _("Verificar una constancia")})


@never_cache
def verify_code(request, code: str):
    """Valid or revoked, with holder, course, date and institution; nothing else. An unknown
    code gets the same plain "not found" as any other."""
    certificate = certificate_for_code(code=code)
    if certificate is None:
        response = render(
            request,
            "education/verify.html",
            {"form": VerifyForm(), "not_found": True, "page_title": _("Constancia no encontrada")},
            status=404,
        )
    else:
        response = render(
            request,
            "education/verify_detail.html",
            {"certificate": certificate, "page_title": _("Verificación de constancia")},
        )
    response["X-Robots-Tag"] = NOINDEX
    return response

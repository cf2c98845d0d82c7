"""Certificate PDFs (contents and QR target), access to them, verification and revocation."""

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

import pytest

from education.certificates import certificate_pdf, printable, verification_qr
from education.factories import InstitutionFactory, LearnerFactory, right_answers
from education.models import Certificate
from education.selectors import certificate_for_download
from education.services.certificates import certificate_revoke
from education.services.learning import enrollment_create, module_attempt_submit

from .pdf_helpers import expected_cells, pdf_links, pdf_text, qr_cells

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(course_tree):
    """Carla completed the course as a member of an institution."""
    institution = InstitutionFactory(name="Academia de Policía de Prueba")
    learner = LearnerFactory(profile__display_name="Carla Cadete Núñez", profile__institution=institution)
    enrollment_create(learner=learner, course=course_tree.course)
    for module in (course_tree.modules[0], course_tree.modules[2]):
        module_attempt_submit(learner=learner, module=module, answers=right_answers(module.slug))
    return Certificate.objects.get(user=learner)


def _download(client, certificate):
    return client.get(reverse("education:certificate_pdf", kwargs={"folio": certificate.folio}))


def test_pdf_holds_course_holder_hours_date_institution_and_folio(client, certificate, course_tree):
    """The PDF is one A4 landscape page with every fact of the certificate."""
    client.force_login(certificate.user)
    response = _download(client, certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"constancia-{certificate.folio}.pdf" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    pdf = response.content
    assert pdf.startswith(b"%PDF-") and b"/MediaBox [ 0 0 841.8898 595.2756 ]" in pdf
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") == 1
    text = pdf_text(pdf)
    for expected in (
        "Carla Cadete Núñez",
        course_tree.course.title,
        "con una duración de 5 horas",
        "Institución: Academia de Policía de Prueba",
        certificate.folio,
        certificate.display_code,
    ):
        assert expected in text
    assert certificate.completed_on.strftime("%Y") in text
    assert "REVOCADA" not in text


def test_qr_code_encodes_the_verification_url(client, certificate):
    """The QR drawn on the page is exactly segno's QR of the absolute verification URL, which
    is also the page's link and leads to the verification page."""
    client.force_login(certificate.user)
    pdf = _download(client, certificate).content
    url = f"http://testserver/verificar/{certificate.display_code}/"
    assert qr_cells(pdf) == expected_cells(verification_qr(url))
    assert set(pdf_links(pdf)) == {url}
    client.logout()
    page = client.get(url.removeprefix("http://testserver"))
    assert page.status_code == 200
    assert "Válida" in page.content.decode()


def test_revoked_certificate_pdf_is_marked_revoked(client, certificate):
    """Its holder can still download it, drawn as revoked with the reason."""
    certificate_revoke(certificate=certificate, reason="Se acreditó por error.")
    client.force_login(certificate.user)
    text = pdf_text(_download(client, certificate).content)
    assert "CONSTANCIA REVOCADA" in text
    assert "Se acreditó por error." in text


def test_visitor_is_sent_to_log_in_for_a_pdf(client, certificate):
    """Anonymous requests get the log-in page, for existing and invented folios alike."""
    response = _download(client, certificate)
    assert response.status_code == 302
    assert response["Location"].startswith("/cuenta/entrar/?next=")


def test_another_learner_cannot_download_by_changing_the_url(client, certificate):
    """A folio that is not yours is a 404, like one that does not exist."""
    client.force_login(LearnerFactory())
    assert _download(client, certificate).status_code == 404
    missing = client.get(reverse("education:certificate_pdf", kwargs={"folio": "PEL-2026-999999"}))
    assert missing.status_code == 404


def test_staff_with_permission_can_download_any_certificate(client, certificate):
    """Moderators (view_certificate) may download a learner's certificate."""
    staff = LearnerFactory(is_staff=True)
    client.force_login(staff)
    assert _download(client, certificate).status_code == 404
    staff.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    assert _download(client, certificate).status_code == 200


def test_a_folio_with_a_nul_character_is_a_404(client, certificate, django_assert_num_queries):
    """A NUL in the folio never reaches the database (an error on PostgreSQL): the PDF address is a 404."""
    client.force_login(certificate.user)
    assert client.get(reverse("education:certificate_pdf", kwargs={"folio": "PEL\x00"})).status_code == 404
    with django_assert_num_queries(0):
        assert certificate_for_download(user=certificate.user, folio=f"{certificate.folio}\x00") is None


def test_english_verification_page_writes_the_date_in_english(client, certificate):
    """The certificate's date reads in the page's language, never «28 de November de 2026»."""
    with translation.override("en"):
        url = reverse("education:verify_code", kwargs={"code": certificate.display_code})
        english_date = date_format(certificate.completed_on, "DATE_FORMAT")
        month = date_format(certificate.completed_on, "F")
    body = client.get(url).content.decode()
    assert english_date in body
    assert f"de {month}" not in body


def test_verification_shows_only_holder_course_date_institution_and_status(client, certificate):
    """A valid code shows the four facts and «Válida»; no e-mail, folio or reason."""
    response = client.get(reverse("education:verify_code", kwargs={"code": certificate.display_code}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Válida" in body
    for expected in ("Carla Cadete Núñez", certificate.course_title, "Academia de Policía de Prueba"):
        assert expected in body
    assert certificate.user.email not in body
    assert certificate.folio not in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert not response.cookies


def test_code_is_found_however_it_is_typed(client, certificate):
    """Lower case, no dashes or spaces: the same certificate."""
    typed = certificate.verification_code.lower()
    response = client.get(reverse("education:verify"), {"codigo": f" {typed[:4]} {typed[4:]} "}, follow=True)
    assert response.status_code == 200
    assert "Carla Cadete Núñez" in response.content.decode()


def test_revoked_certificate_verifies_as_revoked_without_the_reason(client, certificate):
    """Revocation shows «Revocada», never why."""
    certificate_revoke(certificate=certificate, reason="Motivo interno confidencial.")
    body = client.get(reverse("education:verify_code", kwargs={"code": certificate.display_code})).content.decode()
    assert "Revocada" in body
    assert "Motivo interno" not in body


@pytest.mark.parametrize("code", ["AAAA-BBBB-CCCC-DDDD", "x", "%20", "Z" * 40])
def test_unknown_codes_are_a_plain_404(client, certificate, code):
    """Unknown codes answer 404 with the same page, whether near a real code or not."""
    response = client.get(reverse("education:verify_code", kwargs={"code": code}))
    assert response.status_code == 404
    assert "No encontramos una constancia con ese código" in response.content.decode()


def test_near_miss_of_a_real_code_looks_like_any_unknown_code(client, certificate):
    """One character off gives exactly the page an invented code gives."""
    real = certificate.verification_code
    near = ("A" if real[0] != "A" else "B") + real[1:]
    invented = "QQQQQQQQQQQQQQQQ"
    first = client.get(reverse("education:verify_code", kwargs={"code": near}))
    second = client.get(reverse("education:verify_code", kwargs={"code": invented}))
    assert first.status_code == second.status_code == 404
    # The only difference is the address itself (in the language links).
    assert first.content.replace(near.encode(), b"CODE") == second.content.replace(invented.encode(), b"CODE")


def test_verify_form_with_bad_input_never_errors(client):
    """An empty or overlong code re-shows the form."""
    assert client.get(reverse("education:verify")).status_code == 200
    assert client.get(reverse("education:verify"), {"codigo": "x" * 500}).status_code == 200
    assert client.get(reverse("education:verify"), {"codigo": "---"}).status_code == 200


def test_printable_folds_letters_the_pdf_fonts_lack():
    """Spanish stays as is; other letters fold to an unaccented form instead of a black box."""
    assert printable("Núñez Ibáñez") == "Núñez Ibáñez"
    assert printable("Łukasz Nguyễn") == "Lukasz Nguyen"
    assert printable("李") == "?"


def test_pdf_for_a_long_name_and_title_is_still_one_page(certificate):
    """Long names shrink and long titles wrap."""
    certificate.holder_name = "María de los Ángeles Guadalupe Fernández de la Concepción Hernández y Ruiz"
    certificate.course_title = "Curso " * 40
    pdf = certificate_pdf(certificate, verification_url="https://example.org/verificar/ABCD/")
    assert b"/Count 1" in pdf


def test_revocation_needs_a_reason(certificate):
    """certificate_revoke refuses an empty reason and a second revocation."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, reason="  ")
    certificate_revoke(certificate=certificate, reason="Error de captura.")
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, reason="Otra vez.")


def test_hours_are_written_the_spanish_way(certificate):
    """Whole hours without decimals; a half hour with a decimal comma."""
    from decimal import Decimal

    for hours, expected in ((Decimal("10.0"), "duración de 10 horas"), (Decimal("1.5"), "duración de 1,5 horas")):
        certificate.hours = hours
        assert expected in pdf_text(certificate_pdf(certificate, verification_url="https://example.org/v/"))


def test_a_code_without_letters_or_numbers_says_what_to_type(client, db):
    """Typing only dashes in the verification form shows a clear message instead of an empty form."""
    from education.forms import VERIFY_CODE_EMPTY

    response = client.get("/verificar/", {"codigo": "---"})
    assert response.status_code == 200
    assert str(VERIFY_CODE_EMPTY) in response.content.decode()

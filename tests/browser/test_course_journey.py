"""A police cadet's whole journey in Chromium: sign up with the academy's join code, complete
the police course, download the certificate and verify it through the URL in its QR code.
axe-core checks the course, sign-up, module, result, Mi aprendizaje and verification pages."""

import re
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

COURSE = "/cursos/policias-primera-respuesta/"
JOIN_CODE = "DEMOPOLICIA"
URI = re.compile(rb"/URI \((http[^)]*/verificar/[^)]*)\)")


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def right_answers(demo_db, module_path: str) -> dict[str, list[str]]:
    """The answer key, read from the database: the page itself never has it."""
    from education.models import ModulePage
    from education.quiz import quiz_answer_key

    with demo_db():
        module = ModulePage.objects.get(url_path__endswith=module_path.rstrip("/").rsplit("/", 1)[-1] + "/")
        return quiz_answer_key(module.quiz)


def test_cadet_signs_up_completes_the_course_and_verifies_the_certificate(page, live_url, demo_db, tmp_path):
    """Join code at sign-up, five modules passed, certificate PDF downloaded, QR URL verified."""
    email = f"cadete-{uuid.uuid4().hex[:10]}@example.org"

    page.goto(f"{live_url}{COURSE}")
    expect(page.get_by_role("heading", name="Crea una cuenta o entra para tomar el curso")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Crear una cuenta").click()
    assert_no_axe_violations(page)

    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Nombre completo").fill("Brenda Cadete Jiménez")
    page.get_by_label("Contraseña", exact=True).fill("cadete segura 2026")
    page.get_by_label("Repite la contraseña").fill("cadete segura 2026")
    page.get_by_label("Código de tu institución (opcional)").fill(JOIN_CODE.lower())
    page.get_by_label("Tengo 18 años o más.").check()
    page.get_by_label("He leído y acepto el aviso de privacidad.").check()
    page.get_by_role("button", name="Crear mi cuenta").click()
    page.wait_for_url(f"{live_url}{COURSE}")

    assert_no_axe_violations(page)
    page.get_by_role("button", name="Inscribirme en el curso").click()
    page.wait_for_url(re.compile(re.escape(f"{live_url}{COURSE}") + r"[^/]+/$"))
    assert_no_axe_violations(page)

    for number in range(5):
        module_path = page.url.removeprefix(live_url)
        for question_id, choice_ids in right_answers(demo_db, module_path).items():
            for choice_id in choice_ids:
                page.locator(f'[id="c-{question_id}-{choice_id}"]').check()
        page.get_by_role("button", name="Enviar respuestas").click()
        page.wait_for_url(re.compile(r"/resultado/\d+/$"))
        expect(page.get_by_text("Aprobaste este módulo.")).to_be_visible()
        if number == 0:
            assert_no_axe_violations(page)
        next_link = page.get_by_role("link", name=re.compile("^Siguiente: "))
        if next_link.count():
            next_link.click()
            page.wait_for_url(re.compile(r"/[^/]+/$"))

    expect(page.get_by_role("heading", name="¡Terminaste el curso!")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Descargar mi constancia (PDF)").click()
    pdf_path = tmp_path / "constancia.pdf"
    download_info.value.save_as(pdf_path)
    pdf = pdf_path.read_bytes()
    assert pdf.startswith(b"%PDF-")
    verification_url = URI.search(pdf).group(1).decode()
    assert verification_url.startswith(f"{live_url}/verificar/")

    page.goto(f"{live_url}/mi-aprendizaje/")
    expect(page.get_by_role("cell", name="Válida")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(verification_url)
    expect(page.get_by_text("Válida: esta constancia fue emitida por este sitio.")).to_be_visible()
    expect(page.get_by_text("Brenda Cadete Jiménez")).to_be_visible()
    expect(page.get_by_text("Academia de Policía de demostración (ficticia)")).to_be_visible()
    assert_no_axe_violations(page)

    with demo_db():
        from education.models import Certificate

        certificate = Certificate.objects.get(user__username=email)
        assert verification_url.endswith(f"/verificar/{certificate.display_code}/")
        assert certificate.institution_name == "Academia de Policía de demostración (ficticia)"


def test_unknown_code_on_the_verification_page(page, live_url):
    """Typing an unknown code gives the plain «not found» answer; the form page passes axe."""
    page.goto(f"{live_url}/verificar/")
    assert_no_axe_violations(page)
    page.get_by_label("Código de verificación").fill("AAAA-BBBB-CCCC-DDDD")
    page.get_by_role("button", name="Verificar").click()
    expect(page.get_by_role("heading", name="Constancia no encontrada")).to_be_visible()
    assert_no_axe_violations(page)

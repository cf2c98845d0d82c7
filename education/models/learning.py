"""The record of learning: enrolments, progress per module, quiz attempts, completions and
certificates. Written only through `education.services.learning`, which keeps it idempotent
and safe under concurrent submits (unique constraints plus row locks)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

REVOCATION_REASON_REQUIRED = _("Explica por qué se revoca la constancia.")
CERTIFICATE_VALID = _("Válida")
CERTIFICATE_REVOKED = _("Revocada")


class Enrollment(models.Model):
    """A learner taking a course. Its row is also the lock that serialises that learner's
    submits in the course, so a course is completed once even under concurrent requests."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participante"), on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "education.CoursePage", verbose_name=_("curso"), on_delete=models.CASCADE, related_name="enrollments"
    )
    enrolled_at = models.DateTimeField(_("inscripción"), auto_now_add=True)
    last_module = models.ForeignKey(
        "education.ModulePage",
        verbose_name=_("último módulo visitado"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(_("última actividad"), auto_now=True)

    class Meta:
        verbose_name = _("inscripción")
        verbose_name_plural = _("inscripciones")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="enrollment_unique_user_course")]

    def __str__(self):
        return f"{self.user_id} · {self.course_id}"


class ModuleProgress(models.Model):
    """A learner's standing in one module: attempts so far, best score, when it was passed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participante"), on_delete=models.CASCADE, related_name="+"
    )
    module = models.ForeignKey(
        "education.ModulePage", verbose_name=_("módulo"), on_delete=models.CASCADE, related_name="progress"
    )
    course = models.ForeignKey(
        "education.CoursePage", verbose_name=_("curso"), on_delete=models.CASCADE, related_name="module_progress"
    )
    attempt_count = models.PositiveIntegerField(_("intentos"), default=0)
    best_score = models.PositiveSmallIntegerField(_("mejor calificación"), null=True, blank=True)
    passed_at = models.DateTimeField(_("aprobado"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("último intento"), null=True, blank=True)

    class Meta:
        verbose_name = _("avance en un módulo")
        verbose_name_plural = _("avances en módulos")
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="progress_unique_user_module")]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user_id} · {self.module_id}"

    @property
    def passed(self) -> bool:
        return self.passed_at is not None


class QuizAttempt(models.Model):
    """One submitted quiz with its score. `results` keeps what the learner saw and chose, so the
    attempt reads the same after editors change the quiz. The idempotency key comes from the form:
    submitting the same form twice returns the first attempt."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participante"), on_delete=models.CASCADE, related_name="+"
    )
    module = models.ForeignKey(
        "education.ModulePage", verbose_name=_("módulo"), on_delete=models.CASCADE, related_name="attempts"
    )
    course = models.ForeignKey(
        "education.CoursePage", verbose_name=_("curso"), on_delete=models.CASCADE, related_name="attempts"
    )
    idempotency_key = models.CharField(_("clave del envío"), max_length=64)
    language = models.CharField(_("idioma"), max_length=8)
    score = models.PositiveSmallIntegerField(_("calificación (%)"))
    correct_count = models.PositiveSmallIntegerField(_("respuestas correctas"))
    question_count = models.PositiveSmallIntegerField(_("preguntas"))
    passed = models.BooleanField(_("aprobado"))
    results = models.JSONField(_("respuestas y resultados"), default=list)
    submitted_at = models.DateTimeField(_("enviado"), auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("intento de cuestionario")
        verbose_name_plural = _("intentos de cuestionario")
        constraints = [
            models.UniqueConstraint(fields=["user", "idempotency_key"], name="attempt_unique_user_key"),
        ]

    def __str__(self):
        return f"{self.user_id} · {self.module_id} · {self.score} %"


class CourseCompletion(models.Model):
    """A learner completed a course: every required module passed. Recorded once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participante"), on_delete=models.CASCADE, related_name="completions"
    )
    # Kept if the course page is deleted: the certificate holds its own copy of the title.
    course = models.ForeignKey(
        "education.CoursePage",
        verbose_name=_("curso"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="completions",
    )
    completed_at = models.DateTimeField(_("terminado"))

    class Meta:
        verbose_name = _("curso terminado")
        verbose_name_plural = _("cursos terminados")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="completion_unique_user_course")]

    def __str__(self):
        return f"{self.user_id} · {self.course_id}"


class Certificate(models.Model):
    """A verifiable certificate (constancia) for a completed course.

    The folio is for people (it is printed and quoted); the verification code is unguessable and
    is what the public verification page looks up. Holder, course, hours and institution are
    copied at issue, so the certificate says what was true then. Staff revoke a certificate with
    a reason; it is never edited otherwise. Not in the search index: holders' names stay in
    this table only (the admin searches it with plain lookups).
    """

    completion = models.OneToOneField(
        CourseCompletion, verbose_name=_("curso terminado"), on_delete=models.CASCADE, related_name="certificate"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("titular"), on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(
        "education.CoursePage",
        verbose_name=_("curso"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    folio = models.CharField(_("folio"), max_length=32, unique=True)
    verification_code = models.CharField(_("código de verificación"), max_length=32, unique=True)
    holder_name = models.CharField(_("titular"), max_length=150)
    course_title = models.CharField(_("curso"), max_length=255)
    hours = models.DecimalField(_("horas"), max_digits=4, decimal_places=1)
    institution_name = models.CharField(_("institución"), max_length=200, blank=True)
    completed_on = models.DateField(_("fecha de término"))
    issued_at = models.DateTimeField(_("emitida"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revocada"), null=True, blank=True)
    revocation_reason = models.TextField(_("motivo de la revocación"), blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("constancia")
        verbose_name_plural = _("constancias")

    def __str__(self):
        return f"{self.folio} · {self.holder_name}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def status_label(self) -> str:
        return str(CERTIFICATE_REVOKED if self.is_revoked else CERTIFICATE_VALID)

    status_label.short_description = _("estado")

    @property
    def display_code(self) -> str:
        """The verification code in groups of four, as printed."""
        code = self.verification_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))

    def clean(self):
        if self.revoked_at and not self.revocation_reason.strip():
            raise ValidationError({"revocation_reason": REVOCATION_REASON_REQUIRED})

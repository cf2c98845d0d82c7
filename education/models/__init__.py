from .courses import CourseIndexPage, CoursePage, ModulePage
from .guides import GuideIndexPage, GuidePage, GuideRelatedLink
from .institutions import Institution, InstitutionKind
from .learners import LearnerProfile
from .learning import Certificate, CourseCompletion, Enrollment, ModuleProgress, QuizAttempt

__all__ = [
    "Certificate",
    "CourseCompletion",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "GuideIndexPage",
    "GuidePage",
    "GuideRelatedLink",
    "Institution",
    "InstitutionKind",
    "LearnerProfile",
    "ModulePage",
    "ModuleProgress",
    "QuizAttempt",
]

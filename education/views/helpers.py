"""Small pieces the education views share."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control


def private(response):
    """A page made for one signed-in person: never stored by a browser or shared cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def login_redirect(request):
    """To the log-in page in the reader's language, coming back here afterwards."""
    return redirect_to_login(request.get_full_path(), reverse("education:login"))


def learner_required(view):
    """Signed-in users only (others go to log in), and the answer is private."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return private(login_redirect(request))
        return private(view(request, *args, **kwargs))

    return wrapper

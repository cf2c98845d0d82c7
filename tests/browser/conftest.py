"""Browser tests: the real site, served by a real WSGI server thread on the test database,
driven by the machine's Chromium through Playwright.

Browser tests run in their own pytest run (`pytest -m browser`), so the demo content is
loaded once and shared; tests create their own users and never delete demo rows.
pytest-django's `live_server` is not used because it flushes the database after every test.
"""

import os
from contextlib import contextmanager

from django.core.management import call_command

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# inside one unless told it is safe (the loop only drives the browser).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


BROWSER_DIR = os.path.dirname(__file__)


def pytest_collection_modifyitems(items):
    # This hook sees every collected item of the session, not only this folder's.
    for item in items:
        if str(item.path).startswith(BROWSER_DIR):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "es-MX", "accept_downloads": True}


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """Create the test database for the browser run.

    pytest-django only creates it when some collected test asks for the `db` fixture, and
    browser tests must not (its per-test transaction would hide their data from the server
    thread, and `transactional_db` would flush the demo content after each test).
    """
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(verbosity=request.config.option.verbose, interactive=False, aliases={"default"})
        call_command("update_translation_fields", verbosity=0)
        call_command("set_translation_url_paths", verbosity=0)
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=request.config.option.verbose)


@pytest.fixture(scope="session")
def demo_db(django_db_setup, django_db_blocker):
    """A context manager that lets a browser test read or write the shared test database."""

    @contextmanager
    def access():
        with django_db_blocker.unblock():
            yield

    return access


@pytest.fixture(scope="session")
def live_url(django_db_setup, django_db_blocker):
    """Base URL of the site, with the demo content loaded once for the whole browser run.

    The server thread reads the database while tests run, so database access stays open for
    the whole browser session (pytest-django's blocker is process-wide).
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        connections_override = {}
        for conn in connections.all():
            # An in-memory SQLite test database only exists on this connection: share it.
            if conn.vendor == "sqlite" and conn.is_in_memory_db():
                connections_override[conn.alias] = conn
                conn.inc_thread_sharing()
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://127.0.0.1:{server.port}"
        server.terminate()
        for conn in connections_override.values():
            conn.dec_thread_sharing()


NEUTRAL_PAGE = "<!DOCTYPE html><html lang='es'><head><title>Clima</title></head><body><h1>Clima</h1></body></html>"


@pytest.fixture
def page(page, live_url):
    """A browser page that records every request to another host and answers it with a
    neutral page instead of reaching the network. Public pages must load nothing from third
    parties, so the test fails at teardown if any such request is left in
    `page.external_requests` (a test that leaves on purpose, like the quick exit, clears it)."""
    external = []

    def is_external(url: str) -> bool:
        return not url.startswith((live_url, "data:", "about:", "blob:"))

    def answer(route):
        external.append(route.request.url)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=NEUTRAL_PAGE)

    page.set_default_timeout(15000)
    page.route(is_external, answer)
    page.external_requests = external
    yield page
    assert external == [], f"Requests to other hosts: {external}"

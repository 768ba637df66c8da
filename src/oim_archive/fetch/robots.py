"""robots.txt, read once per site per run, with the standard library's parser."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from oim_archive.fetch.client import ROBOTS_AGENT, FetchError, PoliteClient, host_of


class Robots:
    """Whether a URL may be fetched, by the rules of its site's robots.txt.

    As RFC 9309 says: a robots.txt that is missing (4xx) allows everything; one that cannot be
    read (5xx, network errors) forbids the whole site for this run."""

    def __init__(self, client: PoliteClient, on_host_delay: Callable[[str, float], None]):
        self._client = client
        self._on_host_delay = on_host_delay
        self._rules: dict[str, RobotFileParser | None] = {}

    def refusal(self, url: str) -> str | None:
        """Why ``url`` may not be fetched, or None when it may."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._rules:
            self._rules[origin] = self._read(origin)
        rules = self._rules[origin]
        if rules is None:
            return f"robots.txt of {host_of(url)} could not be read; the site is left alone"
        if not rules.can_fetch(ROBOTS_AGENT, url):
            return "robots.txt disallows it"
        return None

    def _read(self, origin: str) -> RobotFileParser | None:
        rules = RobotFileParser(origin + "/robots.txt")
        try:
            answer = self._client.get(
                origin + "/robots.txt", gate=lambda _url: None, plain_text=True
            )
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                rules.parse([])  # no rules: everything allowed
                return rules
            return None
        text = answer.body.decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay is not None:
            self._on_host_delay(host_of(origin), float(delay))
        return rules

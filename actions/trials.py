"""Trial information: a ClinicalTrials.gov API v2 client and ``action_find_trials``.

The query is built from the slots (``query.cond`` cancer type, ``query.term`` biomarker or
alteration, ``query.locn`` country, ``filter.overallStatus=RECRUITING,NOT_YET_RECRUITING``).
Live results are fetched with a short timeout and cached; offline or on any error the answer
is the human search link alone. National trial finders come from the repository. The action
never says whether a trial suits the person.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.formatting import signpost_message
from actions.services import ServiceAction, Services

log = logging.getLogger(__name__)

API_URL = "https://clinicaltrials.gov/api/v2/studies"
SEARCH_URL = "https://clinicaltrials.gov/search"
STUDY_URL = "https://clinicaltrials.gov/study/"
STATUSES = ("RECRUITING", "NOT_YET_RECRUITING")
ELIGIBILITY_NOTE = (
    "Only the trial team can say whether a trial is open to a particular person: every trial "
    "has its own eligibility criteria. Take any trial you find to your oncology team."
)
PHASES = {
    "EARLY_PHASE1": "early phase 1",
    "PHASE1": "phase 1",
    "PHASE2": "phase 2",
    "PHASE3": "phase 3",
    "PHASE4": "phase 4",
    "NA": "phase not applicable",
}


@dataclass(frozen=True)
class TrialQuery:
    """What to search: condition, other terms (biomarker/alteration) and location."""

    cond: str | None = None
    term: str | None = None
    locn: str | None = None

    def api_params(self, page_size: int = 5) -> dict[str, str]:
        """Query parameters of GET /api/v2/studies."""
        params = {
            "filter.overallStatus": ",".join(STATUSES),
            "pageSize": str(page_size),
            "format": "json",
        }
        for key, value in (
            ("query.cond", self.cond),
            ("query.term", self.term),
            ("query.locn", self.locn),
        ):
            if value:
                params[key] = value
        return params

    def search_link(self) -> str:
        """A link to the same search on the ClinicalTrials.gov website (human readable)."""
        params = {}
        for key, value in (("cond", self.cond), ("term", self.term), ("country", self.locn)):
            if value:
                params[key] = value
        params["aggFilters"] = "status:not rec"
        return f"{SEARCH_URL}?{urlencode(params)}"


@dataclass
class TrialSummary:
    """One study from the API: NCT id, title, phase, status, nearest location and link."""

    nct_id: str
    title: str
    phase: str | None
    status: str | None
    location: str | None

    @property
    def url(self) -> str:
        return STUDY_URL + self.nct_id

    def to_public(self) -> dict[str, Any]:
        return {
            "nct_id": self.nct_id,
            "title": self.title,
            "phase": self.phase,
            "status": self.status,
            "location": self.location,
            "url": self.url,
        }


def parse_studies(payload: dict[str, Any], country: str | None = None) -> list[TrialSummary]:
    """Studies of an API v2 response (``{"studies": [{"protocolSection": {...}}]}``).

    The location shown is the first site in ``country`` (a country name) when there is one,
    else the first listed site.
    """
    studies = []
    for study in payload.get("studies") or []:
        proto = study.get("protocolSection") or {}
        ident = proto.get("identificationModule") or {}
        nct = ident.get("nctId")
        if not nct:
            continue
        phases = (proto.get("designModule") or {}).get("phases") or []
        status = (proto.get("statusModule") or {}).get("overallStatus")
        locations = (proto.get("contactsLocationsModule") or {}).get("locations") or []
        chosen = None
        if country:
            chosen = next(
                (loc for loc in locations if (loc.get("country") or "").lower() == country.lower()),
                None,
            )
        chosen = chosen or (locations[0] if locations else None)
        where = None
        if chosen:
            where = ", ".join(
                p for p in (chosen.get("facility"), chosen.get("city"), chosen.get("country")) if p
            )
        studies.append(
            TrialSummary(
                nct_id=nct,
                title=ident.get("briefTitle") or ident.get("officialTitle") or nct,
                phase=", ".join(PHASES.get(p, p.lower()) for p in phases) or None,
                status=status.replace("_", " ").lower() if status else None,
                location=where,
            )
        )
    return studies


@dataclass
class TrialsClient:
    """GET /api/v2/studies with a timeout (<= 3 s) and an in-memory TTL cache.

    ``search(query) -> list[TrialSummary] | None``: None means "no live data" (offline,
    timeout, HTTP or JSON error, or live fetching disabled with PMN_TRIALS_LIVE=0); failures
    are cached for ``error_ttl`` seconds so a dead network does not slow every turn.
    """

    timeout: float = 3.0
    ttl: float = 3600.0
    error_ttl: float = 120.0
    live: bool = field(default_factory=lambda: os.environ.get("PMN_TRIALS_LIVE", "1") != "0")
    transport: Any = None  # httpx transport (tests)
    _cache: dict[TrialQuery, tuple[float, list[TrialSummary] | None]] = field(
        default_factory=dict, repr=False
    )
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if not 0 < self.timeout <= 3.0:
            raise ValueError(f"timeout must be in (0, 3] seconds, got {self.timeout}")

    def search(self, query: TrialQuery, page_size: int = 5) -> list[TrialSummary] | None:
        if not self.live:
            return None
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(query)
            if cached and cached[0] > now:
                return cached[1]
        result = self._fetch(query, page_size)
        ttl = self.ttl if result is not None else self.error_ttl
        with self._lock:
            self._cache[query] = (now + ttl, result)
        return result

    def _fetch(self, query: TrialQuery, page_size: int) -> list[TrialSummary] | None:
        import httpx

        try:
            with httpx.Client(timeout=self.timeout, transport=self.transport) as client:
                resp = client.get(API_URL, params=query.api_params(page_size))
                resp.raise_for_status()
                return parse_studies(resp.json(), query.locn)
        except (httpx.HTTPError, ValueError) as exc:
            log.info("ClinicalTrials.gov unavailable (%s); answering with the link only", exc)
            return None


def national_first(hits: list[Any], country: str | None) -> list[Any]:
    """Trial finders for the user's country (or the EU for member states) only; finders for
    other countries are dropped, and global ones are kept only when nothing national exists."""
    if not country:
        return hits
    from knowledge.vocab import eu_members

    code = country.upper()
    local = {code} | ({"EU"} if code in eu_members() else set())
    national = [h for h in hits if local & set(h.resource.regions or [])]
    if national:
        return national
    return [h for h in hits if "global" in (h.resource.regions or [])]


def trial_query(tracker: Tracker) -> TrialQuery:
    """Build the query from the slots: cancer type name, alteration or biomarker, country."""
    from actions.common import cancer_label, country_name

    cancer = tracker.get_slot("cancer_type")
    cond = None
    if cancer:
        from knowledge.vocab import load_vocab

        for entry in load_vocab("cancer_types").get("cancer_types") or []:
            if entry.get("code") == cancer:
                cond = entry.get("name") or cancer_label(cancer)
        cond = cond or cancer
    term = tracker.get_slot("alteration") or tracker.get_slot("biomarker")
    return TrialQuery(
        cond=cond or ("cancer" if term else None),
        term=term,
        locn=country_name(tracker.get_slot("country")),
    )


class ActionFindTrials(ServiceAction):
    """Trial information: search link, live studies when reachable, national trial finders."""

    def name(self) -> str:
        return "action_find_trials"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        notice = common.privacy_first(dispatcher, tracker)
        return notice + find_trials(dispatcher, tracker, self.services)


def find_trials(
    dispatcher: CollectingDispatcher, tracker: Tracker, services: Services
) -> list[dict[str, Any]]:
    """The trial step: ask for a topic if none is known, else answer (see module doc)."""
    from retrieval.search import Filters

    query = trial_query(tracker)
    if not (query.cond or query.term):
        dispatcher.utter_message(response="utter_ask_trial_details")
        return [SlotSet("pending_task", "trials")]
    studies = services.trials.search(query)
    terse = common.is_professional(tracker)
    label = common.cancer_label(tracker.get_slot("cancer_type")) or query.cond
    subject = " ".join(p for p in (query.term, label) if p)
    where = f" in {query.locn}" if query.locn else ""
    lines = [
        f"Recruiting or soon-recruiting trials for {subject}{where} on ClinicalTrials.gov: "
        f"[open the search]({query.search_link()})"
    ]
    if studies:
        lines.append("A few current listings (check each record for full details):")
        for s in studies[:5]:
            bits = [p for p in (s.phase, s.status) if p]
            meta = f" ({'; '.join(bits)})" if bits else ""
            place = f", nearest site listed: {s.location}" if s.location else ""
            lines.append(f"- [{s.title}]({s.url}), {s.nct_id}{meta}{place}")
    elif studies is not None:
        lines.append("The live search found no recruiting listings for exactly these terms.")
    filters = Filters(
        country=tracker.get_slot("country"),
        audience=common.audience(tracker),
        kind=["trial_finder", "trial_registry"],
    )
    response = services.search.search(
        f"clinical trial finder {subject}{where}", k=3, filters=filters
    )
    hits = national_first(
        [h for h in response.hits if "clinicaltrials.gov" not in str(h.resource.url)],
        tracker.get_slot("country"),
    )[:3]
    if hits:
        lines.append("\nOther trial finders that cover your country or region:")
    safety = [
        {"kind": "eligibility", "text": ELIGIBILITY_NOTE},
        common.expectation_note(tracker),
    ]
    trials = {
        "query": query.api_params(),
        "search_url": query.search_link(),
        "live": studies is not None,
        "studies": [s.to_public() for s in studies or []],
    }
    message = signpost_message(
        "\n".join(lines), hits, safety, terse=terse, why=not terse, trials=trials
    )
    dispatcher.utter_message(**message)
    return [SlotSet("pending_task", None)]

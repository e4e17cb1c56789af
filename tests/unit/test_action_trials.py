"""ClinicalTrials.gov API v2 client and action_find_trials, against a recorded-shape response.

The fixture (tests/fixtures/trials/ctgov_v2_studies.json) is a synthetic record in the real
API v2 JSON shape (studies[].protocolSection.{identificationModule, statusModule, designModule,
contactsLocationsModule}); NCT ids NCT0000000x are placeholders, not real studies.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.services import Services
from actions.trials import (
    API_URL,
    ActionFindTrials,
    TrialQuery,
    TrialsClient,
    parse_studies,
    trial_query,
)
from tests.fakes import RecordingSearch, real_resources

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "trials" / "ctgov_v2_studies.json"


def _payload() -> dict:
    return json.loads(FIXTURE.read_text())


def _tracker(**slots: str | bool | None) -> Tracker:
    slots.setdefault("privacy_notice_shown", True)
    return Tracker(
        "t",
        slots,
        {"text": "any trials?", "intent": {"name": "find_trials"}, "entities": []},
        [],
        False,
        None,
        {},
        "action_listen",
    )


def _client(handler) -> TrialsClient:
    return TrialsClient(live=True, transport=httpx.MockTransport(handler))


def test_query_parameters_follow_the_api_v2_names() -> None:
    q = TrialQuery(cond="Non-Small Cell Lung Cancer", term="ALK", locn="United Kingdom")
    assert q.api_params(page_size=5) == {
        "filter.overallStatus": "RECRUITING,NOT_YET_RECRUITING",
        "pageSize": "5",
        "format": "json",
        "query.cond": "Non-Small Cell Lung Cancer",
        "query.term": "ALK",
        "query.locn": "United Kingdom",
    }
    link = urlsplit(q.search_link())
    assert (link.scheme, link.netloc, link.path) == ("https", "clinicaltrials.gov", "/search")
    params = parse_qs(link.query)
    assert params["cond"] == ["Non-Small Cell Lung Cancer"]
    assert params["term"] == ["ALK"]
    assert params["country"] == ["United Kingdom"]


def test_query_is_built_from_the_slots() -> None:
    q = trial_query(
        _tracker(biomarker="KRAS", alteration="KRAS G12C", cancer_type="NSCLC", country="GB")
    )
    assert q.term == "KRAS G12C"
    assert q.locn == "United Kingdom"
    assert q.cond and "lung" in q.cond.lower()


def test_parse_studies_reads_title_phase_status_and_nearest_location() -> None:
    studies = parse_studies(_payload(), "United Kingdom")
    assert [s.nct_id for s in studies] == ["NCT00000001", "NCT00000002"]
    first, second = studies
    assert first.phase == "phase 2"
    assert first.status == "recruiting"
    assert first.location == "Fixture Cancer Centre, Manchester, United Kingdom"
    assert first.url == "https://clinicaltrials.gov/study/NCT00000001"
    assert second.phase == "phase 1, phase 2"
    assert second.location is None
    # without a country preference the first listed site is shown
    assert parse_studies(_payload())[0].location.endswith("Boston, United States")


def test_client_sends_the_query_and_caches_the_answer() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=_payload())

    client = _client(handler)
    q = TrialQuery(cond="lung cancer", term="ALK", locn="United Kingdom")
    first = client.search(q)
    second = client.search(q)
    assert len(seen) == 1, "second call must come from the cache"
    assert first == second and len(first) == 2
    url = seen[0].url
    assert str(url).startswith(API_URL)
    assert url.params["filter.overallStatus"] == "RECRUITING,NOT_YET_RECRUITING"
    assert url.params["query.term"] == "ALK"


@pytest.mark.parametrize(
    "handler",
    [
        lambda r: (_ for _ in ()).throw(httpx.ConnectError("offline", request=r)),
        lambda r: (_ for _ in ()).throw(httpx.ReadTimeout("slow", request=r)),
        lambda r: httpx.Response(503, text="down"),
        lambda r: httpx.Response(200, text="not json"),
    ],
    ids=["offline", "timeout", "http-error", "bad-json"],
)
def test_failures_mean_no_live_data(handler) -> None:
    assert _client(handler).search(TrialQuery(term="ALK")) is None


def test_timeout_is_capped_at_three_seconds() -> None:
    with pytest.raises(ValueError):
        TrialsClient(timeout=10)


def _run(client: TrialsClient, **slots: str | None) -> tuple[dict, list]:
    finders = [r for r in real_resources() if r.id == "cruk-trial-finder"]
    search = RecordingSearch(finders)
    dispatcher = CollectingDispatcher()
    events = ActionFindTrials(Services(search=search, trials=client)).run(
        dispatcher, _tracker(**slots), {}
    )
    (message,) = dispatcher.messages
    return message, events


def test_action_lists_live_studies_link_and_national_finder() -> None:
    client = _client(lambda r: httpx.Response(200, json=_payload()))
    message, events = _run(client, biomarker="ALK", cancer_type="NSCLC", country="GB")
    text = message["text"]
    assert "https://clinicaltrials.gov/search?" in text
    assert "NCT00000001" in text and "phase 2" in text and "Manchester" in text
    assert [r["id"] for r in message["custom"]["resources"]] == ["cruk-trial-finder"]
    custom = message["custom"]
    assert custom["trials"]["live"] is True
    assert [s["nct_id"] for s in custom["trials"]["studies"]] == ["NCT00000001", "NCT00000002"]
    kinds = [n["kind"] for n in custom["safety"]]
    assert kinds == ["eligibility", "expectation"]
    assert events == [{"event": "slot", "timestamp": None, "name": "pending_task", "value": None}]


def test_action_offline_gives_the_link_alone() -> None:
    client = TrialsClient(live=False)
    message, _ = _run(client, biomarker="ALK", cancer_type="NSCLC", country="GB")
    assert "https://clinicaltrials.gov/search?" in message["text"]
    assert "NCT" not in message["text"]
    assert message["custom"]["trials"]["live"] is False
    assert message["custom"]["trials"]["studies"] == []


def test_trial_finders_of_other_countries_are_dropped() -> None:
    from actions.trials import national_first
    from retrieval.search import Hit

    by_id = {r.id: r for r in real_resources()}
    hits = [
        Hit(by_id[i], 1.0, []) for i in ("anzctr", "eu-ctis-public-portal", "cruk-trial-finder")
    ]
    assert [h.resource.id for h in national_first(hits, "FR")] == ["eu-ctis-public-portal"]
    assert [h.resource.id for h in national_first(hits, "GB")] == ["cruk-trial-finder"]
    assert [h.resource.id for h in national_first(hits, None)] == [h.resource.id for h in hits]


def test_action_never_gives_an_eligibility_verdict() -> None:
    client = _client(lambda r: httpx.Response(200, json=_payload()))
    message, _ = _run(client, biomarker="ALK", cancer_type="NSCLC", country="GB")
    lowered = message["text"].lower()
    for verdict in ("you are eligible", "you qualify", "you would qualify", "right for you"):
        assert verdict not in lowered
    assert "only the trial team can say" in lowered


def test_action_without_any_topic_asks_for_one() -> None:
    dispatcher = CollectingDispatcher()
    events = ActionFindTrials(
        Services(search=RecordingSearch([]), trials=TrialsClient(live=False))
    ).run(dispatcher, _tracker(), {})
    assert dispatcher.messages[0]["response"] == "utter_ask_trial_details"
    assert events == [
        {"event": "slot", "timestamp": None, "name": "pending_task", "value": "trials"}
    ]


@pytest.mark.network
def test_live_api_answers_in_the_expected_shape() -> None:
    try:
        httpx.get("https://clinicaltrials.gov/api/v2/version", timeout=3)
    except httpx.HTTPError:
        pytest.skip("no network access to clinicaltrials.gov")
    studies = TrialsClient().search(TrialQuery(cond="lung cancer", term="ALK"))
    assert studies is not None
    assert all(s.nct_id.startswith("NCT") for s in studies)

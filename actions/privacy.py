"""Privacy: "forget me" really deletes the sender's stored events; feedback is recorded as a
slot event in the tracker.

Deletion. Rasa writes the tracker to the store *after* the action returns, so deleting rows
inside the action would be undone by that save. ``action_forget_me`` therefore confirms, and a
background thread waits until Rasa has stored the end of this turn (the ``action_listen``
after the action) and then deletes every event row of the sender from the SQL tracker store
(SQLite file at PMN_TRACKER_DB, the same file Rasa's endpoints.yml uses). A second pass a
moment later catches stragglers. The next message from that sender starts an empty tracker.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

log = logging.getLogger(__name__)
POSITIVE = re.compile(r"\b(helpful|useful|great|perfect|brilliant|good|thanks?|excellent)\b", re.I)
NEGATION = re.compile(
    r"\b(not|no|never|wasn't|isn't|didn't|doesn't|don't)\b|n't\b|\bun(helpful)", re.I
)


def tracker_db() -> Path | None:
    """The SQLite tracker store file (env PMN_TRACKER_DB), or None when unset."""
    value = os.environ.get("PMN_TRACKER_DB")
    return Path(value) if value else None


def delete_sender_events(db: Path, sender_id: str) -> int:
    """Delete every event row of ``sender_id``; returns the number of rows deleted."""
    with sqlite3.connect(db, timeout=10) as conn:
        cur = conn.execute("DELETE FROM events WHERE sender_id = ?", (sender_id,))
        return cur.rowcount


def turn_stored(db: Path, sender_id: str, since: float) -> bool:
    """True once Rasa has stored an ``action_listen`` for the sender after ``since``."""
    with sqlite3.connect(db, timeout=10) as conn:
        row = conn.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ? AND action_name = 'action_listen' "
            "AND timestamp >= ?",
            (sender_id, since),
        ).fetchone()
    return bool(row and row[0])


def erase_after_turn(
    db: Path, sender_id: str, since: float, timeout: float = 20.0, poll: float = 0.2
) -> int:
    """Wait for the end of the turn to be stored, then delete the sender's rows (twice)."""
    deadline = time.monotonic() + timeout
    deleted = 0
    try:
        while time.monotonic() < deadline and not turn_stored(db, sender_id, since):
            time.sleep(poll)
        deleted = delete_sender_events(db, sender_id)
        time.sleep(1.0)
        deleted += delete_sender_events(db, sender_id)
        log.info("forget me: deleted %d stored events of one sender", deleted)
    except sqlite3.Error as exc:
        log.error("forget me: could not delete events: %s", exc)
    return deleted


class ActionForgetMe(Action):
    def __init__(self, db: Path | None = None, background: bool = True) -> None:
        self._db = db
        self._background = background

    def name(self) -> str:
        return "action_forget_me"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        db = self._db or tracker_db()
        if db is None or not db.exists():
            dispatcher.utter_message(response="utter_forget_me_failed")
            return [AllSlotsReset()]
        since = time.time() - 1.0
        if self._background:
            threading.Thread(
                target=erase_after_turn, args=(db, tracker.sender_id, since), daemon=True
            ).start()
        else:
            delete_sender_events(db, tracker.sender_id)
        dispatcher.utter_message(response="utter_forget_me_done")
        return [AllSlotsReset()]


class ActionRecordFeedback(Action):
    """Stores "helpful" / "not_helpful" as a ``feedback`` slot event and thanks the user."""

    def name(self) -> str:
        return "action_record_feedback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        value = None
        for entity in tracker.latest_message.get("entities") or []:
            if entity.get("entity") == "feedback_value":
                value = entity.get("value")
        if value not in {"helpful", "not_helpful"}:
            # Free-text feedback is mostly a problem report ("that link doesn't load"): it counts
            # as helpful only when it says so without a negation.
            text = tracker.latest_message.get("text") or ""
            positive = POSITIVE.search(text) and not NEGATION.search(text)
            value = "helpful" if positive else "not_helpful"
        dispatcher.utter_message(
            response="utter_feedback_thanks" if value == "helpful" else "utter_feedback_sorry"
        )
        return [SlotSet("feedback", value)]

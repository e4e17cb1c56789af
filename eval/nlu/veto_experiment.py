"""Leave-one-set-out with a wider learned-veto policy (an experiment; nothing shipped).

    flock /tmp/pmn-cpu.lock .venv-engine/bin/python -m eval.nlu.veto_experiment \
        no-first-person-crisis --no-baseline        # ~15 min on 2 cores

The policy shipped until branch triage-v4 (``nlu.triage.learned_veto_allowed``) let the
classifier veto a rule finding only when it was not explicit, or explicit about someone else in
an information question. Variants: ``no-first-person-crisis`` also allows explicit findings
except an explicit crisis statement in the first person; ``emergency`` keeps the shipped rule
for crisis findings and allows every emergency finding, explicit or not, in any person (shipped
since branch triage-v4, so now the same as the shipped policy); ``all`` allows every
crisis/emergency rule finding. The veto level is still chosen by eval.nlu.loso (the lowest
P(none) that vetoes no rule-caught positive in the inner folds). Results:
eval/nlu/triage_loso.md, "Wider learned veto" and "Veto policy".
"""

import sys
from collections.abc import Callable

from nlu import triage

VARIANTS = ("no-first-person-crisis", "emergency", "all")


def wider_policy(variant: str) -> Callable[[triage.TriageResult, str], bool]:
    """A replacement for ``nlu.triage.learned_veto_allowed`` under ``variant``."""
    shipped = triage.learned_veto_allowed

    def allowed(result: triage.TriageResult, text: str) -> bool:
        if result.category not in triage._URGENT or result.rule == "semantic":
            return False
        if variant == "emergency":
            return result.category == "emergency" or shipped(result, text)
        if variant == "all" or not (result.category == "crisis" and result.explicit):
            return True
        # "no-first-person-crisis": explicit first-person crisis statements stay unvetoable
        norm = triage._normalise(text)
        return not triage._FIRST_PERSON.search(triage._sentence(norm, result.start, result.end))

    return allowed


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in VARIANTS:
        print(f"usage: python -m eval.nlu.veto_experiment {{{'|'.join(VARIANTS)}}} [loso args]")
        return 2
    # screen_all and eval.nlu.loso look the policy up at call time
    triage.learned_veto_allowed = wider_policy(argv[0])
    from eval.nlu import loso

    return loso.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

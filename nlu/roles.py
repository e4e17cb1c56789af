"""Role detection: who is writing? -> one ``role`` entity (patient | caregiver | clinician |
organisation), or nothing when the message does not say.

Rules look for self-description ("I'm an oncology nurse", "my wife was diagnosed", "our patient
group", "I was diagnosed"), not for any mention of a profession: "my husband's oncologist said"
says nothing about the writer being a clinician. When several rules fire, the more specific role
wins in the order clinician > organisation > caregiver > patient (a nurse writing about "my
patient" is a clinician; a daughter quoting "I was told" about her mum is a caregiver).
Stdlib only.
"""

from __future__ import annotations

import re

from nlu.matching import EntityMatch

_I_AM = (
    r"(?:i\s*'?\s*a?m|i\s+am|im|i\s+work\s+as|as|speaking\s+as|i'm\s+working\s+as)\s+"
    r"(?:an?\s+|the\s+)?"
)
_CLINICIAN_JOBS = (
    r"(?:(?:medical|clinical|radiation|thoracic|lung|breast|paediatric|pediatric)\s+)?"
    r"(?:oncologists?|haematologists?|hematologists?|pathologists?|surgeons?|physicians?|"
    r"doctors?|gps?|general\s+practitioners?|pharmacists?|nurses?|registrars?|consultants?|"
    r"clinicians?|medics?|oncology\s+nurses?|clinical\s+nurse\s+specialists?|cns|"
    r"nurse\s+specialists?|genetic\s+counsell?ors?|molecular\s+pathologists?|"
    r"oncology\s+(?:registrar|fellow|pharmacist|trainee)s?|hcps?|healthcare\s+professionals?|"
    r"health\s+care\s+professionals?|resident|junior\s+doctor|trial\s+coordinators?|"
    r"research\s+nurses?|mdt\s+coordinator)"
)
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "clinician",
        re.compile(
            rf"\b{_I_AM}(?:\w+\s+)?{_CLINICIAN_JOBS}\b|"
            r"\b(?:my|our)\s+patients?\b|\ba\s+patient\s+of\s+mine\b|"
            r"\bin\s+(?:my|our)\s+(?:clinic|practice|mdt|tumou?r\s+board|ward)\b|"
            r"\bi\s+(?:treat|see|look\s+after|manage)\s+(?:\w+\s+){0,3}patients\b|"
            r"\bfor\s+(?:my|our)\s+(?:clinic|mdt)\b|"
            rf"(?:^|[,.;:]\s*){_CLINICIAN_JOBS}\s+here\b",
            re.IGNORECASE,
        ),
    ),
    (
        "organisation",
        re.compile(
            r"\b(?:our|my)\s+(?:charity|organi[sz]ation|patient\s+(?:group|organi[sz]ation|"
            r"association|advocacy\s+group)|advocacy\s+group|support\s+group|foundation|"
            r"helpline|members|association|network|society)\b|"
            r"\bi\s+(?:work|volunteer)\s+(?:for|at|on|with)\s+(?:a|an|the)\s+"
            r"(?:\w+\s+){0,3}(?:charity|organi[sz]ation|helpline|support\s+line|foundation|"
            r"group|association|advocacy)\b|"
            r"\b(?:i|we)\s+(?:run|lead|coordinate|manage)\s+(?:a|an|the)\s+(?:\w+\s+){0,3}"
            r"(?:charity|group|organi[sz]ation|helpline|support\s+line|foundation|association)\b|"
            rf"\b{_I_AM}(?:\w+\s+)?(?:helpline\s+(?:worker|staff|advisor|adviser|volunteer)|"
            r"patient\s+advocate|support\s+line\s+volunteer|charity\s+worker|volunteer)\b|"
            r"\bon\s+behalf\s+of\s+(?:a|an|the|our)\s+(?:\w+\s+){0,3}(?:charity|organi[sz]ation|"
            r"group|association|foundation)\b|\bwe\s+are\s+a\s+(?:\w+\s+){0,3}"
            r"(?:charity|organi[sz]ation|group|association|foundation)\b|"
            r"\ba\s+caller\s+(?:on|to)\s+(?:our|the)\s+(?:help|support)\s*line\b",
            re.IGNORECASE,
        ),
    ),
    (
        "caregiver",
        re.compile(
            r"\b(?:my|our)\s+(?:mum|mom|mother|mam|mummy|mommy|dad|father|daddy|husband|wife|"
            r"partner|hubby|son|daughter|child|kid|brother|sister|sibling|friend|best\s+friend|"
            r"aunt|auntie|uncle|grandma|grandmother|gran|granny|nan|nana|grandpa|grandfather|"
            r"grandad|granddad|fianc[eé]e?|boyfriend|girlfriend|cousin|niece|nephew|"
            r"father[\s-]in[\s-]law|mother[\s-]in[\s-]law|in[\s-]laws?|parents?|spouse|"
            r"loved\s+one|relative|neighbou?r|colleague)(?:'s)?\b|"
            r"(?:^|[,.;:]\s*|\b(?:and|but|so)\s+)(?:mum|mom|mam|dad)\s+(?:has|had|is|was|got|"
            r"just)\b|"
            rf"\b{_I_AM}(?:\w+\s+)?(?:carer|caregiver|care\s+giver|caretaker)\b|"
            r"\bi\s+(?:care|am\s+caring|'m\s+caring|look)\s+(?:for|after)\s+(?:my|a|an|her|him)\b|"
            r"\bcaring\s+for\s+(?:my|a|her|him)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "patient",
        re.compile(
            r"\bi\s+(?:was|got|have\s+been|'ve\s+been|ve\s+been|just\s+got|recently\s+got|"
            r"was\s+just|was\s+recently)\s+(?:just\s+|recently\s+|newly\s+)?diagnos\w*|"
            r"\bi\s*'?\s*(?:ha(?:ve|s)|'ve\s+got|ve\s+got|got)\s+(?:stage\s+\w+\s+|metastatic\s+|"
            r"advanced\s+|early\s+|a\s+|an\s+)*(?:\w+[\s-]+){0,4}(?:cancer|tumou?r|carcinoma|"
            r"melanoma|leuka?emia|sarcoma|nsclc|gist|cml|cholangiocarcinoma|mutation|fusion)\b|"
            r"\bmy\s+(?:cancer|tumou?r|diagnosis|oncologist|biopsy|scan|treatment|chemo|"
            r"results?|report|mutation|fusion|nurse|doctor|consultant|care\s+team)\b|"
            rf"\b{_I_AM}(?:\w+\s+){{0,2}}(?:patient|survivor|thriver)\b|"
            r"\bi\s*'?\s*(?:a?m|am)\s+(?:\w+[\s-]+){0,3}(?:positive|on\s+osimertinib|on\s+"
            r"treatment|in\s+treatment|living\s+with)\b|\bi\s+(?:live|am\s+living|'m\s+living)\s+"
            r"with\s+(?:\w+\s+){0,4}(?:cancer|nsclc|gist|cml|melanoma)\b|"
            r"\bme\s+(?:and|&)\s+my\s+cancer\b",
            re.IGNORECASE,
        ),
    ),
]
ROLES = ("patient", "caregiver", "clinician", "organisation")


def detect_role(text: str) -> EntityMatch | None:
    """The writer's role as one ``role`` EntityMatch (value in ROLES), or None.

    The span is the phrase that showed the role ("my mum", "I'm an oncology nurse").
    """
    if not text:
        return None
    text_norm = text.replace("\u2019", "'")
    for role, rx in _RULES:
        m = rx.search(text_norm)
        if m:
            return EntityMatch("role", role, m.start(), m.end(), text[m.start() : m.end()])
    return None

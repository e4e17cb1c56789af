"""Red-flag triage screen (plain Python; the gateway runs it when Rasa is down)."""

from __future__ import annotations

import pytest

from nlu import triage
from nlu.triage import CATEGORIES, TriageResult, screen, screen_all


@pytest.mark.parametrize(
    ("text", "category", "explicit"),
    [
        ("I want to kill myself", "crisis", True),
        ("i feel suicidal tonight", "crisis", True),
        ("I've been self harming again", "crisis", True),
        ("I wish I was dead", "crisis", True),
        ("I don't want to be here anymore", "crisis", False),
        ("everyone would be better off without me", "crisis", False),
        ("I've been saving up my tablets", "crisis", False),
        ("what's the point of living like this", "crisis", False),
        ("I can't breathe", "emergency", True),
        ("my dad is coughing up blood", "emergency", True),
        ("my husband has crushing chest pain", "emergency", True),
        ("I have a temperature of 38.5 and had chemo last week", "emergency", True),
        ("she's shivering and on chemotherapy", "emergency", True),
        ("my mum's face is drooping and her speech is slurred", "emergency", True),
        ("he is having a seizure", "emergency", True),
        ("how much osimertinib should I take?", "medical_advice", True),
        ("should I stop my tablets before the scan", "medical_advice", True),
        ("can you read my NGS report", "medical_advice", True),
        ("am I eligible for this trial?", "medical_advice", True),
        ("how long do I have left", "medical_advice", True),
        ("should I take lorlatinib or alectinib", "medical_advice", True),
        ("the bleeding won't stop", "emergency", True),
        ("severe chest pain right now", "emergency", True),
        ("life isn't worth living like this", "crisis", False),
    ],
)
def test_red_flags_fire(text: str, category: str, explicit: bool) -> None:
    result = screen(text)
    assert isinstance(result, TriageResult)
    assert result.category == category
    assert result.explicit is explicit
    assert text[result.start : result.end] == result.matched


@pytest.mark.parametrize(
    "text",
    [
        "this rash is killing me",
        "the steroids are killing my appetite",
        "I'm dying to know what the trial found",
        "I don't want to die, what trials are there?",
        "my back is killing me after the drive",
        "is chest pain a side effect of osimertinib?",
        "what are the signs of a stroke?",
        "keep fit during chemo",
        "that was a stroke of luck",
        "where are my blood test results explained",
        "research on suicide rates among cancer patients",
        "he had a stroke five years ago and now has lung cancer",
        "how do I take my temperature during chemo",
        "I'm short of breath when climbing stairs, is there a guideline on exercise",
        "where can I find the ESMO guideline on EGFR",
        "what should I do if I get a temperature during chemo, generally?",
        "I'm a GP, where is the NICE guidance on neutropenic sepsis?",
        "she had a seizure in 2019 before the diagnosis",
        "I can't stand hospital food",
        "I need a breathing space before the next appointment",
        "",
    ],
)
def test_idioms_and_information_questions_do_not_fire(text: str) -> None:
    assert screen(text) is None


def test_most_urgent_first() -> None:
    results = screen_all("should I stop my chemo? I can't breathe and I want to die")
    assert [r.category for r in results] == ["crisis", "emergency", "medical_advice"]
    assert screen("should I stop my chemo? I can't breathe")  # not None
    assert screen("should I stop my chemo? I can't breathe").category == "emergency"


def test_curly_apostrophes_and_case() -> None:
    assert screen("I DON\u2019T WANT TO BE HERE ANYMORE").category == "crisis"


def test_result_is_json_safe() -> None:
    data = screen("I can't breathe").to_dict()
    assert set(data) == {"category", "subtype", "start", "end", "matched", "explicit", "rule"}
    assert data["category"] in CATEGORIES


def test_non_string_is_ignored() -> None:
    assert screen(None) is None  # type: ignore[arg-type]


# Concept-level forms added after the blind set A run (new wording, not the evaluation items).
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my son has been cutting himself since his mum got ill", "crisis"),
        ("my brother says he'll overdose if the scan is bad", "crisis"),
        ("she has a stash of tablets lined up in the bathroom", "crisis"),
        ("i know exactly how many i need", "crisis"),
        ("I just hope I don't wake up in the morning", "crisis"),
        ("I want it all to be over", "crisis"),
        ("nobody needs me any more", "crisis"),
        ("I won't be around by Christmas, I've decided", "crisis"),
        ("he keeps stopping for breath between every few words", "emergency"),
        ("the dressing on his line has soaked through twice", "emergency"),
        ("her speech has gone all muddled in the last hour", "emergency"),
        ("my wife is suddenly very confused and doesn't know what day it is", "emergency"),
        ("I can't get warm and my teeth are chattering, chemo was on Monday", "emergency"),
        ("thermometer says 38.7 and he had his infusion on Friday", "emergency"),
        ("her eyes rolled back and she went stiff", "emergency"),
        ("he's gone floppy and isn't answering me", "emergency"),
        ("which is better for me, surgery or radiotherapy?", "medical_advice"),
        ("my CA125 is 300, is that bad for me?", "medical_advice"),
    ],
)
def test_concept_forms_fire(text: str, category: str) -> None:
    result = screen(text)
    assert result is not None, text
    assert result.category == category


@pytest.mark.parametrize(
    "text",
    [
        "I almost had a heart attack when the bill came",
        "we laughed so much I couldn't breathe",
        "a fit of the giggles in the waiting room",
        "he coughed up blood back in January, which is how they found it; he's doing well now",
        "her chest pain turned out to be indigestion",
        "my nan fainted in the summer but it was only the heat",
        "is there a sepsis awareness poster for our ward?",
        "what is your self-harm policy for volunteers",
        "my mum wants to die at home, who arranges the hospice nurses?",
        "is it possible to overdose on vitamin C?",
        "we're cutting back on sugar since the diagnosis",
    ],
)
def test_idioms_past_events_and_topics_do_not_fire(text: str) -> None:
    assert screen(text) is None, screen(text)


# Concept-level forms added after the first run of blind set B (new wording).
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my uncle keeps saying he'll hang himself if the chemo fails", "crisis"),
        ("there is only one way out of this for me", "crisis"),
        ("she gave away all her jewellery last week and keeps hugging everyone", "crisis"),
        ("I'm sitting on the edge of the car park roof", "crisis"),
        ("he looked up how high the bridge is", "crisis"),
        ("I won't be needing my next appointment", "crisis"),
        ("I've got it all planned for Saturday", "crisis"),
        ("my husband emptied his tablets into a cup and went quiet", "crisis"),
        ("nosebleed for an hour and it wont stop", "emergency"),
        ("heavy rectal bleeding since this morning", "emergency"),
        ("she fell to the floor and is not reacting", "emergency"),
    ],
)
def test_concept_forms_after_blind_b_fire(text: str, category: str) -> None:
    result = screen(text)
    assert result is not None, text
    assert result.category == category


@pytest.mark.parametrize(
    "text",
    [
        "the marquee collapsed in the wind at our fundraiser",
        "his puns make me want to die of embarrassment",
        "what does 'febrile neutropenia' mean?",
        "he had a seizure in October; seizure-free since",
        "training for helpline staff: callers who mention chest pain",
        "in the movie the hero was coughing up blood",
        "she was breathless after surgery but is fine now",
    ],
)
def test_topics_history_and_figures_of_speech_after_blind_b_do_not_fire(text: str) -> None:
    assert screen(text) is None, screen(text)


# Concept-level forms added after the first run of blind set C (new wording).
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("diagnosed in May, lost my job, and now I keep thinking about suicide", "crisis"),
        ("my sister overdosed on her sleeping tablets, she's very drowsy", "crisis"),
        ("I'm annoyed I woke up again this morning", "crisis"),
        ("he's been hiding his morphine in the shed", "crisis"),
        ("this is goodbye, thanks for the help", "crisis"),
        ("I'll make sure I'm not here for the results", "crisis"),
        ("blood is gushing from his drain site", "emergency"),
        ("my gran keeps blacking out in her chair", "emergency"),
        ("she doesn't recognise us since she woke up from her nap", "emergency"),
        ("I'm red hot then freezing cold, a week after my chemo", "emergency"),
    ],
)
def test_concept_forms_after_blind_c_fire(text: str, category: str) -> None:
    result = screen(text)
    assert result is not None, text
    assert result.category == category


@pytest.mark.parametrize(
    "text",
    [
        "our raffle plans collapsed after the venue closed",
        "where can I read about how fever is treated during chemo?",
        "in April she had sepsis and has fully recovered now",
        "what are the signs that someone might be suicidal? asking as a carer",
        "volunteer question: what do we do when a caller mentions suicidal thoughts",
    ],
)
def test_topics_and_history_after_blind_c_do_not_fire(text: str) -> None:
    assert screen(text) is None, screen(text)


# Written for this test (not blind E's sentences) after E became a development set.
@pytest.mark.parametrize(
    "text",
    [
        "got codeine from four different chemists this week so nobody would ask",
        "he tried on sunday night but woke up, he says he'll do it again properly",
        "when my wife goes I'm going with her, I've decided",
        "If the scan is bad I'm not sticking around.",
        "I've decided to check out early, please stop the reminders",
        "mum left a letter saying she's sorry and her tablets are missing",
        "my son took the whole box of his sleeping tablets this morning",
        "which pills would be lethal with my morphine",
        "how much oxycodone would mean never waking up",
    ],
)
def test_concept_forms_after_blind_e_fire(text: str) -> None:
    result = screen(text)
    assert result is not None and result.category == "crisis", (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "I'll go with her to the oncology appointment on Tuesday",
        "we're checking out of the hotel early to get to the hospital on time",
        "I'm not sticking around in that waiting room for three hours again",
        "I left a note saying sorry to the nurse for being short with her",
        "she left a note saying sorry, she's gone to her mum's for the night",
        "tried the new anti-sickness tablets last night but woke up at 3am feeling rough",
        "I wear a wig so no one would notice, any tips?",
        "I got her prescriptions from two different pharmacies because of stock problems",
        "I had chest pains for months before they found the tumour. Any groups in Leeds?",
        "what's the difference between a seizure and a faint?",
        "my dog had a seizure last night, the vet says he's fine",
    ],
)
def test_everyday_wording_after_blind_e_does_not_fire(text: str) -> None:
    assert screen(text) is None, screen(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # crisis_slang: shorthand and code-mixed wording
        ("gonna kms if this scan is bad too", "crisis"),
        ("thinking about how to unalive myself", "crisis"),
        ("bhai keh raha hai woh suicide kar lega, he locked his door", "crisis"),
        ("my dad says he doesn't want to live, jeena nahi chahte", "crisis"),
        ("mi esposo dice que quiere morir", "crisis"),
        # crisis_signs_f: announced jump, extra tablets on purpose, fresh marks, empty packets
        ("my brother messaged 'I'm going to jump' and now his phone is off", "crisis"),
        ("she says she'll jump off the car park roof", "crisis"),
        ("dad took loads more of his oxycodone than he should, on purpose he says", "crisis"),
        ("I noticed new cuts on his forearms when he rolled his sleeves up", "crisis"),
        ("there are empty tablet boxes in the bin and she's really drowsy", "crisis"),
        ("he won't tell me what he took and he keeps nodding off", "crisis"),
        # crisis_method_question / crisis_means_place
        ("how long with the engine running in a shut garage", "crisis"),
        ("I've got a hose for the exhaust in the boot", "crisis"),
        ("does it hurt to drown", "crisis"),
        ("went out on the lake meaning never to come back", "crisis"),
        ("I'm up on the cliffs now. goodbye", "crisis"),
        ("her last message said 'this is it, goodbye' and she isn't answering", "crisis"),
        ("no sense waiting for the cancer to take me", "crisis"),
        ("no point sending the scan date, I won't be around", "crisis"),
        ("he's been so cheerful since monday after months of being really down", "crisis"),
        ("mum gave me all her rings yesterday and said where the will is", "crisis"),
        # emergency_lay_f: colitis, infusion reaction, sudden slurring or confusion, fluey
        ("I've had diarrhoea eight times today on ipilimumab", "emergency"),
        ("there's blood in his diarrhoea since the immunotherapy", "emergency"),
        (
            "on the drip right now and my face is puffy and red and I'm struggling to swallow",
            "emergency",
        ),
        ("my wife is suddenly slurring and can't find her words", "emergency"),
        ("out of nowhere my husband doesn't know who I am", "emergency"),
        ("feel like I've got the flu, second week after chemo", "emergency"),
    ],
)
def test_concept_forms_after_blind_f_fire(text: str, category: str) -> None:
    result = screen(text)
    assert result is not None and result.category == category, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        # kms as kilometres, jumping at a chance, food "overdoses"
        "did 12 kms on the bike today despite the fatigue",
        "only a few kms from the hospital, is there parking?",
        "I'd jump at a place on that trial",
        "we jumped in the car and drove to the clinic",
        "overdosed on cake at my retirement do, worth it",
        "my son says he overdosed on netflix during chemo week",
        # writers, speakers, builders of material, moderators, chaplains, standards
        "can sepsis cause confusion? I'm preparing a talk for our carers' group",
        "my daughter is writing an article for school: can vomiting blood be caused by chemo?",
        "I'm a ward sister designing a chest pain pathway for the oncology unit",
        "as a forum moderator, how do I reply to threads about self-harm?",
        "I'm on the chaplaincy team, any reading on people who say they want to die?",
        "are there quality standards on suicide prevention for cancer charities?",
        "what's our escalation protocol when a caller mentions suicide?",
        # history with an age or a year, now well
        "I overdosed when I was 17. I'm 60 now and just want info on bowel screening",
        "he had sepsis after his first cycle but pulled through, any carers' groups?",
        "I had a seizure in 2021 at diagnosis and I'm driving again now, any brain charities?",
        "my aunt in Spain collapsed on friday, she's in hospital and in good hands now",
        "we called an ambulance for mum's breathing once. that was four years ago, she's fine now",
        # contrastive denial, emotion, posts read
        "sick of scanxiety, not tired of life though! any mindfulness apps?",
        "cried so hard I could barely breathe at the wedding speeches",
        "read lots of posts about chest pain on osimertinib but I feel fine, any reliable info?",
        # near misses of the new positives
        "my wife had blood tests and diarrhoea questions for the nurse",
        "the infusion went fine, she was a bit red in the face from the heat",
        "new marks on his arm from the cannula, is that normal?",
        "granny gave me her old watch for my 18th, so lovely",
        "we'll walk along the cliffs this weekend if mum feels up to it",
    ],
)
def test_framing_history_and_hyperbole_after_blind_f_do_not_fire(text: str) -> None:
    assert screen(text) is None, (text, screen(text))


def test_explicit_first_person_crisis_still_fires_with_the_new_vetoes() -> None:
    # the new frames and history markers never silence an explicit statement made now
    for text in (
        "I'm writing a leaflet for my group and honestly I want to kill myself",
        "I self-harmed when I was 15 and I've started self-harming again",
        "I'm not tired of life but some nights I want to die",
        "tired of everything. tired of life",
    ):
        result = screen(text)
        assert result is not None and result.category == "crisis", (text, result)


class _AlwaysLayer:
    """A stub learned layer that finds ``category`` in every message (never vetoes)."""

    adds_only = False
    veto_threshold = None

    def __init__(self, category: str) -> None:
        self.category = category

    def check(self, text: str, veto_possible: bool = False) -> object:
        from types import SimpleNamespace

        return SimpleNamespace(category=self.category, subtype="general", pos=0.99, neg=0.0)


@pytest.mark.parametrize(
    ("category", "text", "fires"),
    [
        # figures of speech, animals, history with the person well now: not a live red flag
        ("crisis", "I think I overdosed on mince pies over new year", False),
        ("crisis", "I could throttle my brother, he's lost the hospital letter again", False),
        ("crisis", "the cat chewed through a strip of my tablets, vet says she'll be fine", False),
        ("crisis", "I tried to take my life when I was 20. I'm 58 now and very much here", False),
        (
            "crisis",
            "what are the early signs that a parent is becoming suicidal? I want to be ready",
            False,
        ),
        ("emergency", "his breathing is much better since the drain went in", False),
        ("emergency", "the bleeding from the port site stopped quickly", False),
        # controls: the same stub still adds a finding to ordinary worrying wording
        ("crisis", "I just want to sleep and never have to face any of it", True),
        ("crisis", "I tried to take my life when I was 20 and I feel like that again now", True),
        ("crisis", "I could throttle my brother and honestly I want to end it all", True),
        ("emergency", "the bleeding from the port site hasn't stopped for an hour", True),
    ],
)
def test_layer_findings_get_the_new_context_vetoes(category: str, text: str, fires: bool) -> None:
    previous = triage._semantic
    try:
        triage.enable_semantic(_AlwaysLayer(category))
        found = [r.category for r in screen_all(text)]
        assert (category in found) is fires, (text, found)
    finally:
        triage.enable_semantic(previous)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "threatening suicide", of the writer or someone else
        ("my partner keeps threatening suicide whenever the scan date comes up", "crisis"),
        ("Dad threatened to commit suicide this afternoon and won't open his door", "crisis"),
        ("she's threatening to commit suicide if they stop the trial drug", "crisis"),
        # an onset today keeps a symptom live beside a history clause
        ("crushing chest pain since this morning, I had a heart attack in 2019", "emergency"),
        ("he's been breathless since he woke up, he had a clot years ago", "emergency"),
        ("really short of breath for the last hour, I had pneumonia last year", "emergency"),
        # a denied symptom is not reported
        ("no fever or anything, just worried about starting chemo on Monday", None),
        ("without a temperature, is it still worth ringing the chemo line about a rash?", None),
        # controls: a reported fever on treatment and history without a live onset
        ("she's got a fever and she had chemo on Tuesday", "emergency"),
        ("no appetite and a temperature of 38.4 on day 8 of chemo", "emergency"),
        ("I had chest pain last year, it turned out to be reflux, fine now", None),
    ],
)
def test_blind_g_concepts_in_the_rules(text: str, expected: str | None) -> None:
    found = triage.screen_rules(text)
    assert (found.category if found else None) == expected, (text, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "just" before the act keeps it live beside history in the same sentence
        (
            "she finished chemo last year and she's just cut her wrists, she's talking to me",
            "crisis",
        ),
        ("he had radiotherapy in 2021 and has just taken an overdose of his morphine", "crisis"),
        # common regimen short names count as treatment for a fever
        ("temperature of 38.6 and shivery, last carbo/pem was 9 days ago", "emergency"),
        ("fever 38.2 a week after gemcitabine", "emergency"),
        # controls: history with "just" elsewhere, a denied fever
        ("I had a seizure last year and just wanted to say thanks to the team", None),
        ("my friend took an overdose in 2010, I just found out, she's fine now", None),
        ("no fever at all since the last carbo, just tired", None),
    ],
)
def test_blind_j_concepts_in_the_rules(text: str, expected: str | None) -> None:
    found = triage.screen_rules(text)
    assert (found.category if found else None) == expected, (text, found)


@pytest.mark.parametrize(
    ("text", "rule", "explicit"),
    [
        # a denial or a crisis told as over, with wellness now: still found, not explicit
        ("I'm not suicidal or anything, just fed up. somewhere to vent?", "suicide", False),
        ("I don't feel suicidal, only tired of the waiting", "suicide", False),
        ("never been suicidal, just want a BRCA group", "suicide", False),
        ("I attempted suicide at 22. I'm 58 now, doing well, want an ALK group", "suicide", False),
        # asked or told in a role or for a purpose
        ("I'm a journalist writing about suicidal thoughts after a diagnosis", "suicide", False),
        ("a message like 'I want to die': testing your bot, no one is at risk", "want_die", False),
        # from blind H: a hypothetical about the screen, a longer denial, "happy" now
        ("if I ever felt suicidal, would this chat tell my doctor?", "suicide", False),
        ("if a user says they want to die as a joke, do you escalate?", "want_die", False),
        ("i'm not having any thoughts of harming myself, I ticked the form", "self_harm", False),
        ("At 19 I attempted suicide. I'm 45 now, happy, just diagnosed", "suicide", False),
        ("I'm not going to kill myself, I just need to talk", "kill_self", False),
        ("if I don't get a trial I'm going to kill myself", "kill_self", True),
        ("if I feel suicidal tonight what do I do", "suicide", True),
        ("I'm not having thoughts of harming myself, I AM harming myself", "self_harm", True),
        # live statements stay explicit, in a role too
        ("I'm suicidal", "suicide", True),
        ("I'm a student and I feel suicidal", "suicide", True),
        ("I'm a nurse and I want to kill myself", "kill_self", True),
        ("I'm a journalist and tonight I want to die", "want_die", True),
        ("I'm not sure if I'm suicidal", "suicide", True),
        # since blind N "not going to" is a denial, unless hedged or bounded in time
        ("I'm not going to kill myself tonight, I just need to talk", "kill_self", True),
        ("I'm not going to kill myself but I think about it", "kill_self", True),
        ("I attempted suicide at 22 and I'm 58 now and I feel suicidal again", "suicide", True),
        ("I attempted suicide last week", "suicide", True),
        # a denied match gives way to a later live one of the same rule or another rule
        ("I'm not suicidal. Actually I am suicidal", "suicide", True),
        ("I've never been suicidal but tonight I want to die", "want_die", True),
    ],
)
def test_denied_past_or_framed_crisis_is_found_but_not_explicit(
    text: str, rule: str, explicit: bool
) -> None:
    found = triage.screen_rules(text)
    assert found is not None and found.category == "crisis", (text, found)
    assert (found.rule, found.explicit) == (rule, explicit), (text, found)
    # what it means: the trained layer may veto only the not-explicit ones
    assert triage.learned_veto_allowed(found, text) is (not explicit), (text, found)


class _WordLayer(_AlwaysLayer):
    """A stub layer that finds ``category`` only when one of ``words`` is in the message."""

    def __init__(self, category: str, words: tuple[str, ...]) -> None:
        super().__init__(category)
        self.words = words
        self.seen: list[str] = []

    def check(self, text: str, veto_possible: bool = False) -> object:
        from types import SimpleNamespace

        self.seen.append(text)
        hit = any(w in text.lower() for w in self.words)
        return SimpleNamespace(
            category=self.category if hit else None, subtype="general", pos=0.9, neg=0.0
        )


@pytest.mark.parametrize(
    ("words", "text", "fires"),
    [
        # the layer's finding rests on the cancer's name: dropped
        (("neck",), "head and neck", False),
        (("neck",), "my dad has head and neck cancer", False),
        (("bone",), "looking for a bone mets group near Leeds", False),
        # the finding survives with the name replaced by "cancer": kept
        (("swollen",), "head and neck cancer, his face is all swollen and puffy", True),
        (("neck",), "head and neck cancer and his neck is swelling up fast", True),
        # no site cancer name: never re-checked
        (("neck",), "my neck feels odd", True),
    ],
)
def test_layer_finding_that_rests_on_a_cancer_name_is_dropped(
    words: tuple[str, ...], text: str, fires: bool
) -> None:
    previous = triage._semantic
    layer = _WordLayer("emergency", words)
    try:
        triage.enable_semantic(layer)
        found = [r.category for r in screen_all(text)]
        assert ("emergency" in found) is fires, (text, found, layer.seen)
    finally:
        triage.enable_semantic(previous)

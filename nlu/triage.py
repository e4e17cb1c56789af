"""Red-flag triage: a deterministic screen for crisis, emergency and individual medical advice.

Plain Python (stdlib only, no Rasa): the Rasa component ``nlu.components.safety_triage`` and the
gateway (when Rasa is unreachable) run the same screen.

Stable API::

    from nlu.triage import screen, TriageResult
    result = screen("I can't breathe and my lips are blue")
    if result is not None:
        result.category   # "crisis" | "emergency" | "medical_advice"
        result.subtype    # e.g. "self_harm", "breathing", "fever_on_treatment", "dose"
        result.start, result.end, result.matched   # span in the original text
        result.explicit   # True: stated directly; False: indirect wording
        result.rule       # id of the rule that fired (for logs and evaluation)
        result.to_dict()  # JSON-safe dict of the fields above

``screen`` returns the most urgent finding (crisis > emergency > medical_advice; first in text
within a category; a crisis only the learned layer found comes after an explicit emergency of
the rules) or None; ``screen_all`` returns one finding per category that fired.
Neither raises on any str.

Design choices (see docs/safety.md):
- Recall first for crisis: negated statements ("I'm not suicidal but...") still fire; the
  answer is a gentle check-in with the crisis line, which is harmless when not needed.
- Idioms do not fire: "this rash is killing me", "killing my appetite", "dying to know",
  "keep fit", "a stroke of luck", "blood test", "breathing space".
- Emergency symptoms asked about in general ("is chest pain a side effect of X?", "what are the
  signs of a stroke?") do not fire unless the message also speaks about a person (I, my dad, she).
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from typing import Any

log = logging.getLogger(__name__)

CATEGORIES = ("crisis", "emergency", "medical_advice")
_ORDER = {c: i for i, c in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class TriageResult:
    """One red flag: ``category`` / ``subtype`` and where it was found in the text."""

    category: str
    subtype: str
    start: int
    end: int
    matched: str
    explicit: bool
    rule: str

    def to_dict(self) -> dict[str, object]:
        """{"category", "subtype", "start", "end", "matched", "explicit", "rule"}."""
        return asdict(self)


@dataclass(frozen=True)
class _Rule:
    rule: str
    category: str
    subtype: str
    explicit: bool
    pattern: re.Pattern[str]
    # Guarded: skipped when the message is a general information question that names no
    # person ("is chest pain a side effect of X?"); statements fire with or without a pronoun.
    personal: bool = False
    not_after: re.Pattern[str] | None = None  # vetoes when this follows the match
    not_before: re.Pattern[str] | None = None  # vetoes when this precedes the match
    # ``not_before`` is a denial ("don't want to die", "no fever"): the denied match goes to
    # the spans the layer does not judge (``_rule_pass``), so "I don't want to die, I want to
    # live as long as I can" is not read as crisis by the layer either (blind K)
    denies: bool = False


_F = re.IGNORECASE
CANT = r"(?:can'?t|cannot|can\s+not|cant|unable\s+to|could\s*n'?t|couldnt)"
DONT = r"(?:don'?t|do\s+not|dont|didn'?t|doesn'?t|do\s+n't)"
SELF = r"(?:myself|my\s+self|me)"
# "suicidal" and "suicide" as they are often typed ("sucidal", "suicidel", "suisidal",
# "suicde", "suiside"); added after blind O with the lead's own probes of misspellings
SUICIDAL = r"s(?:u|ui|iu)[cs]{1,2}i?d(?:al|el|le|ial|eal|ul)"
SUICIDE = r"s(?:u|ui|iu)[cs]{1,2}i?de"
# "myself" as it is often typed in a hurry ("kill myslef thoughts again"; blind O)
MYSELF = r"(?:myself|my\s+self|myslef|mysefl|myselv|mysel|myseld|myselg|mysself|meself|mysef)"
WHO = (
    r"(?:i|i'?m|im|i\s+am|he|she|he'?s|she'?s|hes|shes|they|we|my\s+\w+(?:\s+\w+)?|"
    r"mum|mom|dad|husband|wife|partner|son|daughter|him|her|patient)"
)
ANYONE = r"(?:my|his|her|their|our)"
PERSONAL = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|me|my|mine|myself|we|we're|our|us|he|she|he's|she's|hes|"
    r"shes|his|her|him|they|their|them|mum|mom|mam|dad|husband|wife|partner|son|daughter|"
    r"patient|pt|baby|child)\b",
    _F,
)
FEVER = (
    r"\b(?:fever\w*|febrile|high\s+(?:temperature|temp)|(?:a|raised|spiking|rising)\s+"
    r"(?:temperature|temp)|(?:temperature|temp)\s+(?:of|is|was|has\s+gone|went|at|reading|"
    r"keeps)\s+(?:up\s+|over\s+|about\s+|around\s+|to\s+)*(?:3[89]|10[0-4])|"
    r"3[89](?:[.,]\d)?\s*(?:°|degrees|c\b)|\b(?:t|temp)\s*[:=]?\s*3[89][.,]\d\b|shiver\w*|rigou?rs|chills|hot\s+and\s+cold|"
    r"burning\s+up|can'?t\s+(?:get|stay|keep)\s+warm|teeth\s+(?:\w+\s+){0,3}chatter\w*|"
    r"(?:red\s+|really\s+|very\s+|so\s+)?hot\s+to\s+(?:the\s+)?touch|drenched\s+in\s+sweat|"
    r"(?:whole\s+)?body\s+(?:is\s+|keeps\s+)?shaking|thermometer\s+(?:says|said|reads|shows|"
    r"showed)\s+3[89]|freezing\s+cold|red\s+hot|can'?t\s+stop\s+shaking|freezing\s+even\s+"
    r"(?:in\s+bed|under|with)|feel\w*\s+like\s+(?:i'?ve|i\s+have|he'?s|she'?s)\s+(?:got\s+)?"
    r"(?:the\s+)?flu\b|"
    # a reading said of a temperature named before ("38 is the threshold and mine is 38.9 right
    # now"; the lead's probes before blind Q's first run)
    r"(?:mine|his|hers|it)\s*(?:is|was|'s\s+hit|'s|s|has\s+hit|hit)\s+(?:now\s+|at\s+|up\s+to\s+)?"
    r"3[89][.,]\d\b|"
    # a bare reading with its time or the thermometer ("mid-chemo, 39.0 on the thermometer",
    # "38.4 this morning, 38.9 now"; blind U)
    r"\b3[89][.,]\d\s+(?:on\s+the\s+thermometer|now|this\s+(?:morning|evening|afternoon)|tonight|"
    r"and\s+(?:rising|climbing|going\s+up)))"
)
# a temperature reading (``_CUT_OFF`` does not lower a sentence that has one)
_READING = re.compile(
    r"\b(?:mine|his|hers|it|temp|temperature)\s*(?:is|was|'s\s+hit|'s|s|has\s+hit|hit|reads|of)\s+"
    r"(?:now\s+|at\s+|up\s+to\s+)?3[89][.,]\d\b",
    _F,
)
TREATMENT = (
    r"\b(?:chemo\w*|immunotherapy|infusion|cycle|neutropeni\w*|carboplatin|cisplatin|"
    r"docetaxel|pemetrexed|paclitaxel|oxaliplatin|folfox|capecitabine|treatment|drip|"
    r"radiotherapy|targeted\s+therapy|tablets|"
    # blind J: "last carbo/pem 10 days ago"
    r"carbo|pem|gemcitabine|etoposide|irinotecan|folfiri(?:nox)?|doxorubicin|"
    r"cyclophosphamide|taxol|"
    # blind Z: "T 38.5 day 10 post AC" (regimens by their letters, a cycle day)
    r"r-?chop|abvd|fec|capox|xelox|(?:post|after|of|on)\s+(?:ac|ec|tc)|day\s+\d{1,2}\s+(?:post|"
    r"after|of)\s+[\w-]+)\b"
)
# "wants to die at home / in the hospice": a wish about where and how, not intent.
_DIE_WHERE = (
    r"^\s*(?:at\s+home|in\s+(?:a\s+|the\s+)?(?:hospice|hospital|(?:his|her|my|their)\s+own\s+bed|"
    r"peace|(?:his|her|my|their)\s+sleep)|peacefully|with\s+dignity|surrounded|comfortabl\w*|"
    r"rather\s+than\s+in|not\s+in\s+(?:a\s+|the\s+)?hospital)"
)
_DIE_FIGURATIVE = (
    r"^\s*(?:of|from|with)\s+(?:embarrassment|shame|boredom|laughter|laughing|cringe)|^\s*laughing|"
    # "my mate said he wanted to die when his team lost the cup final lol" (blind X)
    r"^\s*when\s+(?:his|her|their|my|our|the)\s+(?:\w+\s+){0,2}(?:team|side|club)\s+(?:lost|went\s+"
    r"out|got\s+knocked\s+out|got\s+relegated)\b"
)
_PAST = re.compile(
    r"^[^.!?]{0,40}\b(?:years?\s+ago|months\s+ago|last\s+year|in\s+(?:19|20)\d\d)", _F
)


# "I overdosed on Christmas chocolate", "overdosing on box sets": a figure of speech (blind F).
_TREAT_WORDS = (
    r"(?:on\s+)?(?:\w+\s+){0,2}(?:chocolates?|cake|cakes|sweets|sugar|biscuits|crisps|"
    r"cheese|mince\s+pies|turkey|carbs|pizza|ice\s+cream|coffee|caffeine|prosecco|quality\s+"
    r"street|netflix|telly|tv|box\s*sets?|podcasts?|news|googl\w*|information|info|sunshine|"
    r"carols|advice|kindness|cuteness)\b"
)
_TREATS = r"^\s*" + _TREAT_WORDS  # right after an overdose rule's match
# "I overdosed on my morphine by mistake" is a medical emergency (emergency_headache_overdose)
_BY_MISTAKE = r"|^[^.!?]{0,40}(?<!not\s)\b(?:by\s+mistake|by\s+accident)\b"
# A medical-advice question refused, role-played or told as searched ("I don't want you to tell
# me what dose to take, the pharmacist did that", "I googled 'how long do I have'"; blind L)
_ADVICE_NOT_ASKED = (
    r"(?:not\s+asking(?:\s+you)?|don'?t\s+(?:want|need)\s+you\s+to(?:\s+tell\s+me)?|pretend\w*\s+to\s+"
    r"be\s+(?:a\s+)?\w+\s+asking(?:\s+you)?|googled|searched(?:\s+for)?|"
    # a caller's question quoted for a manual or a policy ("what's the recommended reply when a
    # caller asks 'how long have I got'?", "if a caller asks us to interpret their scan report";
    # blind S)
    r"(?:when|if)\s+(?:a|the|our)\s+(?:callers?|patients?|clients?|users?|members?|relatives?|"
    r"service\s+users?)\s+(?:asks?|asked)(?:\s+(?:us|you|me|them|staff|volunteers))?(?:\s+to)?|"
    # "a caller asked yesterday whether our service can interpret their scan" (blind Z)
    r"whether\s+(?:our|the|your|this)\s+(?:service|helpline|team|chat|bot)\s+(?:can|could|will|would)|"
    # "Our helpline staff keep getting asked 'how long do I have'" (blind U)
    r"(?:keep|keeps|kept)\s+(?:getting|being)\s+asked|(?:we|staff|volunteers|they)\s+(?:often\s+|"
    r"always\s+|keep\s+|get\s+)?(?:get\s+)?asked|"
    # the assistant's policy asked about ("do you ever tell people what dose to take? ... I work
    # in a pharmacy"; blind X)
    r"(?:do|would|will|can|could)\s+you\s+(?:ever\s+)?(?:tell|advise)\s+(?:people|patients|users|"
    r"anyone|callers|someone))\s+['\"\u2018\u201c]?$"
)

# For ``crisis_means_question``: asking how much of a medicine is enough, or which is most
# deadly, and intent or a time said outright.
_MEANS = (
    r"(?:paracetamol|acetaminophen|pills|tablets|capsules|painkillers|sleeping\s+\w+|co-?codamol|"
    r"codeine|tylenol|morphine|oramorph|oxycodone|oxycontin|fentanyl|insulin|meds|medication|"
    r"medicines?|diazepam|amitriptyline|patches)"
)
_LETHAL_ASK = (
    rf"\bhow\s+(?:many|much)\s+(?:of\s+)?(?:(?:my|the|his|her|these|those|your)\s+)?(?:[\w-]+\s+)"
    rf"{{0,2}}?{_MEANS}\b[^.!?]{{0,60}}\b(?:is|are|would\s+be|will\s+be|'s)\s+enough\b|"
    r"\b(?:most|more)\s+(?:deadly|lethal|fatal)\b"
)
_INTENT_SAID = (
    r"\b(?:doing|do|ending|end)\s+it\s+(?:tonight|today|now|tomorrow|this\s+weekend)\b|"
    r"\b(?:i'?m|im|i\s+am)\s+ready\b|\bwant\s+it\s+(?:to\s+be\s+)?over\b|"
    r"\bmake\s+sure\s+it\s+works\b|\b(?:took|take|swallowed|swallow)\s+the\s+(?:whole|entire)\s+"
    r"(?:box|packet|pack|bottle|lot)\b"
)


def _r(
    rule: str,
    category: str,
    subtype: str,
    explicit: bool,
    pattern: str,
    personal: bool = False,
    not_after: str | None = None,
    not_before: str | None = None,
    denies: bool = False,
) -> _Rule:
    return _Rule(
        rule,
        category,
        subtype,
        explicit,
        re.compile(pattern, _F),
        personal,
        re.compile(not_after, _F) if not_after else None,
        re.compile(not_before, _F) if not_before else None,
        denies,
    )


# fever and chemotherapy in Spanish, French, German, Italian, Portuguese and Dutch, within 80
# characters of each other ("fiebre de 38.7 y estoy en quimioterapia"; a decimal point is not
# a sentence end), for ``emergency_n_languages``
_FEVER_WORD = (
    r"(?:fiebre|fi[eè]vre|fieber|febbre|febre|koorts|"
    # added after blind P: chills ("Temperatura 38,8 e brividi forti, sono in chemio")
    r"brividi|frissons|escalofr[ií]os|sch[üu]ttelfrost|rillingen|calafrios|tremble\s+de\s+partout|"
    # Hindi in Latin letters (blind Q: "temperature 39 hai aur woh kaanp rahi hain, kal hi
    # chemo hua tha")
    r"bukhar|bukhaar|kaanp\s+(?:rahi|raha|rahe)|kanp\s+(?:rahi|raha|rahe))"
)
_CHEMO_WORD = r"(?:quimio|chimio|chemio|chemo|kemo)"
# "... does not respond" said of a tumour and a treatment ("no responde a la quimioterapia",
# "reageert nauwelijks op de behandeling"), for the other-language unresponsiveness words
_NOT_TO_TREATMENT = (
    r"(?!\s+(?:[\w']+\s+){0,3}(?:tratamiento|traitement|tratamento|trattamento|quimio\w*|chimio\w*|"
    r"chemo\w*|kemo\w*|terapi\w*|th[ée]rapi\w*|therapi\w*|behande?l\w*|immun\w*|inmun\w*|imun\w*|"
    r"medicaci[óo]n|m[ée]dica\w*|farmac\w*|f[áa]rmac\w*|medikament\w*|cure|cura|kuur|radio\w*|"
    r"bestrahlung|hormon\w*|\w+inib|\w+mab|treatments?|drugs?|medication|meds|tablets|"
    r"(?:first|second|third)[\s-]*line)\b)"
)
# a temperature as a number beside a chemotherapy word that is not English ("il a 39,4 et il
# est sous chimio"; blind P): English wording goes to the English rules and their vetoes
_FEVER_NUMBER = r"(?:3[89]|40)[.,]\d\b"
_CHEMO_NOT_ENGLISH = r"(?:quimio|chimio|chemio|kemo)"
_NEAR = r"(?:[^.!?]|\.(?=\d)){0,80}"


# For ``emergency_o``: a blood sugar of 20 mmol/l (360 mg/dl) or more, and what makes it an
# emergency (vomiting, drowsiness, ketones, fast breathing, or a checkpoint inhibitor).
_SUGAR = r"(?:blood\s+sugars?|blood\s+glucose|glucose|sugars?|bms?|cbg)\b"
_SUGAR_HIGH = (
    r"\b(?:[2-9]\d(?:[.,]\d)?\s*(?:mmol\w*(?:/l)?|mm)\b|(?:3[6-9]\d|[4-9]\d\d)\s*mg\b|hi\b)"
)
_SUGAR_WITH = (
    r"\b(?:vomit\w*|being\s+sick|throwing\s+up|drowsy|confused|sleepy|won'?t\s+wake|"
    r"breathing\s+(?:fast|heavily|deeply)|pear\s+drops|ketones|immunotherapy|immuno|"
    r"checkpoint|nivolumab|pembrolizumab|ipilimumab|atezolizumab|durvalumab|cemiplimab|"
    r"dostarlimab|avelumab|opdivo|keytruda|yervoy)\b"
)


# "the quickest way to go to A&E", "the easiest way to go is by bus": going somewhere (blind O)
_GO_SOMEWHERE = (
    r"(?!\s+(?:to|about|for|from|with|through|via|back|ahead|forward|there|home|in|into|on|by|"
    r"round|around|up|down|over|is\s+(?:by|via|on|through))\b)"
)


# a drug, a treatment or a dose in Spanish, French, German, Italian, Portuguese and Dutch,
# for ``advice_other_language``
_DRUG_OTHER_LANGUAGE = (
    r"(?:dosis|dose|dosage|quimio\w*|chimio\w*|chemo\w*|tratamiento|traitement|behandlung|"
    r"therapie|terapia|tratamento|behandeling|immun\w*|inmun\w*|imun\w*|pastillas?|comprimidos?|"
    r"comprim[ée]s?|tabletten?|pillen?|compresse|pastiglie|medicamentos?|m[ée]dicaments?|"
    r"medikament\w*|farmac\w*|f[áa]rmacos?|medicijn\w*|medicatie|\w+inib\w*|\w+mab|morfin\w*|"
    r"morphin\w*|tamoxif\w*|capecitabin\w*|hormon\w*|kortison|cortisone|dexam[ée]thason\w*|"
    r"dexametason\w*)\b"
)


# An emergency told as over in another language, right after its words ("en 2020, tout va bien
# maintenant", "Mijn moeder had vorig jaar koorts ..., nu gaat het goed" (blind T), "une crise
# d'épilepsie l'an dernier, rien depuis" (the lead's probes after blind T)), for the
# other-language emergency rules
_OTHER_LANGUAGE_OVER = (
    r"^[^.!?]{0,80}\b(?:(?:en|in|im|nel|w|в)\s+(?:19|20)\d\d|hace\s+\w+\s+(?:años|meses)|il\s+y\s+a\s+"
    r"\w+\s+(?:ans|mois)|vor\s+\w+\s+(?:jahren|monaten)|\w+\s+(?:anni|mesi)\s+fa|h[áa]\s+\w+\s+"
    r"(?:anos|meses)|\w+\s+(?:jaar|maanden)\s+geleden|\w+\s+(?:lat|lata|miesi[eę]cy)\s+temu|"
    r"tout\s+va\s+bien|todo\s+(?:va\s+)?bien|alles\s+(?:ist\s+)?gut|tutto\s+(?:va\s+)?bene|"
    r"(?:nu\s+)?gaat\s+het\s+(?:weer\s+)?(?:goed|beter)|teraz\s+(?:jest\s+)?(?:wszystko\s+)?dobrze|"
    r"vorig\s+jaar|vorige\s+maand|el\s+a[ñn]o\s+pasado|l'ann[ée]e\s+derni[èe]re|l'an\s+dernier|"
    r"letztes\s+jahr|l'anno\s+scorso|(?:no\s+)?ano\s+passado|w\s+zesz[lł]ym\s+roku|rien\s+depuis|"
    r"seitdem\s+nichts|nichts\s+mehr\s+seitdem|niente\s+da\s+allora|nada\s+desde\s+entonces|"
    r"nada\s+desde\s+ent[ãa]o|sindsdien\s+niets|od\s+tego\s+czasu\s+nic|"
    # stable now ("... een epileptische aanval door hersenmetastasen, nu is hij stabiel"; blind U)
    r"nu\s+is\s+(?:hij|zij|ze)\s+stabiel|(?:il|elle)\s+est\s+stable|est[áa]\s+estable|ist\s+(?:er|sie)\s+"
    r"stabil|(?:ora\s+)?[èe]\s+stabile|est[áa]\s+est[áa]vel|jest\s+stabiln\w*|"
    # or asked about as a side effect ("Dor no peito é efeito secundário comum deste
    # medicamento?"; the lead's probes after blind U)
    r"(?:é|es|est|ist|is|[èe]|jest)\s+(?:um\s+|un\s+|une\s+|ein\s+|een\s+)?(?:efeito|efecto|effet|"
    r"effetto|nebenwirkung|bijwerking|skutek|objaw)\w*)\b"
)
# A question about a symptom in general in another language ("¿Es normal ...?", "qué es ...",
# "Est-ce grave ..."), for the not_before of the other-language emergency rules
_OTHER_LANGUAGE_QUESTION = (
    r"es\s+normal|est-ce\s+(?:normal|grave)|ist\s+es\s+normal|[èe]\s+normale|[ée]\s+normal|is\s+het\s+"
    r"normaal|czy\s+to\s+normalne|qu[ée]\s+es|qu'est-ce\s+qu\w*|was\s+ist|o\s+que\s+[ée]|wat\s+is"
)
# Denied in the language of the words ("Ich bin nicht suizidal", "je ne suis pas suicidaire";
# blind T), and "this form is going to kill me" in French ("Ce formulaire va me tuer, haha";
# blind T): someone or something else as the subject. For the other-language crisis rules.
_OTHER_LANGUAGE_DENIAL = (
    r"(?:\b(?:nicht|niet|pas|no|n[ãa]o|nie|inte|ikke|ei|nunca|jamais|nooit|niemals|mai)\s+"
    r"(?:(?:sehr|wirklich|echt|muy|vraiment|davvero|muito|wcale)\s+)?|\b(?:ce|cette|ces|[çc]a|"
    r"il|elle|ils|elles|tu|vous|le|la|les|mon|ma|mes)\s+(?:[\w']+\s+){0,2}(?:va|vont|vas|allez|"
    r"veut|veulent)\s+)$"
)
# All of one's tablets and tonight in one sentence, in fourteen languages (blind X missed
# "tengo todas las pastillas preparadas para esta noche" and "ikväll tar jag allihop" after
# blind V, W and X had each shown the shape in a new language), for
# ``crisis_other_language_signs``; a routine with a meal, bedtime or the pharmacy is not this
_ALL_PILLS_OTHER_LANGUAGE = (
    r"(?:todas\s+(?:las\s+|mis\s+)?(?:pastillas|p[íi]ldoras)|toutes\s+(?:les\s+|mes\s+)?(?:pilules|"
    r"g[ée]lules)|tous\s+(?:les\s+|mes\s+)?(?:comprim[ée]s|cachets|m[ée]dicaments|somnif[èe]res)|"
    r"alle\s+(?:meine\s+|die\s+|seine\s+|ihre\s+)?(?:\w*tabletten|\w*pillen)|"
    r"al\s+(?:mijn\s+|de\s+)?(?:pillen|tabletten|slaappillen|medicijnen)|wszystkie\s+(?:moje\s+|"
    r"te\s+)?(?:tabletki|leki)|tutte\s+(?:le\s+|le\s+mie\s+)?(?:pillole|pastiglie|compresse)|"
    r"todos\s+os\s+(?:meus\s+)?(?:comprimidos|rem[ée]dios)|alla\s+(?:mina\s+)?(?:tabletter|piller|"
    r"s[öo]mntabletter)|alle\s+(?:mine\s+)?(?:piller|tabletter|sovepiller)|[όο]λα\s+τα\s+χ[άα]πια|"
    r"b[üu]t[üu]n\s+(?:ila[çc]lar\w*|hap\w*)|v[šs]echny\s+(?:pr[áa][šs]ky|l[ée]ky|tablety)|"
    r"toate\s+(?:pastilele|medicamentele)|az\s+[öo]sszes\s+(?:gy[óo]gyszer\w*|tablett\w*))"
)
_TONIGHT_OTHER_LANGUAGE = (
    r"(?:esta\s+noche|ce\s+soir|cette\s+nuit|heute\s+(?:nacht|abend)|vanavond|vannacht|(?:dzi[sś]|"
    r"dzisiaj)\s+(?:w\s+nocy|wieczorem)|stasera|stanotte|esta\s+noite|hoje\s+[àa]\s+noite|"
    r"ikv[äa]ll|i\s+kv[äa]ll|i\s+aften|i\s+nat|i\s+kveld|i\s+natt|απ[όο]ψε|bu\s+gece|dnes\s+(?:v\s+"
    r"noci|ve[čc]er)|ast[ăa]\s+sear[ăa]|ma\s+este)"
)
_ROUTINE_OTHER_LANGUAGE = (
    r"(?![^.!?]{0,100}\b(?:antes|despu[ée]s|cena|cenar|avant|apr[èe]s|d[îi]ner|repas|vor\s+dem|nach\s+"
    r"dem|abendessen|voor\s+het|na\s+het|eten|przed|kolacj\w*|prima\s+di|dopo|antes\s+d[oe]|depois|"
    r"jantar|innan|efter|middag|f[øo]r|etter|πριν|μετ[άα]|[öo]nce|sonra|farmac\w*|pharmac\w*|"
    r"apothe\w*|aptek\w*|apotek\w*|pillero|pastillero|pilulier|para\s+la\s+semana|pour\s+la\s+semaine|pillendoos|dosett\w*|como\s+siempre|comme\s+"
    r"d'habitude|wie\s+immer|zoals\s+altijd|come\s+sempre|como\s+sempre|jak\s+zwykle|som\s+vanligt)\b)"
)
# Plain crisis statements in the languages a European service sees most (added from the
# lead's probes after blind T: of 39 plain statements written in Spanish, French, German,
# Italian, Portuguese, Dutch, Polish and eight other languages, 22 were missed by the whole
# screen): wanting to die or not to live, ending it all, throwing oneself from a height or
# under a train, hanging, an overdose taken, suicidal thoughts.
_CRISIS_LANGUAGES = (
    # Spanish
    r"(?:quiero|voy\s+a|pienso|pensando\s+en|ganas\s+de)\s+acabar\s+con\s+todo(?!\s+(?:el|la|los|"
    r"las|lo|esto|eso|este|esta)\b)",
    r"(?:ya\s+)?no\s+quiero\s+(?:seguir\s+)?vivir(?!\s+(?:con|en|sin|lejos|cerca|solo|sola)\b)",
    r"(?:ganas|deseos)\s+de\s+(?:morir(?:me)?|matarme|desaparecer\s+para\s+siempre)",
    r"(?:tirarme|lanzarme|arrojarme)\s+(?:por\s+la\s+ventana|por\s+el\s+balc[óo]n|(?:desde|de)\s+"
    r"(?:un|el|la|una)\s+(?:puente|balc[óo]n|ventana|edificio|azotea|terraza)|(?:al|a\s+las)\s+"
    r"(?:tren|v[íi]as|metro)|(?:debajo|delante)\s+de(?:l|\s+un|\s+una)\s+(?:tren|coche|"
    r"autob[úu]s|cami[óo]n|metro))",
    r"(?:ahorcarme|colgarme|me\s+voy\s+a\s+(?:ahorcar|colgar|tirar\s+por))",
    r"(?:(?:me\s+)?he\s+tomado|me\s+tom[ée]|tom[ée])\s+una\s+sobredosis",
    r"(?:voy|va|vas|van)\s+a\s+suicidar\w*",
    # French
    r"(?:veux|vais|voudrais|envie\s+d')\s*en\s+finir(?:\s+avec\s+(?:la\s+vie|ma\s+vie|tout|moi))?"
    r"(?=\s*(?:[.,;!?]|$|ce\s+soir|cette\s+nuit|aujourd))",
    r"(?:plus|pas)\s+envie\s+de\s+vivre",
    r"ne\s+veux\s+plus\s+vivre(?!\s+(?:dans|avec|sans|comme|loin|seule?|ici|l[àa])\b)",
    # (not a wish about where or how to die: "il veut mourir chez lui, entouré des siens")
    r"veu[tx]\s+mourir(?!\s+(?:chez|[àa]\s+la\s+maison|[àa]\s+l'h[ôo]pital|dans|en\s+paix|entour\w*|"
    r"paisiblement|dignement|sans\s+souffrir|de\s+rire|de\s+honte))",
    r"me\s+(?:jeter|lancer)\s+(?:sous\s+(?:un|le)\s+(?:train|m[ée]tro|bus|camion|voiture)|(?:du|d'un|"
    r"depuis\s+(?:le|un))\s+(?:pont|balcon|toit|immeuble|haut)|par\s+la\s+fen[êe]tre)",
    r"me\s+pendre",
    r"(?:fait|pris)\s+une\s+(?:overdose|surdose)",
    # blind V: "j'ai avalé toute ma boîte de somnifères exprès"
    r"aval[ée]\s+(?:tou(?:te|t)?s?\s+)?(?:ma|la|une|mes|les)\s+(?:\w+\s+)?(?:bo[îi]te|comprim[ée]s|cachets|"
    r"somnif[èe]res|m[ée]dicaments|pilules)",
    r"pense\s+[àa]\s+me\s+(?:tuer|suicider|foutre\s+en\s+l'air)",
    # German
    r"(?:mich|sich)\s+(?:von|vor)\s+(?:der|die|den|einer|einem|dem)\s+[\w-]+\s+(?:zu\s+)?"
    r"(?:st[üu]rzen|werfen)",
    r"(?:von\s+der\s+br[üu]cke|aus\s+dem\s+fenster|vom\s+(?:balkon|dach|hochhaus))\s+(?:zu\s+)?"
    r"(?:springen|st[üu]rzen)",
    r"vor\s+(?:den|einen)\s+zug\s+(?:zu\s+)?(?:werfen|springen)",
    r"keine\s+lust\s+mehr\s+(?:zu|auf\s+das|aufs)\s+leben",
    r"nicht\s+mehr\s+leben\s+(?:will|m[öo]chte)",
    r"(?:eine\s+)?[üu]berdosis\s+(?:genommen|geschluckt)",
    r"alle\s+(?:meine\s+|seine\s+|ihre\s+)?(?:tabletten|pillen)\s+geschluckt",
    r"(?:mich|sich)\s+(?:auf|er)h[äa]ngen",
    r"denke\s+(?:daran|dar[üu]ber\s+nach),?\s+mich\s+(?:umzubringen|zu\s+t[öo]ten)",
    # an overdose taken on purpose or to die, in seven languages (blind V: "Ich habe heute
    # absichtlich alle meine Tabletten genommen, um zu sterben")
    r"(?:expr[èe]s|volontairement|absichtlich|mit\s+absicht|a\s+prop[óo]sito|adrede|apposta|di\s+"
    r"proposito|de\s+prop[óo]sito|propositadamente|opzettelijk|met\s+opzet|celowo|specjalnie)\b"
    r"[^.!?]{0,60}\b(?:comprim\w*|cachets|somnif\w*|m[ée]dicaments|pilules|\w*tabletten|\w*pillen|"
    r"pastillas|p[íi]ldoras|pastiglie|pillole|compresse|comprimidos|tabletki|leki)\b",
    r"(?:comprim\w*|cachets|somnif\w*|m[ée]dicaments|pilules|\w*tabletten|\w*pillen|pastillas|p[íi]ldoras|"
    r"pastiglie|pillole|compresse|comprimidos|tabletki|leki)\b[^.!?]{0,60}\b(?:expr[èe]s|"
    r"volontairement|absichtlich|mit\s+absicht|a\s+prop[óo]sito|apposta|di\s+proposito|de\s+"
    r"prop[óo]sito|opzettelijk|met\s+opzet|celowo|pour\s+mourir|um\s+zu\s+sterben|para\s+morir|"
    r"per\s+morire|para\s+morrer|om\s+dood\s+te\s+gaan|[zż]eby\s+umrze[cć])\b",
    # Italian
    r"(?:buttarmi|gettarmi|lanciarmi)\s+(?:dal|dalla|da\s+un|da\s+una|sotto|giù)",
    r"non\s+voglio\s+più\s+vivere",
    r"non\s+ho\s+più\s+voglia\s+di\s+vivere",
    r"(?:ho\s+preso|ho\s+ingerito)\s+(?:un'?\s*|una\s+)?overdose",
    r"ho\s+ingoiato\s+tutte\s+le\s+(?:pastiglie|pillole|compresse)",
    r"impiccarmi",
    # blind V: "penso di uccidermi stasera", "stasera la faccio finita"
    r"pens(?:o|a|avo|ando)\s+di\s+(?:uccidermi|ammazzarmi|suicidarmi|togliermi\s+la\s+vita|farla\s+"
    r"finita)",
    r"la\s+(?:faccio|far[òo])\s+finita",
    # Portuguese
    r"(?:quero|vou|pensar\s+em|pensando\s+em|penso\s+em|vontade\s+de)\s+acabar\s+com\s+tudo"
    r"(?!\s+(?:o|a|os|as|isto|isso)\b)",
    r"n[ãa]o\s+quero\s+(?:mais\s+)?viver(?!\s+(?:com|em|sem|longe|perto|sozinh[oa])\b)",
    r"penso\s+em\s+(?:me\s+matar|matar-me|suicidar-me|me\s+suicidar)",
    r"vontade\s+de\s+morrer",
    r"(?:atirar-me|me\s+atirar|jogar-me|me\s+jogar)\s+(?:da|de|do|pela|para\s+debaixo)",
    r"tomei\s+uma\s+(?:overdose|sobredosagem)",
    # Dutch
    r"wil\s+er\s+een\s+einde\s+aan\s+maken",
    r"(?:van|voor)\s+(?:een|de)\s+(?:brug|trein|flat|toren)\s+(?:af\s+)?(?:te\s+)?(?:springen|"
    r"gooien)",
    r"overdosis\s+(?:genomen|ingenomen)",
    # Polish
    r"chc[eę]\s+umrze[cć](?!\s+(?:w\s+domu|spokojnie|godnie|we\s+[sś]nie))",
    r"my[sś]li\s+samob[oó]jcze",
    r"nie\s+chc[eę]\s+(?:d[lł]u[zż]ej|ju[zż])\s+[zż]y[cć](?!\s+(?:w|z|bez|tak)\b)",
    r"(?:odebra[cć]|odbior[eę])\s+sobie\s+[zż]ycie",
    r"przedawkowa[lł]\w*",
    r"rzuc(?:i[cć]|[eę])\s+si[eę]\s+(?:pod\s+(?:poci[aą]g|samoch[oó]d|auto|tramwaj)|z\s+(?:mostu|"
    r"okna|balkonu|dachu|wie[zż]owca))",
    r"powiesi[cć]\s+si[eę]",
    # Greek, Romanian, Czech, Slovak, Hungarian, Croatian/Serbian/Bosnian, Ukrainian,
    # Indonesian/Malay, Tagalog, Vietnamese, Hebrew
    r"θέλω\s+να\s+πεθάνω",
    r"να\s+αυτοκτονήσω",
    r"vreau\s+s[ăa]\s+mor",
    r"s[ăa]\s+m[ăa]\s+sinucid",
    r"chci\s+zem[řr][íi]t",
    r"chci\s+se\s+zab[íi]t",
    r"sebevra[žz]edn\w*\s+my[šs]lenk\w*",
    r"chcem\s+zomrie[ťt]",
    r"chcem\s+sa\s+zabi[ťt]",
    r"meghalni\s+akarok",
    r"meg\s+akarok\s+halni",
    r"[öo]ngyilkos\s+(?:leszek|akarok\s+lenni|gondolat\w*)",
    r"(?:[žz]elim|ho[ćc]u\s+da)\s+umr(?:ijeti|ijem|em)",
    r"ubit\s+[ćc]u\s+se",
    r"хочу\s+померти",
    r"(?:ingin|mau|pengen)\s+(?:bunuh\s+diri|mati)",
    r"magpakamatay",
    r"gusto\s+ko\s+(?:nang\s+)?mamatay",
    r"mu[ốo]n\s+(?:ch[ếe]t|t[ựu]\s+t[ửu])",
    r"רוצה\s+(?:למות|להתאבד)",
    # the lead's probes after blind V (54 plain crisis statements in 22 languages, 18 missed):
    # cut veins or wrists, ending one's life, an overdose swallowed, killing oneself in Dutch,
    # "se va a matar", "me foutre en l'air", committing suicide in the Nordic languages, Czech
    # and Turkish
    r"(?:me\s+he\s+|me\s+)?cort(?:ado|[ée])\s+las\s+venas",
    r"cortarme\s+las\s+venas",
    r"(?:je\s+me\s+suis|me\s+suis|s'est|me|m')\s*(?:ouvert|ouvrir|taillad[ée]e?|coup[ée]e?)\s+les\s+"
    r"(?:veines|poignets)",
    r"pulsadern\s+(?:\w+\s+)?(?:aufgeschnitten|aufschneiden|aufgeritzt)",
    r"taglia(?:t[oa]|rmi|re)\s+le\s+vene",
    r"(?:cortei|cortar|cortou)\s+os\s+pulsos",
    r"(?:polsen|aders)\s+(?:\w+\s+)?(?:doorgesneden|opengesneden|door\s+te\s+snijden)",
    r"(?:poci[eę][lł]\w*|podci[aą][lł]\w*)\s+(?:sobie\s+)?(?:nadgarstki|r[eę]ce|[zż]y[lł]y)",
    r"(?:terminar|acabar)\s+con\s+mi\s+vida(?!\s+(?:laboral|profesional|social|sexual|de)\b)",
    r"mettre\s+fin\s+[àa]\s+(?:ma|sa|ta)\s+vie",
    r"(?:se\s+va\s+a\s+matar|va\s+a\s+matarse)",
    # blind Z: "mi madre dice que se va a quitar la vida esta noche"
    r"(?:(?:se|me)\s+(?:va|voy|vas|van|quiere|quiero)\s+a?\s*quitar|quitarse|quitarme)\s+la\s+vida"
    r"(?![^.!?]{0,30}\b(?:laboral|social)\b)",
    r"(?:vuole|voglio|vuoi|sta\s+per|vorrebbe|vorrei)\s+(?:togliersi|togliermi)\s+la\s+vita",
    r"(?:quer|quero|vai|vou)\s+(?:se\s+)?(?:tirar|tirar-se|tirar-me)\s+a\s+(?:pr[óo]pria\s+)?vida",
    r"(?:me|se)\s+foutre\s+en\s+l'air",
    r"[üu]berdosis\s+(?:\w+\s+)?(?:genommen|geschluckt)",
    r"(?:mezelf|mijzelf|zichzelf)\s+(?:te\s+)?(?:doden|doodmaken|om\s+het\s+leven\s+(?:te\s+)?brengen|"
    r"van\s+kant\s+(?:te\s+)?maken)",
    r"po[lł]kn[eę][lł]\w*\s+(?:wszystkie|ca[lł][aą]\s+paczk[eę])\s+(?:\w+\s+)?(?:tabletki|leki|"
    r"pigu[lł]ki|tabletek)",
    r"beg[åa]\s+(?:selvmord|sj[äa]lvmord)",
    r"tehd[äa]\s+itsemurha\w*",
    r"sp[áa]chat\s+sebevra[žz]du",
    r"kendimi\s+[öo]ld[üu]r(?:mek\s+istiyorum|ece[ğg]im)",
)
# Plain emergency statements in the same languages (the same probes: 12 of 48 missed):
# vomiting or coughing blood, seizures, a drooping face or lost speech, bleeding that will not
# stop, a swollen tongue, lips or throat, breathing with difficulty.
_EMERGENCY_LANGUAGES = (
    # vomiting or coughing blood: German, Dutch, Polish, Portuguese
    r"(?:erbricht|erbreche|spuckt|spucke)\s+(?:\w+\s+)?blut",
    r"blut\s+(?:erbrochen|gespuckt|erbrechen)",
    r"(?:braakt|spuugt|kotst|hoest|spuwt|braak|spuug|hoest)\s+(?:\w+\s+)?bloed",
    r"bloed\s+(?:op)?(?:gehoest|gespuugd|gebraakt|overgegeven)",
    r"(?:geeft|gaf|geven)\s+(?:veel\s+|heel\s+veel\s+|wat\s+)?bloed\s+op",
    r"(?:wymiotuje|wymiotowa[lł]\w*|kaszle|kaszla[lł]\w*|pluje|plu[lł]\w*)\s+krwi[aą]",
    r"(?:vomitar|vomita|vomitou|vomitando|tossiu|tossindo)\s+sangue",
    # seizures: Polish, Portuguese, Dutch
    r"drgawk\w*",
    r"(?:napad|atak)\s+padaczk\w*",
    r"convuls[õo]es",
    r"(?:est[áa]\s+a\s+|come[çc]ou\s+a\s+)convulsionar",
    r"crise\s+convulsiva",
    r"(?:heeft|krijgt|kreeg)\s+(?:een\s+)?(?:stuip|toeval|insult)",
    # a drooping face or lost speech: French, German, Italian, Portuguese, Polish, Spanish
    r"bouche\s+(?:de\s+travers|tordue)",
    r"visage\s+(?:affaiss[ée]|de\s+travers|paralys[ée])",
    r"(?:ne\s+peut\s+plus|n'arrive\s+plus\s+[àa])\s+parler(?!\s+(?:de|du|des|d'|avec|[àa])\b)",
    r"h[äa]ngende\s+gesichtsh[äa]lfte",
    r"gesicht\s+h[äa]ngt",
    r"bocca\s+storta",
    r"non\s+riesce\s+(?:più\s+)?a\s+parlare(?!\s+(?:di|del|della|con|a|al)\b)",
    r"boca\s+(?:torta|desca[íi]da)",
    r"n[ãa]o\s+consegue\s+falar(?!\s+(?:sobre|de|do|da|com)\b)",
    r"opadni[eę]t\w*\s+k[aą]cik\w*\s+ust",
    r"krzyw\w*\s+twarz",
    r"nie\s+mo[zż]e\s+m[oó]wi[cć](?!\s+(?:o|na\s+temat|z)\b)",
    r"no\s+puede\s+mover\s+el\s+brazo",
    # bleeding that will not stop: French, German, Italian, Spanish, Portuguese, Dutch
    r"saign\w*\s+(?:\w+\s+){0,4}depuis\s+(?:une|plus\s+d'une|deux|\d+)\s+(?:heures?|minutes)",
    r"saign\w*[^.!?]{0,40}\bne\s+s'arr[êe]te\s+pas",
    r"blutet\s+(?:\w+\s+){0,4}seit\s+(?:einer|über\s+einer|zwei|\d+)\s+(?:stunden?|minuten)",
    r"h[öo]rt\s+nicht\s+auf\s+zu\s+bluten",
    r"blutung\s+h[öo]rt\s+nicht\s+auf",
    r"perde\s+(?:molto|tanto|tantissimo)\s+sangue",
    r"sangue\s+dal\s+naso\s+da\s+(?:un'?\s*ora|ore|\d+|mezz'?\s*ora)",
    r"non\s+smette\s+di\s+sanguinare",
    r"no\s+(?:para|deja)\s+de\s+sangrar",
    r"sangr\w*\s+(?:\w+\s+){0,4}desde\s+hace\s+(?:una|media|\d+)\s+hora",
    r"n[ãa]o\s+para\s+de\s+sangrar",
    r"bloedt\s+(?:\w+\s+){0,4}(?:al\s+(?:een|\d+)\s+uur|heel\s+erg|hevig|enorm)",
    r"(?:stopt|houdt)\s+niet\s+(?:op\s+)?met\s+bloeden",
    # a swollen tongue, lips or throat: Spanish, French, German, Italian, Portuguese, Dutch
    # (not a sore throat: "garganta hinchada", "gola gonfia" are a cold as often as not)
    r"se\s+le\s+(?:hinch[óo]|est[áa]n?\s+hinchando)\s+(?:\w+\s+){0,3}(?:la\s+lengua|los\s+labios)",
    r"(?:lengua|labios)\s+(?:muy\s+)?hinchad[ao]s?",
    r"(?:langue|l[èe]vres)\s+(?:a|ont|est|sont)\s+(?:gonfl[ée]e?s?|enfl[ée]e?s?)",
    r"(?:zunge|lippen)\s+(?:ist\s+|sind\s+)?(?:angeschwollen|geschwollen|schwillt|schwellen)",
    r"(?:lingua|labbra)\s+(?:\w+\s+)?(?:gonfi[ae]|gonfiat[ae])",
    r"(?:l[íi]ngua|l[áa]bios)\s+(?:\w+\s+)?inchad[ao]s?",
    r"(?:tong|lippen)\s+(?:is\s+|zijn\s+)?(?:opgezwollen|gezwollen|zwelt|zwellen)",
    # breathing with difficulty: French, German, Italian, Spanish, Portuguese, Dutch, Polish
    r"(?:a|ai)\s+(?:beaucoup\s+de\s+|du\s+)mal\s+[àa]\s+respirer",
    r"(?:bekomme|bekommt|kriege|kriegt)\s+(?:ganz\s+)?(?:schlecht|kaum)\s+luft",
    r"(?:fatic[oa]|fa\s+fatica)\s+a\s+respirare",
    r"respir[oa]\s+a\s+fatica",
    r"(?:me|le)\s+cuesta\s+(?:mucho\s+)?respirar",
    r"(?:tengo|tiene)\s+(?:mucha\s+)?dificultad(?:es)?\s+para\s+respirar",
    r"(?:tenho|tem|estou\s+com|est[áa]\s+com)\s+(?:muita\s+falta\s+de\s+ar|falta\s+de\s+ar\s+"
    r"(?:forte|s[úu]bita|de\s+repente|agora|em\s+repouso))",
    r"custa-me\s+(?:muito\s+)?respirar",
    # ("benauwd voor de uitslag" is fear of the result)
    r"(?:ik\s+ben|hij\s+is|zij\s+is)\s+(?:heel\s+|erg\s+|zo\s+)benauwd(?!\s+(?:voor|om|dat|over)\b)",
    r"brakuje\s+mi\s+powietrza",
    r"dusz[eę]\s+si[eę]",
    # the lead's probes of indirect signs after blind T (11 of 17 missed): unresponsive or not
    # waking in German, Dutch, Polish and Portuguese, a fall with a drooping face or legs gone
    # weak in Dutch, bleeding that will not stop in Italian, the worst headache of one's life
    r"nicht\s+(?:mehr\s+)?ansprechbar",
    r"wacht\s+(?:einfach\s+)?nicht\s+(?:mehr\s+)?auf(?=\s*(?:[.,;!?]|$|und\b))(?![^.!?]{0,20}\bwenn\b)",
    r"(?:er|sie|mama|papa|mutter|vater|mann|frau|opa|oma)\s+(?:ist|bin)\s+(?:pl[öo]tzlich\s+)?"
    r"(?:umgekippt|zusammengebrochen|ohnm[äa]chtig\s+geworden)",
    r"flauwgevallen",
    rf"reageert\s+(?:nauwelijks|bijna\s+niet){_NOT_TO_TREATMENT}",
    r"gezicht\s+hangt\s+(?:scheef|naar\s+beneden)",
    r"benen\s+(?:zijn\s+)?(?:ineens|opeens|plotseling)\s+(?:slap|verlamd|gevoelloos)",
    r"(?<!prawie\s)zemdla[lł]\w*(?!\s+z\s+(?:wra[zż]enia|rado[sś]ci|emocji|[sś]miechu))",
    r"nie\s+mo[zż]na\s+(?:jej|go)\s+(?:do)?budzi[cć]",
    r"il\s+sangue\s+non\s+si\s+(?:ferma|arresta)",
    r"n[ãa]o\s+(?:consigo|conseguimos)\s+acord[áa]-l[oa]",
    r"(?:el\s+)?peor\s+dolor\s+de\s+cabeza\s+de\s+mi\s+vida",
    r"(?:le\s+)?pire\s+mal\s+de\s+t[êe]te\s+de\s+ma\s+vie",
    r"(?:st[äa]rksten|schlimmsten)\s+kopfschmerz\w*\s+meines\s+lebens",
    r"(?:il\s+)?peggior\s+mal\s+di\s+testa\s+della\s+mia\s+vita",
    r"(?:a\s+)?pior\s+dor\s+de\s+cabe[çc]a\s+da\s+minha\s+vida",
    r"(?:de\s+)?ergste\s+hoofdpijn\s+(?:van\s+mijn\s+leven|ooit)",
    # added with blind U as a development set: a strong shortness of breath in Portuguese
    # ("Estou com falta de ar muito forte agora"), a severe allergic reaction or anaphylactic
    # shock in six languages, a handkerchief full of blood after coughing, a fall with a father
    # who cannot be woken in Polish
    r"falta\s+de\s+ar\s+(?:muito\s+)?(?:forte|intensa|s[úu]bita|grave)",
    r"falta\s+de\s+ar\s+(?:\w+\s+){0,2}(?:agora|de\s+repente|em\s+repouso)",
    r"r[ée]action\s+allergique\s+(?:grave|s[ée]v[èe]re|importante)",
    r"choc\s+anaphylactique",
    r"reacci[óo]n\s+al[ée]rgica\s+(?:grave|severa|fuerte|muy\s+fuerte)",
    r"(?:schwere|starke|heftige)\s+allergische\s+reaktion",
    r"anaphylaktische[rn]?\s+schock",
    r"(?:grave|forte)\s+reazione\s+allergica",
    r"reazione\s+allergica\s+(?:grave|forte|seria)",
    r"shock\s+anafilattico",
    r"rea[çc][ãa]o\s+al[ée]rgica\s+(?:grave|forte|s[ée]ria)",
    r"choque\s+anafil[áa]tico",
    r"(?:ernstige|heftige|zware)\s+allergische\s+reactie",
    r"anafylactische\s+shock",
    r"(?:fazzoletto|pa[ñn]uelo|mouchoir|taschentuch|zakdoek|len[çc]o)\s+(?:\w+\s+){0,3}(?:rosso|rojo|"
    r"rouge|rot|rood|vermelho|sangue|sangre|sang|blut|bloed|insanguinato|ensangrentado)",
    r"nie\s+(?:mo[zż]na|mog[eę]|mo[zż]emy)\s+(?:jej|go)\s+(?:do)?budzi[cć]",
    r"nagle\s+upad[lł]\w*",
    # the lead's probes after blind U (42 plain emergencies in seven languages, 14 missed):
    # chest pain with more words between, a seizure in the singular, breathing hard, coughing
    # or spitting blood, bleeding that does not stop, in Spanish, French, German, Italian,
    # Portuguese and Polish
    r"dolor\s+(?:\w+\s+){0,3}(?:en\s+el|del|al)\s+pecho",
    r"dor\s+(?:\w+\s+){0,3}no\s+peito",
    r"(?:tr[èe]s\s+|si\s+)?mal\s+[àa]\s+la\s+poitrine",
    r"b[oó]l\w*\s+(?:\w+\s+){0,2}w\s+klatce(?:\s+piersiowej)?",
    r"(?:teniendo|tiene|est[áa]\s+con)\s+(?:una\s+)?convulsi[óo]n(?:es)?",
    r"convulsionand\w*",
    r"convulse",
    r"(?:a\s+ter|tendo|est[áa]\s+com)\s+(?:uma\s+)?convuls[ãa]o",
    r"(?:me|le)\s+cuesta\s+(?:\w+\s+)?respirar",
    r"allergische[nr]?\s+schock",
    r"sput(?:a|ando|ato|are)\s+sangue",
    r"(?:estou|est[áa])\s+com\s+(?:muita\s+)?dificuldade\s+(?:para|em)\s+respirar",
    r"(?:tenho|tem)\s+muita\s+dificuldade\s+(?:para|em)\s+respirar",
    r"ci[eę][zż]ko\s+(?:mu\s+|jej\s+|mi\s+)?oddycha\w*",
    r"trudno\s+(?:mi|mu|jej)\s+(?:jest\s+)?oddycha[cć]",
    r"kaszl[eę]\s+krwi[aą]",
    r"(?:a\s+)?sangrar\s+(?:muito|imenso|sem\s+parar|bastante)",
    # added with blind X as a development set: coughing or vomiting blood in Italian ("sto
    # tossendo sangue, tanto, adesso"), a mouth gone crooked in Spanish ("se le ha torcido la
    # boca"), retention of urine with legs gone in German ("kein Wasser lassen")
    r"(?:tossendo|vomitando)\s+sangue",
    r"(?:tossisc[eo]|vomit[oa]|(?:ho|ha)\s+(?:tossito|vomitato|sputato))\s+(?:\w+\s+)?sangue",
    r"se\s+le\s+(?:ha\s+)?(?:torcido|ca[íi]do|desviado)\s+(?:la\s+boca|la\s+cara|un\s+lado\s+de\s+la\s+cara)",
    r"boca\s+torcida",
    r"(?:kein|nicht\s+mehr)\s+wasser\s+(?:mehr\s+)?lassen",
    r"(?:kann|konnte)\s+(?:\w+\s+){0,4}(?:die|seine|ihre|meine)\s+beine\s+nicht\s+(?:mehr\s+)?bewegen",
    # added with blind Y as a development set: breathing badly and the chest hurting in Dutch,
    # confused speech and an arm hanging down in German
    r"(?:kan|kon)\s+(?:bijna\s+)?niet\s+(?:goed\s+|meer\s+)?(?:ademen|ademhalen)",
    # blind Z: "tata upadł i nie reaguje"
    r"(?:upad[lł]\w*|zemdla[lł]\w*|przewr[óo]ci[lł]\w*\s+si[eę])\s+i\s+nie\s+(?:reaguj\w*|odpowiada|"
    r"oddycha|mo[zż]na\s+(?:go|jej)\s+obudzi[cć])",
    r"(?:mijn|zijn|haar)\s+borst\s+doet\s+(?:erg\s+|veel\s+|zo\s+)?pijn",
    r"redet\s+(?:pl[öo]tzlich\s+|auf\s+einmal\s+)?(?:ganz\s+|sehr\s+)?(?:wirres\s+zeug|wirr|unverst[äa]ndlich|verwaschen)",
    r"spricht\s+(?:pl[öo]tzlich\s+|auf\s+einmal\s+)?(?:ganz\s+|sehr\s+)?(?:verwaschen|undeutlich|unverst[äa]ndlich)",
    r"(?:arm|bein|mundwinkel)\s+h[äa]ngt\s+(?:\w+\s+){0,2}(?:runter|herunter|schlaff|hinunter)",
)


_RULES: tuple[_Rule, ...] = (
    # ---------------------------------------------------------------- crisis: explicit
    _r(
        "kill_self",
        "crisis",
        "suicidal",
        True,
        rf"\b(?:kil+(?:ing|ling)?|kil+ed|offing|topping|topped)\s+(?:{MYSELF}|himself|herself|"
        r"themselves)\b(?!\s+up\b)|"
        # "off" and "top" as verbs only, after a modal or "to" ("gonna off myself", "I'll top
        # myself"): "take the dressing off myself", "pay it off myself" and "paint the top
        # myself" are no crisis (the lead's second round of probes before blind R's first run)
        rf"(?:\b(?:to|gonna|wanna|will|would|might|could|should|i|just|never|or|and|then|about|of)|"
        rf"'ll|'d)\s+(?:off|top)\s+(?:{MYSELF}|himself|herself|themselves)\b(?!\s+up\b)|\b(?:do|doing)\s+(?:myself|himself|herself)\s+in\b"
        r"(?!\s+(?:lifting|carrying|moving|digging|running|at\s+the\s+gym))|"
        r"\b(?:end|take|ending|taking)\s+(?:my|his|her)\s+(?:own\s+)?(?:life|lyfe|lfie)\b",
        # "i was killing myself laughing at the chemo brain memes" (blind T)
        not_after=r"^\s*(?:laugh\w*|with\s+laughter)\b",
    ),
    _r(
        "suicide",
        "crisis",
        "suicidal",
        True,
        rf"\b{SUICIDAL}\b|\b(?:commit(?:ting)?|considering|contemplating|thinking\s+(?:about|of)|"
        rf"thoughts\s+of|attempt(?:ed|ing)?|plan(?:ning)?)\s+(?:\w+\s+)?{SUICIDE}\b|"
        rf"\b{SUICIDE}\s+(?:plan|note|attempt)\b|\b(?:i|he|she)\s+(?:want|wants|wanted)\s+to\s+"
        rf"(?:commit\s+)?{SUICIDE}\b|"
        # Added with blind set G as a development set: "my brother is threatening suicide".
        r"\bthreat(?:en|ens|ened|ening)\s+(?:to\s+(?:commit\s+)?)?suicide\b",
    ),
    _r(
        "want_die",
        "crisis",
        "suicidal",
        True,
        r"\b(?:want|wan+a|wnat|wnt|whant|wanting|wish|wished|ready)\s+"
        r"(?:to\s+)?(?:just\s+)?(?:die|be\s+dead)\b|\bwish\s+(?:i|he|she)\s+(?:was|were|had)\s+"
        r"(?:dead|never\s+been\s+born)\b|\bbetter\s+off\s+dead\b|\bi\s+should\s+(?:just\s+)?die\b",
        not_after=_DIE_WHERE + "|" + _DIE_FIGURATIVE,
        not_before=r"\b(?:don'?t|do\s+not|dont|didn'?t|doesn'?t|not|never|no\s+one|nobody)\s*$",
        denies=True,
    ),
    _r(
        "self_harm",
        "crisis",
        "self_harm",
        True,
        r"\bself[\s-]*harm\w*|\b(?:slit|slitting|slashed|slashing|cut|cutting)\s+(?:my|his|her|their)\s+"
        r"(?:own\s+)?wrists?\b|\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|"
        rf"starving)\s+{MYSELF}\b|"
        r"\b(?:take|took|taken|taking)\s+(?:an?\s+)?(?:overdose|od)\b|"
        # "i've been holding my hands under boiling water when the scanxiety gets too much"
        # (blind Y)
        r"\b(?:holding|held|hold|putting|put|keep\s+putting)\s+(?:my|his|her)\s+(?:hands?|arms?|"
        r"fingers?|wrists?)\s+(?:under|in)\s+(?:the\s+)?(?:boiling|scalding)\s+(?:hot\s+)?water\b|"
        # "i od'd on my pills", "he OD'ed" (the lead's probes after blind O)
        r"\b(?:i|he|she|they|i'?ve|he'?s|she'?s|has|have|just)\s+(?:\w+\s+){0,2}od(?:'d|'?ed|'?ing)\b|"
        r"\b(?:i|he|she|they|i'?ve|he'?s|she'?s|has|have)\s+(?:\w+\s+){0,2}overdos(?:e|ed|ing)\s+"
        r"on\b|\b(?:hang|hanging|drown|drowning|poison|poisoning|shoot|"
        r"shooting|gas|gassing|stab|stabbing)\s+(?:myself|my\s+self|himself|herself|themselves)\b|\bjump(?:ing)?\s+(?:off|in\s+front\s+of)\s+(?:a|the)\s+"
        r"(?:bridge|train|building|roof|cliff)\b",
        not_after=_TREATS + _BY_MISTAKE,
    ),
    _r(
        "not_live",
        "crisis",
        "suicidal",
        True,
        rf"\b(?:{DONT}|no\s+longer)\s+want\s+to\s+(?:live(?!\s+forever\b)|be\s+alive|exist|go\s+on\s+living)\b|"
        r"\bno\s+(?:reason|will)\s+to\s+live\b|\bend\s+it\s+all\b|\bending\s+it\s+all\b|"
        r"\btired\s+of\s+(?:living|being\s+alive|life)\b",
        # "tired of fighting the system, NOT tired of life": a contrast that denies it (blind
        # F); a plain "I'm not tired of life but ..." still fires (recall first).
        not_before=r"\w\s*(?:[,;]|\s-)\s*(?:but\s+)?not\s+$|\w\s+but\s+not\s+$",
        denies=True,
    ),
    # ---------------------------------------------------------------- crisis: indirect
    _r(
        "not_here",
        "crisis",
        "suicidal",
        False,
        # (not waking up at an hour: "I don't want to wake up at 5am for the trial bloods again";
        # the lead's probes before blind Q's first run)
        rf"\b{DONT}\s+want\s+to\s+(?:be\s+here|be\s+around|wake\s+up(?!\s+(?:at\s+\d|early|so\s+"
        r"early|that\s+early|before\s+\d|for\s+(?:the|a|my|another)\b|in\s+the\s+night))|carry\s+on|"
        r"go\s+on)\b|"
        rf"\b(?:won'?t|will\s+not|wont)\s+be\s+(?:here|around)\s+(?:much\s+longer|for\s+long|"
        r"anymore|any\s+more)\s+(?:anyway\s+)?(?:because|cos|coz|if)\s+i\b|"
        r"\bwish\s+i\s+(?:could|would|wouldn'?t|did\s*n'?t)\s+(?:just\s+)?(?:go\s+to\s+sleep\s+and\s+)?"
        r"(?:not\s+wake|never\s+wake|wake\s+up)\b|\bsleep\s+(?:forever|and\s+never\s+wake)\b|"
        r"\bnot\s+wake\s+up\s+(?:again|tomorrow)\b|"
        # "can u recommend anything to make sure i dont wake up" (blind I; the refit with P
        # left it to the rules)
        r"\bmake\s+sure\s+(?:i|he|she)\s+(?:don'?t|dont|do\s+not|never|won'?t|wont)\s+wake\s+up\b(?!\s+(?:at\s+\d|early|in\s+the\s+"
        r"night|with|before\s+\d|for\b))",
    ),
    _r(
        "burden",
        "crisis",
        "suicidal",
        False,
        r"\b(?:better\s+off|happier|easier)\s+without\s+me\b|"
        r"\b(?:i'?m|i\s+am|im|feel\s+like)\s+(?:just\s+)?(?:a|such\s+a)\s+burden\b|"
        r"\b(?:better|easier|happier)\s+(?:for\s+(?:everyone|everybody|them|my\s+\w+)\s+)?"
        r"if\s+i\s+(?:was|were)(?:n'?t|\s+not|\s+gone|\s+dead)\b",
    ),
    _r(
        "cant_go_on",
        "crisis",
        "hopeless",
        False,
        rf"\b{CANT}\s+(?:go\s+on|carry\s+on|keep\s+going|cope|take\s+(?:it|this|any\s*more)|"
        r"do\s+this)\s*(?:any\s*more|anymore|like\s+this|much\s+longer)\b|"
        rf"\b{CANT}\s+go\s+on\b|"
        r"\b(?:what'?s|what\s+is|whats)\s+the\s+point\s+(?:of|in)\s+(?:living|life|going\s+on|"
        r"carrying\s+on|anything|trying|fighting|it\s+all|being\s+here|any\s+of\s+it)\b|"
        r"\bno\s+point\s+(?:in\s+)?(?:living|going\s+on|carrying\s+on|being\s+alive|"
        r"fighting|trying\s+anymore|anymore|any\s+more)\b|"
        r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b|\bgiv(?:e|ing)\s+up\s+on\s+(?:life|living|"
        r"everything|myself)\b|\bno\s+way\s+out\b|\bwant\s+(?:it\s+all|everything)\s+to\s+"
        r"(?:end|stop)\b|\b(?:put|putting)\s+an\s+end\s+to\s+(?:it|it\s+all|everything|myself)\b",
        # an everyday annoyance ("cant go on like this with appointment letters arriving after
        # the appointment date lol"; blind W)
        not_after=r"^\s*with\s+(?:the\s+|these\s+|my\s+|all\s+(?:the|these)\s+)?(?:appointment\w*|letters?|"
        r"paperwork|admin|forms?|parking|wi-?fi|phone\s+calls?|queues?|waiting\s+lists?|delays?|post|"
        r"emails?|noise|neighbou?rs?|builders?|traffic|printer|app|website|portal)\b",
    ),
    _r(
        "means",
        "crisis",
        "suicidal",
        False,
        r"\b(?:saving|saved|stockpil\w*|hoard\w*|collecting|kept)\s+(?:up\s+)?(?:all\s+)?(?:my\s+)?"
        r"(?:pills|tablets|painkillers|morphine|meds|medication|oxycodone|sleeping\s+pills|"
        # the lead's probes after blind O: "i've been stockpiling my oramorph"
        r"oramorph|oxycontin|oxynorm|fentanyl|co-?codamol|codeine|tramadol|diazepam|zopiclone|"
        r"amitriptyline|paracetamol)\b|"
        r"\b(?:saying|said|say)\s+(?:my\s+)?goodbyes?\s+to\s+(?:everyone|everybody|my\s+family)\b|"
        r"\bgiv(?:e|ing)\s+away\s+(?:all\s+)?my\s+(?:things|stuff|belongings)\b|"
        r"\b(?:how\s+many|how\s+much)\s+(?:\w+\s+){0,4}(?:would\s+it\s+take|to\s+take)\s+to\s+"
        r"(?:die|not\s+wake\s+up)\b|\bdisappear\s+(?:forever|for\s+good)\b",
    ),
    # Concept-level forms added after the held-out run (see docs/evaluation.md): any subject,
    # any tense of "want/plan/going to die | end it", and common indirect phrasings.
    _r(
        "die_intent",
        "crisis",
        "suicidal",
        True,
        r"\b(?:wants?|wanted|wanting|wanna|wish(?:es|ed)?|ready|planning|plans?|"
        r"trying|tried|decided)\s+(?:\w+\s+)?to\s+(?:die|be\s+dead|end\s+(?:it|it\s+all|things|"
        r"everything|(?:my|his|her|their)\s+(?:own\s+)?life))\b|"
        r"\b(?:i'?m|im|i\s+am)\s+(?:going\s+to|gonna)\s+end\s+it\b",
        not_after=_DIE_WHERE + "|" + _DIE_FIGURATIVE,
        not_before=r"\b(?:don'?t|do\s+not|dont|didn'?t|doesn'?t|not|never|no\s+one|nobody)\s*$",
        denies=True,
    ),
    _r(
        "overdose_intent",
        "crisis",
        "self_harm",
        True,
        r"\b(?:took|taken|take|swallowed)\s+(?:too\s+many|all\s+(?:of\s+)?(?:my|the|his|her))\s+"
        r"(?:\w+\s+)?(?:pills|tablets|meds|medication|painkillers|morphine)\b"
        r"(?=[^.!?]{0,30}\b(?:on\s+purpose|deliberately|to\s+(?:die|end|sleep))\b)|"
        r"\bon\s+purpose\b(?=[^.!?]{0,30}\b(?:pills|tablets|overdose|cut|hurt))",
    ),
    _r(
        "hopeless_more",
        "crisis",
        "hopeless",
        False,
        r"\b(?:what'?s|what\s+is|whats)\s+the\s+point\s+(?:any\s*more|anymore)\b|"
        r"\b(?:don'?t|do\s+not|dont|can'?t|cannot)\s+see\s+(?:the|any)\s+point\s+(?:in|of)\s+"
        r"(?:living|life|going\s+on|carrying\s+on|being\s+alive|being\s+here|anything)\b|"
        r"\b(?:had|have\s+had|'ve\s+had)\s+enough\s+of\s+(?:life|living|everything|it\s+all|"
        r"being\s+alive)\b|\bbetter\s+off\s+if\s+i\s+(?:was|were)(?:n'?t|\s+not|\s+gone|\s+dead)\b|"
        r"\b(?:won'?t|will\s+not|wont)\s+be\s+(?:a\s+problem|a\s+burden|a\s+bother|in\s+anyone'?s\s+"
        r"way)\s+(?:for|to)\s+(?:anyone|anybody|you|them|everyone)\s+(?:much\s+longer|for\s+long|"
        r"soon)\b|\b(?:pills|tablets|painkillers|morphine|meds|medication|oxycodone)\s+"
        r"(?:saved|stored|hidden|stockpiled|put\s+aside)(?:\s+up)?\b",
    ),
    _r(
        "crisis_more",
        "crisis",
        "suicidal",
        False,
        r"\b(?:i'?d|i\s+would)\s+rather\s+(?:not\s+(?:be\s+here|be\s+alive|exist|wake\s+up|live)|"
        # "I'd rather die than drink another litre of it" (blind O) is a figure of speech
        r"be\s+dead|die)\b(?!\s+than\s+(?:drink|eat|wear|sing|dance|queue|watch|listen\s+to)\b)|"
        r"\b(?:fine|okay|ok|better)\s+without\s+me\b|"
        r"\b(?:don'?t|do\s+not|dont)\s+think\s+i\s+can\s+(?:go\s+on|carry\s+on|keep\s+going|cope|"
        r"do\s+this)\b|\bno\s+point\s+(?:to|in|of)\s+(?:any\s+of\s+(?:this|it)|anything|it\s+all|"
        r"life|living|me)\b|\b(?:wish|want|wanna)\s+(?:i\s+could\s+|to\s+)?(?:just\s+)?"
        r"(?:disappear|vanish|not\s+exist|cease\s+to\s+exist|stop\s+existing)\b"
        # ... but not for a while or somewhere ("disappear for a week to a beach"; blind O)
        r"(?!\s+(?:for\s+(?:a|an|the)\s+(?:\w+\s+)?(?:week|day|bit|while|weekend|month|"
        r"fortnight|hour|few)|to\s+(?:a|an|the)\s|on\s+(?:a|holiday)|off\s+(?:grid|the\s+grid)|"
        r"into\s+(?:a|the|my)\s))|"
        r"\b(?:sleep|go\s+to\s+sleep|fall\s+asleep)\s+and\s+(?:not|never)\s+wake\s+up\b|"
        r"\b(?:life|living)\s+(?:is\s*n'?t|is\s+not|isnt|ain'?t)\s+worth\s+(?:living|it)\b|"
        r"\bnot\s+worth\s+living\b|\b(?:i'?m|im|i\s+am)\s+done\s+with\s+(?:everything|life|"
        r"it\s+all|living)\b|\bi\s+(?:just\s+)?want\s+out\b(?!\s+of)|\bending\s+things\b|"
        r"\bend\s+things\b",
    ),
    _r(
        "crisis_more_explicit",
        "crisis",
        "suicidal",
        True,
        r"\b(?:talk\w*|speak\w*|mention\w*|said|says|going\s+on)\s+(?:about\s+|of\s+)?"
        r"(?:suicide|killing\s+(?:himself|herself|themselves|myself)|ending\s+(?:his|her|their|my)"
        r"\s+(?:own\s+)?life)\b|\b(?:cut|cutting|burn|burning|scratch\w*)\s+(?:my|his|her|their)\s+"
        r"(?:arms?|wrists?|legs?|skin|thighs?)\b",
    ),
    # Concept-level forms added after the first run of blind set A (eval/nlu/first_runs.md):
    # self-harm told by relatives, stated overdose intent, plans and means, finality.
    _r(
        "self_harm_reported",
        "crisis",
        "self_harm",
        True,
        r"\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming)\s+(?:himself|herself|"
        r"themselves)\b|\b(?:started|been|is|was|keeps|caught\s+\w+)\s+(?:self[\s-]*)?cutting\b"
        r"(?!\s+(?:back|down|out|corners|costs|the|my|his|her|their|it|up|off|hair|grass))|"
        r"\b(?:will|'ll|ll|going\s+to|gonna|wants?\s+to|planning\s+to|threaten\w*\s+to)\s+"
        r"overdose\b",
        # "my friend nearly hurt herself laughing at my chemo hat collection" (blind W)
        not_after=r"^\s*(?:laugh\w*|with\s+laughter)\b",
    ),
    _r(
        "plan_means",
        "crisis",
        "suicidal",
        False,
        r"\b(?:pills|tablets|painkillers|morphine|meds|medication|sleeping\s+pills)\s+"
        r"(?:\w+\s+){0,2}(?:lined\s+up|aside|saved\s+up|stored\s+up|counted\s+out)\b|"
        r"\b(?:put|set|saved?|saving)\s+(?:up\s+)?(?:enough|all)?\s*(?:of\s+)?(?:my\s+|his\s+|her\s+)?"
        r"(?:\w+\s+)?(?:pills|tablets|meds|painkillers)\s+(?:aside|away|up)\b|"
        r"\bsaving\s+up\s+(?:my|his|her)\s+(?:\w+\s+)?(?:pills|tablets|meds|painkillers)\b|"
        r"\bhow\s+many\s+(?:\w+\s+){0,2}(?:it\s+would|would\s+it|it'?d|i'?d|i\s+would|i\s+need|"
        r"it\s+takes?)\s*(?:take|need)?\s+to\s+(?:die|not\s+wake|end\s+it)\b|"
        r"\bhow\s+many\s+(?:pills|tablets)\s+it\s+would\s+take\b|"
        r"\bknow\s+exactly\s+how\s+many\s+(?:i|he|she)\s+(?:need|needs)\b|"
        r"\b(?:walk|walking|drive|driving|jump|jumping|step|stepping|throw\w*\s+(?:myself|himself|"
        r"herself))\s+(?:into|off|in\s+front\s+of|under)\s+(?:the|a)\s+(?:sea|river|lake|wall|bridge|"
        r"train|traffic|lorry|truck|bus|cliff|tree)\b"
        # a swim, or hyperbole ("I'd walk into the sea for a good cup of coffee right now"; the
        # lead's probes before blind R's first run)
        r"(?!\s+(?:for\s+(?:a|an|one|some|my|our)\b|to\s+(?:swim|paddle|cool\s+off)\b|with\s+(?:the\s+)?"
        r"(?:kids|dog|grandkids|children)\b))|\bbridge\b[^.!?]{0,40}\blooking\s+down\b|"
        r"\b(?:key|keys)\s+to\s+the\s+gun\b|\b(?:gun|rifle|shotgun)\s+cabinet\b",
        personal=True,
    ),
    _r(
        "finality",
        "crisis",
        "suicidal",
        False,
        r"\b(?:hope|hoping|pray|praying)\s+(?:that\s+)?(?:i|he|she)\s+(?:just\s+)?(?:don'?t|do\s+not|"
        r"dont|never|won'?t|wont)\s+wake\s+up\b|\bclose\s+my\s+eyes\s+and\s+(?:never|not)\s+"
        r"(?:open|wake)\b|"
        r"\b(?:make|want|need|wish)\s+(?:it\s+all|everything|this\s+all)\s+(?:to\s+)?(?:stop|end|"
        r"be\s+over)\b|\b(?:tonight|today)\s+(?:it|this|everything)\s+(?:all\s+)?(?:stops|ends)\b|"
        r"\b(?:tonight|today)\s+is\s+the\s+night\b|"
        r"\b(?:won'?t|will\s+not|wont)\s+be\s+(?:here|around)\s+(?:by\s+(?:christmas|\w+day|"
        r"the\s+(?:weekend|end\s+of))|after\s+this|for\s+the\s+(?:treatment|next|scan)"
        # "I won't be around for the next Zoom — off to Portugal" (blind P)
        r"(?!\s+(?:zoom|meeting|session|call|webinar|event|coffee|walk|catch-?up|group|one)\b"
        r"(?![^.!?]{0,20}\bor\s+any\b))|"
        r"much\s+longer|"
        r"any\s*more|for\s+long)\b|\b(?:i'?ve|i\s+have)\s+decided\s+i\s+(?:won'?t|will\s+not)\s+be\s+"
        r"(?:here|around)\b|\b(?:won'?t|will\s+not|wont)\s+(?:hear\s+from|see)\s+me\s+again\b|"
        r"\b(?:won'?t|will\s+not|wont)\s+need\s+(?:anything|any\s+of\s+(?:it|this)|them|it)\s+"
        r"(?:after|any\s*more|where\s+i'?m\s+going)\b|\bno\s+reason\s+(?:for\s+me\s+)?to\s+"
        r"(?:be\s+here|live|go\s+on|stay|carry\s+on)\b|\b(?:no\s*one|nobody)\s+(?:needs|wants)\s+"
        r"me\b|\b(?:notice|care|miss\s+me)\s+if\s+i\s+(?:just\s+)?(?:disappeared|was\s+gone|died|"
        r"vanished|wasn'?t\s+here)\b|\b(?:vanish|disappear)\w*\s+(?:and\s+)?(?:for\s+good|"
        r"forever|spare)\b|\bspare\s+(?:everyone|everybody|them|my\s+family)\b|"
        r"\bany\s+point\s+(?:in\s+)?(?:me\s+)?being\s+here\b|\bwho\s+(?:gets|will\s+get|should\s+get)\s+"
        r"my\s+(?:things|stuff|belongings)\b|\bletters?\s+(?:\w+\s+){0,4}in\s+case\s+i'?m\s+not\s+"
        r"(?:here|around)\b|\bbetter\s+off\s+if\s+(?:he|she|i)\s+"
        r"(?:was|were)\s+(?:gone|dead|not\s+here)\b|\bbetter\s+off\s+without\s+(?:him|her)\b|"
        r"\b(?:won'?t|will\s+not|wont)\s+be\s+a\s+(?:burden|problem|bother)\s+(?:\w+\s+){0,3}"
        r"(?:much\s+)?(?:longer|for\s+long|soon)\b|\b(?:sea|river|lake|water)\s+and\s+(?:not|never)\s+come\s+back\b",
    ),
    _r(
        "crisis_signs",
        "crisis",
        "suicidal",
        False,
        # Added after the first run of the final blind set B (eval/nlu/first_runs.md).
        r"\bonly\s+one\s+way\s+out\b|\b(?:won'?t|will\s+not|wont)\s+(?:see|hear\s+from)\s+"
        r"(?:them|me|you|us|him|her)\s+again\b|\b(?:gave|giving|given)\s+away\s+(?:all\s+)?"
        r"(?:his|her|my|their)\s+(?:\w+\s+){0,2}(?:collection|things|stuff|belongings|"
        r"possessions|watch\w*|jewell?ery|guitar\w*|books|clothes|tools)\b|"
        r"\b(?:standing|sitting|stood|sat)\s+on\s+(?:the|a)\s+(?:\w+\s+)?(?:bridge|edge|ledge|roof|"
        r"cliff|platform)\b(?!\s+of\s+(?:the|a|my|his|her)\s+(?:bed|sofa|settee|couch|chair|bath|pool))|\bhow\s+many\s+(?:\w+\s+)?(?:paracetamol|pills|tablets|painkillers|"
        r"sleeping\s+\w+|co-?codamol|tylenol|morphine)\s+(?:\w+\s+)?(?:is|are|would\s+be|it\s+takes"
        r"|to\s+take)\s+(?:too\s+many|fatal|lethal|deadly)\b|\b(?:looked\s+up|googl\w*|search\w*|"
        r"research\w*)\s+how\s+(?:high|tall|deep|far\s+down)\b|\b(?:won'?t|will\s+not|wont)\s+be\s+"
        r"needing\b|\b(?:stopped|stopping|stop)\s+eating\s+on\s+purpose\b|\bfade\s+(?:out|away)\s+"
        r"(?:quickly|soon|before)\b|\b(?:feels?|felt|seems?)\s+like\s+(?:he'?s|she'?s|they'?re|"
        r"i'?m)\s+saying\s+goodbye\b|\b(?:won'?t|will\s+not|wont)\s+be\s+coming\s+back\W+ever\b|"
        r"\b(?:got|have|has)\s+it\s+all\s+(?:planned|worked\s+out|sorted)\b|"
        r"\b(?:won'?t|will\s+not|wont)\s+matter\s+(?:soon|much\s+longer|for\s+long)\b|"
        r"\bmake\s+it\s+easy\s+for\s+(?:you|them|everyone|me|him|her)\s+by\s+(?:getting|going|"
        r"leaving)\b|\b(?:emptied|tipped|poured)\s+(?:all\s+)?(?:his|her|my|their)\s+(?:\w+\s+)?"
        r"(?:pills|tablets|meds|medication|pill\s+organi[sz]er|dosette)\b|"
        r"\b(?:nobody|no\s*one)\s+(?:has|will\s+have|needs)\s+to\s+(?:deal\s+with|look\s+after|"
        r"worry\s+about|clean\s+up\s+after)\s+me\b|\bthat'?s\s+it\s+for\s+me\b|"
        r"\b(?:not|never)\s+(?:hanging|sticking)\s+around\s+to\b",
        personal=True,
    ),
    _r(
        "crisis_signs_c",
        "crisis",
        "suicidal",
        False,
        # Added after the first run of blind set C (eval/nlu/first_runs.md).
        r"\bsleep\s+for\s+good\b|\bknow\s+(?:exactly\s+)?how\s+(?:i'?d|i\s+would|i'?ll|i\s+will)\s+"
        # (away for a reason: "I won't be here next week as I'm away at my daughter's"; the
        # lead's probes before blind Q's first run)
        r"do\s+it\b|\b(?:won'?t|will\s+not|wont)\s+be\s+(?:here|around)\b(?![^.!?]{0,80}\b(?:i'?m|"
        r"i\s+am|we'?re|we\s+are|i'?ll\s+be|i\s+will\s+be|we'?ll\s+be)\s+(?:\w+\s+)?(?:away|on\s+"
        r"holiday|travel+ing|visiting|abroad|out\s+of\s+(?:town|the\s+office|office)|at\s+(?:my|our|"
        r"a|the)\s+\w+'s)\b(?!\s+(?:for\s+good|forever|permanently))|[^.!?]{0,80}\b(?:(?:on\s+)?"
        r"(?:holiday|hols|vacation|honeymoon|cruise)|holidaying|trip\s+to)\b)[^.!?]{0,40}\b(?:after\s+"
        r"tonight|next\s+week|tomorrow|by\s+the\s+end\s+of)\b"
        # an errand ("won't be around next week to pick up the leaflet"; the lead's probes
        # before blind R's first run)
        r"(?!\s+to\s+(?:pick|collect|sign\s+for|answer|receive|let\s+(?:the|them|him|her)|meet\s+the|"
        r"drive|open\s+the|take\s+(?:the\s+)?(?:delivery|call|calls|parcel)))|\b(?:sent|gave|given|left)\s+"
        r"(?:\w+\s+){0,2}(?:my|all\s+my)\s+passwords\b|\b(?:last|final)\s+(?:christmas|birthday|"
        r"time|year)\s+(?:anyone|everyone|you|they|my\s+\w+)\s+(?:has|have|will\s+have)\s+to\b|"
        r"\b(?:gutted|disappointed|sad|upset|annoyed|angry|sorry)\s+(?:that\s+)?i\s+(?:woke|wake|"
        r"keep\s+waking)\s+up\b|\bweight\s+(?:round|around)\s+(?:everyone'?s|their|our|my\s+\w+'?s)"
        r"\s+necks?\b|\bsee\s+to\s+it\s+(?:myself|himself|herself)\b|\b(?:hid|hiding|hidden|hide)\s+"
        r"(?:his|her|my|their)\s+(?:insulin|pills|tablets|meds|medication|morphine|painkillers)\b|"
        r"\b(?:my|his|her|their)\s+choice,?\s+not\s+(?:the\s+)?cancer'?s\b|\bsee\s+myself\s+"
        r"(?:being\s+)?(?:here|around|alive)\s+(?:by|after|next|at)\b|\b(?:keeps?|go\s+on)\s+"
        r"turning\s+without\s+me\b|\blast\s+time\s+(?:you'?ll|you\s+will|anyone\s+will)\s+"
        r"(?:hear\s+from|see)\s+me\b(?!\s+(?:about|on|regarding|re)\b)|\bway\s+out\s+(?:planned|sorted|worked\s+out)\b|"
        r"\bplanned\s+(?:a|my)\s+way\s+out\b|\btonight'?s\s+the\s+night\b|"
        # blind R: "running out of reasons to wait", bills paid "... I'm ready", a hug "like it
        # was the last time. Because it is.", "what I'm about to do wasn't her fault"
        r"\brunning\s+out\s+of\s+reasons\s+to\s+(?:wait|live|stay|keep\s+going|carry\s+on|hang\s+on)\b|"
        r"\bpaid\s+(?:every|all\s+(?:the|my))\s+bills?\b[\s\S]{0,120}\b(?:i'?m|i\s+am)\s+ready\b"
        r"(?!\s+(?:for|to)\b)|"
        r"\blike\s+it\s+was\s+the\s+last\s+time\W+(?:because|cause|cos|coz)\s+it\s+is\b|"
        r"\bwhat\s+i'?m\s+(?:about|going)\s+to\s+do\s+(?:is|was|isn'?t|wasn'?t)\s+(?:not\s+)?"
        r"(?:\w+'s\s+|her\s+|his\s+|their\s+|your\s+|anyone'?s\s+)?fault\b|"
        # long sleeves in the heat, and blood or cuts found ("my teenage son has been wearing
        # long sleeves in the heat and I found blood on his sheets"; the lead's probes before
        # blind R's first run)
        r"\b(?:he|she|they|son|daughter|teen\w*|grandson|granddaughter|brother|sister|boy|girl)\b"
        r"[^.!?]{0,40}\bwear\w*\s+long\s+sleeves\b(?=[^.!?]{0,60}\b(?:heat|hot|summer|sunny|boiling|"
        r"warm)\b)(?![\s\S]{0,120}\b(?:sun\s*(?:cream|screen|block|burn|protection|sensitiv\w*)|"
        r"photosensitiv\w*|vemurafenib|rash|eczema|psoriasis)\b)(?=[\s\S]{0,120}\b(?:blood|cuts|"
        r"scratches|scars|plasters|razors?|blades?)\b)|\bmake\s+sure\s+"
        r"(?:i'?m|i\s+am)\s+not\s+(?:around|here)\b|\bthis\s+is\s+(?:my\s+)?goodbye\b",
    ),
    _r(
        "crisis_signs_e",
        "crisis",
        "suicidal",
        False,
        # Added when blind set E became a development set (its first run missed these
        # concepts): gathering means so no one notices, an attempt told obliquely, following
        # someone in death, leaving early, a note saying sorry with means or the person gone,
        # "make it look like an accident".
        r"\b(?:bought|buying|buy|picked\s+up|picking\s+up)\s+(?:\w+\s+){0,4}?(?:pills|tablets|"
        r"painkillers|paracetamol|co-?codamol|codeine|sleeping\s+\w+|aspirin|ibuprofen)\b"
        r"[^.!?]{0,40}\b(?:different|several|separate)\s+(?:shops|chemists|pharmacies|"
        r"supermarkets|stores)\b|"
        r"\b(?:pills|tablets|painkillers|paracetamol|co-?codamol|codeine|morphine|meds|rope|"
        r"bought|stash\w*|hid|hidden|hiding|saved|saving|stockpil\w*)\b[^.!?]{0,60}\bso\s+"
        r"(?:no\s*one|nobody)\s+(?:would|will|could)\s+(?:question|notice|ask|suspect|stop)\b|"
        r"\btried\s+(?:again\s+)?(?:last\s+night|yesterday|this\s+morning|on\s+\w+day|at\s+the\s+"
        r"weekend|the\s+other\s+(?:night|day))\s*,?\s*(?:but|and)\s+(?:i\s+)?(?:just\s+)?"
        r"(?:woke|wake|came\s+round)\b|\b(?:try|do\s+it)\s+again\s+properly\b|"
        r"\b(?:when|once|after|if)\s+(?:she|he|mum|mom|dad|my\s+\w+)\s+(?:goes|dies|passes|"
        r"is\s+gone|'?s\s+gone)\b[^.!?]{0,30}\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|i'?m\s+going|"
        r"i\s+want\s+to|i\s+wanna)\s+(?:just\s+)?go\s+(?:too|as\s+well|with\s+(?:her|him))\b|"
        r"\b(?:when|once|after|if)\s+(?:she|he|mum|mom|dad|my\s+\w+)\s+(?:goes|dies|passes)\b"
        r"[^.!?]{0,30}\b(?:i'?m|i\s+am|im)\s+going\s+(?:too|as\s+well|with\s+(?:her|him))\b|"
        r"\bgo\s+with\s+(?:her|him)\W+(?:like\s+)?(?:actually|really|properly)\s+go\b|"
        r"\b(?:i'?m|i\s+am|im)\s+not\s+(?:sticking|hanging|staying)\s+around\s*(?:[.!;]|$)|"
        r"\b(?:decided|going|planning|plan|want|wanting)\s+to\s+check\s+out\s+(?:early|"
        r"permanently|for\s+good)\b(?!\s+(?:of|from)\b)|\bcheck(?:ing)?\s+out\s+(?:permanently|"
        r"for\s+good|of\s+(?:life|this\s+(?:life|world)))\b|"
        r"\b(?:note|letter)\s+(?:\w+\s+){0,3}(?:saying|says|said)\s+(?:[\w']+\s+){0,2}sorry\b"
        r"(?!\s+(?:i|she|he|we|they)\s+(?:missed|couldn'?t|could\s+not|was\s+late))"
        r"(?=[\s\S]{0,160}\b(?:not\s+answering|won'?t\s+(?:answer|pick\s+up)|can'?t\s+(?:find|reach)|"
        r"missing|(?:pills|tablets|meds|medication|medicines?|morphine|box|car)\s+(?:\w+\s+){0,2}"
        r"(?:is\s+|are\s+|has\s+|have\s+)?gone|took\s+(?:his|her|their|all)\b|phone\s+"
        r"(?:is\s+)?off))|"
        r"\b(?:look|looks|looked)\s+like\s+an\s+accident\b|"
        r"\b(?:swallowed|took|taken)\s+(?:a|the)\s+whole\s+(?:packet|box|bottle|strip|pack)\s+of\s+"
        r"(?:(?:my|his|her|their|the)\s+)?(?:\w+\s+)?(?:pills|tablets|meds|medication|medicines?|"
        r"painkillers|paracetamol|co-?codamol|codeine|morphine|oramorph|oxycodone|sleeping\s+\w+|"
        r"insulin)\b",
        personal=True,
    ),
    _r(
        "crisis_means_question",
        "crisis",
        "suicidal",
        False,
        # Same origin: asking which medicines are fatal, or how many would mean not waking up,
        # fires with or without a person named (recall first: the answer is a check-in).
        r"\bwhich\s+(?:\w+\s+){0,2}(?:meds|medications|medicines|pills|tablets|drugs)\s+"
        r"(?:are|would\s+be)\s+(?:fatal|lethal|deadly)\b|\bhow\s+(?:many|much)\b[^.!?]{0,60}\b"
        r"(?:would|will)\s+(?:mean\s+)?(?:not|never)\s+wak(?:e|ing)\s+up\b|"
        # Added with blind set K as a development set (missed in H, I, J and K): how much of a
        # medicine is "enough" or which is "most deadly", with intent or a time said in the
        # same message ("how many paracetamol is enough if you weigh 50kg. doing it tonight.",
        # "Which of my chemo tablets would be most deadly if I took the whole box? I'm ready.").
        # A dose question alone ("is 25mg of amitriptyline enough for my nerve pain") is not.
        rf"(?:{_LETHAL_ASK})(?=[\s\S]*?(?:{_INTENT_SAID}))|(?:{_INTENT_SAID})(?=[\s\S]*?(?:{_LETHAL_ASK}))",
    ),
    _r(
        "crisis_explicit_more",
        "crisis",
        "suicidal",
        True,
        # Explicit wording the earlier rules missed (blind sets B-D): "take to kill me", "want
        # to kill yourself", "tried to overdose", "thinking of overdosing", "suicide feels like
        # the only option", "took a load of my painkillers on purpose".
        r"\b(?:take|need|takes)\s+to\s+kill\s+(?:me|myself)\b|\bwant(?:s|ed|ing)?\s+to\s+kill\s+"
        r"(?:yourself|themselves|oneself)\b|\b(?:tried|try|trying|attempted|attempting)\s+to\s+"
        r"overdose\b|\b(?:thinking|thought|thinks)\s+(?:of|about)\s+(?:\w+\s+)?overdos\w*|"
        r"\bsuicide\s+(?:feels|seems|is|looks)\s+(?:like\s+)?(?:the\s+|my\s+)?(?:only|best|easiest)\s+"
        r"(?:option|way|answer|choice|thing)\b|\b(?:took|taken|swallowed)\s+(?:a\s+load|loads|"
        r"a\s+handful|handfuls|a\s+bunch|a\s+lot|a\s+whole\s+(?:box|packet|bottle)|the\s+whole\s+"
        r"(?:box|packet|bottle))\s+of\s+(?:my\s+|his\s+|her\s+|the\s+)?(?:\w+\s+)?(?:pills|tablets|"
        r"meds|medication|painkillers|morphine|paracetamol)\b(?=[^.!?]{0,30}\b(?:on\s+purpose|"
        r"deliberately|intentionally|to\s+(?:die|end|sleep))\b)",
    ),
    _r(
        "overdose_told",
        "crisis",
        "self_harm",
        True,
        r"\boverdos(?:e|ed|ing)\s+on\b(?=[^.!?]{0,60}\b(?:on\s+purpose|deliberately|"
        r"intentionally|to\s+(?:die|end|sleep))\b)|\b(?:mum|mom|dad|husband|wife|partner|son|"
        r"daughter|brother|sister|friend|he|she|they|i)\s+(?:has\s+|have\s+|just\s+)?overdosed\b",
        personal=True,
        not_after=_TREATS + _BY_MISTAKE,
    ),
    _r(
        "crisis_slang",
        "crisis",
        "suicidal",
        True,
        # Added when blind set F became a development set: internet shorthand for suicide
        # ("kms", "unalive myself").
        r"(?<![\d.,])\bkms\b(?!\s*(?:(?:away|from|to|of|per)\b|an?\s+hour|/|\d))|"
        r"\bunaliv(?:e|ing|ed)\s+(?:my|him|her|them)sel(?:f|ves)\b|\bsewer\s*slide\b|"
        # "sh" for self-harm ("relapsed on sh last night", "sh urges"; the lead's probes after
        # blind O)
        r"\b(?:relaps\w*|slipped)\s+(?:on|with|into|back\s+into)\s+sh\b|\bsh\s+(?:urges?|"
        r"relapse|again)\b|\burges?\s+to\s+sh\b|\bi\s+sh'?(?:d|ed)\b",
        not_before=r"(?:\d|\b(?:few|several|many|couple\s+of|some|hundred|thousand|extra|more|"
        r"those|these|the))\s*$",
    ),
    _r(
        "crisis_other_language",
        "crisis",
        "suicidal",
        True,
        # Same origin (split from crisis_slang with blind N): code-mixed and other-language
        # wording for suicide (Hinglish "suicide kar lunga", Spanish "quiero morirme", French
        # "envie de mourir"). The learned layer reads English only, so it never vetoes these
        # (``_OTHER_LANGUAGE_RULES``).
        r"\b(?:suicide|khud\s*kushi|khudkushi|aatmahatya|atmahatya)\s+(?:kar|karna|karne|karunga|"
        r"karungi|karega|karegi|kar\s+lenge|kar\s+lunga|kar\s+lungi|kar\s+li|kar\s+liya)\b|"
        r"\b(?:marna|mar\s+jana|mar\s+jaana)\s+(?:chahta|chahti|chahte)\b|\b(?:jeena|jina|zinda\s+"
        r"rehna)\s+nahi\s+(?:chahta|chahti|chahte|hai)\b|"
        # the pronoun first: "me quiero matar", "me quero matar" (blind O, missed held out)
        r"\b(?:me|te)\s+(?:quiero|quieres|quero|queres)\s+(?:matar|morir|morrer|suicidar)\b|"
        r"\b(?:quiero|quieres|quiere|quero)\s+"
        r"(?:morir(?:me|se)?|morrer|matarme|suicidarme|me\s+matar)\b|\bsuicidar(?:me|se|si|mi)\b|"
        # blind N: "vuole suicidarsi stanotte", "se quiere matar", "sich umbringen"
        r"\b(?:se\s+quiere\s+matar|quiere\s+matarse|vuole\s+(?:uccidersi|morire)|voglio\s+"
        r"(?:uccidermi|morire)|(?:mich|sich)\s+umbringen|veut\s+se\s+tuer|se\s+tuer)\b|"
        r"\b(?:me\s+suicider|envie\s+de\s+mourir|veux\s+mourir|me\s+tuer)\b|"
        # Added with blind set M as a development set: "Je veux mettre fin à mes jours", and
        # the same wording in Spanish, German and Italian
        r"\bmettre\s+fin\s+(?:à|a)\s+(?:mes|ses|tes)\s+jours\b|\b(?:quitarme|quitarse)\s+la\s+vida\b|"
        r"\b(?:mir|sich)\s+das\s+leben\s+(?:zu\s+)?nehmen\b|\btogliermi\s+la\s+vita\b|\bfarla\s+finita\b|"
        # Added after blind N: the thoughts and the intent in the same languages and in
        # Portuguese and Dutch ("pensamientos suicidas", "je vais me tuer", "quero me matar",
        # "ik wil dood")
        r"\b(?:pensamientos|ideas|pensamentos|ideação|ideacion|ideación)\s+suicidas?\b|"
        r"\bsuicida\b(?=[^.!?]{0,30}\b(?:estoy|estou|me\s+siento|me\s+sinto|soy|sou)\b)|"
        r"\b(?:estoy|estou|me\s+siento|me\s+sinto)\s+(?:muy\s+|muito\s+)?suicida\b|"
        r"\b(?:pensées|idées)\s+suicidaires\b|\b(?:je\s+suis|je\s+me\s+sens)\s+(?:très\s+)?"
        r"suicidaire\b|\b(?:selbstmord|suizid)gedanken\b|\bsuizidal\b|\bpensieri\s+(?:suicidi|di\s+"
        r"suicidio)\b|\bideazione\s+suicidaria\b|\bzelfmoordgedachten\b|\bsu[iï]cidaal\b|"
        r"\b(?:voy\s+a\s+matarme|me\s+voy\s+a\s+matar|vou\s+me\s+matar|quero\s+me\s+matar|"
        r"quero\s+morrer|me\s+suicidar|tirar\s+a\s+(?:minha\s+)?(?:própria\s+)?vida|je\s+vais\s+me\s+"
        r"(?:tuer|suicider)|ich\s+bringe\s+mich\s+um|ich\s+will\s+(?:nicht\s+mehr\s+leben|sterben)|"
        r"mi\s+(?:voglio\s+)?(?:ammazzo|ammazzare|uccido)|voglio\s+ammazzarmi|"
        r"ik\s+wil\s+(?:dood|niet\s+meer\s+leven|zelfmoord\s+plegen)|zelfmoord\s+plegen)\b|"
        # Added with blind set O as a development set: thinking of suicide ("je pense au suicide
        # tous les jours", "penso al suicidio", "denke an Selbstmord", "denk aan zelfmoord") and
        # the Dutch "mezelf van het leven beroven"
        r"\b(?:je\s+)?pens(?:e|es|ais|ait|er)\s+(?:au|à\s+me|a\s+me)\s+suicid\w*|"
        r"\b(?:pienso|piensa|pensando|penso|pensa|sto\s+pensando|denke|denkt|denk)\s+"
        r"(?:en|em|no|al|an|aan|a)\s+(?:el\s+|o\s+|den\s+)?(?:suicidio|suicídio|selbstmord|suizid|"
        r"zelfmoord|suicidarme|matarme|me\s+matar|uccidermi)\b|"
        r"\b(?:mezelf|mijzelf|zichzelf|me)\s+van\s+het\s+leven\s+(?:te\s+)?beroven\b|"
        r"\been\s+einde?\s+aan\s+(?:mijn|zijn|haar)\s+leven\s+(?:te\s+)?maken\b|"
        # added after blind P: Japanese, Chinese and Korean ("もう死にたいです。自殺を考えて
        # います");
        # no word boundaries in these scripts
        r"死にたい|自殺(?:したい|しよう|を考え|を決め)|想死|想自杀|我要自杀|不想活|"
        r"죽고\s*싶|자살하고\s*싶|자살\s*생각|"
        # added with blind Q as a development set: Polish, Arabic, Portuguese, Russian and
        # Turkish ("Chcę się zabić", "أريد أن أنتحر")
        r"\bchc[eę]\s+si[eę]\s+zabi[cć]\b|\bzabij[eę]\s+si[eę]\b|\bmy[sś]l[eę]\s+o\s+samob[oó]jstwie\b|"
        r"\bnie\s+chc[eę]\s+(?:ju[zż]\s+)?[zż]y[cć]\b|\bsamob[oó]jstw\w*\b(?=[^.!?]{0,40}\b(?:chc[eę]|"
        r"my[sś]l[eę])\b)|أنتحر|الانتحار|انتحار|أريد\s+أن\s+أموت|أقتل\s+نفسي|"
        r"\bn[aã]o\s+quero\s+mais\s+viver\b|\bquero\s+acabar\s+com\s+(?:a\s+minha\s+)?vida\b|"
        r"хочу\s+умереть|покончить\s+с\s+собой|убить\s+себя|суицид|"
        r"\b[öo]lmek\s+istiyorum\b|\bintihar\w*|"
        # added from the lead's probes before blind R's first run: cutting oneself in Spanish,
        # German, French, Italian, Portuguese and Dutch ("Me corté otra vez los brazos anoche",
        # "Ich habe mir wieder die Arme geritzt")
        r"\bme\s+(?:cort[eé]|he\s+cortado|estoy\s+cortando|corto)\s+(?:otra\s+vez\s+|de\s+nuevo\s+)?"
        r"(?:los\s+brazos|las\s+mu[ñn]ecas|las\s+piernas|la\s+piel)\b|\bcortarme\s+(?:otra\s+vez|de\s+"
        r"nuevo|los\s+brazos|las\s+mu[ñn]ecas)\b|\bme\s+(?:autolesion\w*|automutil\w*)|"
        r"\b(?:mir|sich)\s+(?:wieder\s+|erneut\s+|heute\s+|gestern\s+)*(?:die|den|in\s+die|in\s+den)\s+"
        r"(?:arme?|handgelenke?|beine?|oberschenkel|haut)\s+geritzt\b|\britze\s+mich\b|\b(?:mich|sich)\s+"
        r"(?:wieder\s+|selbst\s+)?(?:zu\s+)?ritzen\b|\bverletze\s+mich\s+(?:wieder\s+)?selbst\b|"
        r"\bje\s+me\s+(?:suis\s+)?(?:scarifi\w*|mutil\w*)|\bje\s+me\s+"
        r"(?:suis\s+)?(?:coup[ée]e?|taillad[ée]e?)\s+(?:encore\s+|à\s+nouveau\s+)?(?:les\s+bras|les\s+"
        r"poignets|les\s+cuisses)\b|\bautomutil\w*|\bmi\s+(?:sono\s+)?tagliat[oa]\s+(?:di\s+nuovo\s+"
        r")?(?:le\s+braccia|i\s+polsi)\b|\bmi\s+taglio\s+(?:di\s+nuovo|ancora|le\s+braccia|i\s+polsi)\b|"
        r"\bme\s+(?:cortei|cortar|corto)\s+(?:de\s+novo\s+)?(?:os\s+bra[çc]os|os\s+pulsos|as\s+pernas)\b|"
        r"\b(?:mezelf|mijzelf)\s+(?:weer\s+)?(?:gesneden|snijden|snijd)\b|\bik\s+beschadig\s+mezelf\b|"
        # not wanting to live any more in Japanese, Arabic, Turkish, Russian, Danish, Norwegian
        # and Swedish (the lead's probes before blind R's first run: "もう生きていたくない",
        # "Artık yaşamak istemiyorum", "Jag vill inte leva längre")
        r"生きていたくない|生きたくない|لا\s+أريد\s+أن\s+أعيش|\bya[sş]amak\s+istemiyorum\b|"
        r"не\s+хочу\s+(?:больше\s+)?жить(?!\s+(?:в|во|на|с|со|у|там|здесь|рядом|одн\w*)\b)|\bvil\s+ikke\s+(?:leve|lev)\s+(?:l[æe]ngere|lenger|mere)\b|"
        r"\bvill\s+inte\s+leva\s+(?:l[äa]ngre|mer)\b|\bjag\s+vill\s+d[öo]\b|\bjeg\s+vil\s+d[øo]\b|"
        # added with blind S as a development set: Hindi in Devanagari ("मैं आत्महत्या करना
        # चाहता हूँ"; the rules knew Hindi only in Latin letters); no word boundaries, since
        # Python's \b does not hold between Devanagari letters and their vowel signs
        r"आत्महत्या\s*(?:करना|करने|कर\s*(?:लूँ|लूं|ल))|आत्महत्या\s*(?:के|का)\s*(?:विचार|ख़?्?याल)|"
        r"मरना\s*चाहत[ाीे]|जीना\s*नहीं\s*चाहत[ाीे]|(?:खुद|ख़ुद|अपने\s*आप)\s*को\s*(?:मार|ख़?त्म\s*कर)|"
        # added with blind T as a development set: taking one's life in Swedish, Norwegian and
        # Danish ("jag vill ta livet av mig"), wanting to die or kill oneself in Finnish, and
        # the Polish "skończyć ze sobą", and "jetzt will ich sterben" (the German word order
        # after a first clause)
        r"\bta\s+livet\s+av\s+(?:mig|meg|sig|seg)\b|\btage\s+(?:mit\s+eget|mit)\s+liv\b|\bta\s+mitt\s+"
        r"(?:eget\s+)?liv\b|\bhaluan\s+kuolla\b|\btappaa\s+itseni\b|\bsko[nń]czy[cć]\s+ze\s+sob[aą]\b|"
        r"\bsko[nń]cz[eę]\s+ze\s+sob[aą]\b|\b(?:will|m[öo]chte)\s+ich\s+(?:nur\s+noch\s+|einfach\s+)?"
        r"sterben\b",
        not_before=_OTHER_LANGUAGE_DENIAL,
        # "quero morrer de rir", "me muero de risa": figures of speech
        not_after=r"^\s*(?:(?:à|a)\s+la\s+t[âa]che|au\s+travail)\b|"
        r"^\s*(?:de|dalle|vor|di|dal)\s+(?:rir|risa|rire|risate|lachen|vergüenza|vergonha|honte|"
        r"aburrimiento|tédio|ennui|noia|calor|frio|frío|fome|hambre|faim|lavoro|fatica|trabajo|"
        r"travail|arbeit|trabalho)\b|"
        # told as over, the writer well today ("Ich hatte vor zwei Jahren Suizidgedanken,
        # heute geht es mir gut")
        r"^[^.!?]{0,80}\b(?:heute|jetzt|ahora|hoy|aujourd'?hui|maintenant|oggi|ora|adesso|agora|hoje|"
        r"nu)\s+(?:geht\s+es\s+mir\s+(?:gut|besser)|estoy\s+bien|je\s+vais\s+(?:bien|mieux)|sto\s+"
        r"(?:bene|meglio)|estou\s+bem|gaat\s+het\s+(?:goed|beter))\b|"
        r"^[^。！？.!?]{0,40}(?:今は|もう)(?:元気|大丈夫)|^[^.!?]{0,80}(?:сейчас|теперь)\s+(?:всё|все|я)\s+"
        r"(?:хорошо|в\s+порядке)|^[^.!?]{0,80}\bteraz\s+(?:jest\s+)?(?:wszystko\s+)?(?:dobrze|ok)\b",
    ),
    _r(
        "crisis_signs_f",
        "crisis",
        "self_harm",
        True,
        # Same origin: an announced jump, extra tablets taken on purpose, fresh marks on a
        # young person's skin, empty packets with drowsiness nobody will explain.
        r"\b(?:going\s+to|gonna|about\s+to|wants?\s+to|threaten\w*\s+to|i'?ll|i\s+will|he'?ll|"
        r"she'?ll)\s+jump\b(?=\s*(?:['\"\u201d\u2019.!,;]|$|(?:off|from)\s+(?:\w+\s+){0,3}"
        r"(?:bridge|roof|cliffs?|building|balcony|window|multi[\s-]*storey|car\s+park|tower|"
        r"ledge|platform|viaduct)))|"
        r"\b(?:took|taken|take|taking|swallowed|had)\s+(?:a\s+lot|lots|loads|way|far|a\s+load|"
        r"a\s+handful|handfuls|extra|double|triple|too\s+many)\s+(?:more\s+)?(?:of\s+)?"
        r"(?:(?:my|his|her|their|the)\s+)?(?:\w+\s+)?(?:pills|tablets|meds|medication|medicines?|"
        r"painkillers|morphine|oramorph|oxycodone|oxycontin|tramadol|codeine|co-?codamol|"
        r"fentanyl|diazepam|zopiclone|paracetamol|insulin|sleeping\s+\w+)\b"
        r"(?=[^.!?]{0,60}\b(?:on\s+purpose|deliberately|intentionally|meant\s+to)\b)|"
        r"\b(?:fresh|new|deep|raw)\s+(?:\w+\s+)?(?:cuts|marks|scratches|slashes|burns)\s+"
        r"(?:on|across|up|along)\s+(?:her|his|my|their)\s+(?:\w+\s+)?(?:arms?|wrists?|thighs?|"
        r"legs?|forearms?|stomach|tummy|hips?)\b(?![^.!?]{0,30}\b(?:from|after|where|because\s+"
        r"of)\s+(?:the\s+|his\s+|her\s+|a\s+|an\s+|all\s+the\s+)?(?:\w+\s+)?(?:surgery|operation|op|"
        r"port|picc|line|cannulas?|drip|injections?|needles?|blood\s+tests?|dressings?|plasters?|"
        r"tape|rash|eczema|biopsy|drain|cat|dog|kitten|puppy|fall|bike|radiotherapy|garden\w*|"
        r"brambles|roses))|"
        r"\bempty\s+(?:\w+\s+)?(?:blister\s+packs?|pill\s+(?:bottles?|packets?|boxes)|"
        r"(?:tablet|medicine|paracetamol|painkiller)\s+(?:packets?|boxes|bottles?|strips?))\b"
        r"(?=[\s\S]{0,120}\b(?:sleepy|drowsy|won'?t\s+(?:wake|say|tell)|can'?t\s+(?:wake|keep)|"
        r"out\s+of\s+it|not\s+making\s+sense)\b)|"
        r"\b(?:won'?t|wont|will\s+not|refus\w+\s+to)\s+(?:say|tell\s+(?:me|us))\s+what\s+"
        r"(?:she|he|they)\s+(?:took|has\s+taken|'s\s+taken|swallowed|had)\b",
        personal=True,
    ),
    _r(
        "crisis_method_question",
        "crisis",
        "suicidal",
        False,
        # Same origin, with or without a person named (like crisis_means_question): an engine
        # running in a closed garage, a hose to the exhaust, "does it hurt" about a method.
        r"\b(?:car|engine|motor)\s+(?:\w+\s+)?running\s+in\s+(?:the|a|my|our)\s+(?:\w+\s+)?"
        r"garage\b|\bgarage\b[^.!?]{0,40}\b(?:engine|car)\s+(?:\w+\s+)?running\b|"
        r"\b(?:engine|car)\s+(?:on|running)\b[^.!?]{0,30}\bgarage\s+(?:door\s+)?(?:shut|closed)\b|"
        r"\bhose\w*\b[^.!?]{0,30}\bexhaust\b|\bexhaust\b[^.!?]{0,30}\bhose\b|"
        # blind X: "ive bought the hose and i'm going to do it in the car on sunday", "the belt
        # is on the door hook"
        r"\bhose(?:pipe)?\b[^.!?]{0,60}\b(?:do|end)\s+it\s+in\s+the\s+(?:car|garage)\b|"
        # blind Y: "the gas is on in the kitchen and the windows are shut. i'm so tired"
        r"\bgas\s+(?:is\s+|'s\s+)?(?:on|turned\s+on|left\s+on|running)\b(?![^.!?]{0,40}\b(?:cook\w*|"
        r"boil\w*|hob|oven|kettle|dinner|tea|heating)\b)[^.!?]{0,60}\b(?:windows?|doors?|vents?)\s+(?:are\s+"
        r"|is\s+|all\s+)?(?:shut|closed|sealed|taped)\b|"
        r"\b(?:belt|rope|cord|noose|ligature|scarf)(?:\s+is\s+|'s\s+|\s+)(?:already\s+)?(?:on|over|tied\s+"
        r"to|round|around)\s+(?:the\s+)?(?:door\s*hook|hook\s+on\s+the\s+door|door\s+handle|banisters?|"
        r"bannisters?|beam|rafters?|loft\s+hatch)\b|"
        r"\b(?:does|would|will|did)\s+it\s+hurt\b[^.!?]{0,20}\b(?:to\s+|when\s+you\s+|if\s+you\s+)?"
        r"(?:drown\w*|hang\w*|jump\w*\s+(?:off|from|in\s+front)|overdos\w*|bleed\w*\s+out|"
        r"gas\w*\s+yourself|go(?:ing)?\s+to\s+sleep\s+with)\b",
    ),
    _r(
        "crisis_means_place",
        "crisis",
        "suicidal",
        False,
        # Same origin: a means or a place named without the words (an engine running in a closed
        # garage, a cliff or a bridge with a farewell, entering water "meaning not to come
        # back"), a farewell text, letting the cancer "finish the job", calm after long low
        # weeks with possessions handed over.
        r"\b(?:meaning|intending|planning|meant|hoping|wanting|trying)\s+(?:not\s+to|never\s+to|"
        r"to\s+not|to\s+never)\s+(?:come\s+back|come\s+home|return|wake\s+up|be\s+found|"
        r"survive)\b|"
        r"\b(?:at|on|by|from|near|in)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:cliffs?|cliff\s*tops?|bridge|"
        r"viaduct|railway\s+line|train\s+tracks?|quarry)\b(?=[\s\S]{0,200}\b(?:(?:don'?t|won'?t|"
        r"no\s+longer)\s+need\s+(?:\w+\s+){0,4}(?:any\s*more|now)|goodbye|love\s+you\s+all|"
        r"sorry\s+for\s+everything|this\s+is\s+it)\b)|"
        r"\bthis\s+is\s+it\W+(?:\w+\W+){0,2}(?:love\s+you|goodbye|i'?m\s+sorry)\b|"
        r"\b(?:waiting|wait)\s+for\s+(?:the\s+)?(?:cancer|tumou?r|disease|it)\s+to\s+"
        r"(?:finish\s+(?:the\s+job|me\s+off)|take\s+me)\b|\bbeat\s+(?:the\s+)?(?:cancer|it)\s+"
        r"to\s+it\b|"
        r"\b(?:won'?t|wont|will\s+not)\s+be\s+(?:here|around)\b[^.!?]{0,60}\b(?:no\s+point|"
        r"don'?t\s+bother|pointless)\b|\b(?:no\s+point|don'?t\s+bother|pointless)\b[^.!?]{0,60}"
        r"\b(?:won'?t|wont|will\s+not)\s+be\s+(?:here|around)\b|"
        r"\b(?:calm|cheerful|peaceful|upbeat|happy)\b[^.!?]{0,40}\bafter\s+(?:weeks|months)\s+"
        r"of\s+(?:being\s+)?(?:very\s+|so\s+|really\s+)?(?:low|down|depressed|withdrawn|dark)\b|"
        r"\b(?:gave|given|giving|gives|handed|handing)\s+(?:me|us|him|her|them|my\s+\w+)\s+"
        r"(?:all\s+)?(?:of\s+)?(?:his|her|my|their)\s+(?:\w+\s+){0,2}(?:jewell?ery|rings?|"
        r"watch\w*|necklace|guitar|bank\s+cards?|passwords)\b(?=[\s\S]{0,200}\b(?:where\s+"
        r"(?:the|her|his|all\s+the)\s+(?:\w+\s+)?(?:documents|papers|will|passwords|policies|"
        r"insurance)\s+(?:are|is)|(?:strangely|suddenly|weirdly|unusually|oddly)\s+(?:calm|"
        r"peaceful|cheerful)|morphine|pills|tablets|goodbye)\b)",
        personal=True,
    ),
    # ---------------------------------------------------------------- emergency
    _r(
        "breathing",
        "emergency",
        "breathing",
        True,
        rf"\b{CANT}\s+(?:\w+\s+)?(?:breathe?|breath|catch\s+(?:my|his|her|their)\s+breath|"
        r"get\s+(?:my|his|her|any|enough|a\s+full|a\s+proper|a\s+deep)\s+breath|get\s+(?:enough\s+)?"
        r"air)\b|"
        # "it's like breathing through a straw, came on in the last hour" (blind Y)
        r"\b(?:like\s+)?breathing\s+through\s+a\s+(?:straw|pillow|wet\s+towel)\b|"
        r"\b(?:struggling|struggles|struggled|fighting|gasping|labou?ring)\s+(?:to\s+breathe?|"
        r"for\s+(?:breath|air))\b|\b(?:difficulty|trouble|problems?|hard|harder)\s+"
        r"(?:\w+\s+)?breathing\b|\b(?:hard|difficult|impossible)\s+to\s+breathe?\b|"
        r"\blips\s+(?:\w+\s+){0,2}(?:blue|grey|gray)\b|\bturning\s+blue\b|\bchoking\b|"
        r"\bcan\s+(?:barely|hardly|only\s+just)\s+breathe?\b|"
        r"\b(?:severe|severely|very|really|so|extremely|suddenly|badly|getting\s+more)\s+"
        r"(?:short\s+of\s+breath|breathless|out\s+of\s+breath)\b|"
        r"\bbreathless\s+(?:at\s+rest|sitting|lying|and)\b|\bstopped\s+breathing\b|"
        r"\bnot\s+breathing\b|"
        # "she's no longer breathing", "I'm not able to breathe properly" (found while adding
        # the symptom denial of ``_SYMPTOM_DENIED_BEFORE``)
        r"\bno\s+longer\s+breathing\b|\b(?:not|isn'?t|wasn'?t|aren'?t)\s+able\s+to\s+breathe?\b|"
        # "can barely get words out between breaths, had to type this in bits" (blind U)
        r"\b(?:words?|sentences?)\s+(?:\w+\s+){0,2}between\s+(?:breaths|gasps)\b",
        # "I can't breathe a word of this to my kids yet" (the lead's probes after blind T)
        not_after=r"^\s*a\s+word\b",
    ),
    _r(
        "breathing_personal",
        "emergency",
        "breathing",
        True,
        r"\b(?:i'?m|i\s+am|im|he'?s|she'?s|hes|shes|he\s+is|she\s+is|they'?re|(?:i|he|she)\s+"
        r"(?:feel|feels|felt|got|get|gets|getting|became|become|has\s+become))\s+(?:\w+\s+)?"
        r"(?:short\s+of\s+breath|breathless|out\s+of\s+breath|wheezing)\b",
        not_after=r"^\s*(?:when|after|climbing|on\s+the\s+stairs|walking|going\s+up|if\s+i|"
        r"sometimes|occasionally|on\s+exertion)",
    ),
    _r(
        "drowning",
        "emergency",
        "breathing",
        False,
        r"\bfeel(?:s|ing)?\s+like\s+(?:i'?m|he'?s|she'?s|i\s+am)\s+(?:drowning|suffocating|"
        r"being\s+strangled)\b|\bsuffocating\b|\bair\s+hungry\b|\bpanting\s+for\s+air\b",
        personal=True,
        # a place or a mood ("This waiting room is suffocating, so many people and no windows";
        # blind S)
        not_before=r"\b(?:room|rooms|place|ward|clinic|office|house|flat|bus|train|car|lift|heat|"
        r"atmosphere|air\s+in\s+here|it|this|that|paperwork|waiting)\s+(?:is|was|'s|feels|felt|gets)\s+"
        r"(?:so\s+|really\s+|absolutely\s+|just\s+|a\s+bit\s+|completely\s+)?$",
    ),
    _r(
        "chest_pain",
        "emergency",
        "chest_pain",
        True,
        r"\bchest\s+(?:pains?|is\s+(?:hurting|tight|crushing|painful)|hurts|tightness|pressure)\b|"
        r"\bchest\s+(?:is\s+|has\s+been\s+)?(?:really\s+|so\s+|very\s+|badly\s+)(?:hurting|aching|"
        r"tight|painful|sore)\b|"
        r"\bchest\s+(?:feels?|felt|is|has\s+gone)\s+(?:\w+\s+)?(?:tight|heavy|crushed|"
        r"painful|squeezed)\b|\b(?:sitting|pressing|pushing|standing)\s+on\s+(?:my|his|her)\s+"
        r"chest\b|"
        r"\bclutch\w*\s+(?:at\s+)?(?:his|her|my|their)\s+chest\b|"
        r"\b(?:pain|pains|tightness|pressure|crushing|squeezing)\s+(?:in|across|on)\s+"
        r"(?:my|his|her|the|their)\s+chest\b|\b(?:crushing|tight|heavy|painful)\s+chest\b|"
        r"\b(?:having|had|is\s+having|think\s+(?:i'?m|he'?s|she'?s|(?:i|he|she)\s+(?:am|is))\s+"
        r"having|having\s+had)\s+a\s+heart\s+attack\b|\bheart\s+attack\s+(?:right\s+)?now\b",
        personal=True,
        # asked as a drug's side effect ("can 5-FU cause chest pain? reading about coronary
        # vasospasm for my pharmacology module"; blind Y)
        not_before=r"\b(?:can|could|does|do|will|would)\s+(?:[\w-]+\s+){1,3}(?:cause|causes|give|"
        r"trigger|lead\s+to)\s+(?:you\s+|people\s+|patients\s+)?$",
        # nerves every time, not an event now ("my chest feels tight with nerves before every
        # scan - scanxiety!"; blind T)
        not_after=r"^[^.!?]{0,20}\b(?:with|from)\s+(?:nerves|anxiety|stress|worry)\b[^.!?]{0,30}\b"
        r"(?:before|every|each|whenever)\b",
    ),
    _r(
        "bleeding",
        "emergency",
        "bleeding",
        True,
        r"\bcough\w*\s+(?:\w+\s+){0,2}(?:up\s+)?blood\b|\bcough\w*\s+up\s+(?:\w+\s+)?blood\b|"
        r"\b(?:vomit\w*|throw\w*\s+up|threw\s+up|thrown\s+up|sick\w*|spit\w*)\s+(?:up\s+)?(?:\w+\s+)?blood\b|"
        r"\bblood\s+in\s+(?:my|his|her|the)?\s*(?:vomit|sick|sputum|phlegm)\b|"
        r"\bbleed\w*\s+(?:\w+\s+){0,4}(?:heavily|a\s+lot|badly|profusely|everywhere|non[\s-]*stop|"
        r"(?:that\s+)?won'?t\s+stop|and\s+(?:it\s+)?won'?t\s+stop)\b|"
        rf"\b(?:won'?t|will\s+not|wont|{CANT})\s+stop\s+(?:the\s+)?bleed\w*\b|"
        r"\bheavy\s+bleeding\b|\bhaemorrhag\w*|\bhemorrhag\w*|\bha?emoptysis\b|"
        r"\b(?:lots|loads|pools?|so\s+much|a\s+lot)\s+of\s+blood\b|\bpouring\s+(?:with\s+)?blood\b|"
        r"\bblack\s+(?:tarry\s+)?(?:stools?|poo|poop)\b",
        personal=True,
    ),
    _r(
        "bleeding_indirect",
        "emergency",
        "bleeding",
        False,
        r"\bcough\w*\s+up\s+(?:\w+\s+){0,2}?(?:red|pink|rusty|frothy|bloody)\s+(?:\w+\s+)?"
        r"(?:stuff|bits|phlegm|mucus|streaks?|spit|sputum|foam)\b|\bblack\s+(?:and\s+)?tarry\b|"
        r"\b(?:vomit|sick)\s+(?:\w+\s+)?(?:looks?|look)\s+like\s+coffee\s+grounds\b",
        personal=True,
    ),
    _r(
        "neutropenic",
        "emergency",
        "fever_on_treatment",
        True,
        r"\b(?:neutropenic\s+sepsis|febrile\s+neutropenia|sepsis|septic)\b",
        personal=True,
    ),
    _r(
        "fever_treatment",
        "emergency",
        "fever_on_treatment",
        True,
        rf"{FEVER}(?:[^.!?]|\.(?=\d)){{0,80}}{TREATMENT}|{TREATMENT}(?:[^.!?]|\.(?=\d)){{0,80}}{FEVER}",
        personal=True,
        # Added with blind set G as a development set: "No pain, no fever, just nervous about
        # my first chemo" (a symptom denied, not reported).
        # blind M: "My mum does NOT have a fever"
        not_before=r"\b(?:no|without|not\s+(?:a|any)|never\s+(?:had|got|ran)\s+(?:a|any))\s+$|"
        r"(?:\bnot|n't)\s+(?:have|having|got|had|run|running)\s+(?:(?:a|any)\s+)?$",
        denies=True,
    ),
    _r(
        "stroke",
        "emergency",
        "stroke",
        True,
        r"\b(?:face|mouth|smile)\s+(?:is\s+|has\s+|looks\s+)?(?:\w+\s+)?(?:drooping|droopy|"
        r"dropped|fallen|lopsided|sagging)\b|\bdroop\w*\s+(?:face|mouth|on\s+one\s+side)\b|"
        r"\bslurr\w*\s+(?:\w+\s+)?(?:speech|words|talking)\b|\bspeech\s+(?:is\s+|went\s+|"
        r"has\s+gone\s+)?slurred\b|\b(?:words|speech|talking)\s+(?:is\s+|are\s+)?slurr\w*\b|"
        r"\btalking\s+(?:all\s+)?slurred\b|"
        rf"\b{CANT}\s+(?:lift|raise|move|feel)\s+(?:my|his|her|their)\s+(?:left\s+|right\s+)?"
        r"(?:arm|arms|hand|leg|legs|face)\b|\b(?:sudden\s+)?(?:weakness|numbness|paralysis)\s+"
        r"(?:on|in|down)\s+(?:one|the\s+(?:left|right))\s+side\b|"
        r"\bone\s+side\s+of\s+(?:my|his|her|their)\s+(?:face|body)\s+(?:\w+\s+)?(?:numb|weak|"
        r"drooping|droopy|dropped|won'?t\s+move|isn'?t\s+moving|not\s+moving)\b|"
        r"\b(?:having|is\s+having|think\s+(?:\w+\s+){0,3}(?:having|had)|just\s+had|might\s+be\s+"
        r"having|showing\s+signs\s+of)\s+a\s+(?:mini[\s-]*)?stroke\b|"
        # sight lost suddenly in one eye ("sudden loss of vision in one eye and a terrible
        # headache"; blind P, held out in the refit with P)
        r"\bsudden(?:ly)?\s+(?:loss\s+of\s+(?:vision|sight)|lost\s+(?:the\s+)?(?:vision|sight)|"
        r"(?:went\s+)?blind)\s+in\s+(?:one|my|his|her|the\s+(?:left|right))\s+(?:\w+\s+)?eye\b|"
        r"\b(?:lost|losing)\s+(?:the\s+)?(?:vision|sight)\s+in\s+(?:one|my|his|her)\s+(?:\w+\s+)?eye\s+"
        r"(?:suddenly|all\s+of\s+a\s+sudden|just\s+now|this\s+(?:morning|afternoon|evening)|"
        r"an\s+hour\s+ago)\b",
        personal=True,
        not_after=r"^[^.!?]{0,40}\b(?:years?\s+ago|months\s+ago|last\s+year)",
    ),
    _r(
        "seizure",
        "emergency",
        "seizure",
        True,
        r"\b(?:having|had|is\s+having|just\s+had|in\s+the\s+middle\s+of)\s+(?:a\s+)?(?:seizure|"
        r"seizures|fit|convulsion|convulsions)\b|\b(?:seizing|convulsing|fitting)\b|"
        r"\b(?:a|another|first)\s+seizure\b|\bseizure\s+(?:right\s+)?now\b|"
        # several in a row ("he has had 3 seizures in the last hour")
        r"\b(?:\d+|two|three|four|five|several|multiple|repeated)\s+(?:seizures|fits|convulsions)\s+"
        r"(?:in\s+(?:the\s+)?(?:last|past)|today|this\s+(?:morning|afternoon|evening)|since|tonight|"
        r"in\s+a\s+row)\b",
        personal=True,
        not_after=r"^[^.!?]{0,40}\b(?:years?\s+ago|months\s+ago|last\s+year)",
    ),
    _r(
        "collapse",
        "emergency",
        "collapse",
        True,
        # (not a tumour that does not respond to a treatment: "He's unresponsive to the
        # first-line treatment"; the lead's probes after blind T)
        rf"\b(?:unresponsive|not\s+responding|not\s+reacting)\b{_NOT_TO_TREATMENT}|"
        r"\b(?:collapsed|unconscious|passed\s+out|fainted|"
        r"(?:dropped|fell|slumped|crumpled)\s+to\s+the\s+(?:floor|ground)|"
        r"won'?t\s+wake\s+up|wont\s+wake\s+up|can'?t\s+wake\s+(?:him|her|them|my\s+\w+)(?:\s+up)?)\b|"
        r"\b(?:anaphyla\w+|throat\s+(?:is\s+)?(?:swelling|closing)|swollen\s+(?:tongue|throat))\b|"
        r"\bspinal\s+cord\s+compression\b|\bsudden(?:ly)?\s+(?:very\s+)?confused\b",
        personal=True,
        # "the cakes collapsed", "our marquee collapsed": a thing, not a person
        not_before=r"\b(?:the|a|an|our|their|three|two|some|my|his|her)\s+(?:\w+\s+)?(?!(?:patient|man|"
        r"woman|lady|guy|nurse|boy|girl|baby|child|kid|person|driver|neighbou?r|son|daughter|mum|"
        r"mom|mam|dad|father|mother|husband|wife|partner|brother|sister|grandma|grandad|granddad|"
        r"grandmother|grandfather|grandson|granddaughter|nan|nana|friend|colleague|teenager|"
        r"toddler|uncle|aunt|auntie|cousin|niece|nephew|boyfriend|girlfriend|fianc\w*|mate|"
        r"flatmate|client|caller|carer|twin|stepdad|stepmum|stepmom|one|self|sibling|parent|has|had|"
        r"have|just|is|was|suddenly)s?\b)"
        r"\w+\s+(?:has\s+|had\s+|just\s+|have\s+|completely\s+|totally\s+)?$",
        not_after=r"^\s*(?:financially|emotionally|mentally|in\s+(?:tears|laughter|a\s+heap))",
    ),
    _r(
        "cant_feel_legs",
        "emergency",
        "spinal",
        True,
        rf"\b{CANT}\s+(?:feel|move|walk\s+on)\s+(?:my|his|her|their)\s+(?:legs|feet)\b|"
        r"\b(?:legs|feet)\s+(?:have\s+)?(?:gone|going|went)\s+(?:numb|weak)\b",
    ),
    _r(
        "emergency_words",
        "emergency",
        "general",
        True,
        r"\b(?:call(?:ed|ing)?|ring|dial)\s+(?:an?\s+)?(?:ambulance|999|911|112|000)\b|"
        r"\b(?:is\s+this|this\s+is|it'?s)\s+an\s+emergency\b|\bmedical\s+emergency\b",
        personal=True,
    ),
    _r(
        "emergency_more",
        "emergency",
        "general",
        True,
        r"\bcough\w*\b(?:\W+\w+){0,4}?\W+blood\b|\bblood\b(?:\W+\w+){0,3}?\W+"
        r"(?:when|if|as)\s+(?:i|he|she|they)\s+cough\w*|\b(?:bring\w*|brought)\s+up\s+blood\b|"
        r"\bgasping\b|\blike\s+(?:an?\s+)?(?:\w+\s+){0,3}on\s+(?:my|his|her|their)\s+chest\b|"
        rf"\b{CANT}\s+get\s+(?:his|her|my|their)\s+words\s+out\b|"
        r"\b(?:arm|leg|face|hand)\s+(?:is|has\s+gone|went|looks?|seems?)\s+(?:all\s+)?"
        r"(?:floppy|limp|numb|dead|droopy|weak)\b|"
        r"\b(?:really|very|boiling|burning)\s+hot\s+and\s+(?:shaking|shaky|shivery|shivering|"
        r"sweaty)\b(?=[^.!?]{0,80}\b(?:chemo\w*|immunotherapy|infusion|cycle|treatment)\b)|"
        r"\bhot\s+and\s+(?:shaking|shaky|shivery|shivering)\b",
        personal=True,
    ),
    _r(
        "fever_number",
        "emergency",
        "fever_on_treatment",
        True,
        r"\b(?:temp|temperature)\s*(?:[:=]|of|is|at|was)?\s*(?:up\s+to\s+|over\s+)?3[89]"
        rf"(?:[.,]\d)?\b(?=(?:[^!?]|\.(?=\d)){{0,80}}{TREATMENT})",
    ),
    _r(
        "bleeding_now",
        "emergency",
        "bleeding",
        True,
        r"\b(?:is|are|keeps?|started|still)\s+bleed\w*\s+(?:\w+\s+)?(?:heavily|a\s+lot|badly|"
        r"profusely|non[\s-]*stop)\b",
    ),
    _r(
        "emergency_concepts",
        "emergency",
        "general",
        True,
        r"\bcough\w*\b(?:\W+\w+){0,5}?\W+(?:blood|red|bloody)\b|\b(?:blood|red)\b(?:\W+\w+){0,4}?"
        r"\W+cough\w*|\bwent\s+stiff\b|\b(?:body|arms?|legs?)\s+(?:was\s+|were\s+|started\s+|"
        r"kept\s+)?jerk\w*|\bjerk\w*\s+(?:for\s+(?:a|about|over)|uncontrollabl\w*)|"
        r"\b(?:legs|feet)\s+(?:\w+\s+)?(?:have\s+)?(?:gone|going|went)\s+(?:numb|weak|dead)\b|"
        r"\b(?:shaking|shivering|shaky)\s+and\s+(?:freezing|cold|hot)\b(?=[^.!?]{0,80}\b(?:chemo\w*|"
        r"immunotherapy|infusion|cycle|treatment)\b)",
        personal=True,
    ),
    _r(
        "fever_words_on_treatment",
        "emergency",
        "fever_on_treatment",
        False,
        r"\b(?:on|during|after|from)\s+(?:my\s+|his\s+|her\s+)?(?:chemo\w*|immunotherapy|"
        r"treatment)\b[^.!?]{0,40}\b(?:feverish|freezing\s+cold|burning\s+up)\b|"
        r"\b(?:feverish|freezing\s+cold|burning\s+up)\b[^.!?]{0,40}\b(?:on|during|after|from)\s+"
        r"(?:my\s+|his\s+|her\s+)?(?:chemo\w*|immunotherapy|treatment)\b",
        personal=True,
    ),
    _r(
        "emergency_everyday",
        "emergency",
        "general",
        False,
        # breathing
        r"\b(?:stopping|stop|pausing|pause)\s+for\s+(?:air|breath)\b|\bbreathing\s+(?:is\s+)?"
        r"(?:really\s+|very\s+|so\s+)?(?:fast|rapid|shallow|noisy|rattly|rattling)\b|"
        # bleeding
        r"\b(?:dressing|bandage|pad|gauze|pillow|pillowcase|sheets?|towel)s?\s+(?:\w+\s+){0,4}"
        r"soaked\b|\bsoaked\s+(?:\w+\s+)?(?:red|in\s+blood|with\s+blood)\b|"
        r"\b(?:full\s+of|covered\s+in)\s+(?:bright\s+|dark\s+)?(?:red|blood)\b|"
        r"\bblood\s+everywhere\b|\bcoffee[\s-]*grounds?\b|"
        r"\b(?:heavy|heavily)\s+(?:\w+\s+)?bleed\w*|\bsoak\w*\s+(?:through\s+)?(?:a|one|the|"
        r"another)\s+(?:pad|dressing|towel|bandage)\b|"
        r"\b\w*bleed\w*\s+(?:\w+\s+){0,5}(?:won'?t|will\s+not|wont|doesn'?t|isn'?t)\s+(?:stop|"
        r"slowing)\b|\bbleed\w*\s+for\s+(?:over\s+|more\s+than\s+)?(?:an?|\d+|two|three)\s+"
        r"hours?\b|\bblood\b[^.!?]{0,60}\b(?:not|isn'?t)\s+slowing\s+down\b|"
        # stroke / confusion
        r"\b(?:words|speech|talking)\s+(?:\w+\s+){0,4}(?:jumbled|garbled|funny|strange|muddled|"
        r"nonsense)\b|\btalking\s+(?:complete\s+)?(?:nonsense|gibberish)\b|"
        r"\b(?:left|right|one)\s+side\s+(?:\w+\s+){0,2}(?:gone|went|is|feels?)\s+(?:all\s+)?"
        r"(?:heavy|numb|weak|dead|floppy)\b|\bsudden\w*\s+(?:\w+\s+){0,2}confus\w*|"
        r"\b(?:doesn'?t|does\s+not|didn'?t|don'?t)\s+know\s+(?:where\s+(?:she|he|they|i)\s+"
        r"(?:is|are|am)|what\s+(?:year|day)\s+it\s+is)\b|"
        # seizure / collapse
        r"\beyes\s+(?:\w+\s+)?rolled\s+back\b|\b(?:twitching|jerking|shaking)\s+all\s+over\b|"
        rf"\b(?:isn'?t|is\s+not|not|won'?t|wont)\s+(?:answering|responding)\b{_NOT_TO_TREATMENT}|"
        r"\bcan'?t\s+(?:rouse|wake)\b|\b(?:gone|went|is|going)\s+(?:all\s+)?floppy\b|"
        r"\bslumped\s+(?:over|in)\b|\bfell\s+down\s+and\s+(?:isn'?t|is\s+not|won'?t|can'?t)\b|"
        # chest
        r"\bsqueez\w*\s+(?:\w+\s+)?(?:my|his|her)\s+chest\b|\bchest\b[^.!?]{0,40}\b(?:spreading|"
        r"going|moving)\s+(?:up\s+|down\s+)?(?:into|to)\s+(?:my|his|her)\s+(?:jaw|left\s+arm|arm)\b",
        personal=True,
    ),
    _r(
        "emergency_everyday_c",
        "emergency",
        "general",
        False,
        r"\bblood\s+(?:is\s+)?(?:pouring|gushing|spurting|streaming)\b|\bdropped\s+like\s+a\s+"
        r"stone\b|\b(?:only\s+half|barely)\s+(?:awake|conscious)\b|\bdrifting\s+in\s+and\s+out\b|"
        r"\b(?:doesn'?t|does\s+not|didn'?t|can'?t)\s+(?:know\s+who\s+(?:i|we)\s+(?:am|are)|"
        r"recogni[sz]e\s+(?:me|us))\b[^.!?]{0,40}\b(?:since|suddenly|today|this\s+morning|"
        r"tonight|woke)\b|\b(?:passing|blacking|blacked)\s+out\b|\bkeeps?\s+fainting\b|"
        r"\bcold\s+and\s+clammy\b|\bnot\s+making\s+(?:any\s+)?sense\b[^.!?]{0,80}\b(?:sudden\w*|"
        r"came\s+on|since|this\s+(?:morning|arvo|afternoon|evening))\b|\bcan'?t\s+tell\s+me\s+"
        r"where\s+(?:she|he|they)\s+(?:is|are)\b",
        personal=True,
    ),
    _r(
        "emergency_lay_f",
        "emergency",
        "general",
        True,
        # Added when blind set F became a development set: lay wording of an immunotherapy
        # colitis (bloody or very frequent diarrhoea), an infusion reaction (flushed, blotchy,
        # can't swallow), sudden slurring or not knowing a name.
        r"\b(?:bloody|blood(?:y|\s+in\s+(?:the\s+|my\s+|his\s+|her\s+)?))\s*(?:diarrh\w+|"
        r"runs|poo\w*|stools?)\b|\bdiarrh\w+\s+(?:\w+\s+){0,2}(?:with|and|full\s+of)\s+"
        r"(?:\w+\s+)?blood\b|\bdiarrh\w+\b[^.!?]{0,40}\b(?:[6-9]|1\d|2\d|six|seven|eight|nine|"
        r"ten|eleven|twelve|fifteen|twenty)\s+times\s+(?:today|a\s+day|since|in\s+(?:the\s+)?"
        r"(?:last\s+)?\w+\s+hours|overnight|this\s+morning)\b|"
        r"\b(?:infusion|drip|chemo\s+suite|day\s+unit)\b[^.!?]{0,160}\b(?:(?:red|flushed|"
        r"blotchy|puffy)\s+and\s+(?:red|flushed|blotchy|itchy|puffy|swollen)|hives|"
        r"(?:can'?t|cannot|struggling\s+to|hard\s+to|difficult\s+to)\s+swallow|(?:itchy|"
        r"flushed|red|blotchy)\s+all\s+over|throat\s+(?:feels\s+)?(?:tight|"
        r"closing|swelling)|lips\s+(?:are\s+)?(?:swelling|swollen))\b|"
        r"\b(?:red|flushed|blotchy|puffy|hives)\b[^.!?]{0,60}\b(?:can'?t|cannot|struggling\s+to)"
        r"\s+swallow\b|"
        r"(?:\w's|\b(?:he|she|i'?m|they'?re|started|keeps?|been|is))\s+(?:suddenly\s+)?"
        r"slurring\b|\b(?:sudden\w*|out\s+of\s+(?:nowhere|the\s+blue))\s+(?:\w+\s+){0,3}"
        r"(?:can'?t|cannot|couldn'?t|"
        r"doesn'?t|didn'?t)\s+(?:remember|recogni[sz]e|know)\s+(?:my|his|her|our|me|us|who)\b",
        personal=True,
    ),
    # Added with blind set L as a development set (its misses): means hidden or described
    # without the words ("make it look natural", "put air into my own port line so everything
    # stops for good", "let me slip away peacefully"), and a parent's find ("razor blades hidden
    # in her bin").
    _r(
        "crisis_means_l",
        "crisis",
        "suicidal",
        False,
        r"\b(?:let|make|help)\s+(?:me|him|her|them)\s+(?:just\s+)?(?:slip|drift|fade)\s+away\b|"
        r"\bmake\s+it\s+(?:look|seem)\s+(?:natural|like\s+an\s+accident)\b|"
        r"\bso\s+(?:it|everything|it\s+all)\s+(?:just\s+)?(?:stops|ends)\s+(?:for\s+good|forever|"
        r"permanently)\b|\b(?:hidden|hiding|hid|stashed|stashing)\b[^.!?]{0,60}\b(?:razor\s+blades?|"
        r"razors|blades)\b|\b(?:razor\s+blades?|razors|blades)\b[^.!?]{0,40}\b(?:hidden|hiding|"
        r"hid|stashed)\b",
    ),
    # Same origin: oxygen saturation below 92% ("sats 88% on home oximeter"), breathless at
    # rest ("puffing just sitting here"), a chest that "went tight", spinal cord compression and
    # urinary retention ("new saddle numbness", "not able to pass urine at all"), and a fever
    # with the treatment in the next sentence ("thermometer says 38.7. chemo was tuesday").
    _r(
        "emergency_l",
        "emergency",
        "breathing",
        False,
        r"\b(?:sats|spo2|o2\s+sat\w*|oxygen\s+(?:sats?|saturations?|levels?))\b[^.!?%]{0,40}?"
        r"\b(?:[5-8]\d|9[01])\s*%|\b(?:[5-8]\d|9[01])\s*%\s+(?:sats|spo2|o2|oxygen)\b|"
        # "oxygen reading 84 on my finger thing and I feel awful" (blind T)
        r"\b(?:oxygen|o2|sats|spo2|oximeter|pulse\s+ox)\s+(?:reading|readings|level|levels|"
        r"sat\w*)?\s*(?:is\s+|are\s+|of\s+|at\s+|says\s+|showing\s+|shows\s+|down\s+to\s+|dropped\s+to\s+|"
        r"now\s+|only\s+|just\s+)*"
        r"(?:[5-8]\d)\b(?!\s*(?:%|years?|yrs?|mins?|minutes?|days?|hours?|bpm|kg|mg|ml|times?)\b)|"
        r"\b(?:puffing|panting|gasping|wheezing|out\s+of\s+breath|breathless)\b[^.!?]{0,15}?\b"
        r"(?:just|even)\s+(?:sitting|lying|resting|talking)\b|"
        # added after blind P: long pauses between breaths that began today ("long gaps between
        # breaths, and his skin's mottled and cold ... was fine this morning")
        r"\b(?:long\s+)?(?:gaps|pauses)\s+between\s+(?:(?:his|her|their|my)\s+)?breaths\b"
        r"(?=[\s\S]{0,150}\b(?:was\s+fine|this\s+morning|suddenly|just\s+now|an\s+hour\s+ago)\b)",
        personal=True,
    ),
    _r(
        "emergency_l_chest",
        "emergency",
        "chest_pain",
        False,
        r"\bchest\s+went\s+(?:all\s+|really\s+|very\s+)?(?:tight|heavy)\b",
        personal=True,
    ),
    _r(
        "emergency_l_spinal",
        "emergency",
        "spinal",
        False,
        r"\bsaddle\s+(?:numbness|anaesthesia|anesthesia|area\s+(?:is\s+|has\s+gone\s+|went\s+)?"
        r"(?:numb|tingl\w*))\b|\bnumb\w*\s+(?:in|around)\s+(?:the|my|his|her)\s+saddle\b|"
        rf"\burinary\s+retention\b|\b(?:{CANT}|not\s+able\s+to)\s+(?:pass\s+(?:urine|water)|pee|"
        r"wee|urinate)\s+(?:at\s+all|since|for\s+(?:\d+|hours|a\s+day|the\s+last))\b",
        personal=True,
    ),
    _r(
        "emergency_l_fever",
        "emergency",
        "fever_on_treatment",
        False,
        rf"{FEVER}(?:[^.!?]|\.(?=\d)){{0,60}}[.!?]\s*(?:my\s+|his\s+|her\s+|last\s+|the\s+)?"
        r"(?:chemo|infusion|immunotherapy|cycle)\w*\s+(?:was|on|yesterday|last|this|\d|and\s+chemo|"
        r"combo|combination)",
        personal=True,
    ),
    # Added after blind N, from the lead's own probes of explicit emergencies: the worst
    # headache of one's life or a sudden one, and an accidental overdose.
    _r(
        "emergency_headache_overdose",
        "emergency",
        "emergency_other",
        True,
        r"\b(?:worst|most\s+severe)\s+headache\s+(?:of\s+(?:my|his|her|their)\s+life|"
        r"(?:i|he|she|they)(?:'?ve|'?s|\s+have|\s+has)\s+ever\s+had|ever)\b|"
        r"\bheadache\b[^.!?]{0,30}\bworst\s+(?:of\s+(?:my|his|her|their)\s+life|ever)\b|"
        r"\b(?:sudden|thunderclap)\s+(?:\w+\s+)?headache\b|"
        r"\boverdos\w*\b[^.!?]{0,40}(?<!not\s)\b(?:by\s+mistake|by\s+accident)\b|"
        r"\baccident(?:al|ally)\s+(?:\w+\s+)?overdos\w*",
        personal=True,
    ),
    # Added after blind N, from the lead's own probes of crisis wording: a noose or a rope
    # made ready, a car to be driven into a wall, a large number of tablets taken.
    _r(
        "crisis_probe_n",
        "crisis",
        "suicidal",
        False,
        r"\b(?:tied|made|bought|got|have|has|put\s+up)\s+(?:a|the)\s+noose\b|\bnoose\s+(?:is\s+)?"
        r"(?:ready|up|tied|in\s+the)\b|\b(?:a|the)\s+rope\s+(?:is\s+)?(?:ready|tied\s+up|in\s+the\s+"
        r"(?:loft|garage|shed|attic))\b|\bhave\s+(?:a|the)\s+rope\s+ready\b|"
        r"\b(?:drive|driving|crash|crashing|steer|steering)\s+(?:my|the|his|her|our)\s+car\s+"
        r"(?:\w+\s+)?(?:into|off)\s+(?:a|the)\s+(?:\w+\s+)?(?:wall|tree|bridge|cliff|river|lorry|"
        r"truck|motorway|quarry|sea|lake)\b|"
        r"\b(?:took|taken|swallowed|had)\s+(?:about\s+|around\s+|over\s+|like\s+)?(?:[2-9]\d|1\d\d|"
        r"twenty|thirty|forty|fifty|sixty|a\s+hundred)\s+(?:of\s+(?:my|his|her|the)\s+)?(?:\w+\s+)?"
        rf"{_MEANS}\b",
        personal=True,
        # a count over time or as prescribed ("took 20 tablets over the last week as prescribed")
        not_after=r"^[^.!?]{0,40}\b(?:over|across|during|in)\s+(?:the\s+)?(?:last|past|a|one|two|three|"
        r"four|\d+)\s+(?:weeks?|months?|days|cycles?)\b|^[^.!?]{0,40}\b(?:as\s+prescribed|a\s+day|per\s+"
        r"day|daily|each\s+day|every\s+day|a\s+week|per\s+week|a\s+month|since\s+(?:the|my|his|her)\s+"
        r"(?:diagnosis|operation|surgery)|in\s+total|altogether\s+(?:over|since))\b",
    ),
    # Added with blind set N as a development set. Emergencies written in Spanish, French,
    # German or Italian ("Tengo fiebre de 38.7 y estoy en quimioterapia"): a fever on chemo,
    # not being able to breathe, chest pain, unconsciousness.
    _r(
        "emergency_n_languages",
        "emergency",
        "emergency_other_language",
        True,
        rf"\b{_FEVER_WORD}\b{_NEAR}\b{_CHEMO_WORD}\w*|\b{_CHEMO_WORD}\w*{_NEAR}\b{_FEVER_WORD}\b|"
        rf"\b{_FEVER_NUMBER}{_NEAR}\b{_CHEMO_NOT_ENGLISH}\w*|\b{_CHEMO_NOT_ENGLISH}\w*{_NEAR}\b"
        rf"{_FEVER_NUMBER}|"
        r"\bno\s+(?:puedo|puede|podemos)\s+respirar\b|\bn'?arrive\s+(?:plus|pas)(?:\s+pas)?\s+(?:à|a)\s+"
        r"respirer\b|\bne\s+(?:peux|peut)\s+(?:plus\s+|pas\s+)+respirer\b|\bkann\s+(?:nicht|kaum)\s+"
        r"(?:mehr\s+)?atmen\b|\b(?:bekomme|bekommt|kriege|kriegt)\s+keine\s+luft\b|\bnon\s+riesc[eo]\s+"
        r"(?:più\s+)?a\s+respirare\b|\bdolor\s+(?:\w+\s+)?(?:en\s+el|de|del)\s+pecho\b|\bdouleurs?\s+"
        r"(?:\w+\s+)?(?:(?:à|a|dans)\s+la|de)\s+poitrine\b|\bbrustschmerz\w*|\bschmerzen\s+in\s+der\s+"
        r"brust\b|\bdolore\s+(?:\w+\s+)?(?:al|nel)\s+petto\b|\b(?:está|esta|est|ist|è)\s+"
        r"(?:inconsciente?|bewusstlos|svenut[oa])\b|\bperdi[oó]\s+el\s+"
        r"conocimiento\b|\ba\s+perdu\s+connaissance\b|"
        # Added after blind N: Portuguese and Dutch (their fever words are in _FEVER_WORD)
        r"\bnão\s+(?:consigo|consegue)\s+respirar\b|"
        r"\bdor\s+(?:\w+\s+)?no\s+peito\b|\bkan\s+(?:niet|nauwelijks)\s+(?:meer\s+)?ademen\b|"
        r"\bpijn\s+op\s+de\s+borst\b|\bbewusteloos\b|"
        # added after blind P: a seizure or no response ("Mein Mann hat gerade einen
        # Krampfanfall und reagiert nicht")
        r"\bkrampfanfall\w*|\bkrampft\b|\bepileptische[nr]?\s+anfall\b|\bconvulsion(?:e|es|s)?\b|"
        r"\bconvulsionando\b|\bconvulsioni\b|\bcrisi\s+epilettica\b|\bcrise\s+d'?[ée]pilepsie\b|"
        r"\bcrisis\s+epil[ée]ptica\b|\bepileptische\s+aanval\b|"
        # (not a tumour that does not respond to a treatment: "El tumor no responde a la
        # quimioterapia", "Der Tumor reagiert nicht auf die Chemo"; the lead's probes after
        # blind T)
        r"\b(?:reagiert\s+nicht(?:\s+mehr)?|ne\s+r[ée]pond\s+plus|no\s+responde|non\s+risponde|"
        rf"reageert\s+niet|n[ãa]o\s+responde|no\s+reacciona)\b{_NOT_TO_TREATMENT}|"
        r"化疗[^。！？.!?]{0,30}(?:发烧|发热|体温\s*(?:3[89]|4[01])|发抖)|(?:发烧|发热|体温\s*(?:3[89]|4[01]))"
        r"[^。！？.!?]{0,30}化疗|"
        # added with blind Q as a development set: French, Italian, Spanish, German, Hindi
        # (Latin letters), Chinese and Japanese ("ne respire presque plus", "sta vomitando
        # sangue", "la cara torcida y no puede hablar", "hustet gerade hellrotes Blut", "saans
        # nahi aa rahi", "突然昏倒了，叫不醒", "意識がなくて、呼吸がおかしい")
        r"\bne\s+respire\s+(?:presque\s+)?plus\b|\b(?:sta\s+)?vomit(?:ando|a)\s+sangue\b|"
        r"\bvomitando\s+sangre\b|\bcara\s+(?:torcida|ca[ií]da)\b|\bno\s+puede\s+hablar\b|"
        r"\bhustet\s+(?:\w+\s+){0,2}blut\b|\bblut\s+(?:ge)?hust\w*|\bsaans\s+(?:nahi|nahin|nhi)\s+"
        r"(?:aa|le\s+pa)\s*(?:rahi|raha|rahe)\b|"
        r"昏倒|昏迷|叫不醒|呼吸困难|喘不过气|意識がな|呼吸が(?:おかしい|苦しい|止)|息ができない|"
        # added from the lead's probes before blind R's first run: coughing or spitting blood
        # in Spanish, not breathing in Polish, Russian, Arabic and Turkish, a fever after
        # chemotherapy in Polish ("Mam gorączkę 39 stopni po chemii", "Не могу дышать")
        r"\b(?:tosiendo|toso|tose|escupiendo|escupe|escupo)\s+sangre\b|\bnie\s+(?:mog[eę]|mo[zż]e)\s+"
        rf"(?:z[lł]apa[cć]\s+)?oddycha[cć]\b|\bgor[aą]czk\w*{_NEAR}\bchemi\w*|\bchemi\w*{_NEAR}\bgor[aą]czk\w*|"
        r"не\s+(?:могу|может)\s+дышать|задыхаюсь|задыхается|لا\s+(?:أستطيع|أقدر|يستطيع)\s+(?:أن\s+)?"
        r"(?:التنفس|أتنفس|يتنفس)|ما\s+(?:أقدر|اقدر)\s+أتنفس|\bnefes\s+alam[ıi]yor\w*|"
        # chest pain in Polish, a fever after chemotherapy in Russian ("Mój tata ma silny ból w
        # klatce piersiowej", "У мамы температура 39 после химии"; the same probes)
        r"\bb[oó]l\w*\s+(?:\w+\s+)?w\s+klatce\s+piersiowej\b|(?:температур\w*|жар)"
        r"[^.!?]{0,40}химиотерап\w*|(?:температур\w*|жар)[^.!?]{0,40}химии|химии?\w*[^.!?]{0,40}"
        r"(?:температур\w*\s+(?:3[89]|4[01])|жар)|"
        # the lead's second round of probes: fainted and not waking, coughing blood, a drooping
        # mouth, bleeding that will not stop, unconscious, in Spanish, French, German, Italian,
        # Portuguese, Polish, Russian, Chinese, Japanese and Turkish ("Mi madre se ha desmayado y
        # no despierta", "Ma mère crache du sang", "Tata stracił przytomność", "爸爸一直吐血")
        r"\bse\s+(?:ha\s+)?desmay(?:[óo]|ado)\b|\bno\s+(?:se\s+)?despierta(?=\s*(?:[.,;!?]|$|y\b|ni\b))|"
        r"\bdesmaiou\b|\bn[ãa]o\s+acorda(?=\s*(?:[.,;!?]|$|e\b|nem\b))|\bs'est\s+[ée]vanou\w*|\bne\s+se\s+r[ée]veille\s+pas\b|"
        r"\b(?:crach|touss)(?:e|ent|ait|é)\s+du\s+sang\b|\b(?:tosse|sputa)\s+sangue\b|"
        r"\bh[äa]ngende[nrs]?\s+mundwinkel\b|\bmundwinkel\s+h[äa]ngt\b|\bkann\s+(?:pl[öo]tzlich\s+)?"
        r"(?:nicht|kaum)\s+mehr\s+sprechen\b|\bstarke\s+blutung\b|\bblutet\s+(?:sehr\s+)?(?:stark|heftig)\b|"
        r"\bsanguin\w*\s+(?:tantissimo|moltissimo|molto|tanto|senza\s+sosta)\b|\bsangr(?:a|ando)\s+(?:much[oí]simo|mucho|muito|sin\s+parar|sem\s+parar)\b|"
        r"\bsaigne\s+(?:beaucoup|[ée]norm[ée]ment|abondamment|sans\s+arr[êe]t)\b|"
        r"\bstraci[lł]\w*\s+przytomno[sś][cć]\b|\bnieprzytomn\w*|потерял\w*\s+сознание|без\s+сознания|"
        r"吐血|咳血|喀血|大出血|顔が(?:ゆがん|歪ん)|ろれつが回らな|\bbay[ıi]ld[ıi]\b|\buyanm[ıi]yor\b|"
        # added with blind S as a development set: Hindi in Devanagari (breathing hard, chest
        # pain), blue lips and a sentence not finished for breath in Spanish, slurred speech and
        # a drooping mouth in Dutch, pink frothy sputum and barely breathing in Polish, black
        # stools with dizziness in Turkish, rigors or heat after the chemotherapy drip in
        # Japanese ("Mijn vader praat ineens onduidelijk en zijn mond hangt scheef", "Mój tata
        # kaszle różową pianą", "Babamın dışkısı simsiyah ve başı dönüyor")
        r"साँस\s*(?:लेने\s*में\s*)?(?:बहुत\s*)?(?:तकलीफ|दिक्कत|परेशानी)|साँस\s*नहीं\s*(?:आ|ले)|सांस\s*(?:लेने\s*में\s*)?"
        r"(?:बहुत\s*)?(?:तकलीफ|दिक्कत)|सीने\s*में\s*(?:तेज़?\s*)?दर्द|छाती\s*में\s*(?:तेज़?\s*)?दर्द|"
        r"\blabios\s+(?:morados|azules|azulados)\b|\bl[àa]bios\s+(?:roxos|azuis)\b|\bl[èe]vres\s+bleues\b|"
        r"\b(?:no\s+puede|no\s+puedo)\s+terminar\s+(?:una|la)\s+frase\b|"
        r"\bpraat\s+(?:ineens|opeens|plotseling)\s+(?:onduidelijk|raar|brabbel\w*)\b|\bmond\s+hangt\s+"
        r"(?:scheef|naar\s+beneden)\b|\bscheve\s+mond\b|"
        r"\br[oó][zż]ow\w*\s+pian\w*|\bledwo\s+(?:[lł]apie|oddycha)\b|"
        r"\bd[ıi][sş]k[ıi]s[ıi]\s+(?:sim)?siyah\b|\bsimsiyah\s+d[ıi][sş]k[ıi]|"
        r"(?:抗がん剤|化学療法|点滴)[^。！？.!?]{0,30}(?:震えが止まら|寒気が止まら|熱が(?:3[89]|4[01])|体が(?:すごく|とても)?熱い)|"
        # added with blind T as a development set: no air in Dutch and the Scandinavian
        # languages ("Ik krijg geen lucht"), bleeding that will not stop and a haemorrhage in
        # Polish ("krwotok z nosa od godziny i nie przestaje"), bluish lips in Italian, German,
        # Dutch, Polish and Portuguese, gasping between words in Italian, spitting bright red
        # in Portuguese and Spanish, legs that will not move or numbness of the seat in
        # German, Spanish, French, Italian, Dutch and Portuguese (spinal cord compression), a
        # throat closing in six languages
        r"\bkrij(?:g|gt)\s+(?:bijna\s+|echt\s+)?geen\s+(?:lucht|adem)\b|\bkan\s+inte\s+andas\b|"
        r"\bf[åa]r\s+(?:inte|ingen|ikke)\s+(?:n[åa]gon\s+)?luft\b|\bkan\s+ikke\s+(?:puste|tr[æa]kke\s+"
        r"vejret)\b|\bkrwotok\w*|\bkrwawi\w*(?:[^.!?]){0,60}\bnie\s+(?:przestaje|ustaje|da\s+si[eę]\s+"
        r"zatrzyma[cć])\b|"
        r"\blabbra\s+(?:[\w']+\s+){0,4}(?:blu|bluastre|viola|violacee|cianotiche)\b|\bblaue\s+"
        r"lippen\b|\blippen\s+(?:sind\s+|zijn\s+|worden\s+|werden\s+)?(?:ganz\s+|helemaal\s+)?"
        r"(?:blau|bl[äa]ulich|blauw|blauwig)\b|\bblauwe\s+lippen\b|\bsine\s+usta\b|\busta\s+(?:s[aą]\s+)?"
        r"sine\b|\bl[áa]bios\s+(?:\w+\s+)?(?:arroxeados|azulados)\b|"
        r"\bsenza\s+fermarsi\s+(?:a|per)\s+(?:prendere\s+(?:aria|fiato)|respirare)\b|"
        r"\b(?:cuspir|cuspindo|cospe|cuspiu|escupir|escupiendo|escupe)\s+(?:\w+\s+)?(?:vermelho|rojo)"
        r"\s+vivo\b|"
        r"\b(?:kann|k[öo]nnen|kan)\s+(?:meine|seine|ihre|mijn|zijn|haar)\s+(?:beine|benen)\s+(?:kaum|"
        r"nicht|niet|nauwelijks)\s+(?:mehr\s+|meer\s+)?(?:bewegen)\b|\bsp[üu]re?\s+(?:\w+\s+)?nichts\s+"
        r"mehr\s+(?:im|in\s+den|am|an\s+den)\s+(?:ges[äa](?:ß|ss)\w*|beinen|po|intimbereich|"
        r"reithose\w*)\b|\bno\s+(?:puedo|puede)\s+mover\s+las\s+piernas\b|\bne\s+(?:peux|peut)\s+"
        r"plus\s+bouger\s+les\s+jambes\b|\bnon\s+riesc[eo]\s+(?:più\s+)?a\s+muovere\s+le\s+gambe\b|"
        r"\bn[ãa]o\s+(?:consigo|consegue)\s+(?:mexer|mover)\s+as\s+pernas\b|"
        r"\bgola\s+(?:che\s+)?si\s+(?:chiude|stringe)\b|\bse\s+me\s+(?:est[áa]\s+)?cerr(?:a|ando)\s+la\s+"
        r"garganta\b|\bgorge\s+(?:qui\s+)?se\s+(?:ferme|serre)\b|\bhals\s+(?:schn[üu]rt\s+sich\s+zu|"
        r"schwillt\s+zu)\b|\bkeel\s+(?:zwelt\s+dicht|gaat\s+dicht|sluit\s+zich)\b|\bgarganta\s+(?:a\s+"
        r"fechar|fechando|est[áa]\s+a\s+fechar)\b",
        # denied ("no tengo fiebre", "pas de fièvre") or told as over ("J'ai eu une fièvre
        # pendant la chimio en 2020, tout va bien maintenant")
        # or asked about for information ("des informations sur la fièvre ... pour un dépliant")
        not_before=r"\b(?:no|sin|pas\s+de|sans|kein|keine|keinen|senza|non\s+ha|sem|geen|j'?ai\s+eu|a\s+eu|tive|teve|"
        r"informations?\s+sur|información\s+sobre|informação\s+sobre|informationen\s+(?:über|zu)|"
        r"informazioni\s+su\w*|informatie\s+over|pregunta\s+sobre|question\s+sur|"
        r"tuve|tuvo|hatte|ho\s+avuto|ha\s+avuto|avevo|aveva|had|hadden|бывает\s+ли|может\s+ли|"
        r"czy\s+(?:mo[zż]e|bywa))\s+(?:\w+\s+){0,3}$|"
        # a question about the symptom in general (the lead's probes after blind U: "¿Es
        # normal tener dolor en el pecho con la radioterapia?")
        rf"\b(?:{_OTHER_LANGUAGE_QUESTION})\b[^.!?]{{0,60}}$",
        not_after=_OTHER_LANGUAGE_OVER,
    ),
    _r(
        "crisis_languages",
        "crisis",
        "suicidal",
        True,
        r"\b(?:" + "|".join(_CRISIS_LANGUAGES) + r")",
        not_before=_OTHER_LANGUAGE_DENIAL,
        # told as over, as for crisis_other_language
        not_after=r"^[^.!?]{0,80}\b(?:heute|jetzt|ahora|hoy|aujourd'?hui|maintenant|oggi|ora|adesso|"
        r"agora|hoje|nu|teraz)\s+(?:geht\s+es\s+mir\s+(?:gut|besser)|estoy\s+bien|je\s+vais\s+(?:bien|"
        r"mieux)|sto\s+(?:bene|meglio)|estou\s+bem|gaat\s+het\s+(?:goed|beter)|(?:jest\s+)?"
        r"(?:wszystko\s+)?dobrze)\b",
    ),
    _r(
        "emergency_languages",
        "emergency",
        "emergency_other_language",
        True,
        r"\b(?:" + "|".join(_EMERGENCY_LANGUAGES) + r")",
        not_before=r"\b(?:no|sin|pas\s+de|sans|kein|keine|keinen|senza|non\s+ha|sem|geen|nie\s+ma|"
        r"j'?ai\s+eu|a\s+eu|tive|teve|tuve|tuvo|hatte|ho\s+avuto|ha\s+avuto|avevo|aveva|had|"
        r"hadden|mia[lł]\w*)\s+(?:\w+\s+){0,3}$|"
        # a question about the symptom in general ("¿Es normal ...?", "Est-ce grave si ..."), or
        # what to do about it
        rf"\b(?:{_OTHER_LANGUAGE_QUESTION}|was\s+tun|que\s+faire|qu[ée]\s+hacer|che\s+fare|o\s+que\s+"
        r"fazer|wat\s+te\s+doen|cos'?\s*[èe]|co\s+to)\b[^.!?]{0,60}$|\bczy\b[^.!?]{0,40}$",
        not_after=_OTHER_LANGUAGE_OVER,
    ),
    # Same origin: a clinician's shorthand for an acutely unwell patient asked together with a
    # pathway question ("GCS dropping ... pupils unequal", "HR 140, BP 80/45 ... peripheries
    # cold"): a falling GCS, unequal pupils, a systolic pressure below 90.
    _r(
        "emergency_n_signs",
        "emergency",
        "acute_signs",
        False,
        r"\bgcs\s+(?:is\s+|has\s+)?(?:dropping|falling|dropped|fallen|fell|down|deteriorat\w*)\b|"
        r"\bpupils?\s+(?:are\s+|now\s+)?(?:unequal|fixed|blown|asymmetric\w*)\b|"
        r"\bunequal\s+pupils\b|\b(?:bp|blood\s+pressure)\s*(?:is\s+|of\s+|now\s+|[:=]\s*)?"
        r"(?:[4-8]\d)\s*/\s*\d{2,3}\b",
        not_before=r"\b(?:if|when|whether|usual|normal|baseline|was)\s+(?:\w+\s+){0,3}$",
    ),
    # Same origin: means and a plan told without the words ("I've worked out how and when",
    # "What's the most reliable way to end it?", "I've made arrangements. This is my last
    # email"), burns or cuts in neat rows on a young person's arms (a goodbye letter and all
    # the pills in other languages moved to crisis_other_language_signs with blind O).
    _r(
        "crisis_n",
        "crisis",
        "suicidal",
        False,
        r"\bthoughts\s+of\s+ending\s+(?:anything|everything)\b|"
        r"\b(?:worked|figured|thought|planned)\s+out\s+(?:exactly\s+)?(?:the\s+)?how\s+and\s+"
        r"(?:the\s+)?when\b(?!\s+to\b)|\b(?:most\s+reliable|surest|quickest|fastest|most\s+certain|"
        r"least\s+painful|painless)\s+way\s+to\s+(?:end\s+it|end\s+things|go|do\s+it|not\s+wake\s+"
        rf"up)\b{_GO_SOMEWHERE}|"
        r"\b(?:made|making|sorted)\s+(?:(?:all|my|the)\s+)?(?:final\s+)?arrangements\b"
        r"(?=[^.!?]{0,10}[.!?]?[^.!?]{0,60}\blast\s+(?:email|message|post|text|letter|note)\b)|"
        r"\b(?:burns|cuts|scratches|marks|scars)\s+(?:\w+\s+){0,2}(?:on|all\s+over|up)\s+(?:his|"
        r"her|their|my)\s+(?:arms?|wrists?|thighs?|legs?|stomach)\b(?:(?!\bfrom\s+(?:eczema|psoriasis|"
        r"radio\w*|radiation|surgery|the\s+op\w*|a\s+rash|scratching|the\s+(?:cat|dog)))[^.!?]){0,80}"
        r"\b(?:neat\s+)?"
        r"(?:rows|lines|parallel)\b",
    ),
    # Signs told in Spanish, French, German or Italian: a goodbye letter, all the pills (moved
    # from crisis_n with blind O as a development set, so that the English-only layer may not
    # veto them: ``_OTHER_LANGUAGE_RULES``), and from O's Spanish miss things given away,
    # letters for the children, a goodbye tonight, the pills at hand ("ya regalé mis cosas y
    # escribí cartas para mis hijos. esta noche me despido, ya tengo las pastillas").
    _r(
        "crisis_other_language_signs",
        "crisis",
        "suicidal",
        False,
        r"\b(?:cartas?\s+de\s+despedida|lettres?\s+d'?adieu|abschiedsbrie\w*|letter[ae]\s+(?:d'?|di\s+)"
        r"addio|afscheidsbrie\w*)\b(?![^.!?]{0,60}\b(?:trabajo|compañeros|colegas|jubil\w*|travail|"
        r"coll[èe]gues|retraite|arbeit|kollegen|ruhestand|lavoro|colleghi|pensione|trabalho|colegas|"
        r"aposentadoria|werk|collega'?s|pensioen)\b)|"
        # gone by tomorrow (the lead's second round of probes: "Mañana ya no estaré aquí",
        # "Demain je ne serai plus là", "Morgen bin ich nicht mehr da"), not when away
        # the time last ("Je ne serai plus là demain"; blind R)
        r"\bje\s+ne\s+serai\s+plus\s+l[àa]\s+(?:demain|ce\s+soir|bient[ôo]t)\b|\bya\s+no\s+estar[ée]\s+"
        r"(?:aqu[ií]\s+)?(?:ma[ñn]ana|esta\s+noche)\b|\bich\s+bin\s+(?:morgen|bald)\s+nicht\s+mehr\s+"
        r"(?:da|hier)\b(?![^.!?]{0,60}\b(?:urlaub|reise|b[üu]ro|arbeit|krankenhaus|klinik|hause)\b)|"
        r"\b(?:ma[ñn]ana|pronto)\s+ya\s+no\s+estar[ée]\s+(?:aqu[ií]|aca|acá)\b(?![^.!?]{0,60}\b(?:viaje|"
        r"vacaciones|oficina|trabajo|hospital|casa)\b)|\b(?:demain|bient[ôo]t)\s+je\s+ne\s+serai\s+plus\s+"
        r"l[àa]\b(?![^.!?]{0,60}\b(?:vacances|voyage|bureau|travail|h[ôo]pital|maison)\b)|\bmorgen\s+bin\s+"
        r"ich\s+nicht\s+mehr\s+(?:da|hier)\b(?![^.!?]{0,60}\b(?:urlaub|reise|b[üu]ro|arbeit|"
        r"krankenhaus|klinik|hause)\b)|"
        r"\b(?:tomar|tomarse|tomarme)\s+todas\s+las\s+(?:pastillas|pildoras|píldoras)\b"
        r"(?![^.!?]{0,40}\b(?:antes|despu[ée]s|cena|cenar|pastillero|como\s+siempre)\b)|"
        r"\balle\s+(?:seine|ihre|meine)?\s*(?:tabletten|pillen)\s+(?:\w+\s+)?(?:gesammelt|gehortet)\b|"
        r"\b(?:regalé|regale|he\s+regalado|regalando|regaló)\s+(?:todas\s+)?(?:mis|sus)\s+cosas\b|"
        r"\b(?:esta\s+noche|hoy|mañana)\s+me\s+despido\b|\bme\s+despido\s+para\s+siempre\b|"
        r"\bya\s+tengo\s+(?:las\s+pastillas|la\s+cuerda|el\s+veneno)\b|"
        r"\b(?:j'?ai\s+donné|je\s+donne)\s+toutes\s+mes\s+affaires\b|\bce\s+soir\s+je\s+"
        r"(?:vous\s+)?dis\s+adieu\b|"
        # added from the lead's probes after blind T (10 of 16 indirect statements in other
        # languages missed): everyone better off without the writer in seven languages ("Sería
        # mejor para todos si yo no estuviera"), an end set for tonight ("Esta noche todo
        # terminará", "Ce soir tout sera fini"), enough tablets or morphine gathered
        r"\b(?:ser[íi]a|estar[íi]an)\s+mejor\s+[^.!?]{0,30}\b(?:si\s+yo\s+no\s+(?:estuviera|existiera)|"
        r"sin\s+m[íi])\b|\b(?:serait|seraient)\s+mieux\s+[^.!?]{0,30}\b(?:si\s+je\s+n'?[ée]tais\s+"
        r"plus\s+l[àa]|sans\s+moi)\b|\b(?:w[äa]re|w[äa]ren)\s+(?:es\s+)?besser\s+[^.!?]{0,30}\b(?:wenn\s+"
        r"ich\s+nicht\s+mehr\s+(?:da|hier)\s+w[äa]re|ohne\s+mich)\b|\b(?:sarebbe|sarebbero|"
        r"starebbero)\s+meglio\s+[^.!?]{0,30}\b(?:se\s+non\s+ci\s+fossi\s+più|senza\s+di\s+me)(?!\w)|"
        r"\b(?:seria|estariam)\s+melhor\s+[^.!?]{0,30}\b(?:se\s+eu\s+n[ãa]o\s+(?:estivesse|existisse)|"
        r"sem\s+mim)\b|\b(?:zou|zouden)\s+(?:het\s+)?beter\s+[^.!?]{0,30}\b(?:als\s+ik\s+er\s+niet\s+"
        r"meer\s+(?:was|zou\s+zijn|ben)|zonder\s+mij)\b|\b(?:lepiej|lepsze)\s+[^.!?]{0,30}\bbeze\s+"
        r"mnie\b|\bbeze\s+mnie\s+(?:wszystkim\s+)?(?:by[lł]oby|b[eę]dzie)\s+lepiej\b|"
        r"\besta\s+noche\s+(?:todo\s+(?:terminar[áa]|acabar[áa]|se\s+acaba)|se\s+acaba\s+todo)\b|"
        r"\bce\s+soir\s+tout\s+sera\s+(?:fini|termin[ée])\b|\bheute\s+nacht\s+(?:ist|wird)\s+alles\s+"
        r"vorbei\b|\bstanotte\s+(?:sar[àa]\s+tutto\s+finito|finisce\s+tutto)\b|\b(?:stasera|stanotte)\s+"
        r"basta(?=\s*(?:[.!;]|$))|\b(?:esta\s+noite|hoje\s+[àa]\s+noite)\s+(?:tudo\s+(?:acaba|termina)|acabo\s+com\s+"
        r"(?:isto|tudo))\b|\bvannacht\s+is\s+het\s+(?:voorbij|afgelopen)\b|"
        r"\bgenug\s+(?:tabletten|morphium|morphin|pillen|schlaftabletten)\s+(?:\w+\s+){0,2}(?:gesammelt|"
        r"gehortet|zusammen)\b|\bum\s+nicht\s+mehr\s+aufzuwachen\b|\bgenoeg\s+(?:pillen|tabletten|"
        r"morfine|slaappillen)\s+(?:\w+\s+){0,2}(?:verzameld|gespaard|opgespaard)\b|\b(?:guardadas|"
        r"ahorradas|acumuladas|juntadas)\s+(?:suficientes\s+|todas\s+(?:las\s+)?)?(?:pastillas|"
        r"p[íi]ldoras)\b|\bpara\s+no\s+(?:volver\s+a\s+)?despertar(?:me)?\b(?!\s+(?:a|al|temprano|"
        r"sospechas|dudas|preocupaci\w*|alarma|inter[ée]s|miedo|nada)\b)|"
        r"\b(?:guardei|juntei|acumulei)\s+(?:todos\s+os\s+|muitos\s+)?(?:comprimidos|rem[ée]dios)\b|"
        r"\bmesso\s+da\s+parte\s+(?:tutte\s+le\s+)?(?:compresse|pastiglie|pillole)\b|\bmis\s+de\s+"
        r"c[ôo]t[ée]\s+(?:assez\s+de\s+|toutes\s+mes\s+|tous\s+mes\s+)?(?:comprim[ée]s|m[ée]dicaments|"
        r"morphine|cachets)\b|\b(?:zbiera[lł]\w*|odk[lł]ada[lł]\w*|uzbiera[lł]\w*|zebra[lł]\w*)\s+"
        r"(?:\w+\s+)?"
        r"tabletki\b|"
        # added with blind W as a development set: a letter left and all the sleeping tablets at
        # hand in Polish, sleeping pills gathered and all taken tonight in Dutch, a gun taken or
        # hidden with "you won't see me again" in Spanish and "tomorrow it all ends" in
        # Portuguese, everyone soon at peace from her and a stash of tablets in Polish
        r"\bzostawi[lł]\w*\s+list\s+(?:po[zż]egnalny|dla)\b|\bwszystkie\s+tabletki\s+(?:\w+\s+)?przy\s+"
        r"sobie\b|\bnie\s+dam\s+rady\s+d[lł]u[zż]ej\b|\bzapas\s+tabletek\b|\bb[eę]d[aą]\s+mieli\s+"
        r"(?:ode?\s+(?:niej|niego|mnie)\s+)?spok[oó]j\b|"
        r"\b(?:slaappillen|pillen|tabletten|medicijnen)\s+(?:\w+\s+)?(?:verzameld|gespaard|opgespaard)\b|"
        r"\bvanavond\s+neem\s+ik\s+ze\s+(?:allemaal|alle)\b|"
        r"\bya\s+no\s+me\s+(?:vais|van|vas|vas\s+a)\s+(?:a\s+)?ver\s+m[áa]s\b|\b(?:se\s+ha\s+llevado|se\s+llev[óo]|"
        r"cogi[óo]|escondi[óo])\s+(?:la|una)\s+(?:escopeta|pistola|arma)\b|"
        r"\bamanh[ãa]\s+(?:acaba|termina)\s+tudo\b|\b(?:escondeu|guardou|levou)\s+(?:a|uma)\s+(?:arma|"
        r"pistola|espingarda)\b|"
        # added with blind X as a development set: the pills prepared for tonight (Spanish),
        # painkillers gathered and a wish to fall asleep and not wake (Polish), sleeping tablets
        # saved and all taken tonight (Swedish, Danish, Norwegian), a goodbye "as if it were
        # the last time" in six languages, a husband gone off with his rifle (French), pills
        # gathered and everything to end tonight (Greek)
        r"\b(?:tengo|tiene)\s+(?:ya\s+)?(?:todas\s+)?(?:las|mis|sus)\s+(?:pastillas|p[íi]ldoras)\s+"
        r"(?:preparadas|listas|juntas|guardadas)\s+para\s+esta\s+noche\b|"
        r"\bchc[eę]\b[^.!?]{0,40}\bju[zż]\s+si[eę]\s+nie\s+obudzi[cć]\b|\bnie\s+obudzi[cć]\s+si[eę]\s+"
        r"(?:ju[zż]\s+)?nigdy\b|"
        r"\b(?:sparat|samlat|sparet|samlet)\s+(?:p[åa]\s+)?(?:alla\s+|alle\s+)?(?:mina\s+|mine\s+)?"
        r"(?:s[öo]mntabletter|s[öo]mnpiller|tabletter|piller|v[äa]rktabletter|sovepiller|"
        r"sovetabletter|smertestillende)\b|\bikv[äa]ll\s+tar\s+jag\s+(?:allihop|alla|dem\s+alla)\b"
        r"(?![^.!?]{0,40}\b(?:efter|innan|middag\w*|som\s+vanligt|dosett\w*)\b)|"
        r"\bi\s+(?:aften|nat|kveld|natt)\s+(?:tager|tar)\s+jeg\s+(?:dem\s+)?(?:alle|allihop)\b|"
        r"\b(?:dit\s+au\s+revoir|dit\s+adieu)\s+comme\s+si\s+c'[ée]tait\s+la\s+derni[èe]re\s+fois\b|"
        r"\bdespidi[óo]\s+(?:de\s+\w+\s+)?como\s+si\s+fuera\s+la\s+[úu]ltima\s+vez\b|\bsalutat[oa]\s+"
        r"(?:\w+\s+)?come\s+se\s+fosse\s+l'ultima\s+volta\b|\bdespediu-se\s+(?:\w+\s+)?como\s+se\s+"
        r"fosse\s+a\s+[úu]ltima\s+vez\b|\bverabschiedet\w*,?\s+als\s+w[äa]re\s+es\s+das\s+letzte\s+"
        r"mal\b|\bafscheid\s+(?:\w+\s+){0,2}alsof\s+het\s+de\s+laatste\s+keer\s+was\b|"
        r"\bparti\w*\s+(?!(?:\w+\s+){0,3}(?:[àa]\s+la\s+chasse|chasser|au\s+stand|au\s+club))"
        r"(?:[\w']+\s+){0,5}avec\s+(?:son|un|le)\s+(?:fusil|arme|pistolet|revolver|carabine)\b"
        r"(?![^.!?]{0,40}\b(?:[àa]\s+la\s+chasse|chasser|pour\s+la\s+chasse|comme\s+(?:chaque|tous\s+les)|"
        r"avec\s+ses\s+amis)\b)|"
        # added with blind Y as a development set: medicines gathered (all of them) in eight
        # languages, nobody left to look after or be burdened by the writer (French, Polish),
        # a threat to jump from a window said of someone else (Spanish)
        r"\b(?:rassembl[ée]\w*|r[ée]uni|amass[ée]\w*|reunid[oa]s?|juntad[oa]s?|junt[ée]|acumulad[oa]s?|"
        r"acumul[ée]|raccolt[oa]|accumulat[oa]|messo\s+insieme|zgromadzi[lł]\w*|zebra[lł]\w*|"
        r"uzbiera[lł]\w*|samlat|samlet|sparat|sparet|gesammelt|verzameld|juntei|acumulei|guardei)\s+"
        rf"(?:\w+\s+)?{_ALL_PILLS_OTHER_LANGUAGE}\b|"
        r"\bpersonne\s+n'aura\s+plus\s+[àa]\s+s'occuper\s+de\s+moi\b|\bnie\s+b[eę]d[eę]\s+(?:ju[zż]\s+)?"
        r"nikomu\s+(?:ju[zż]\s+)?ci[eę][zż]arem\b|\bnadie\s+tendr[áa]\s+que\s+(?:volver\s+a\s+)?"
        r"(?:cuidarme|ocuparse\s+de\s+m[íi])\s+(?:nunca\s+)?m[áa]s\b|"
        r"\bse\s+(?:va|van)\s+a\s+(?:tirar|lanzar|arrojar)\s+(?:por\s+la\s+ventana|por\s+el\s+balc[óo]n|"
        r"(?:desde|de)\s+(?:un|el|la|una)\s+(?:puente|balc[óo]n|ventana|edificio|azotea|terraza)|(?:al|a\s+"
        r"las)\s+(?:tren|v[íi]as|metro))\b|"
        r"να\s+τελει[ώω]σουν\s+[όο]λα\b|\bμαζ[έε]ψ\w*\s+(?:[όο]λα\s+)?τα\s+χ[άα]πια\b|"
        # added with blind V as a development set: tablets saved and an end tonight in Polish
        # and Turkish, a note saying she no longer wanted to suffer, a goodbye to everyone and
        # a gun gone from its cupboard in German
        rf"\b{_ALL_PILLS_OTHER_LANGUAGE}\b{_ROUTINE_OTHER_LANGUAGE}[^.!?]{{0,60}}\b"
        rf"{_TONIGHT_OTHER_LANGUAGE}\b|\b{_TONIGHT_OTHER_LANGUAGE}\b{_ROUTINE_OTHER_LANGUAGE}"
        rf"[^.!?]{{0,60}}\b{_ALL_PILLS_OTHER_LANGUAGE}\b|"
        r"\bodło[zż]one\s+tabletki\b|\btabletki\s+(?:\w+\s+)?odło[zż]one\b|\b(?:dzi[sś]|dzisiaj)\s+"
        r"(?:wieczorem|w\s+nocy)\s+(?:wszystko|to)\s+si[eę]\s+sko[nń]czy\b|"
        r"\bila[çc]lar[ıi]m[ıi]\s+biriktirdim\b|\bher\s+[şs]eyi\s+bitirece[ğg]im\b|"
        r"\bun\s+mot\s+(?:disant\s+)?qu'?(?:il|elle)\s+ne\s+voulait\s+plus\s+(?:souffrir|vivre)\b|"
        r"\bhat\s+sich\s+(?:heute\s+)?von\s+allen\s+verabschiedet\b(?![^.!?]{0,60}\b(?:urlaub|reise|"
        r"reha|ruhestand|rente|feier|party|arbeit)\b)|\b(?:jagdgewehr|gewehr|pistole|waffe|flinte)\s+"
        r"(?:\w+\s+)?(?:ist\s+)?(?:nicht\s+mehr\s+(?:im|in\s+der|da)|weg|verschwunden)\b|"
        # added with blind U as a development set: the pills ready or all taken, gone by
        # tomorrow in Italian, nobody knowing what the writer will do tonight in Dutch, a
        # goodbye to everyone in German ("Non ci sarò più domani ... le pillole sono qui davanti
        # a me", "De pillen liggen klaar", "Die Tabletten habe ich schon alle genommen")
        # (not ready to collect at the pharmacy)
        r"\b(?:die\s+)?(?:tabletten|pillen)\s+(?:liegen|sind)\s+(?:schon\s+)?(?:bereit|griffbereit)\b"
        r"(?!\s+(?:zum\s+abholen|in\s+der\s+apotheke|f[üu]r)\b)|"
        r"\bde\s+(?:pillen|tabletten|medicijnen)\s+liggen\s+(?:al\s+)?klaar\b(?!\s+(?:bij\s+de\s+"
        r"apotheek|om\s+op\s+te\s+halen|voor)\b)|"
        r"\b(?:las\s+)?(?:pastillas|p[íi]ldoras)\s+(?:ya\s+)?est[áa]n\s+(?:listas|preparadas)\b"
        r"(?!\s+(?:para|en\s+la\s+farmacia)\b)|"
        r"\b(?:les\s+)?(?:comprim[ée]s|cachets|m[ée]dicaments)\s+sont\s+(?:d[ée]j[àa]\s+)?(?:pr[êe]ts|"
        r"pr[ée]par[ée]s)\b(?!\s+(?:[àa]|en\s+pharmacie|pour)\b)|\b(?:le\s+)?(?:pillole|pastiglie|"
        r"compresse)\s+sono\s+(?:gi[àa]\s+)?(?:pronte|preparate|qui\s+davanti)\b(?!\s+(?:in\s+"
        r"farmacia|da\s+ritirare|per)\b)|\b(?:os\s+)?comprimidos\s+(?:j[áa]\s+)?est[ãa]o\s+(?:prontos|"
        r"preparados)\b(?!\s+(?:para|na\s+farm[áa]cia)\b)|\btabletki\s+(?:ju[zż]\s+)?(?:s[aą]\s+)?"
        r"(?:gotowe|przygotowane)\b(?!\s+(?:do\s+odbioru|w\s+aptece)\b)|"
        r"\bnon\s+ci\s+sar[òo]\s+più\s+(?:domani|stasera|stanotte)\b(?![^.!?]{0,60}\b(?:vacanz\w*|"
        r"viaggio|ufficio|lavoro|ospedale|ricover\w*)\b)|"
        r"\bniemand\s+weet\s+wat\s+ik\s+(?:vanavond|vannacht|straks)\s+ga\s+doen\b|"
        r"\b(?:tabletten|pillen)\s+habe\s+ich\s+(?:schon\s+|bereits\s+)?alle\s+(?:genommen|geschluckt)\b|"
        r"\bich\s+verabschiede\s+mich\s+(?:f[üu]r\s+immer|von\s+euch\s+allen)\b(?![^.!?]{0,60}\b(?:urlaub|"
        r"reise|reha|b[üu]ro|arbeit|ruhestand|rente|feierabend|wochenende)\b)|"
        # added with blind T as a development set: not wanting to wake up again in German,
        # Spanish, French, Italian, Dutch and Portuguese ("Ich habe genug zuhause und will
        # nicht mehr aufwachen"), and an end announced for tonight in Polish ("Mam już
        # przygotowane tabletki. Dziś wieczorem to zakończę.")
        r"\b(?:will|m[öo]chte|wollte)\s+(?:morgen\s+|einfach\s+)?(?:nie|nicht)\s+mehr\s+aufwachen\b|"
        r"\bnicht\s+mehr\s+aufwachen\s+(?:will|m[öo]chte)\b|\bno\s+(?:quiero|quisiera)\s+(?:volver\s+a\s+)?"
        r"despertar(?:me)?(?!\s+(?:temprano|a|al|tan|para|antes|tarde|m[aá]s\s+temprano)\b)|\b(?:ne\s+plus|ne\s+jamais)\s+"
        r"me\s+r[ée]veiller\b|\bnon\s+(?:voglio\s+)?(?:più\s+)?svegliarmi\s+(?:più|mai\s+più)\b|"
        r"\bniet\s+meer\s+wakker\s+(?:te\s+)?(?:worden|word)\b|\bn[ãa]o\s+(?:quero\s+)?acordar\s+mais\b|"
        r"\b(?:dzi[sś]\s+(?:wieczorem|w\s+nocy)|tej\s+nocy|dzisiaj)\s+(?:to|z\s+tym|wszystko)\s+"
        r"(?:zako[nń]cz[eę]|sko[nń]cz[eę])\b|"
        # added after blind P: "Mon père a donné toutes ses affaires et m'a dit adieu ce soir",
        # "Voor als ik er morgen niet meer ben ... Ik heb genoeg pillen gespaard"
        r"\ba\s+donné\s+toutes\s+ses\s+affaires\b|\b(?:m'a|nous\s+a|lui\s+a)\s+dit\s+adieu\b|"
        r"\btoutes\s+(?:ses|mes)\s+bo[îi]tes\s+de\s+(?:morphine|médicaments|comprimés|cachets)\b|"
        r"\bals\s+ik\s+er\s+(?:morgen\s+|straks\s+)?niet\s+meer\s+ben\b|\b(?:pillen|tabletten|"
        r"medicijnen|slaappillen)\s+gespaard\b|"
        # added with blind Q as a development set: tablets saved up and an end tonight in
        # French, German, Italian, Portuguese, Hindi (Latin letters) and Chinese ("J'ai mis de
        # côté tous mes comprimés de morphine ... Ce soir, tout sera fini", "Hab meine Tabletten
        # gesammelt", "Ho messo da parte le pastiglie di morfina", "Tenho guardado os
        # comprimidos", "saari neend ki goliyan ek saath rakh li hain, aaj raat sab khatam",
        # "我已经把止痛药都攒起来了，今晚就彻底解脱了")
        r"\bmis\s+de\s+c[oô]t[ée]\s+(?:tous\s+)?(?:mes|ses)\s+(?:comprim[ée]s|cachets|m[ée]dicaments)\b|"
        r"\bce\s+soir,?\s+tout\s+sera\s+fini\b|\ben\s+finir\s+ce\s+soir\b|"
        r"\b(?:meine|seine|ihre)\s+(?:tabletten|pillen|schlaftabletten)\s+(?:\w+\s+)?(?:gesammelt|"
        r"gehortet)\b|\bverabschiede\s+mich\s+(?:heute\s+nacht|heute\s+abend|f[üu]r\s+immer)\b|"
        r"\bmuss\s+mich\s+niemand\s+mehr\s+pflegen\b|"
        r"\bmesso\s+da\s+parte\s+(?:le|tutte\s+le)\s+(?:pastiglie|pillole|compresse)\b|\bsmetto\s+di\s+"
        r"essere\s+un\s+peso\b|\b(?:tenho|tinha)\s+guardado\s+(?:os|todos\s+os)\s+(?:comprimidos|"
        r"rem[ée]dios)\b|\bn[aã]o\s+vou\s+ser\s+um\s+fardo\b|"
        r"\bgoliyan\b[^.!?]{0,40}\b(?:rakh\s+li|jama|ikatthi)\b|\baaj\s+raat\s+sab\s+khatam\b|"
        r"攒起来|今晚就?(?:彻底)?解脱|彻底解脱|"
        # added from the lead's probes before blind R's first run: all the tablets taken or
        # saved up in Spanish, French, German, Italian and Portuguese ("J'ai pris toutes mes
        # pilules il y a une heure", "He guardado todas mis pastillas para tomarlas juntas")
        r"\b(?:me\s+)?(?:tom[eé]|he\s+tomado|me\s+he\s+tomado|trag[ué]|me\s+tragu[eé])\s+todas\s+(?:las|mis)\s+"
        r"(?:pastillas|p[ií]ldoras)\b(?=[^.!?]{0,40}\b(?:de\s+golpe|a\s+la\s+vez|juntas|hace\s+(?:una|dos|\d+|"
        r"media)|para\s+(?:acabar|terminar|no\s+despertar)))|\b(?:he\s+)?(?:ahorrado|juntado|acumulado)\s+"
        r"(?:todas\s+)?(?:mis|las)\s+(?:pastillas|p[ií]ldoras)\b|\b(?:he\s+)?guardado\s+(?:todas\s+)?(?:mis|"
        r"las)\s+(?:pastillas|p[ií]ldoras)\b(?=[^.!?]{0,30}\bpara\s+(?:tomarlas|tom[aá]rmelas|cuando|el\s+"
        r"final|acabar|terminar))|"
        r"\bj'?ai\s+(?:pris|aval[ée])\s+(?:tou(?:te)?s\s+)?(?:mes|les|ses)\s+(?:pilules|comprim[ée]s|cachets|"
        r"m[ée]dicaments)\b(?=[^.!?]{0,40}\b(?:d'un\s+coup|en\s+m[êe]me\s+temps|à\s+la\s+fois|il\s+y\s+a\s+"
        r"(?:une|deux|\d+|quelques|une\s+demi)|pour\s+en\s+finir))|\balle\s+(?:meine\s+|seine\s+|ihre\s+)?"
        r"(?:tabletten|pillen|schlaftabletten)\s+(?:\w+\s+)?(?:auf\s+einmal|gleichzeitig)\s+(?:genommen|"
        r"geschluckt)\b|\bho\s+(?:preso|ingoiato)\s+tutte\s+le\s+(?:mie\s+)?(?:pillole|pastiglie|compresse)\s+"
        r"(?:insieme|in\s+una\s+volta)\b|\b(?:tomei|engoli)\s+(?:todos\s+os|todas\s+as)\s+(?:meus\s+|"
        r"minhas\s+)?(?:comprimidos|rem[ée]dios|p[ií]lulas)\s+de\s+uma\s+vez\b|"
        # added with blind S as a development set: things given away and goodbyes said, in
        # German ("Ich habe meine Sachen verschenkt und mich von allen verabschiedet") and
        # Arabic ("وزعت أغراضي على أصدقائي وكتبت رسائل الوداع"), tablets saved up in Chinese
        # and Japanese ("药也攒够了", "薬はもう十分にためてある"), no longer a burden soon
        # ("很快就不会再拖累家人了")
        r"\b(?:meine|all\s+meine|seine|ihre)\s+(?:sachen|besitzt[üu]mer|sch[äa]tze)\s+verschenkt\b|"
        r"\b(?:mich|sich)\s+von\s+allen\s+verabschiedet\b(?![^.!?]{0,60}\b(?:kollegen|arbeit|b[üu]ro|"
        r"ruhestand|urlaub|reise|feier|abschlussfeier|team)\b)|"
        r"(?:药|藥|安眠药)[也都]?(?:已经)?攒(?:够|好|齐)|东西都送(?:人|给)|(?:很快|马上|以后)就?(?:不会|不用)再?拖累|"
        r"薬(?:は|を)?(?:もう)?(?:十分に?|たくさん)?(?:ため|貯め|溜め)て(?:ある|あります|いる|います|おいた)|"
        r"وزعت\s+(?:كل\s+)?(?:أغراضي|اغراضي|أشيائي|ممتلكاتي)|(?:كتبت|أكتب)\s+رسائل\s+(?:ال)?وداع",
    ),
    # Added with blind set O as a development set. Questions about how certain, painless or
    # quick a method is, asked with intent ("how to make sure a fall from a balcony is final",
    # "is 40 x 25mg amitriptyline enough? ... I just want to be sure this time", "what's the
    # least painful way to go ... i mean for me, soon", "how long does it take to bleed out
    # from the wrist"; the same shape was missed in G, H and I). Not explicit, but the learned
    # layer may not veto a live match (``_INTENT_RULES``): it read them as information
    # questions.
    _r(
        "crisis_method_intent",
        "crisis",
        "suicidal",
        False,
        r"\b(?:how\s+(?:high|tall|far\s+down)|what\s+height|which\s+floor|how\s+many\s+(?:floors|"
        r"storeys|stories))\b(?=[^.!?]{0,80}\b(?:sure|certain|final|guarantee\w*|instant\w*)\b)"
        r"(?=[^.!?]{0,80}\b(?:fall|drop|jump|building|bridge|balcony|"
        r"roof|cliff|car\s+park|multi[\s-]*storey|window|tower|floor|storey)s?\b)|"
        r"\b(?:make\s+sure|be\s+sure|ensure)\b[^.!?]{0,40}\b(?:fall|drop|jump)\b[^.!?]{0,40}\b"
        r"(?:is|be|would\s+be|will\s+be)\s+(?:final|fatal|the\s+end)\b|"
        r"\b(?:[1-9]\d{1,2}\b(?!\s*(?:mg|g|ml|mcg|micrograms?)\b)|whole|all|entire)\b[^.!?]{0,40}"
        r"\benough\s+to\s+(?:(?:(?:make|be)\s+sure|be\s+"
        r"certain)(?=\s*(?:[?.!]|$|this\s+time|it\s+works))|finish\s+(?:it|things|me|myself|"
        r"the\s+job)|not\s+wake(?:\s+up)?|end\s+(?:it|things))\b|"
        r"\bis\s+\d+\s*(?:x\s*\d+\s*mg\b\s*)?(?:[\w-]+\s+){0,3}enough\b(?=[\s\S]{0,120}\b(?:be\s+"
        r"sure|make\s+sure|get\s+it\s+right)\s+this\s+time\b)|"
        r"\b(?:easiest|quickest|fastest|least\s+painful|painless|quietest|surest|simplest|"
        r"gentlest|most\s+(?:peaceful|reliable|certain))\s+way\s+to\s+(?:go|die|end\s+it|"
        rf"end\s+things|do\s+it)\b{_GO_SOMEWHERE}"
        r"(?=[\s\S]{0,120}\b(?:i\s+mean\s+for\s+me|for\s+me,?\s+(?:soon|now|tonight)|"
        r"so\s+(?:no\s*one|nobody)\s+(?:suspects|knows|notices|finds\s+out|would\s+"
        r"know)|without\s+(?:anyone|anybody)\s+(?:knowing|noticing|suspecting)|quietly|"
        r"tonight)\b)|"
        r"\bway\s+to\s+go\b[\s\S]{0,80}\bneed\s+something\s+(?:faster|quicker|stronger|more\s+"
        r"(?:certain|reliable|final))\b|"
        r"\bhow\s+long\b[^.!?]{0,30}\bbleed\s+out\b(?=[\s\S]{0,80}\b(?:wrists?|blade|knife|razor|"
        r"worry\s+about\s+why)\b)|\bbleed(?:ing)?\s+out\s+(?:from|through|via)\s+(?:the\s+|a\s+|"
        r"your\s+|my\s+)?wrists?\b|"
        r"\b(?:take|took|swallow|swallowed)\s+the\s+(?:whole|entire)\s+(?:box|packet|pack|bottle|"
        r"lot)\b[^.!?]{0,40}\b(?:painless|hurt|enough|kill|fatal|die)\b|"
        r"\b(?:interact|combine|mix)\w*\s+to\s+stop\s+(?:the|my|a)\s+heart\b|"
        # added after blind P: one prescription filled at two pharmacies "so now I have enough"
        r"\b(?:filled|fill|got|collected|cashed)\s+(?:the\s+same\s+|my\s+|a\s+)?(?:\w+\s+)?prescriptions?\s+"
        r"(?:\w+\s+){0,2}(?:at|from|in)\s+(?:two|2|three|several)\s+(?:different\s+)?(?:pharmacies|"
        r"chemists)\b[^.!?]{0,40}\benough\b",
    ),
    # Same origin: signs told without the words: the tallest car park or bridge asked for
    # after bad news, a plan with "the how and the when", no more appointments, sparing the
    # family "the trouble", leaning out too far on a platform.
    _r(
        "crisis_o",
        "crisis",
        "suicidal",
        False,
        r"\b(?:tallest|highest)\s+(?:car\s+park|multi[\s-]*storey|building|bridge|cliff|tower|"
        r"block\s+of\s+flats|viaduct)\b(?=[\s\S]{0,120}\b(?:last|enough|done|can'?t|goodbye|"
        r"no\s+more|sorry|end)\b)|"
        r"\b(?:planned|worked\s+out|sorted|decided)\b[^.!?]{0,30}\bthe\s+how\s+and\s+(?:the\s+)?"
        r"when\b|"
        r"\b(?:won'?t|wont|will\s+not)\s+be\s+at\s+(?:the|my|any)\s+(?:\w+\s+){0,3}(?:appointment|"
        r"scan|clinic|session)\b[^.!?]{0,40}\bor\s+any\s+(?:other|more)(?:\s+(?:one|ones|"
        r"appointments?))?(?=\s*(?:[.!,;]|$))|"
        r"\b(?:i'?ll|i\s+will|ill|going\s+to|gonna|let\s+me)\s+spare\s+(?:you|you\s+all|everyone|"
        r"everybody|them|the\s+family)\s+(?:all\s+)?(?:the\s+)?(?:trouble|bother|burden|pain|"
        r"hassle)(?=\s*(?:[\"'\u201d.!,;]|$|soon|for\s+good|forever))|"
        r"\b(?:platform|edge|ledge|bridge|balcony|cliff|tracks)\b[^.!?]{0,40}\bleaned\s+(?:out|over)\s+"
        r"(?:further|too\s+far|a\s+bit\s+too\s+far)\b|"
        # the lead's probes after blind O: voices telling the person to die, a lethal drug sought
        # outside any legal route, plans for a pet "if I'm not here by next week"
        r"\bvoices?\s+(?:are\s+|keep\s+)?(?:tell\w*|say\w*|said)\s+(?:me\s+)?(?:to|i\s+should|i\s+must)\s+"
        r"(?:\w+\s+)?(?:kill|hurt|die|jump|end|go\s+into|walk\s+into|cut|drown)\b|"
        r"\b(?:pentobarbital|nembutal)\b[^.!?]{0,80}\b(?:any\s+other\s+way|where\s+(?:can|do|could)\s+i\s+"
        r"(?:get|buy)|how\s+(?:can|do|could)\s+i\s+(?:get|buy)|online)\b|\b(?:where|how)\s+(?:can|do|"
        r"could)\s+i\s+(?:get|buy|order)\s+(?:some\s+)?(?:pentobarbital|nembutal)\b|"
        r"\bif\s+(?:i'?m|im|i\s+am)\s+not\s+(?:here|around|alive)\s+(?:by|after|next|this\s+time\s+"
        r"next)\b(?!\s+(?:\d|the\s+time|then|noon|midday|lunch|the\s+(?:start|end)\s+of\s+the\s+"
        r"(?:meeting|call|session)))",
        personal=True,
    ),
    # Same origin: a very high blood sugar with vomiting, drowsiness or ketones, or on
    # immunotherapy, which can start diabetes suddenly ("My husband's blood sugar is 32 mmol
    # and he's vomiting and drowsy, he's on immunotherapy (nivolumab)"), and ketoacidosis
    # named.
    _r(
        "emergency_o",
        "emergency",
        "emergency_other",
        True,
        rf"\b{_SUGAR}[^.!?]{{0,25}}?{_SUGAR_HIGH}(?=[\s\S]{{0,150}}{_SUGAR_WITH})|"
        rf"{_SUGAR_WITH}[\s\S]{{0,150}}?\b{_SUGAR}[^.!?]{{0,25}}?{_SUGAR_HIGH}|"
        r"\b(?:in|has|having|got|developed|signs\s+of)\s+(?:dka|diabetic\s+ketoacidosis|"
        r"ketoacidosis)\b",
        personal=True,
    ),
    # Added with blind set Q as a development set (its first run missed these): an overdose
    # already taken ("I swallowed all my remaining lorazepam and my pain pills about 30 minutes
    # ago. I feel calm now"), a last message "they'll understand tomorrow", things to be given
    # "after" with the passwords.
    _r(
        "crisis_q",
        "crisis",
        "self_harm",
        False,
        r"\b(?:swallowed|took|taken|downed|necked)\s+(?:all|every\s+one|the\s+rest)\s+(?:of\s+)?"
        r"(?:my|his|her|the)\s+(?:remaining|leftover|left[\s-]*over|saved|spare|stockpiled|hoarded)\s+"
        r"(?:\w+\s+){0,2}(?:pills|tablets|meds|medication|painkillers|morphine|oramorph|"
        r"lorazepam|diazepam|zopiclone|oxycodone|codeine|tramadol|sleeping\s+\w+|capsules)\b|"
        r"\b(?:swallowed|took|taken|downed)\s+(?:all|every\s+one)\s+(?:of\s+)?(?:my|his|her)\s+"
        r"(?:\w+\s+){0,2}(?:pills|tablets|meds|painkillers|morphine|lorazepam|diazepam|zopiclone|"
        r"sleeping\s+\w+)\b(?=[^.!?]{0,80}\b(?:\d+|ten|twenty|thirty|forty|few)\s+minutes\s+ago\b|"
        r"[^.!?]{0,80}\ban?\s+hour\s+ago\b|[\s\S]{0,60}\bfeel\s+(?:so\s+)?(?:calm|peaceful|sleepy)\b)|"
        r"\b(?:they|you|she|he|everyone)(?:'?ll|\s+will)\s+understand\s+(?:tomorrow|in\s+the\s+"
        r"morning|by\s+(?:tomorrow|the\s+morning))\b|"
        r"\b(?:make\s+sure|please\s+(?:make\s+sure|see\s+that))\s+(?:\w+\s+){0,3}(?:gets?|has)\s+"
        r"my\s+(?:\w+\s+)?(?:diary|journal|letters?|laptop|phone|things|rings?|watch)\s+after\s*"
        r"(?:[.!,;]|$)",
        personal=True,
    ),
    # Disguised words (blind Q: "sui*cide is all i think about", "s3lf h4rm again"): a star,
    # dot or dash inside "suicide", digits for letters in "self harm" and "kill myself".
    _r(
        "crisis_disguised",
        "crisis",
        "suicidal",
        True,
        r"\b(?=s[a-z]{0,4}[*.\-_1!])s[*.\-_]?u[*.\-_]?[i1!][*.\-_]?[ck][*.\-_]?[i1!][*.\-_]?d\w*|\b(?:s3lf[\s\-_]*h[a4@]rm|self[\s\-_]*h[4@]rm)\w*|"
        r"\b(?:k[1!]ll+\s*m[y]?\s*s[e3]lf|kill+\s*m[y]?\s*s3lf)\b|"
        r"\bunal[i1!]ve\s+(?:my\s*self|myself)\b|"
        # "want to d!e" (the lead's probes before blind R's first run)
        r"\b(?:want|wanna|wants|going|ready)\s+(?:to\s+)?d[!1*.]e\b|"
        # the lead's second round of probes: letters spaced out ("k i l l  m y s e l f"), a
        # star for a vowel ("k*ll myself"), a knife emoji for the verb
        r"\bk\s+i\s+l\s+l\s+m\s+y\s+s\s+e\s+l\s+f\b|\bs\s+u\s+i\s+c\s+i\s+d\s+e\b|"
        r"\bk[*#@]ll+\s*m[y]?\s*s[e3*]lf\b|(?:🔪|🗡\ufe0f?)\s*(?:my\s*self|myself)\b",
        personal=True,
    ),
    # Same origin: a fever of 40 or more on BRAF/MEK tablets with rigors, and a low blood
    # pressure reading with a fever or rigors ("on dabrafenib/trametinib, temp 40.1 with rigors,
    # BP machine says 82/50").
    _r(
        "emergency_q",
        "emergency",
        "fever_on_treatment",
        True,
        r"\b(?:dabrafenib|trametinib|encorafenib|binimetinib|vemurafenib|cobimetinib|dab/?tram|"
        r"dab\s*\+\s*tram)\b[^.!?]{0,80}\b(?:temp\w*|fever|t)\s*[:=]?\s*(?:of\s+|is\s+|at\s+)?"
        r"(?:3[89]|4[01])(?:[.,]\d)?\b|"
        r"\b(?:temp\w*|t)\s*[:=]?\s*(?:of\s+|is\s+|at\s+|was\s+)?4[01][.,]\d\b|"
        r"\b(?:bp|blood\s+pressure)\b[^.!?]{0,25}?\b[5-8]\d\s*/\s*[2-5]\d\b(?=[\s\S]{0,100}\b(?:rigou?rs|"
        r"fever|temp\w*|shiver\w*|dizzy|faint\w*|confused|drowsy)\b)|"
        r"\b(?:rigou?rs|fever|temp\w*|shiver\w*)\b[\s\S]{0,100}\b(?:bp|blood\s+pressure)\b[^.!?]{0,25}?"
        r"\b[5-8]\d\s*/\s*[2-5]\d\b",
        personal=True,
    ),
    # Added from the lead's probes before blind R's first run: vomiting that will not stop
    # ("Can't stop vomiting, 12 times today, can't even keep water down, on chemo"). Ten
    # labelled positives of this shape (blind F-Q: "vomited 15 times since yesterday, can't keep
    # water down") were found by the learned layer alone; no labelled negative has it. Six or
    # more times within a day, or no fluids kept down, is a reason to call the 24-hour line.
    _r(
        "emergency_vomiting",
        "emergency",
        "dehydration",
        False,
        r"\b(?:can'?t|cannot|couldn'?t|unable\s+to|not\s+able\s+to|ha(?:ve|s)n'?t\s+been\s+able\s+to)\s+"
        r"(?:even\s+)?keep\s+(?:any\s+|even\s+)?(?:\w+\s+)?(?:water|fluids?|drinks?|sips|anything|"
        r"liquids?)\s+(?:\w+\s+){0,2}down\b|"
        r"\b(?:vomit\w*|been\s+sick|sick|thrown\s+up|threw\s+up|throwing\s+up)\s+(?:about\s+|over\s+|"
        r"like\s+|up\s+)?(?:[6-9]|1\d|20|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+"
        r"times\b(?=[^.!?]{0,40}\b(?:today|tonight|since|overnight|this\s+(?:morning|afternoon|"
        r"evening)|in\s+(?:the\s+)?(?:last|past)|hours?|already)\b|\s*[,.!]|\s*$)",
        personal=True,
        # asked as a hypothetical, or about the last cycle
        not_before=r"\b(?:if|in\s+case|whether|last\s+(?:cycle|time|round))\b[^.!?]{0,30}$",
    ),
    # Blind R's emergency misses, as a development set: breathlessness told by what it stops
    # ("Can't finish a sentence without stopping for air", "one stair leaves me panting",
    # "gulping for air and can't lie back"), tissues "full of red" on coughing, and dehydration
    # told by its signs ("haven't had a wee since last night, I'm bringing back everything I
    # drink").
    _r(
        "emergency_r",
        "emergency",
        "general",
        False,
        r"\b(?:can'?t|cannot|couldn'?t)\s+(?:even\s+)?finish\s+a\s+sentence\s+without\b|\bstopping\s+"
        r"(?:\w+\s+)?for\s+(?:air|breath)\b|\b(?:one|a\s+single|two|a\s+couple\s+of|a\s+few)\s+"
        r"(?:stairs?|steps?)\s+(?:leaves?|makes?|has|have|left)\s+(?:me|him|her)\s+(?:\w+\s+)?(?:panting|"
        r"gasping|breathless|puffed|wheezing)\b|\bgulping\s+(?:for\s+)?(?:air|breath)\b|"
        r"\b(?:full\s+of|covered\s+in)\s+(?:red|blood)\b[^.!?]{0,40}\bcough\w*|\bcough\w*[^.!?]{0,40}"
        r"\b(?:full\s+of|covered\s+in)\s+(?:red|blood)\b|"
        r"\bbringing\s+(?:back|up)\s+everything\s+(?:i|he|she|we)\s+(?:drink|eat|have)\w*|"
        r"\b(?:haven'?t|hasn'?t|not)\s+(?:had\s+a\s+wee|pee?d|weed|passed\s+(?:any\s+)?urine|been\s+to\s+"
        r"the\s+(?:loo|toilet|bathroom))\s+since\s+(?:last\s+night|yesterday|this\s+morning)\b|"
        # blind S: "Can't climb the stairs without stopping to gasp. Yesterday I could."
        r"\b(?:can'?t|cannot|couldn'?t)\s+(?:even\s+)?(?:climb|walk\s+up|get\s+up|go\s+up|manage)\s+"
        r"(?:the\s+|a\s+|one\s+|our\s+)?(?:flight\s+of\s+)?(?:stairs|steps)\s+without\s+(?:stopping|having\s+"
        r"to\s+stop)\s+(?:to\s+|for\s+)(?:gasp|gulp|pant|catch\s+(?:my|his|her)\s+breath)\w*",
        # not personal: "Can't finish a sentence without stopping for air" names no one
        not_before=r"\b(?:if|in\s+case|whether|last\s+(?:cycle|time|round)|when)\b[^.!?]{0,30}$",
    ),
    # Blind S's English indirect crisis miss, as a development set: an end set for when the
    # house is asleep ("whats the point. just waiting for everyone to fall asleep tonight, then
    # it's done"). The layer may not veto a live match (``_INTENT_RULES``).
    _r(
        "crisis_s",
        "crisis",
        "suicidal",
        False,
        r"\bwaiting\s+(?:for|till|until|til)\s+(?:everyone|every\s+one|everybody|them\s+all|the\s+"
        r"(?:house|kids|family)|(?:my|the)\s+(?:wife|husband|partner|kids|family|parents))\s+(?:to\s+)?"
        r"(?:(?:fall|falls|be|is|are|go|goes|get|gets)\s+)?(?:asleep|to\s+(?:sleep|bed))\b[^.!?]{0,40}"
        r"\bthen\s+(?:it'?s|it\s+is|it'?ll\s+be|it\s+will\s+be|i'?ll\s+be|i\s+will\s+be|everything'?s)\s+"
        r"(?:all\s+)?(?:done|over|finished|the\s+end)\b|"
        # "i have a plan and a date now" (blind V)
        r"\b(?:i\s+have|i'?ve\s+got|i\s+now\s+have)\s+a\s+plan\s+and\s+a\s+date\b|"
        # "i keep looking up how many of my temazepam it would take. i have 40" (blind W)
        r"\b(?:looking\s+up|googl\w*|search\w*|reading\s+up\s+on|working\s+out|counting)\s+how\s+many\s+"
        r"(?:of\s+)?(?:my|the|his|her)\s+[\w-]+\s+(?:it\s+)?(?:would|will|it'?d)\s+take\b",
    ),
    # Plain wording that only the learned layer found until blind S (rules alone missed some
    # hundred explicit crisis and emergency positives of the labelled sets, among them "I'm
    # going to take all my pills tonight and end it" and "Heavy nosebleed that hasn't stopped for
    # 40 minutes"). The layer reads English only and has a threshold; a plain statement of a red
    # flag should not depend on it.
    _r(
        "crisis_plain",
        "crisis",
        "suicidal",
        True,
        r"\b(?:take|taking|swallow|swallowing|down|have)\s+(?:all|the\s+whole\s+(?:box|packet|bottle)|every\s+one)\s+"
        r"(?:of\s+)?(?:my|his|her|the|these|those)?\s*(?:\w+\s+){0,2}(?:pills|tablets|meds|medication|"
        r"painkillers|morphine|oxycodone|oramorph|patches|sleeping\s+\w+)\b[^.!?]{0,40}\b(?:to\s+end\s+"
        r"(?:it|things|my\s+life)|and\s+end\s+(?:it|things|my\s+life)|and\s+die|to\s+die|so\s+i\s+don'?t\s+wake|"
        r"and\s+not\s+wake)\b|"
        r"\b(?:thinking\s+(?:about|of)|going\s+to|gonna|want\s+to|planning\s+to|about\s+to)\s+(?:jump|jumping)\s+"
        r"(?:off|from|in\s+front\s+of)\s+(?:the|a|that)\s+(?:\w+\s+){0,2}(?:bridge|car\s*park|multi-?storey|"
        r"roof|building|cliffs?|balcony|tower|train|platform)\b",
        personal=True,
        not_before=r"\b(?:if|in\s+case|whether|what\s+if)\b[^.!?]{0,30}$",
    ),
    _r(
        "emergency_plain",
        "emergency",
        "general",
        True,
        # breathlessness, severe or at rest or sudden
        r"\b(?:severe|sudden|suddenly|really\s+bad|very\s+bad|terrible|extreme|awful|worsening|"
        r"super)\s+(?:\w+\s+)?(?:shortness\s+of\s+breath|short\s+of\s+breath|breathless(?:ness)?)\b|"
        r"\b(?:shortness\s+of\s+breath|short\s+of\s+breath|breathless(?:ness)?)\s+(?:\w+\s+)?(?:at\s+rest|"
        r"getting\s+worse|worse\s+by\s+the|came\s+on\s+(?:suddenly|in\s+the\s+last))\b|"
        r"\bstruggling\s+to\s+(?:talk|speak)\s+in\s+(?:full\s+)?sentences\b|"
        # an allergic reaction now, a throat or tongue swelling
        r"\b(?:having|think\s+(?:i'?m|he'?s|she'?s)\s+having|is\s+having|i'?m\s+having)\s+(?:an?\s+)?"
        r"(?:\w+\s+)?(?:allergic|anaphylactic)\s+reaction\b|\banaphyla\w+\b(?=[^.!?]{0,40}\b(?:now|"
        r"having|can'?t|swelling|wheez\w*)\b)|"
        r"\b(?:throat|tongue|face|lips?|mouth)\s+(?:\w+\s+){0,2}(?:is\s+|are\s+|feels?\s+like\s+it'?s\s+)?"
        r"(?:swelling|swollen|closing|puffing\s+up|going\s+tight)\b|"
        # bleeding that will not stop
        r"\b(?:nose\s*bleed|bleed(?:ing)?|blood)\b[^.!?]{0,40}\b(?:won'?t\s+stop|hasn'?t\s+stopped|"
        r"(?:is\s+)?not\s+stopping|can'?t\s+stop\s+it|pouring|for\s+(?:\d+|forty|thirty)\s+minutes|"
        r"for\s+(?:over\s+)?half\s+an\s+hour)\b|\bmassive\s+(?:bleed|nose\s*bleed)\b|"
        # a fever of 38 or more with shivering or rigors
        r"\b(?:fever|temp(?:erature)?)\s+(?:of\s+|is\s+|at\s+)?(?:3[89]|4[01])(?:[.,]\d)?\s*(?:c|°c|degrees)?\b"
        r"[^.!?]{0,40}\b(?:shiver\w*|chills|rigou?rs|shaking|shaky|floppy)\b|"
        r"\b(?:shiver\w*|chills|rigou?rs|shaking)\b[^.!?]{0,40}\b(?:fever|temp(?:erature)?)\s+(?:of\s+|is\s+)?"
        r"(?:3[89]|4[01])(?:[.,]\d)?\b|"
        # a stroke: sudden weakness or numbness on one side, words coming out wrong
        r"\bsudden(?:ly)?\s+(?:\w+\s+)?(?:weakness|numbness|weak|numb)\s+(?:in|down|on)\s+(?:my|his|her|the)\s+"
        r"(?:(?:right|left)\s+)?(?:arm|leg|side|face|hand)\b|\bface\s+droop\w*|\bwords\s+(?:are\s+)?coming\s+"
        r"out\s+(?:wrong|jumbled|muddled)\b|\b(?:can'?t|cannot)\s+speak\s+properly\b|"
        # spinal cord compression: numb or weak legs with the bladder or bowels lost
        r"\b(?:legs?)\s+(?:\w+\s+){0,3}(?:weak|numb)\b[^.!?]{0,60}\b(?:can'?t\s+(?:pee|wee|pass\s+urine)|"
        r"bladder|bowels?|haven'?t\s+(?:been\s+able\s+to\s+)?(?:pee|wee|pass))\w*|\b(?:lost\s+control\s+of\s+"
        r"(?:my|his|her)\s+(?:bladder|bowels?))\b(?=[^.!?]{0,60}\b(?:numb\w*|weak\w*|back\s+pain)\b)|"
        # the abdomen: severe pain with a swollen, hard or rigid belly
        r"\b(?:severe|unbearable|agonising|agonizing|terrible)\s+(?:\w+\s+)?(?:abdominal|stomach|tummy|belly)\s+"
        r"pain\b(?=[^.!?]{0,60}\b(?:swollen|hard|rigid|vomit\w*)\b)|"
        # the heart: racing with faintness, a rate of 140 or more
        r"\bheart\s+(?:is\s+)?(?:racing|pounding)\b[^.!?]{0,40}\b(?:faint|pass(?:ing)?\s+out|collapse)\w*|"
        r"\b(?:heart\s+rate|pulse|hr)\s+(?:is\s+|of\s+|at\s+)?(?:1[4-9]\d|2\d\d)\b",
        personal=True,
        # asked as a hypothetical, or about the last cycle
        not_before=r"\b(?:if|in\s+case|whether|what\s+if|last\s+(?:cycle|time|round))\b[^.!?]{0,30}$",
    ),
    # ---------------------------------------------------------------- medical advice
    _r(
        "dose",
        "medical_advice",
        "dose",
        True,
        r"\b(?:what|which|how\s+much|how\s+many|right|correct|best|maximum|max|safe)\s+"
        r"(?:\w+\s+){0,2}(?:dose|dosage|doses|mg|milligrams?)\b(?=[^.!?]{0,60}\b(?:should|"
        r"can|could|do|does|for|i|he|she|my|him|her|take|give|is)\b)|"
        r"\bhow\s+(?:much|many)\s+(?:\w+\s+){0,3}(?:should|can|could|do|shall)\s+"
        r"(?:i|he|she|we|they|my\s+\w+)\s+(?:take|have|give|use)\b|"
        r"\b(?:should|can|could|shall|do|may|is\s+it\s+ok\s+(?:if|to)|is\s+it\s+safe\s+to)\s+"
        r"(?:i|he|she|we|they|my\s+\w+|you)?\s*(?:increase|decrease|reduce|lower|raise|double|"
        r"halve|skip|miss|split|change|adjust|up|cut)\s+(?:\w+\s+){0,2}(?:dose|dosage|doses|"
        r"tablets?|pills?|medication|meds|mg)\b|\bdouble\s+up\s+on\b",
        not_before=_ADVICE_NOT_ASKED,
    ),
    _r(
        "stop_drug",
        "medical_advice",
        "stop_or_change",
        True,
        r"\b(?:should|can|could|shall|must|do|would\s+it\s+be\s+ok\s+if)\s+(?:i|he|she|we|they|"
        r"my\s+\w+)\s+(?:just\s+)?(?:stop|quit|come\s+off|pause|skip|give\s+up|drop|halt|"
        r"discontinue|cut\s+out)\s+(?:taking\s+|having\s+|my\s+|his\s+|her\s+|the\s+)?"
        r"(?:\w+\s+){0,2}?(?:chemo\w*|treatment|tablets?|pills?|medication|meds|drug|therapy|"
        r"immunotherapy|infusions?|radiotherapy|\w+inib|\w+mab|tagrisso|it)\b|"
        r"\bis\s+it\s+(?:ok|okay|safe|alright|fine|bad)\s+(?:for\s+(?:me|him|her)\s+)?to\s+"
        r"(?:stop|skip|pause|come\s+off|miss|combine|mix|take\s+\w+\s+with|drink\s+\w*\s*(?:on|with|"
        r"while))\b|\b(?:should|can)\s+(?:i|he|she)\s+(?:take|have|drink|eat)\s+(?:\w+\s+){0,3}"
        r"(?:with|while\s+(?:on|taking)|alongside)\s+(?:my|his|her|\w+inib|chemo\w*|immunotherapy|"
        r"treatment)\b",
    ),
    _r(
        "choose_drug",
        "medical_advice",
        "choose_treatment",
        True,
        r"\b(?:should|would|shall)\s+(?:i|he|she|we|they|my\s+\w+)\s+(?:take|have|choose|pick|"
        r"go\s+for|try|start|get|switch\s+to|switch|do|accept|refuse|decline|opt\s+for)\s+"
        r"(?:\w+\s+){0,4}?(?:or|instead|rather|chemo\w*|immunotherapy|radiotherapy|surgery|"
        r"treatment|drug|\w+inib|\w+mab|tagrisso|trial)\b|"
        r"\bwhich\s+(?:treatment|drug|medication|medicine|option|therapy|tki|inhibitor|"
        r"targeted\s+therapy|one)\s+(?:\w+\s+)?(?:should|would|is\s+(?:best|better|right))\s+"
        r"(?:i|he|she|we|for\s+(?:me|him|her|my))\b|"
        r"\bwhat\s+(?:treatment|drug|medication|therapy)\s+(?:should|would\s+you\s+recommend|"
        r"do\s+you\s+recommend)\b|\b(?:is|would)\s+\w+\s+(?:be\s+)?better\s+than\s+\w+\s+for\s+"
        r"(?:me|him|her|my|us)\b|\bbest\s+(?:treatment|drug|option)\s+for\s+(?:me|him|her|my|us)\b|"
        r"\bwhat\s+would\s+you\s+do\s+(?:if\s+you\s+were|in\s+my)\b|"
        r"\b(?:recommend|suggest|prescribe)\s+(?:me|him|her)\s+(?:a|an|some)?\s*(?:treatment|drug|"
        r"medication|dose)\b",
    ),
    _r(
        "read_report",
        "medical_advice",
        "read_report",
        True,
        r"\b(?:read|interpret|explain|look\s+at|check|review|go\s+through|decode|translate|"
        r"analy[sz]e|understand)\s+(?:my|his|her|our|their|these|this|the\s+attached)\s+"
        r"(?:\w+\s+){0,2}(?:report|results?|scan|pathology|biopsy|ngs|genomic\s+\w+|blood\s+tests?|"
        r"ct|mri|pet|numbers|letter|findings|vaf)\b|"
        r"\bwhat\s+does\s+(?:my|his|her|our|the)\s+(?:\w+\s+){0,2}(?:report|result|results|scan|"
        r"pathology|biopsy|letter|vaf|ngs)\s+(?:\w+\s+){0,3}(?:mean|say|show|tell)\b|"
        r"\bhere\s+(?:is|are)\s+(?:my|his|her)\s+(?:\w+\s+)?(?:results?|report|scan)\b|"
        r"\bis\s+(?:my|his|her)\s+(?:\w+\s+)?(?:result|report|scan|vaf|count|level|marker)\s+"
        r"(?:bad|good|normal|worrying|serious|high|low)\b|\bwhat\s+do\s+(?:my|his|her)\s+"
        r"(?:\w+\s+)?(?:results|numbers|markers)\s+mean\b",
        # someone else to read it with ("Can I bring someone to help me understand my results at
        # the clinic appointment?"; the lead's probes before blind Q's first run)
        not_before=r"\b(?:someone|somebody|a\s+(?:friend|relative|family\s+member|interpreter)|"
        r"my\s+(?:\w+\s+)?(?:nurse|doctor|oncologist|consultant|gp|team|daughter|son|wife|husband|"
        r"partner|sister|brother|mum|dad))\s+(?:to\s+)?(?:help\s+(?:me|us)\s+)?(?:to\s+)?$|"
        + _ADVICE_NOT_ASKED,
    ),
    _r(
        "eligibility",
        "medical_advice",
        "eligibility",
        True,
        r"\b(?:am\s+i|is\s+(?:he|she|my\s+\w+)|are\s+(?:we|they))\s+(?:\w+\s+)?(?:eligible|"
        r"qualified|a\s+candidate|suitable|a\s+good\s+candidate)\b|"
        r"\b(?:would|will|do|does|could|can)\s+(?:i|he|she|we|my\s+\w+)\s+(?:\w+\s+)?"
        r"(?:qualify|be\s+eligible|be\s+accepted|be\s+a\s+candidate|meet\s+the\s+criteria|"
        r"get\s+(?:in|into|on)\s+(?:this|that|the)\s+trial)\b|"
        r"\bis\s+(?:this|that|the)\s+(?:trial|study|drug|treatment)\s+(?:\w+\s+)?(?:right|suitable|"
        r"good|ok|appropriate)\s+for\s+(?:me|him|her|us|my)\b|"
        r"\b(?:can|could)\s+(?:i|he|she|my\s+\w+)\s+(?:join|enrol|enroll|take\s+part\s+in|"
        r"get\s+into|go\s+on)\s+(?:this|that|nct\d+)\b",
    ),
    _r(
        "prognosis",
        "medical_advice",
        "prognosis",
        True,
        r"\bhow\s+long\s+(?:do|does|have|has|will|would|can|is|are)\s+(?:i|he|she|we|they|my\s+\w+)"
        r"\s+(?:\w+\s+){0,2}(?:have|got|live|survive|left|last)\b|"
        # a prognosis named is asked for only in a question or after an asking word ("Her
        # prognosis is weeks", "matter-of-fact about her prognosis" are told; blind P and the
        # lead's probes before blind Q's first run)
        r"\b(?:my|his|her|our)\s+(?:\w+\s+)?(?:prognosis|life\s+expectancy|chances|odds|"
        r"survival\s+(?:chances|odds|rate))\b(?![^.!?;]{0,80}[.!;]|[^.!?;]{0,80}$)|"
        r"\b(?:what'?s|what\s+(?:is|are|would\s+be|might\s+be)|tell\s+(?:me|us)|estimate|give\s+"
        r"(?:me|us)|guess|sense\s+of|idea\s+of|realistic\w*|honest\w*|know)\s+(?:\w+\s+){0,4}"
        r"(?:my|his|her|our)\s+(?:\w+\s+)?(?:prognosis|life\s+expectancy|chances|odds|"
        r"survival\s+(?:chances|odds|rate))\b|\b(?:am\s+i|is\s+(?:he|she|my\s+\w+))\s+"
        r"(?:going\s+to|gonna)\s+die\b|\bwill\s+(?:i|he|she|my\s+\w+)\s+(?:die|survive|be\s+cured|"
        r"beat\s+(?:this|it)|make\s+it|live)\b|\bis\s+(?:my|his|her)\s+(?:\w+\s+)?(?:cancer|tumou?r)"
        r"\s+(?:curable|terminal|treatable|incurable|going\s+to\s+kill)\b|"
        r"\bhow\s+(?:much|long)\s+time\s+(?:do|does|have|has)\s+(?:i|he|she|we|my\s+\w+)\b|"
        # the writer's case put as "people like me" ("How long do people like me usually live
        # with stage 4 ROS1?"; the lead's probes before blind R's first run)
        r"\bhow\s+long\s+(?:do|does|would|will|can|could|might)\s+(?:someone|people|patients|men|women|"
        r"a\s+(?:man|woman|person))\s+(?:\w+\s+)?like\s+(?:me|him|her|us|my\s+\w+)\s+(?:\w+\s+){0,2}"
        r"(?:live|survive|last|have)\b|\b(?:what(?:'s|\s+is|\s+are|\s+would\s+be)|tell\s+me|give\s+me|"
        r"know|idea\s+(?:of|about))\s+(?:\w+\s+)?(?:life\s+expectancy|survival\s+(?:rates?|chances?|"
        r"odds|time)|chances?\s+of\s+(?:survival|surviving|cure)|prognosis)\s+(?:for|of)\s+(?:someone|"
        r"people|patients|men|women|a\s+(?:man|woman|person))\s+(?:\w+\s+)?like\s+(?:me|him|her|us|"
        r"my\s+\w+)\b",
        not_before=_ADVICE_NOT_ASKED,
    ),
    _r(
        "advice_more",
        "medical_advice",
        "read_report",
        True,
        r"\bwhat\s+(?:my|his|her|our)\s+(?:\w+\s+){0,2}(?:results?|report|scan|letter|biopsy)\s+"
        r"(?:means?|say|says|shows?)\b",
    ),
    _r(
        "choose_more",
        "medical_advice",
        "choose_treatment",
        True,
        r"\b(?:should|would|shall)\s+(?:i|he|she|we|they|my\s+\w+)\s+(?:go\s+on|be\s+on|"
        r"start\s+on|stay\s+on|go\s+onto|move\s+to)\s+(?:\w+\s+){0,3}?(?:or|first|instead|"
        r"chemo\w*|immunotherapy|\w+inib|\w+mab|treatment|trial)\b",
    ),
    _r(
        "advice_for_me",
        "medical_advice",
        "read_report",
        True,
        r"\bwhat\s+does\s+(?:that|this|it)\s+mean\s+for\s+(?:me|him|her|us|my)\b|"
        r"\b(?:is|are)\s+(?:that|this|it|these)\s+(?:bad|good|normal|serious|worrying|high|low)\s+"
        r"for\s+(?:me|him|her)\b|\b(?:does|do)\s+(?:that|this|it)\s+mean\s+(?:i'?m|i\s+am|he'?s|"
        r"she'?s|he\s+is|she\s+is|my\s+\w+)\b|\b(?:is|are)\s+(?:my|his|her)\s+(?:\w+\s+){0,2}"
        r"(?:\d+|\d+\.\d+)\s*(?:\w+\s+)?(?:bad|good|normal|high|low|worrying)\b|"
        r"\b(?:my|his|her)\s+\w+\s+(?:is|was)\s+\d+(?:\.\d+)?\s*,?\s*(?:is\s+that|does\s+that)\b",
    ),
    _r(
        "choose_for_me",
        "medical_advice",
        "choose_treatment",
        True,
        r"\bwhich\s+is\s+(?:better|best|safer)\s+for\s+(?:me|him|her|us|my)\b|"
        r"\bshould\s+(?:i|he|she|we)\s+(?:refuse|decline|accept|go\s+ahead|wait|hold\s+out|"
        r"restart|take\s+them)\b|\bdo\s+you\s+think\s+(?:i|he|she|we)\s+should\b|"
        r"\bcan\s+(?:i|he|she|my\s+\w+)\s+(?:restart|resume)\b|"
        r"\b(?:can|should)\s+(?:i|he|she|my\s+\w+)\s+(?:take|have|use)\s+(?:\w+\s+){0,4}"
        r"(?:alongside|with|while\s+on)\s+(?:my|his|her)\b|"
        r"\b(?:have|get|take)\s+(?:my|his|her)\s+(?:chemo\w*|immunotherapy|treatment|infusion|"
        r"tablets|dose)\s+if\b|\bthe\s+right\s+(?:amount|dose)\s+for\s+(?:me|him|her|someone\s+"
        r"(?:my|his|her))\b|\bhow\s+(?:many|much)\s+(?:months|years|weeks|time)\s+(?:\w+\s+){0,3}"
        r"(?:left|got)\b",
    ),
    # Added with blind T as a development set (none of its six explicit requests in Spanish,
    # French, German, Italian, Portuguese or Dutch was found): whether the writer should stop,
    # change or keep taking a drug, what dose to take, what the reader would choose in the
    # writer's place ("¿Debería dejar de tomar el
    # tamoxifeno?", "Quelle dose de dexaméthasone dois-je prendre ?", "Soll ich die
    # Immuntherapie abbrechen?", "Posso aumentare da sola la dose di morfina?", "Devo continuar
    # a tomar a dose completa de capecitabina ...?", "Moet ik mijn dosis crizotinib verlagen?")
    _r(
        "advice_other_language",
        "medical_advice",
        "stop_or_change",
        True,
        r"(?:\b(?:deber[ií]a|debo|puedo|tengo\s+que)\s+(?:\w+\s+)?(?:dejar(?:\s+de\s+tomar)?|"
        r"suspender|parar|aumentar|bajar|reducir|subir|doblar|saltarme)|"
        r"\b(?:dois-je|devrais-je|je\s+dois|est-ce\s+que\s+je\s+dois|puis-je|est-ce\s+que\s+je\s+"
        r"peux)\s+(?:\w+\s+)?(?:arr[êe]ter|augmenter|diminuer|r[ée]duire|doubler|sauter|continuer)|"
        r"\b(?:soll(?:te)?|darf|muss|kann)\s+ich\b|"
        r"\b(?:posso|devo|dovrei)\s+(?:\w+\s+){0,2}(?:aumentare|ridurre|diminuire|smettere|sospendere|"
        r"interrompere|raddoppiare|saltare|continuare)|"
        r"\b(?:devo|deveria|posso)\s+(?:\w+\s+)?(?:continuar\s+a\s+tomar|parar(?:\s+de\s+tomar)?|"
        r"deixar\s+de\s+tomar|aumentar|reduzir|diminuir|suspender|interromper)|"
        r"\b(?:moet|mag|zal|kan)\s+ik\b)"
        # the drug or the dose within three words
        rf"(?=\s+(?:[\w'-]+\s+){{0,3}}{_DRUG_OTHER_LANGUAGE})"
        # the German and Dutch verb comes last ("Soll ich die Immuntherapie abbrechen?")
        r"(?:(?<=ich|\sik)(?=[^.!?]{0,50}\b(?:abbrechen|absetzen|weglassen|erh[öo]hen|reduzieren|"
        r"verringern|halbieren|aussetzen|pausieren|verdoppeln|verlagen|verhogen|stoppen|halveren|"
        r"overslaan|minderen|afbouwen|verdubbelen)\b)|(?<!ich)(?<!\sik))|"
        r"\b(?:qu[ée]\s+dosis|quelle\s+dose|welche\s+dosis|quale\s+dose|que\s+dose|qual\s+(?:a\s+)?"
        r"dose|welke\s+dosis)\b(?=[^.!?]{0,60}\b(?:debo|deber[ií]a|tengo\s+que|dois-je|devrais-je|"
        r"je\s+dois|soll\s+ich|sollte\s+ich|muss\s+ich|devo|dovrei|deveria|moet\s+ik|mag\s+ik)\b)|"
        # what the reader would choose in the writer's place ("¿Qué elegiría usted en mi
        # lugar?"; blind T)
        r"\b(?:qu[ée]\s+(?:elegir[ií]a|har[ií]a|escoger[ií]a)(?:\s+usted|\s+t[úu])?\s+en\s+mi\s+"
        r"lugar|que\s+(?:feriez|choisiriez|prendriez)-vous\s+(?:à|a)\s+ma\s+place|was\s+w[üu]rden\s+"
        r"sie\s+an\s+meiner\s+stelle|cosa\s+(?:farebbe|sceglierebbe|faresti|sceglieresti)\s+(?:lei\s+"
        r")?al\s+mio\s+posto|o\s+que\s+(?:faria|escolheria)\s+(?:voc[êe]\s+)?no\s+meu\s+lugar|"
        r"wat\s+zou\s+(?:u|jij|je)\s+(?:doen|kiezen)\s+in\s+mijn\s+plaats)\b|"
        # the writer's own time left, and a choice asked for in Polish (blind U: "Quanto tempo
        # mi resta da vivere?", "Czy powinnam wybrać immunoterapię czy chemię?")
        r"\b(?:cu[áa]nto\s+tiempo\s+(?:de\s+vida\s+)?me\s+queda|combien\s+de\s+temps\s+(?:il\s+)?me\s+"
        r"reste|wie\s+lange\s+habe\s+ich\s+noch|quanto\s+tempo\s+mi\s+(?:resta|rimane)|quanto\s+tempo\s+"
        r"(?:de\s+vida\s+)?me\s+resta|hoe\s+lang\s+heb\s+ik\s+nog|ile\s+(?:mi|czasu\s+mi)\s+zosta[lł]o|"
        r"czy\s+powinn(?:am|iem)\s+(?:wybra[cć]|zacz[aą][cć]|przerwa[cć]|odstawi[cć]|zmniejszy[cć]|"
        r"zwi[eę]kszy[cć]))\b",
        # a hypothetical ("si", "wenn", "als" before it)
        not_before=r"\b(?:si|wenn|falls|als|se|quand|cuando|quando|wanneer)\s+(?:\w+\s+){0,3}$",
    ),
)


# A symptom told as history ("he had a stroke five years ago") or named as the topic of an
# information request ("the NICE guidance on neutropenic sepsis") is not a live red flag.
_PAST_SENTENCE = re.compile(
    r"\b(?:years?\s+ago|months\s+ago|last\s+year|in\s+(?:19|20)\d\d|as\s+a\s+(?:teenager|child|"
    r"kid|student)|at\s+(?:the\s+)?diagnosis|went\s+away|(?:is|are|was)\s+fine\s+now|"
    r"before\s+(?:the|my|his|her|any)\s+(?:diagnosis|treatment)|that'?s\s+how\s+they\s+found|"
    r"which\s+led\s+to|back\s+when|used\s+to|back\s+in\s+(?:\w+|the\s+\w+)|which\s+is\s+how|"
    r"is\s+how\s+(?:they|we|the\s+\w+)\s+found|last\s+(?:spring|summer|autumn|fall|winter)"
    r"|in\s+the\s+(?:summer|spring|autumn|winter)|turned\s+out\s+to\s+be|"
    r"when\s+(?:i|he|she|we)\s+(?:was|were)\s+(?:first\s+)?diagnosed|it\s+was\s+(?:just|only)|"
    r"doing\s+(?:well|fine|great)\s+now|in\s+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)|it\s+settled|(?:all|all\s+good|fine|ok|okay|"
    r"better)\s+now|seizure[\s-]*free|in\s+the\s+end|home\s+and\s+doing\s+well|(?:fully\s+)?"
    r"recovered|never\s+happened\s+again|never\s+came\s+back|there\s+was\s+a\s+time|"
    r"in\s+(?:my|his|her|their)\s+(?:early\s+|late\s+|mid[\s-]*)?(?:teens|twenties|thirties|forties|fifties|20s|30s|40s|50s)|"
    r"long\s+behind\s+(?:me|us|him|her|them)|(?:is|are|now)\s+thriving|"
    # Added with blind set E as a development set: "chest pains for months before they found
    # it", "after my diagnosis, but I'm 3 years on".
    r"before\s+(?:they|the\s+doctors?|we)\s+(?:found|diagnosed)|before\s+(?:i|he|she|we|they)\s+"
    r"(?:was|were|got)\s+diagnosed|(?:\d+|one|two|three|four|five|six|several|many)\s+years\s+on|"
    # Added with blind set F as a development set: an age or "N years clear" dates the event
    # ("when I was 16 I self-harmed", "had sepsis and pulled through, she's 5 years clear").
    r"when\s+(?:i|he|she|we|they)\s+(?:was|were)\s+(?:only\s+|just\s+|about\s+|around\s+)?"
    r"(?:\d{1,2}|a\s+(?:teen\w*|child|kid|student|baby|toddler))|(?:aged|at\s+(?:the\s+)?age\s+"
    r"(?:of\s+)?)\s*\d{1,2}|pulled\s+through|(?:\d+|one|two|three|four|five|six|several|many)\s+"
    r"years\s+(?:clear|cancer[\s-]*free|in\s+remission))\b",
    _F,
)
_INFO_BEFORE = re.compile(
    # "how do I recognise ..." in German, French, Spanish, Italian, Dutch and Portuguese ("Wie
    # erkenne ich eine neutropene Sepsis?"; blind Q)
    r"\b(?:wie|woran)\s+erkenne\s+ich\s+(?:\w+\s+){0,2}$|\bcomment\s+reconna[iî]tre\s+(?:\w+\s+){0,2}$|"
    r"\bc[oó]mo\s+(?:reconozco|reconocer)\s+(?:\w+\s+){0,2}$|\bcome\s+riconosc\w+\s+(?:\w+\s+){0,2}$|"
    r"\bhoe\s+herken\s+(?:ik|je)\s+(?:\w+\s+){0,2}$|\bcomo\s+reconhe[cç]\w+\s+(?:\w+\s+){0,2}$|"
    # "what should one do if ..." ("Was ist zu tun, wenn während der Chemo Fieber auftritt? Gibt
    # es dazu ein Merkblatt?"; blind S)
    r"\bwas\s+(?:ist\s+zu\s+tun|tut\s+man|sollte\s+man\s+tun),?\s+wenn\s+(?:\w+\s+){0,4}$|"
    r"\bque\s+faire\s+(?:si|quand|en\s+cas\s+de)\s+(?:\w+\s+){0,4}$|\bqu[ée]\s+hacer\s+(?:si|cuando|en\s+caso\s+de)\s+"
    r"(?:\w+\s+){0,4}$|\bcosa\s+fare\s+(?:se|quando|in\s+caso\s+di)\s+(?:\w+\s+){0,4}$|"
    r"\bwat\s+(?:te\s+doen|moet\s+je\s+doen)\s+(?:als|bij)\s+(?:\w+\s+){0,4}$|\bo\s+que\s+fazer\s+(?:se|quando|em\s+caso\s+de)\s+"
    r"(?:\w+\s+){0,4}$|"
    r"\b(?:guidance|guidelines?|leaflets?|information|info|research|recommendations?|statistics|"
    r"(?:quality\s+)?standards?|frameworks?|best\s+practice|"
    r"data|articles?|training|webinars?|policy|protocols?|pathway|audit|teaching|sessions?|"
    r"courses?|workshops?|talks?|presentations?|lectures?|modules?)\s+(?:on|about|"
    r"for|regarding|around|in|into)\s+(?:\w+\s+){0,3}$|"
    r"\b(?:what\s+(?:does|do|is|are)|what'?s|meaning\s+of|define|definition\s+of)\s+"
    r"(?:the\s+(?:term|word|phrase)\s+)?\W?$|\b(?:callers?|patients?|people|someone|anyone|"
    r"clients?|relatives|users?)\s+(?:who\s+|that\s+)?(?:mentions?|reports?|describes?|"
    r"discloses?|raises?|express(?:es)?|talks?\s+about|present\s+with|have|has|get|complain\s+of)"
    r"\s+$|\b(?:read|learn|find\s+out|know)\s+(?:more\s+)?about\s+(?:how\s+)?(?:\w+\s+){0,2}$|"
    r"\b(?:signs?|symptoms?|indications?)\s+(?:that\s+)?(?:someone|somebody|a\s+person|people|"
    r"patients?|a\s+patient|a\s+loved\s+one|a\s+(?:parent|partner|relative|friend|child|"
    r"teen\w*|family\s+member|carer))\b[^.!?]{0,40}$|"
    # Added after blind set D (carers' and helpline staff's questions about crisis topics).
    r"\bhow\s+(?:would|do|can|could|will|should|might)\s+(?:i|we|you|someone|a\s+carer)\s+"
    r"(?:know|tell|spot|recogni[sz]e|notice|detect|check|find\s+out|ask\b(?:\s+\w+){1,3}?\s+"
    r"(?:if|whether|about))\b(?:(?!\b(?:i'?m|i\s+am|im|i'?ve|ive|myself|me|i)\b)[^.!?,;]){0,40}$|"
    r"\b(?:calls|chats?|transcripts?|conversations|messages|cases|callers|clients)\s+"
    r"(?:\w+\s+){0,2}(?:where|that|which|who|about|in\s+which)\s+"
    r"(?:\w+\s+){0,2}(?:disclosed|disclose|discloses|mentioned|mention|mentions|report(?:s|ed)?|"
    r"described|raised?|talk(?:s|ed)?\s+about|said|says|told\s+us|expressed|involve[sd]?|"
    r"have\s+had|had|involving)\s+(?:\w+\s+){0,3}$|"
    r"\bwhen\s+(?:a|the|our)?\s*(?:callers?|clients?|patients?|someone|people|users?)\s+"
    r"(?:says?|tells?\s+(?:us|you)|mentions?|discloses?)\s+(?:that\s+)?(?:they|he|she)\s+"
    r"(?:\w+\s+){0,2}$|"
    r"\b(?:calls?|chats?|questions?|studies|debriefs?|conversations?)\s+(?:about|on|around|"
    r"regarding|involving)\s+(?:\w+\s+){0,1}$|"
    r"\bstud(?:y|ies)\s+(?:on|of|into)\s+(?:\w+\s+){0,2}$|"
    r"\b(?:posts|threads|stories|articles|videos|forum\s+posts)\s+(?:about|on|around|"
    r"regarding|mentioning)\s+(?:\w+\s+){0,3}$|"
    r"\b(?:callers?|patients?|people|clients?|users?|residents?|members?)\s+(?:who|that)\s+"
    r"(?:say|says|said|tell\s+(?:us|you|me|staff))\s+(?:that\s+)?(?:they|he|she)\s+"
    r"(?:\w+\s+)?$|"
    r"\bdifference\s+between\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,3}(?:and\s+(?:an?\s+|the\s+)?)?$",
    _F,
)
# "what are the signs of self-harm I should look out for?" (but not "I found signs of ...").
_SIGNS_OF_BEFORE = re.compile(
    r"\b(?:signs?|symptoms?|indicators?|red\s+flags?)\s+of\s+(?:\w+\s+)?$", _F
)
_SIGNS_SEEN = re.compile(
    r"\b(?:found|find|noticed|notice|seen|saw|spotted|showing|shows|having|has|had|there\s+are|"
    r"there'?s|clear|obvious|fresh|new)\s+(?:\w+\s+){0,2}$",
    _F,
)
_ASKING = re.compile(
    r"\?|\b(?:what|which|how|look\s+out|watch\s+(?:out\s+)?for|keep\s+an\s+eye|should\s+(?:i|we)|"
    r"tell\s+me|any\s+(?:advice|guidance|info))\b",
    _F,
)
# A statement in the first person ("I'm", "I want", "myself"): never vetoed as a topic.
_FIRST_PERSON_STATEMENT = re.compile(
    r"\b(?:i'?m|i\s+am|im|i'?ve|ive|i\s+have|i\s+feel|i\s+want(?!\s+to\s+(?:be\s+(?:prepared|"
    r"ready|able\s+to\s+help)|know\s+(?:how|what|the\s+signs)|learn|understand|help\s+(?:her|him|"
    r"them)|support\s+(?:her|him|them)))|i\s+keep(?!\s+an\s+eye)|i\s+was|i'?ll|myself)\b",
    _F,
)
# A caller's words relayed by staff ("helpline staff here - caller says her husband (on chemo)
# has a fever of 39.5 and is shivering ... what do I tell her"; blind T): a person now, so a
# staff frame (``_TOPIC_FRAME``) neither vetoes nor lowers it; a role frame (a quiz, a
# role-play, training material: ``_ROLE_FRAME``) still does.
_RELAYED_CALLER_WORDS = (
    r"(?:^|[-:;,.]\s*|\b(?:my|this|i\s+have\s+a|i'?ve\s+got\s+a)\s+)caller\s+(?:\w+\s+)?(?:says|"
    r"said|tells\s+me|told\s+me|reports|is\s+saying)\b|\bcaller'?s\s+(?:\w+\s+)?(?:husband|wife|"
    r"partner|mum|mother|dad|father|son|daughter|brother|sister|friend)\s+(?:is|has|was|just|can'?t)\b"
)
# Someone in particular, now: "the caller I'm on with says she ...", "she has just ...".
_DEFINITE_NOW = re.compile(
    r"\b(?:the\s+(?:caller|client|patient|person)\b|(?:she|he)(?:'s|\s+is|\s+has|\s+says|"
    r"\s+said|\s+just|\s+keeps)\b|on\s+the\s+(?:line|phone|chat)\b|\bnow\b)"
    # a caller's words relayed (``_RELAYED_CALLER``)
    + "|"
    + _RELAYED_CALLER_WORDS,
    _F,
)
_RELAYED_CALLER = re.compile(_RELAYED_CALLER_WORDS, _F)
# Staff, training and research framing: the message is about the topic, not a person now.
_TOPIC_FRAME = re.compile(
    r"^\W*(?:staff|training|team|policy|research|audit|admin|volunteer\s+training)\s+"
    r"(?:question|query|item|request|note)\b|\bfor\s+(?:the|our|my)\s+(?:team\s+|staff\s+)?"
    r"(?:handbook|dissertation|thesis|training|policy|newsletter|audit|coursework|essay)\b|"
    r"\b(?:team\s+meeting|helpline\s+staff|our\s+(?:staff|volunteers|team)|debrief\w*|"
    r"retention\s+(?:rules?|polic\w+)|safeguarding\s+(?:wording|policy|procedure)|"
    r"how\s+(?:should|do|can)\s+we\s+(?:word|respond|log|handle|record|reply)|"
    # Added with blind set E as a development set (organisations' and writers' questions).
    r"safeguarding\s+(?:section|lead|team)|helpline\s+script|media\s+guidelines|fact\s*sheet|"
    r"escalation\s+(?:process|protocol|policy|procedure|pathway)|general\s+guidance|lived[\s-]experience\s+roles?|"
    r"(?:volunteer|staff|team)\s+handbook|"
    # Added with blind set F as a development set: someone writing, teaching or building
    # material about the topic ("I'm writing a patient leaflet", "giving a talk at his rotary
    # club", "building a sepsis flowchart", forum moderators, chaplaincy teams).
    r"(?:writing|written|wrote|drafting|preparing|putting\s+together|updating)\s+(?:[\w-]+\s+){0,3}"
    r"(?:leaflet|article|blog\s+post|book|memoir|anthology|chapter|essay|script|novel|"
    r"presentation|talk|lecture|newsletter|piece|(?:education(?:al)?\s+|teaching\s+|training\s+)?"
    r"(?:material|materials|handouts?|slides))|anthology|"
    r"giv(?:e|es|ing)\s+a\s+(?:\w+\s+)?(?:talk|presentation|lecture|speech)|"
    r"(?:building|designing|creating|making|updating)\s+(?:a|an|our|the)\s+(?:\w+\s+){0,2}"
    r"(?:flowchart|flow\s+chart|pathway|template|toolkit|checklist|protocol|algorithm|poster)|"
    r"i\s+moderate|moderators?|chaplain\w*|"
    # blind L: "training reviewers for a chatbot. Give three examples of messages that mention
    # suicide"
    r"examples?\s+of\s+(?:messages|texts|posts|phrases|things\s+people\s+(?:say|write))|"
    # blind T: "what is best practice for responding when a caller mentions suicide?", and
    # training, courses and procedures asked for in Spanish, Portuguese, French, German,
    # Italian and Dutch ("busco formación sobre cómo responder a pacientes con ideas suicidas",
    # "material sobre ideação suicida ... para formação da equipa", "quelle est la procédure
    # si un appelant parle de suicide ?")
    r"best\s+practice\s+(?:for|when|in|on)\s+(?:responding|handling|supporting|dealing|"
    r"answering)|"
    # "what's your protocol when a caller mentions suicide? we want to align our training"
    # (blind V)
    r"(?:protocol|policy|procedure|process)\s+(?:is\s+)?(?:when|if|for\s+when)\s+(?:a|someone|"
    r"somebody|anyone)\s+(?:\w+\s+)?(?:mentions|says|raises|talks\s+about|discloses)|align\s+our\s+"
    r"(?:training|policy|procedures?|protocols?)|"
    r"(?:busco|buscamos|necesito|necesitamos|procuro|procuramos|preciso\s+de)\s+(?:\w+\s+){0,2}"
    r"(?:formaci[óo]n|forma[çc][ãa]o|cursos?|materiale?s?|materiais|protocolos?)|para\s+(?:a\s+)?"
    r"forma[çc][ãa]o\s+d[aoe]|c[óo]mo\s+(?:responder|actuar|reaccionar)\s+(?:a|ante|cuando)|"
    r"como\s+responder\s+(?:a|quando)|quelle\s+est\s+la\s+proc[ée]dure\s+(?:si|quand|lorsqu)|"
    r"(?:formation|proc[ée]dure|protocole)\s+(?:sur|pour)|formations?\s+(?:\w+\s+){0,2}(?:sur|pour)\s+"
    r"(?:les\s+)?(?:b[ée]n[ée]voles|[ée]coutants|soignants|[ée]quipes?)|b[ée]n[ée]voles?\s+d'[ée]coute|"
    r"un\s+appelant\s+(?:parle|dit|mentionne|"
    r"[ée]voque)|comment\s+r[ée]pondre\s+(?:à|a|quand|lorsqu)|(?:schulung|fortbildung|weiterbildung|"
    r"leitfaden)\s+(?:zu|zum|zur|über|f[üu]r)|wie\s+(?:reagiere|reagieren|antworte|antworten)\s+"
    r"(?:ich|wir|man)|(?:formazione|corso|corsi|protocollo|procedura)\s+(?:su|sul|sulla|per)|"
    r"come\s+rispondere\s+(?:a|quando)|(?:training|opleiding|cursus|protocol)\s+(?:over|voor)|"
    r"hoe\s+(?:reageer|reageren|antwoord)\s+(?:ik|je|we)|"
    # "o que fazer se alguém diz que quer acabar com tudo" and the same in five languages (the
    # lead's probes after blind T)
    r"(?:o\s+que\s+fazer|qu[ée]\s+hacer|que\s+faire|was\s+(?:tun|mache\s+ich)|cosa\s+fare|wat\s+te\s+"
    r"doen|wat\s+doe\s+ik)\s+(?:se|si|wenn|als|quando|cuando|quand|lorsqu'?)\s+(?:alguien|"
    r"algu[ée]m|quelqu'un|jemand|qualcuno|iemand|un[ae]?\s+\w+|ein(?:e|er)?\s+\w+|een\s+\w+)\s+"
    r"(?:\w+\s+){0,2}(?:dice|diz|dit|sagt|zegt|habla|fala|parle|spricht|praat|parla|menciona|"
    r"mentionne|erw[äa]hnt)|"
    # a character in a book, a film or a series ("J'ai lu un roman où l'héroïne a un cancer et
    # veut mourir")
    r"(?:un|una|uma|uno|le|ce|une|la|el|ein(?:en|em)?|eine[nm]?|den|um|o|een|het|de|il|lo)\s+"
    r"(?:roman|film|s[ée]rie|livre|novela|pel[íi]cula|libro|buch|romanzo|racconto|romance|filme|"
    r"boek|serie|verhaal|kurzgeschichte|geschichte|histoire|historia|hist[óo]ria|opowiadani\w*|"
    r"powie[sś][cć]|ksi[aą][zż]k\w*)\s+(?:où|donde|en\s+(?:el|la)\s+que|in\s+(?:dem|der)|wo|in\s+"
    r"cui|dove|onde|em\s+que|waarin|waar|o|über|sur|sobre|su|over)|"
    # the lead's probes after blind T: "Escribo una novela ...", "Sto scrivendo un racconto su un
    # personaggio che pensa al suicidio", "Piszę opowiadanie o bohaterce, która ..."
    r"(?:escribo|estoy\s+escribiendo|j'?[ée]cris|ich\s+schreibe|sto\s+scrivendo|scrivo|"
    r"estou\s+a\s+escrever|estou\s+escrevendo|escrevo|ik\s+schrijf|pisz[eę])\s+(?:\w+\s+){0,2}"
    r"(?:novela|roman|livre|libro|buch|kurzgeschichte|geschichte|racconto|romanzo|livro|verhaal|"
    r"boek|opowiadanie|powie[sś][cć]|ksi[aą][zż]k[eę]|histoire|historia|hist[óo]ria|guion|"
    r"sc[ée]nario|drehbuch|sceneggiatura|roteiro|scenariusz)|"
    r"(?:personaje|personnage|personaggio|personagem|protagonist\w*|bohater\w*|hero[íi]na|"
    r"h[ée]ro[ïi]ne|eroina)\s+(?:que|qui|che|die|der|kt[oó]r\w*|who)|"
    # school and study work, and the law, asked in other languages ("Mettre fin à sa vie : que
    # dit la loi en France ? C'est pour un exposé"; the lead's probes after blind V)
    r"pour\s+(?:un|une|mon|ma)\s+(?:expos[ée]|pr[ée]sentation|m[ée]moire|devoir|th[èe]se|article)|"
    r"para\s+(?:un|una|mi)\s+(?:trabajo|tesis|presentaci[óo]n|exposici[óo]n|art[íi]culo)|"
    r"f[üu]r\s+(?:ein(?:e|en)?|meine?n?)\s+(?:referat|hausarbeit|seminararbeit|pr[äa]sentation|"
    r"artikel)|per\s+(?:una|un|la\s+mia|il\s+mio)\s+(?:tesi|relazione|presentazione|articolo|"
    r"ricerca)|para\s+(?:um|uma|o\s+meu|a\s+minha)\s+(?:trabalho|tese|apresenta[çc][ãa]o|artigo)|"
    r"voor\s+(?:een|mijn)\s+(?:werkstuk|scriptie|presentatie|artikel|spreekbeurt)|"
    r"que\s+dit\s+la\s+loi|qu[ée]\s+dice\s+la\s+ley|was\s+sagt\s+das\s+gesetz|cosa\s+dice\s+la\s+"
    r"legge|o\s+que\s+diz\s+a\s+lei|wat\s+zegt\s+de\s+wet)\b",
    _F,
)
# "my dog had a seizure": an animal, not a person (emergency findings).
_ANIMAL_BEFORE = re.compile(
    r"\b(?:my|our|the|his|her|their)\s+(?:dog|cat|pet|puppy|kitten|rabbit|horse|hamster|"
    r"parrot)\s+(?:\w+\s+){0,2}$",
    _F,
)


_INFO_QUESTION = re.compile(
    # "qué es la 'muerte celular programada'? lo vi en un artículo" (blind W) and the same
    # opening in five more languages
    r"^\W*(?:qu[ée]\s+es|qu'est-ce\s+que|was\s+ist|cos'?\s*[èe]|o\s+que\s+[ée]|wat\s+is|co\s+to\s+"
    r"jest)\b|"
    r"^\W*(?:what|what'?s|how|why|is|are|does|do|can|could|when|where|which|should|will|would|"
    r"tell\s+me|information|info|explain|any)\b|\?\s*$|\b(?:side\s+effects?|a\s+sign\s+of|"
    r"symptoms?\s+of|signs?\s+of|caused?\s+by|causes?|common|normal|risks?\s+of)\b",
    _F,
)
# Hypotheticals ("what should I do if I get a temperature on chemo?") ask for information.
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:if|when|in\s+case)\s+(?:i|you|he|she|they|we|someone|somebody|a\s+patient|patients|"
    r"people|my\s+\w+)\s+(?:\w+\s+){0,3}?(?:gets?|got|has|have|had|develops?|starts?|feels?|"
    r"is|are)\b"
    r"[^.!?]{0,40}$",
    _F,
)
# "if my dad collapsed at home one day": the event itself is the hypothetical.
_IF_WHO_BEFORE = re.compile(
    r"\b(?:if|in\s+case|should)\s+(?:you|he|she|they|someone|somebody|a\s+patient|my\s+\w+)\s+"
    r"(?:ever\s+|suddenly\s+|one\s+day\s+)?$",
    _F,
)


# "a sepsis awareness leaflet", "the self-harm policy", "suicide prevention training": the red
# flag names the topic of an information request.
_INFO_AFTER = re.compile(
    r"^\W{0,2}(?:awareness|leaflets?|policy|policies|prevention|training|guidance|guidelines?|"
    r"protocols?|campaigns?|statistics|research|posters?|module|course|factsheets?|"
    r"information|resources?|flow\s*charts?|templates?|pathways?|checklists?|toolkits?|"
    r"algorithms?)\b",
    _F,
)
# "what should make me call an ambulance", "when to ring 999": a question about when.
_WHEN_TO_BEFORE = re.compile(
    r"\b(?:when|whether)\s+(?:to|should\s+(?:i|we)|do\s+(?:i|we)|(?:i|we)\s+should)\s+$|"
    r"\bmake\s+(?:me|us|you|someone)\s+$|\bwhat\s+(?:sorts?\s+of\s+|kinds?\s+of\s+)?(?:things|"
    r"symptoms|signs)\b[^.!?]{0,40}$",
    _F,
)
# A temperature named as the rule for when to call, not as anyone's reading ("My sister is a
# nurse and says 38 degrees is the cut-off for calling the chemo line"; the lead's probes before
# blind Q's first run). "My temp is 38.5, is that the cut-off?" names a reading and stays.
_CUT_OFF = re.compile(
    r"\b(?:3[789]|40)(?:[.,]\d)?\s*(?:°\s*c?|degrees(?:\s+c)?|c)?\s+(?:is|was|as)\s+(?:the|their|"
    r"your|our)\s+(?:cut[\s-]*off|threshold|limit|trigger|magic\s+number)\b",
    _F,
)
# Figures of speech around symptom words: "nearly had a heart attack at the price", "laughed so
# hard she couldn't breathe", "a fit of the giggles".
_IDIOM_BEFORE = re.compile(r"\b(?:nearly|almost|practically|half)\s*$", _F)
_IDIOM_SENTENCE = re.compile(
    r"\blaugh\w*|\bgiggl\w*|\blol\b|\blmao\b|\bhaha\w*|\b(?:cried|sobbed|cheered|screamed)\s+"
    r"so\s+(?:hard|much)\b|\bfit\s+when\s+(?:he|she|i|they|we)\s+"
    r"(?:saw|heard|found\s+out|got|read|opened)\b|\bfit\s+of\s+(?:the\s+)?\w+|\b(?:film|movie|tv\s+show|series|episode|"
    r"novel|soap|character|bloodbath|bake[\s-]*off|in\s+stitches|(?:i'?m|i\s+am)\s+melting)\b",
    _F,
)


# the symptom told as the content of a dream ("dreamt I was drowning", "had a nightmare I was
# choking"); "woke from a nightmare and now I can't breathe" is not
_DREAM = re.compile(
    r"\b(?:dreamt|dreamed|dreaming|(?:in\s+)?(?:my|a|the)\s+(?:bad\s+)?dream|nightmare)\s+(?:that\s+|"
    r"about\s+)?(?:i|he|she|we|they|my\s+\w+)\s+(?:was|were|had|couldn'?t|could\s+not|kept)\b",
    _F,
)


def _sentence(norm: str, start: int, end: int) -> str:
    """The sentence (split on . ! ? ;) that contains norm[start:end]."""
    left = max(norm.rfind(c, 0, start) for c in ".!?;")
    rights = [i for i in (norm.find(c, end) for c in ".!?;") if i != -1]
    return norm[left + 1 : min(rights) if rights else len(norm)]


# "diagnosed in March ... and now I'm thinking about suicide": history told before a live event.
_LIVE = re.compile(
    r"\b(?:right\s+now|tonight|at\s+the\s+moment|currently|(?:and|but)\s+now"
    # "... ten years ago and now work as a peer supporter" is not a live event (blind K)
    r"(?!\s+(?:work|working|volunteer|volunteering)\s+as\b|\s+(?:runs|leads|organi[sz]es|"
    r"campaigns|speaks|teaches)\b|\s+(?:a|an)\s+(?:\w+\s+)?(?:advocate|"
    # "... years ago, and now our daughter is the one with cancer" (blind O)
    r"peer|volunteer)|\s+(?:our|my|his|her|their)\s+(?:\w+\s+)?(?:is|has|was)\b)|"
    r"(?<!ing )again\s+now|"
    r"these\s+days|(?:started|starting|begun|began|doing\s+it|at\s+it)\s+(?:[\w-]+\s+){0,2}"
    r"again|"
    r"lately|(?:thinking|feeling)\s+(?:about\s+)?(?:it|that|this)\s+again|like\s+that\s+again|"
    # Added with blind set G as a development set: an onset today keeps a symptom live beside
    # a history clause ("chest pain and breathless since I got up, I had a clot last year").
    r"since\s+(?:i|he|she|we|they)\s+(?:got\s+up|woke(?:\s+up)?)|since\s+(?:this\s+morning|"
    r"last\s+night|earlier\s+today|lunch(?:time)?|breakfast|dinner|supper)|for\s+the\s+(?:last|past)\s+(?:hour|"
    r"(?:few|couple\s+of|\d+|two|three)\s+hours)|"
    # "Chest pain and breathless, I had a blood clot last year and I'm on lorlatinib, it's
    # getting worse" (blind R)
    r"(?:it'?s|it\s+is|is|are|they'?re|keeps)\s+getting\s+worse|(?:way\s+|much\s+|a\s+lot\s+|far\s+)?"
    r"more\s+than\s+(?:the\s+odd|usual|before|ever|normal))\b",
    _F,
)


# "I feel like a burden on my daughter, are there services that could help with lifts?": the
# burden is named to ask for practical help (blind set D, C); any other crisis cue still fires.
_PRACTICAL_HELP = re.compile(
    r"\b(?:services?|lifts?|transport|cleaning|cleaners?|respite|a\s+break|grants?|benefits|"
    r"allowance|volunteer\s+drivers?|home\s+help|meals|shopping|childcare|more\s+help\s+so)\b",
    _F,
)


_PAST_VERB = re.compile(
    r"\b(?:had|was|were|went|did|got|took|ended\s+up|needed|spent|called|rang|happened|"
    r"collapsed|fainted|fell|passed\s+out|stopped|started|bled|choked|developed|sent|rushed|felt|"
    r"admitted)\b",
    _F,
)
_NOW_WELL = re.compile(
    r"\b(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+years?\s+"
    r"(?:clear|cancer[\s-]*free|in\s+remission|on)|very\s+much\s+(?:here|alive)|(?:i'?m|he'?s|"
    r"she'?s|they'?re|i\s+am|he\s+is|she\s+is)\s+\d{1,3}\s+now|(?:walking|working|driving|"
    r"running|cycling|swimming)\s+again|pulled\s+through|(?:being\s+)?(?:really\s+|very\s+|so\s+)?"
    r"well\s+looked\s+after|in\s+(?:very\s+)?(?:good|safe)\s+hands|(?:that|this|it)\s+was\s+(?:\w+\s+){0,2}(?:years?|months)\s+ago|"
    r"(?:i'?m|he'?s|she'?s|they'?re)\s+(?:doing\s+)?(?:totally\s+|completely\s+|absolutely\s+|"
    r"really\s+)?(?:well|fine|great)\s+now|"
    # "This year I've finished treatment and want to give something back" (blind P)
    r"(?:i'?ve|he'?s|she'?s|i\s+have|has)\s+(?:now\s+)?finished\s+(?:\w+\s+){0,2}treatment|"
    # "He's home and recovering well", "She's on steroids and stable now, home with us" (blind O)
    r"recovering\s+(?:well|nicely|fine|at\s+home)|home\s+and\s+(?:recovering|doing\s+well|well|"
    r"fine)|(?:stable|settled)\s+now|now\s+(?:stable|settled)|home\s+with\s+us|"
    # "My husband collapsed last month from low sodium; the endocrine team sorted it" (blind R)
    r"(?:team|doctors?|hospital|ward|gp|inhaler|spray)\s+(?:has\s+|have\s+)?(?:sorted|fixed|dealt\s+with)\s+"
    r"(?:it|him|her|that)(?:\s+out)?|"
    # blind S: "it's all been sorted and I'm on levetiracetam now", "she's home now after her
    # pleural effusion was drained", "they found nothing wrong", "Turned out fine."
    r"(?:it'?s|it\s+has|that'?s|that\s+has|everything'?s|everything\s+has)\s+(?:all\s+)?been\s+sorted|"
    # (not "I'm home now": "I think I'm having anaphylaxis ... I'm home now", blind F)
    r"(?:he'?s|she'?s|they'?re|he\s+is|she\s+is)\s+(?:back\s+)?home\s+now|"
    r"found\s+nothing\s+(?:wrong|serious|abnormal)|(?:it'?s|it\s+has|that'?s|all)\s+(?:all\s+)?(?:been\s+)?"
    r"resolved|turned\s+out\s+(?:to\s+be\s+)?(?:fine|ok|okay|"
    r"nothing)|"
    # "I had a massive nosebleed last week, ENT cauterised it and it's been fine since" (blind R)
    r"(?:it'?s|it\s+has|he'?s|she'?s|i'?ve|they'?ve|all)\s+been\s+(?:fine|ok|okay|good|great|well)\s+"
    r"(?:ever\s+)?since|"
    # the care praised afterwards ("last month my wife had a fever on chemo and we went
    # straight to A&E - they were amazing"; blind T)
    r"(?:they|the\s+(?:team|staff|nurses|doctors|ward|paramedics))\s+were\s+(?:absolutely\s+|"
    r"so\s+|really\s+)?(?:amazing|brilliant|fantastic|wonderful|excellent|superb|great)|"
    r"nominate\s+(?:the|them|her|him)\b|"
    # the cause found harmless ("rushed to A&E with chest pain on Monday; it was reflux and he's
    # home"; the lead's probes after blind T)
    r"it\s+(?:was|turned\s+out\s+to\s+be)\s+(?:just\s+|only\s+)?(?:reflux|indigestion|heartburn|"
    r"acid|(?:trapped\s+)?wind|a\s+pulled\s+muscle|muscular|a\s+panic\s+attack|anxiety|(?:my|his|her)\s+"
    r"asthma|nothing\s+"
    r"serious)\b(?![^.!?]{0,20}\b(?:last\s+time|before|previously|that\s+time)\b))\b",
    _F,
)


# ... and so does the present perfect ("My mum has collapsed and is unconscious, she was
# diagnosed ... last year"; blind N)
_JUST_BEFORE = re.compile(r"\b(?:just|right\s+now|has|have|'ve)\s+$", _F)
_PLAN_AT_MATCH = re.compile(
    r"\b(?:i'?m|im|i\s+am)\s+(?:going\s+to|gonna|planning\s+to|about\s+to)\b", _F
)


def _vetoed(rule: _Rule, norm: str, start: int, end: int) -> bool:
    """True when a crisis/emergency match is history or the topic of an information request."""
    if rule.category == "medical_advice":
        return False
    if _INFO_BEFORE.search(norm[max(0, start - 80) : start]):
        return True
    live = bool(_LIVE.search(norm))
    if (
        rule.category == "crisis"
        and not live
        and _EXPLAINED_IDIOM.search(norm)
        and (
            _in_quotes(norm, start)
            or _QUOTED_BEFORE.search(norm[max(0, start - 40) : start])
            or norm.rfind("(", 0, start) > norm.rfind(")", 0, start)
        )
        and not _MEANT.search(norm)
    ):
        return True
    # a crisis word explained as meaning something else ("I said I wanted to die in my last
    # message, I meant of boredom", "'ending it all', I meant ending my Facebook account"), or
    # hyperbole about an everyday annoyance with a laugh ("the insurance paperwork makes me want
    # to shoot myself lol"); blind R
    if (
        rule.category == "crisis"
        and not live
        and (
            _MEANT_OTHER.search(norm) or (_ANNOYANCE_HYPERBOLE.search(norm) and _LAUGH.search(norm))
        )
        and not _MEANT.search(norm[end:])
    ):
        return True
    # said and then taken back as not meant ("i said 'i want to die' when i heard the news but i
    # didnt mean it literally, i was just in shock. im ok"; blind W)
    if rule.category == "crisis" and not live and _NOT_MEANT.search(norm[end : end + 120]):
        return True
    # a symptom that has stopped ("Since the radiotherapy I'm not coughing blood anymore")
    if (
        rule.category == "emergency"
        and _NOT_BEFORE_MATCH.search(norm[max(0, start - 20) : start])
        and _NO_MORE_AFTER.search(norm[end : end + 30])
    ):
        return True
    sentence = _sentence(norm, start, end)
    if (
        _TOPIC_FRAME.search(norm)
        and not live
        and not _DEFINITE_NOW.search(norm)
        and not _FIRST_PERSON_STATEMENT.search(sentence)
    ):
        return True
    before = norm[max(0, start - 40) : start]
    signs = _SIGNS_OF_BEFORE.search(before)
    if signs and not _SIGNS_SEEN.search(before[: signs.start()]) and _ASKING.search(sentence):
        return True
    if rule.rule == "burden" and _PRACTICAL_HELP.search(norm):
        return True
    if rule.category == "emergency" and _WHEN_TO_BEFORE.search(norm[max(0, start - 60) : start]):
        return True
    if (
        rule.category == "emergency"
        and not live
        and _CUT_OFF.search(sentence)
        and not _READING.search(sentence)
    ):
        return True
    if _INFO_AFTER.search(norm[end : end + 30]):
        return True
    if rule.category == "emergency":
        if _IDIOM_BEFORE.search(norm[max(0, start - 12) : start]):
            return True
        if _ANIMAL_BEFORE.search(norm[max(0, start - 40) : start]):
            return True
        if _IDIOM_SENTENCE.search(_sentence(norm, start, end)):
            return True
    # a dream ("Last night I dreamt I was drowning, woke up gasping, then realised I was just
    # tangled in the duvet"; the lead's probes before blind Q's first run)
    if rule.category == "emergency" and _DREAM.search(sentence) and not _LIVE.search(sentence):
        return True
    if rule.category == "emergency" and _HYPOTHETICAL_BEFORE.search(norm[max(0, start - 60) : end]):
        return True
    if (
        rule.category == "emergency"
        and _IF_WHO_BEFORE.search(norm[max(0, start - 40) : start])
        and not live
    ):
        return True
    if (
        rule.category == "crisis"
        and not live
        and _IF_THEY_EVER_SAY.search(norm[max(0, start - 80) : start])
        and not _SAID_ALREADY.search(norm)
    ):
        return True
    sentence = _sentence(norm, start, end)
    # "just" right before the match makes it live whatever else the sentence says ("finished his
    # treatment last year and he's just cut his wrists"; blind J)
    # ... and so does the writer's own plan said at the match ("ive bought the hose and i'm going
    # to do it in the car on sunday", in a long message that says "i lost my job in march";
    # blind X)
    live_at_match = bool(
        _JUST_BEFORE.search(norm[max(0, start - 20) : start])
        or _PLAN_AT_MATCH.search(norm[max(0, start - 40) : end])
    )
    if bool(_PAST_SENTENCE.search(sentence)) and not _LIVE.search(sentence) and not live_at_match:
        return True
    # An emergency told in the past tense while the message says the person is well or cared
    # for now ("had sepsis twice ... she's 5 years clear", "had a seizure yesterday, she's in
    # hospital and being well looked after", "... that was two years ago").
    return rule.category == "emergency" and _told_as_over(sentence, norm)


def _told_as_over(told: str, norm: str) -> bool:
    """An event told in the past tense (in ``told``) while the message says the person is well
    or seen to now, and nothing in it is live: for the rules' and the layer's emergencies."""
    return bool(_PAST_VERB.search(told) and _NOW_WELL.search(norm) and not _LIVE.search(norm))


# Told about the speaker but not as a live statement, so the finding stays (the rules alone
# still fire) but is not "explicit" and the trained layer may veto it
# (``learned_veto_allowed``): a denial ("I'm not suicidal or anything, just fed up", "never been
# suicidal"; ``_DENIED_BEFORE``) and a crisis told as over (``_CRISIS_PAST``) while the message
# says the person is well now (``_RECOVERED``: "I attempted suicide at 22 ... I'm 58 now, doing
# well"). Both recurred across blind sets E, F and G. "I'm not sure if I'm suicidal" stays
# explicit; "I'm not going to kill myself" is a denial since blind N unless hedged
# (``_NOT_GOING_BEFORE``, ``_DENIAL_HEDGED``).
_DENIED_WORDS = (
    r"(?:been|feeling|feel|felt|actually|really|remotely|at\s+all|having|have|had|any|"
    r"thoughts\s+of|thinking\s+(?:about|of)|in\s+an?)"
)
# "no" denies only with a denial's own words between ("no thoughts of suicide", "no thoughts
# of harming myself", "no thoughts of self harm here": blind J and K)
_DENIED_BEFORE = re.compile(
    rf"(?:(?:\bnot|\bnever|n't|\bno\s+longer)\s+(?:{_DENIED_WORDS}\s+){{0,3}}|"
    rf"\bno\s+(?:{_DENIED_WORDS}\s+){{1,3}}|\bzero\s+)$",
    _F,
)
# for an indirect rule's match the negation is often part of what is said ("don't see myself
# being here by the end of the week" is not a denial): a denial needs its own words between
# ("I don't have any thoughts of ending things")
_DENIED_WORDS_BEFORE = re.compile(
    rf"(?:\bnot|\bnever|n't|\bno\s+longer|\bno)\s+(?:{_DENIED_WORDS}\s+){{1,3}}$",
    _F,
)
_NO_BEFORE = re.compile(r"\bno\s+$", _F)
# the denied symptoms that follow a denied emergency ("No chest pain, no shortness of breath -
# my GP checked everything"; blind T): taken out with it for the layer's masked re-check
_DENIED_LIST_AFTER = re.compile(
    r"(?:\s*,?\s*(?:and\s+|or\s+)?(?:no|nor|not\s+any)\s+[a-z' ]{2,40}?"
    r"(?=\s*(?:[,.;:!?]|\s-\s|$)))+",
    _F,
)
# "I'm safe, I'm not going to hurt myself" is a denial (blind N) unless hedged or bounded in
# time right after ("not going to kill myself tonight", "... but", "... yet", "... probably")
_NOT_GOING_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever)\s+(?:going\s+to|gonna|about\s+to|want\s+to|wanna)\s+(?:actually\s+|"
    r"really\s+)?$",
    _F,
)
_DENIAL_HEDGED = re.compile(
    r"^(?:[^.!?]{0,40}\b(?:but|though|unless|until|till|probably|i\s+think|i\s+hope|i\s+don'?t\s+"
    r"think)|(?:[^.!?,;]{0,20}|\s*[,;-]+\s*(?:(?:at\s+least\s+|maybe\s+|just\s+)?not\s+|or\s+)?)\b"
    r"(?:tonight|today|tomorrow|yet|now|this\s+(?:time|week|weekend|year)|anymore|any\s+more|"
    r"for\s+now|myself\s+again|again))\b",
    _F,
)
# a line taken back ("Disregard the bit about chest pain, I was copying text from a leaflet";
# blind N)
_RETRACTED_BEFORE = re.compile(
    r"\b(?:disregard|ignore|forget)\s+(?:the\s+|that\s+|my\s+)?(?:bit|part|line|stuff|"
    r"comment|sentence)\s+(?:about|on|re|with)\s+(?:the\s+)?$",
    _F,
)
# said as a joke by someone else ("Dad joked that he'd jump off the roof if he had to eat
# hospital food again"; the lead's probes before blind Q's first run): lowered, so the layer
# judges it; the writer's own joke is not ("I joked about it but I do want to die" stays)
_JOKED_BEFORE = re.compile(
    r"\b(?:he|she|they|dad|mum|mom|my\s+\w+)\s+(?:\w+\s+)?(?:joked|jokes|was\s+joking|"
    r"(?:always\s+)?jokes)\s+(?:that\s+|about\s+)?[^.!?]{0,40}$",
    _F,
)
_GIVEN_AWAY_BY_OTHER = re.compile(
    r"(?:gave|giving|given)\s+away\s+(?:all\s+)?(?:his|her|their)\b", _F
)
_ILLNESS_CONTEXT = re.compile(
    r"\b(?:prognosis|terminal\w*|palliative|hospice|end\s+of\s+life|(?:weeks|months)\s+(?:left|to\s+"
    r"live)|(?:been\s+)?told\s+(?:she|he)\s+has\s+(?:\w+\s+)?cancer|good\s+innings|living\s+wake)\b",
    _F,
)
_STILL_AFTER = re.compile(r"^[^.!?]{0,60}\b(?:now|worse|still|actually|really\s+do)\b", _F)
# A symptom denied right before its words ("No blood, no cough, no breathlessness - just
# nervous", "Not struggling to breathe - struggling with paperwork!", "no chest pain, just a
# cough"; blind K). "no longer breathing" is not a denial; "not breathing" and "can't breathe"
# are the rules' own words, so nothing precedes them here.
_SYMPTOM_DENIED_BEFORE = re.compile(
    r"(?:\b(?:no|not)|n't)\s+(?:(?:been|any|really|actually)\s+){0,2}$", _F
)
# ... unless compared or bounded in time: "I've not been this breathless before", "not coughing
# up blood until today", "can't finish a sentence without stopping for air" ("without" and
# "never" are not denials here)
_SYMPTOM_DENIAL_UNDONE = re.compile(
    r"^[^.!?]{0,40}\b(?:like\s+(?:this|that)|this\s+(?:bad|badly)|so\s+(?:bad|badly)|before|ever|"
    r"until|till|anymore|any\s+more)\b",
    _F,
)
# well now, said outright (an age alone, "I'm 58 now", is not enough here)
_RECOVERED = re.compile(
    r"\b(?:doing\s+(?:really\s+|very\s+|so\s+)?(?:well|fine|ok|okay|great|better)|very\s+much\s+"
    r"(?:here|alive)|(?:i'?m|im|i\s+am)\s+(?:really\s+|very\s+)?(?:well|fine|ok|okay|great|good|"
    r"better|safe)\s+now|in\s+a\s+(?:much\s+|far\s+|lot\s+|way\s+)?(?:good|better)\s+place|recovered|in\s+recovery|(?:i'?m|im|"
    r"i\s+am)\s+(?:\d{1,3}\s+now,?\s+)?(?:very\s+)?happy|coping\s+(?:fine|well)|"
    # the writer now works from that experience ("... over ten years ago and now work as a peer
    # supporter"; blind K)
    r"now\s+(?:work|working|volunteer|volunteering)\s+as|"
    # "... my GP and a psychologist got me through. Now I'd like to help with a campaign"
    # (blind N)
    r"(?:got|pulled|saw|helped)\s+(?:me|him|her|us)\s+through|now\s+i'?d\s+like\s+to\s+help|(?:now|i'?m|im|i\s+am)\s+(?:a\s+)?"
    r"(?:mental\s+health\s+|lived[\s-]experience\s+)?(?:advocate|peer\s+(?:supporter|worker|"
    r"support\s+worker))|"
    # blind R: "... but they've passed", "They're from years ago", "a survivor of a suicide
    # attempt ... and I speak at events"
    r"(?:they'?ve|they\s+have|it'?s|it\s+has|that'?s|those\s+have)\s+(?:long\s+)?passed|"
    r"(?:they'?re|they\s+are|it'?s|it\s+is|are|were)\s+from\s+(?:years|a\s+long\s+time)\s+ago|"
    r"survivor\s+of\s+(?:a|an|two|my)\s+(?:suicide|overdose)\s+attempt|speak\s+at\s+(?:events|"
    r"schools|conferences)|(?:now\s+)?(?:i'?m|im|i\s+am)\s+(?:now\s+)?thriving|"
    # blind S: "last year I didn't want to live. Now I run a walking group for people with EGFR"
    r"now\s+i\s+(?:run|lead|host|facilitate|co-?ordinate|organi[sz]e)\s+(?:a|an|the|our)\b|"
    r"been\s+through\s+the\s+worst\s+of\s+it)\b",
    _F,
)
# long ago, said in the same sentence as the crisis ("my ex-wife attempted suicide years ago";
# blind O): told as over even without "doing well now"
_LONG_AGO = re.compile(
    r"\b(?:years|decades?)\s+ago\b|\bin\s+(?:19\d\d|200\d|201\d)\b|\bas\s+a\s+(?:teen\w*|student|"
    r"young\s+(?:man|woman))\b|\bwhen\s+(?:i|he|she|they)\s+(?:was|were)\s+(?:\d{1,2}|young|a\s+"
    r"(?:teen\w*|student|kid|child))\b",
    _F,
)
_DENIED_AFTER = re.compile(
    r"\b(?:i\s+)?(?:don'?t|do\s+not|dont)\s+have\s+(?:them|those|any)\b(?![^.!?]{0,20}\b(?:every|"
    r"all\s+the\s+time|often|always|as\s+(?:much|often)|now|today|tonight)\b)|"
    # asked and answered no ("My counsellor asked if I'd had thoughts of ending my life and I
    # said no, and I meant it"; the lead's probes before blind Q's first run), unless taken back
    r"\bi\s+(?:said|told\s+(?:her|him|them))\s+no\b(?![^.!?]{0,40}\b(?:but|lied|lying|"
    r"not\s+true|wasn'?t\s+true)\b)",
    _F,
)
_CRISIS_PAST = re.compile(
    r"\b(?:attempted|tried|was|were|had|took|overdosed|made\s+an?\s+attempt|years\s+ago|"
    # "After my overdose attempt the year before last I got proper help" (blind P)
    r"(?:the\s+)?year\s+before\s+last|(?:overdose|suicide)\s+attempt|"
    r"when\s+(?:i|he|she)\s+was|"
    # "I did have suicidal thoughts ... but they've passed", old self-harm scars (blind R)
    r"did\s+have|scars|"
    # "last year I didn't want to live" (blind S)
    r"last\s+(?:year|christmas|spring|summer|autumn|winter)|didn'?t\s+want\s+to\s+(?:live|be\s+here))\b",
    _F,
)


# Someone writing as their role or for a purpose, not as a person in trouble: "I'm a
# psychologist building a resource pack on ... suicidal ideation", "I'm a journalist writing
# about suicidal thoughts", "testing for our safeguarding review, no one is at risk", "I'm a
# screenwriter". Recurred across blind sets E, F and G. With the topic frames of
# ``_TOPIC_FRAME`` it only lowers a finding to not explicit; the rules' finding stays.
_ROLE_FRAME = re.compile(
    r"\b(?:i'?m|im|i\s+am)\s+(?:a|an)\s+(?:\w+\s+){0,2}(?:psychologist|psychiatrist|journalist|"
    r"reporter|writer|screenwriter|novelist|author|actor|actress|student|researcher|teacher|"
    r"lecturer|trainer|tutor|moderator|chaplain|counsell?or|therapist|academic|blogger|"
    r"podcaster|editor|paramedic\s+trainer|nurse\s+educator)\b|"
    r"\bi\s+(?:teach|lecture|train)\s+(?:a|an|the|our|on)\b|"
    # "Asking as a nurse doing a CPD module" (blind U)
    r"\basking\s+as\s+(?:a|an)\s+(?:\w+\s+)?(?:nurse|doctor|gp|student|clinician|pharmacist|"
    r"volunteer|professional|counsell?or|researcher|carer)\b|\bcpd\b|"
    # training others ("I'm training new helpline volunteers - what is best practice ...", "I
    # run peer support training for survivors"; blind T)
    r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+training\s+(?:up\s+)?(?:\w+\s+){0,2}(?:volunteers|"
    r"staff|nurses|counsell?ors|call\s+handlers|peer\s+supporters|students|trainees|facilitators|"
    r"team)\b|\b(?:i|we)\s+(?:run|deliver|lead|facilitate|organi[sz]e|give)\s+(?:\w+\s+){0,3}"
    r"training\b|"
    # callers in general ("I volunteer on a cancer support line and sometimes callers talk
    # about ending their life"; the lead's probes before blind Q's first run). Working on a
    # helpline is no frame: "I work on a patient helpline. A caller told me an hour ago she is
    # going to kill herself" (blind N) is live.
    r"\bcallers\s+(?:\w+\s+)?(?:talk|speak|say|mention|tell\s+us)\b|"
    # someone quoted in a publication ("Our website quotes a patient saying 'I felt suicidal
    # for months'", "For the volunteers' handbook we quote a caller who said ..."; the lead's
    # probes before blind Q's first run)
    r"\bquot(?:e|es|ed|ing)\s+(?:from\s+)?(?:a|an|one\s+of\s+our|our|this|that)\s+(?:\w+\s+){0,2}"
    r"(?:member|patient|caller|carer|volunteer|supporter|guest|survivor|user|client|reader)s?\b|"
    # words for publishing ("Draft tweet for our awareness week: 'I thought about ending my
    # life after diagnosis'", a slogan, a mural, a song line, "does this follow safe messaging?")
    r"\b(?:slogan|tweet|mural|lyrics?|song|banner|headline|strapline|tagline|t-?shirt)s?\b|"
    r"\bsafe\s+messaging\b|\b(?:content|trigger)\s+warnings?\b|\b(?:calendar|magazine)\b|"
    r"\b(?:member|survivor|reader|supporter|volunteer|guest)(?:'s\s+(?:\w+\s+)?(?:letter|post|poem|"
    r"story|entry))?\s+(?:wrote|writes|begins|reads|ends)\b|"
    # ("asking for me, not for a story" is no frame; blind O)
    r"(?<!not\s)(?<!not\sasking\s)\b(?:in|for)\s+(?:a|an|our|my|the)\s+(?:\w+\s+){0,2}(?:story|novel|"
    r"script|screenplay|"
    r"drama|podcast|procedures?\s+manual|resource\s+pack|faq|safeguarding\s+review|leaflet|"
    r"booklet)\b|"
    r"\b(?:testing|reviewing|evaluating|auditing)\s+(?:your|the|this|it)\b|"
    r"\bno\s+one\s+is\s+at\s+risk\b|\bnot\s+a\s+live\s+(?:case|situation)\b|"
    # blind Z: "no one's in danger, i'm just curious how your service handles someone who says
    # they're suicidal", "what's best practice if a member posts something suggesting suicidal
    # thoughts? we want a written policy", "i'm writing a short story where a character ..."
    r"\b(?:no\s+one|nobody)(?:'s|\s+is)\s+in\s+(?:any\s+)?danger\b|\bhow\s+(?:your|the)\s+(?:service|"
    r"helpline|team|bot|assistant)\s+(?:handles|deals\s+with|responds\s+to)\b|\bbest\s+practice\b|"
    r"\bwritten\s+policy\b|\bwriting\s+(?:a|an)\s+(?:\w+\s+)?(?:story|novel|script|play|poem)\s+"
    r"(?:where|in\s+which|about)\b|"
    # Added with blind set K as a development set: lines said in a role-play, a play, a
    # simulation or an e-learning module, and pieces written about the topic ("In our helpline
    # role-play, the 'caller' says: 'I just want to die.'", "a play where a character says
    # ...", "the actor will say ...", "For a journalism piece on ...").
    r"\brole[\s-]*play\w*|\b(?:simulation|e-?learning)\b|\b(?:training|practice|teaching|"
    r"volunteer)\s+(?:scenario|exercise|session|day|course|video|module)\b|\b(?:a|the)\s+(?:\w+\s+)?character\s+"
    r"(?:says|said|who|will\s+say)\b|\bthe\s+actors?\s+(?:says|said|will\s+say|has\s+to\s+"
    r"say)\b|\bpatient\s+avatar\b|\bactor[\s-]+patients?\b|\bsim(?:ulation)?\s+(?:lab|suite)\b|\b(?:staging|rehears\w+|performing|putting\s+on)\s+(?:a|the|"
    r"our)\s+(?:\w+\s+)?play\b|\b(?:in|for)\s+(?:a|an|our|my|the)\s+(?:\w+\s+){0,2}(?:piece|"
    r"article|feature|documentary)\b|"
    # Added with blind set L as a development set: quizzes, mock calls, assessments, drama
    # therapy and FAQ drafts quoting a line ("Quiz for new volunteers: 'A caller says she has
    # taken an overdose.'", "draft a helpline FAQ answer to 'Will you tell my doctor if I say
    # I'm suicidal?'").
    r"\bquiz\w*|\bmock\s+(?:call|calls|transcript|scenario|exam|assessment)\b|\btranscript\b|"
    r"\bmarking\s+scheme\b|\bmodel\s+answer\b|\bdrama\s+therapy\b|\bdirect(?:ing|s|ed)?\s+(?:a|an|"
    r"the|our)\s+(?:\w+\s+){0,2}(?:play|piece|scene|film|drama|production)\b|\b(?:draft|drafting|"
    r"write|writing)\s+(?:a|an|the|our)\s+(?:\w+\s+){0,2}(?:faq|answer|reply|response|script)\b|"
    # Added with blind set N as a development set: "For my OSCE: how should a nurse respond
    # when a patient says ...", "case vignettes for a workshop".
    r"\bosces?\b|\bvignettes?\b|"
    # Added with blind set O as a development set: "researching how chatbots handle suicidal
    # disclosures for a safety paper", a side-effect list quoted from a leaflet
    r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+researching\b|\b(?:for|in)\s+(?:a|an|our|my|the)\s+"
    r"(?:\w+\s+){0,2}(?:paper|report|thesis|dissertation|poster|literature\s+review)\b|"
    r"\bside[\s-]effects?\s+(?:section|list|leaflet|sheet)\b|\b(?:leaflet|label|package\s+insert|"
    r"information\s+sheet)\s+(?:\w+\s+){0,5}(?:says|said|lists?|listed|mentions?|warns?)\b|\bcase\s+stud(?:y|ies)\b|\b(?:for|in)\s+(?:a|an|our|my|the)\s+"
    r"(?:\w+\s+){0,2}(?:workshop|exam|assignment|essay|seminar|webinar|lecture|presentation)\b",
    _F,
)

# A hypothetical asked about the screen or a person in general ("if I ever felt suicidal, would
# this chat tell my doctor?", "if a user says they want to die in a joking way ..."; blind H).
_IF_BEFORE = re.compile(
    r"\bif\s+(?:i|you|he|she|they|someone|somebody|anyone|a\s+(?:user|person|patient|caller|"
    r"client))\s+(?:\w+\s+){0,2}$|"
    # "If a patient ever told me they were thinking about suicide, ..." (blind K)
    r"\bif\s+(?:someone|somebody|anyone|a\s+(?:user|person|patient|caller|client|member|friend))\s+"
    r"(?:ever\s+)?(?:tells?|told|says?|said|mentions?|mentioned|admits?|admitted|discloses?|"
    r"disclosed)\s+(?:(?:me|you|us|them|your\s+(?:service|team|helpline|line|bot|chat))\s+)?"
    r"(?:that\s+)?(?:they|he|she)(?:'re|'s)?\s+"
    r"(?:\w+\s+){0,2}$",
    _F,
)
# Someone else's words imagined ahead ("How do I talk to my teenager if they ever say they feel
# like hurting themselves?", blind S; "if my husband ever told me he wanted to end his life, who
# would I ring?", blind J): no finding when nothing in the message is live (``_vetoed``).
_IF_THEY_SAY = (
    r"\bif\s+(?:they|he|she|my\s+\w+(?:\s+\w+)?)\s+(?:ever\s+|one\s+day\s+|starts?\s+(?:to\s+)?|"
    r"ever\s+starts?\s+(?:to\s+)?)(?:says?|said|tells?\s+(?:me|us|you)|told\s+(?:me|us|you)|talks?\s+"
    r"about|talking\s+about|mentions?|mentioned|admits?|admitted)\s+(?:that\s+)?(?:(?:they|he|she)"
    r"(?:'re|'s)?\s+)?"
)
_IF_THEY_EVER_SAY = re.compile(
    _IF_THEY_SAY + r"(?:[\w']+\s+){0,4}$|"
    r"\bif\s+(?:they|he|she|my\s+\w+(?:\s+\w+)?)\s+(?:ever\s+)?(?:starts?|begins?)\s+$",
    _F,
)
# the same frame anywhere in the message, for the layer's crisis findings (no span)
_IF_THEY_EVER_SAY_ANYWHERE = re.compile(_IF_THEY_SAY, _F)
# ... unless it has been said already ("if my son ever says he wants to die again ... he said it
# last night")
_SAID_ALREADY = re.compile(
    r"\b(?:already|last\s+night|yesterday|today|this\s+(?:morning|afternoon|evening|week)|again|"
    r"(?:has|have|'s|'ve)\s+(?:said|told|mentioned)|just\s+(?:said|told))\b",
    _F,
)
# the writer within three words before the match ("I feel suicidal", "I'm so suicidal"), and
# an opening quote right before it ("a message like 'I want to die'")
_SELF_BEFORE = re.compile(r"\b(?:i|i'?m|im|i'?ve|ive|me|my)\b(?:\s+[\w']+){0,3}\s*$", _F)
# ... but "I'm researching suicidal ideation for a thesis" names a topic (blind O)
_STUDYING_BEFORE = re.compile(
    r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+(?:researching|studying|reading\s+about|"
    r"writing\s+about|teaching)\s+(?:\w+\s+)?$",
    _F,
)
_OPEN_SINGLE = re.compile(r"(?:^|[\s:(,])'(?=\w)")
_CLOSE_SINGLE = re.compile(r"\w'(?!\w)")


# A crisis word quoted and explained as slang or an idiom ("my son says 'kms' every time the
# wifi drops, it's just how teens talk", "In Korean we say '죽고 싶다' (I want to die) when
# we're embarrassed, like 'I could die'"; blind Q): no finding, in any language, unless the
# message says something live.
_EXPLAINED_IDIOM = re.compile(
    r"\bjust\s+how\s+(?:teens|teenagers|kids|young\s+people|they)\s+(?:talk|speak)\b|\bit'?s\s+"
    r"(?:just\s+)?(?:slang|an?\s+(?:expression|idiom|saying|figure\s+of\s+speech))\b|\bwe\s+say\s+"
    r"['\"\u201c]|\b(?:is|as)\s+(?:slang|an\s+idiom|an\s+expression)\s+for\b|\bwhen\s+we'?re\s+"
    r"(?:embarrassed|annoyed|tired|frustrated)\b",
    _F,
)


# blind R: a crisis word explained away, everyday annoyances said with a laugh, a symptom that
# has stopped
_MEANT_OTHER = re.compile(
    r"\b(?:i|he|she)\s+(?:only\s+|just\s+|actually\s+)?meant\s+(?:(?:of|from)\s+(?:boredom|"
    r"embarrassment|shame|laughing|laughter|cringe|the\s+heat)|ending\s+(?:my|the|our|this)\s+"
    r"(?!life\b)\w+|(?:the|my|our)\s+(?!life\b|end\b)\w+|it\s+as\s+a\s+joke)|"
    r"\b(?:i|he|she)\s+(?:only\s+|just\s+)?means?\b[^.!?]{0,60}\bnot\s+(?:on\s+|with\s+|about\s+)?"
    r"(?:life|living)\b",
    _F,
)
_ANNOYANCE_HYPERBOLE = re.compile(
    r"\b(?:paperwork|forms?|admin|insurance|wi-?fi|queues?|traffic|parking|hold\s+music|printer|"
    r"computer|laptop|phone|app|website|portal|meetings?|emails?|spreadsheets?|waiting\s+room|"
    r"crossword|tax\s+return|signal|bureaucracy|red\s+tape)\b[^.!?]{0,50}\b(?:makes?|making|made)\s+"
    r"me\s+want\s+to\s+(?:die|shoot\s+myself|kill\s+myself|jump\s+off\s+a\s+bridge)\b",
    _F,
)
_LAUGH = re.compile(r"\b(?:lol|lmao|haha\w*|rofl)\b|\U0001F602|\U0001F923|\U0001F644", _F)
_NOT_BEFORE_MATCH = re.compile(r"(?:\bnot|n't|\bno\s+longer)\s+(?:\w+\s+)?$", _F)
_NO_MORE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:any\s*more|these\s+days|since)\b", _F)


_NOT_MEANT = re.compile(
    r"\b(?:i\s+|he\s+|she\s+)?(?:didn'?t|did\s+not|didnt)\s+mean\s+it\s+(?:literally|like\s+that|"
    r"seriously)\b|\bnot\s+literally\b(?![^.!?]{0,20}\bbut\b)",
    _F,
)
_MEANT = re.compile(
    r"\b(?:i\s+(?:really\s+|actually\s+)?mean\s+it|not\s+joking|seriously|but\s+(?:i|honestly|really|"
    r"actually|this\s+time|it\s+isn'?t|it'?s\s+not)|(?:isn'?t|not)\s+just)\b",
    _F,
)


def _in_quotes(norm: str, start: int) -> bool:
    """True when ``start`` lies inside a quotation opened earlier in its sentence or clause
    (within 120 characters): an odd number of double quotes before it, an open curly double
    quote, or a single quote opening a word ("had to say \"I've been thinking of ending my
    life\"", "a character says 'I'm going to end it tonight'")."""
    window = norm[max(0, start - 120) : start]
    if window.count('"') % 2 == 1 or window.rfind("\u201c") > window.rfind("\u201d"):
        return True
    opened = list(_OPEN_SINGLE.finditer(window))
    return bool(opened) and not _CLOSE_SINGLE.search(window, opened[-1].end())


_QUOTED_BEFORE = re.compile(
    r"['\"]\s*(?:(?:i|i'?m|im|i'?ve|ive)\s+(?:(?:just|been|really|so|all)\s+){0,2})?$", _F
)


def _not_live_start(rule: _Rule, norm: str, start: int, end: int) -> int | None:
    """Where a crisis/emergency match that is not a live statement begins, for the masked
    re-check of ``screen_all`` (a denial goes out with its term: "I don't have any thoughts of
    ending things"); None when it is live. Not live: asked or told in a role or for a purpose
    (``_ROLE_FRAME``, ``_TOPIC_FRAME``; a quoted line under such a frame whatever it says of
    the time), or, for a crisis, denied (``_DENIED_BEFORE``; for an indirect rule
    ``_DENIED_WORDS_BEFORE``), hypothetical (``_IF_BEFORE``) or told as over (``_CRISIS_PAST``,
    ``_RECOVERED``), or, for an emergency in a message with no live marker, denied
    (``_SYMPTOM_DENIED_BEFORE``: "no chest pain, just a cough"). An explicit rule's match that
    is not live is reported as not explicit."""
    if rule.category not in ("crisis", "emergency"):
        return None
    before = norm[max(0, start - 40) : start]
    live = bool(_LIVE.search(norm))
    denial = None
    if rule.category == "crisis":
        denial = (_DENIED_BEFORE if rule.explicit else _DENIED_WORDS_BEFORE).search(before)
        if denial is None and norm.startswith("thought", start):
            denial = _NO_BEFORE.search(before)  # "No thoughts of suicide, just worn out"
        if denial is None and not _DENIAL_HEDGED.search(norm[end:]):
            denial = _NOT_GOING_BEFORE.search(before)
    elif not live and not _SYMPTOM_DENIAL_UNDONE.search(norm[end:]):
        denial = _SYMPTOM_DENIED_BEFORE.search(before)
    if not live and _RETRACTED_BEFORE.search(before) and not _STILL_AFTER.search(norm[end:]):
        return start
    if (
        rule.category == "crisis"
        and not live
        and _JOKED_BEFORE.search(norm[max(0, start - 60) : start])
    ):
        return start
    # an old or dying relative giving things away, the illness named ("Grandma's giving away
    # her china collection ... matter-of-fact about her prognosis"; blind P, twice): lowered,
    # so the layer judges the rest, unless hastening the death is spoken of
    if (
        rule.rule == "crisis_signs"
        and not live
        and _GIVEN_AWAY_BY_OTHER.match(norm, start)
        and _ILLNESS_CONTEXT.search(norm)
        and not _HASTEN.search(norm)
    ):
        return start
    out = start - (len(before) - denial.start()) if denial else start
    framed = bool(_ROLE_FRAME.search(norm)) or bool(
        _TOPIC_FRAME.search(norm) and not _RELAYED_CALLER.search(norm)
    )
    # a frame does not lower what is said of the writer ("I'm a student and I feel suicidal")
    # unless it is quoted
    # unless it is quoted (a line said in a role-play or a play, whatever it says of the time:
    # "a character says 'I'm going to end it tonight'"; blind K)
    quoted = bool(_QUOTED_BEFORE.search(before)) or _in_quotes(norm, start)
    about_self = bool(_SELF_BEFORE.search(before)) and not _STUDYING_BEFORE.search(before)
    if framed and (quoted or (not live and not about_self)):
        return out
    if rule.category != "crisis":
        return out if denial else None
    # the hypothetical's "if" may be further back ("If someone tells your service they want to
    # hurt themselves"; blind L)
    if denial or (_IF_BEFORE.search(norm[max(0, start - 80) : start]) and not live):
        return out
    sentence = _sentence(norm, start, end)
    if (
        not live
        and _CRISIS_PAST.search(sentence)
        and (_RECOVERED.search(norm) or _LONG_AGO.search(sentence))
    ):
        return out
    # denied after the words ("... says 'suicidal thoughts' for one drug. I don't have them,
    # just curious"; blind O)
    if not live and _DENIED_AFTER.search(norm[end : end + 100]):
        return start
    return None


def _normalise(text: str) -> str:
    """Same-length normalisation (offsets stay valid): lower case, straight apostrophes."""
    out = []
    for ch in text:
        if ch in "\u2019\u2018\u02bc`´":
            out.append("'")
            continue
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def screen_all_rules(text: str) -> list[TriageResult]:
    """The regex rules only: one finding per category, most urgent first; within a category a
    finding the trained layer may not veto (``learned_veto_allowed``) before the earliest.

    [] when nothing fires.
    """
    return _rule_pass(text)[0]


Span = tuple[int, int]
# "no fever, just nervous about my first chemo" is one match of ``fever_treatment``; only "no
# fever" is denied
_CLAUSE_BREAK = re.compile(r"[,.;:!?]|\s(?:but|and|just)\s")


def _rule_pass(text: str) -> tuple[list[TriageResult], list[Span]]:
    """``screen_all_rules`` and, for the layer's masked re-check (``screen_all``), the spans of
    every crisis/emergency match that is not a live statement (``_not_live_start``: denied,
    told as over, framed, hypothetical)."""
    if not text or not isinstance(text, str):
        return [], []
    norm = _normalise(text)
    has_person = bool(PERSONAL.search(norm))
    info_question = bool(_INFO_QUESTION.search(norm))
    found: list[TriageResult] = []
    lowered: list[Span] = []
    for rule in _RULES:
        if rule.personal and not has_person and info_question:
            continue
        chosen: TriageResult | None = None
        for m in rule.pattern.finditer(norm):
            if rule.not_after is not None and rule.not_after.search(norm[m.end() : m.end() + 60]):
                continue
            if rule.not_before is not None:
                window = max(0, m.start() - 40)
                denied = rule.not_before.search(norm[window : m.start()])
                if denied:
                    if rule.denies:  # the denial and the match up to its first clause break
                        cut = _CLAUSE_BREAK.search(norm, m.start(), m.end())
                        lowered.append((window + denied.start(), cut.start() if cut else m.end()))
                    continue
            if _vetoed(rule, norm, m.start(), m.end()):
                continue
            lowered_at = _not_live_start(rule, norm, m.start(), m.end())
            if lowered_at is not None:
                end = m.end()
                if rule.category == "emergency" and lowered_at < m.start():
                    listed = _DENIED_LIST_AFTER.match(norm, end)
                    end = listed.end() if listed else end
                lowered.append((lowered_at, end))
            live = rule.explicit and lowered_at is None
            if chosen is not None and chosen.explicit == rule.explicit:
                continue  # already chosen; the loop goes on only to collect spans
            result = TriageResult(
                rule.category,
                rule.subtype,
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                live,
                rule.rule,
            )
            if chosen is None or result.explicit == rule.explicit:
                chosen = result  # a denied or past match gives way to a later live one
        if chosen is not None:
            found.append(chosen)
    # per category the finding the layer may not veto comes first, then the earliest, so
    # "never been suicidal but tonight I want to die" keeps its explicit statement
    found.sort(key=lambda r: (_ORDER[r.category], learned_veto_allowed(r, text), r.start))
    per_category: dict[str, TriageResult] = {}
    for result in found:
        per_category.setdefault(result.category, result)
    return list(per_category.values()), lowered


def screen_rules(text: str) -> TriageResult | None:
    """The most urgent red flag the regex rules find in ``text``, or None."""
    results = screen_all_rules(text)
    return results[0] if results else None


# The semantic layer (nlu.triage_semantic.SemanticScreen), when enabled by the process that
# owns an encoder (the Rasa SafetyTriage component, the gateway). None: rules only.
_semantic: Any = None
_URGENT = ("crisis", "emergency")


def enable_semantic(layer: Any) -> None:
    """Use ``layer`` after the rules: a ``nlu.triage_model.TriageModel`` (what Rasa and the
    gateway run), the older ``nlu.triage_semantic.SemanticScreen``, or None to switch it off.
    Either class says by ``adds_only`` whether it may also veto a rule finding."""
    global _semantic
    _semantic = layer


def semantic_enabled() -> bool:
    """True when the semantic layer runs after the rules."""
    return _semantic is not None


# Said of a symptom that is over or fine ("his breathing is back to normal now") or that might
# happen one day ("if she ever gets a temperature"): not a live emergency.
_REASSURED = re.compile(
    r"\b(?:back\s+to\s+normal|(?:is|are|was|were|feels?|seems?)\s+(?:\w+\s+)?(?:fine|normal|ok|okay|"
    r"better|easier|settled|stable)|easier\s+now|breathe\s+easier|improv\w+|resolved|"
    r"(?:a|an)\s+breather|(?:breathing|feeling|sleeping|eating)\s+(?:much\s+|a\s+lot\s+|a\s+bit\s+|"
    r"so\s+much\s+)?better|(?:bleeding|bleed|nosebleed|bled)\b[^.!?]{0,40}"
    r"(?<!n't )(?<!not )(?<!never )\bstopped\b|"
    r"emotionally|metaphorically|figuratively|feels?\s+(?:\w+\s+)?lighter|3[0-7](?:[.,]\d)?\s*(?:°|degrees|c\b)|(?:was|is)\s+3[0-7](?:[.,]\d)?\b)|"
    r"\bif\s+(?:\w+\s+){0,2}ever\b|\bin\s+case\s+(?:\w+\s+){0,2}ever\b|"
    # "... but that passed in a day", "feeling human now", "Mine settled last week" (the lead's
    # probes before blind Q's first run)
    r"\b(?:that|it|which|this|dizziness|tingling|pain|ache|headache|nausea|feeling)\s+"
    r"(?:\w+\s+)?passed\b(?!\s+out)|\b(?:it|that)\s+went(?:\s+away|\s+off)?\s*(?:[.,!;]|$)|\bfeel(?:ing|s)?\s+human\s+"
    r"(?:again|now)\b|\b(?:mine|his|hers|theirs)\s+(?:has\s+|had\s+)?settled\b|"
    # a harmless cause found by a professional ("Bleeding gums when I brush - my dentist says
    # it's gingivitis"; the lead's probes after blind T)
    r"\b(?:dentist|gp|doctor|nurse|pharmacist|optician|consultant)\s+(?:says|said|thinks|reckons)\s+"
    r"(?:it'?s|it\s+is|it\s+was)\s+(?:just\s+|only\s+)?(?:gingivitis|a\s+cold|a\s+virus|hay\s+fever|"
    r"eczema|nothing\s+serious|harmless|normal|a\s+(?:sore|dry)\s+\w+)\b",
    _F,
)


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|id|i'll|ill|me|myself|my\s+self)\b", _F)


# Rules for wording in other languages: the layer's MiniLM encoder was trained on English and
# reads "Tengo fiebre de 38.7 y estoy en quimioterapia" or "vuole suicidarsi stanotte" as
# harmless, so it may not veto them (blind N).
_OTHER_LANGUAGE_RULES = frozenset(
    {
        "crisis_other_language",
        "crisis_other_language_signs",
        "crisis_languages",
        "emergency_n_languages",
        "emergency_languages",
    }
)


# Method questions asked with intent (blind O): the layer read "how to make sure a fall from a
# balcony is final" as an information question. A live match may not be vetoed; one that is
# framed, denied or hypothetical (``_not_live_start``) may.
# A measured value in an emergency rule's match: a temperature of 38 or more with its decimal, an
# oxygen saturation below 92 ("caller reports pt (on FOLFOX) has a fever of 39.2 and rigors
# now", "SpO2 82% on air, RR 30"; blind W, both vetoed by the layer as staff shorthand). The
# learned layer reads such numbers poorly, so it may not veto these findings
# (``learned_veto_allowed``).
_MEASURED = re.compile(
    r"\b(?:3[89]|4[01])[.,]\d\b|\b(?:sats|spo2|o2\s+sat\w*|oxygen)\b[^.!?]{0,30}?\b(?:[5-8]\d|9[01])\b",
    _F,
)
_INTENT_RULES = frozenset({"crisis_method_intent", "crisis_q", "crisis_disguised", "crisis_s"})
_RULES_BY_NAME = {rule.rule: rule for rule in _RULES}


def learned_veto_allowed(result: TriageResult, text: str) -> bool:
    """May the trained classifier veto this rule finding when it is confident the message is
    not a red flag?

    - never medical advice, nor the classifier's own findings, nor a finding of a rule for
      wording in another language (``_OTHER_LANGUAGE_RULES``);
    - an emergency finding, yes, explicit or not ("I'm choking on all this information", "I had
      a seizure of panic when I saw my inbox"); chosen with blind G as a development set
      (eval/nlu/triage_loso.md, "Veto policy"): across ten held-out sets no explicit emergency
      positive was vetoed;
    - a finding of a rule for a method question asked with intent (``_INTENT_RULES``) only
      when it is not a live statement (framed, denied, hypothetical);
    - a crisis finding only when it is not explicit (indirect wording, or an explicit term that
      is denied, told as over, or framed: ``_not_live_start``), or explicit about someone
      else in an information question ("what are the signs someone wants to kill himself?").
      An explicit crisis statement in the first person ("I want to kill myself") or about
      someone else now ("my mum says she wants to kill herself") is never vetoed.
    """
    if result.category not in _URGENT or result.rule == "semantic":
        return False
    if result.rule in _OTHER_LANGUAGE_RULES:
        return False  # the encoder reads English only (blind N: "Tengo fiebre ... quimioterapia")
    if result.category == "emergency" and _MEASURED.search(result.matched):
        return False  # a measured value the encoder cannot weigh (blind W, see ``_MEASURED``)
    if result.category == "emergency":
        return True
    norm = _normalise(text)
    if result.rule in _INTENT_RULES:
        rule = _RULES_BY_NAME[result.rule]
        return _not_live_start(rule, norm, result.start, result.end) is not None
    sentence = _sentence(norm, result.start, result.end)
    if result.explicit and _FIRST_PERSON.search(sentence):
        return False
    # an explicit finding about someone else: only when the message asks for information
    return not result.explicit or bool(_INFO_QUESTION.search(norm))


# A question about what to look for ("how would I know if he was becoming suicidal?", "what
# breathing changes would mean she needs urgent help?"): asked about a topic, not a state.
_LOOK_FOR_QUESTION = re.compile(
    r"\bhow\s+(?:would|do|can|could|will|should|might)\s+(?:i|we|you)\s+(?:know|tell\s+(?:if|when|"
    r"whether)|spot|recogni[sz]e|notice)\b|\b(?:what|which)\s+(?:\w+\s+){0,3}(?:signs?|symptoms?|"
    r"changes|things)\s+(?:of|would|should|might|mean|to\s+(?:look|watch)|that\s+(?:someone|"
    r"somebody|a\s+person|a\s+loved\s+one|he|she|they|a\s+(?:parent|partner|relative|friend|"
    r"child|teen\w*|family\s+member|carer)))\b",
    _F,
)


# Added with blind set F as a development set (the layer's own false positives there): an
# animal is the subject ("the dog ate one of my tablets, the vet says ..."), or "kill" is aimed
# at someone else in exasperation ("ready to kill my husband, he's reorganised the kitchen").
_ANIMAL_EVENT = re.compile(
    r"\b(?:the|my|our)\s+(?:dog|cat|puppy|kitten|pet|rabbit|hamster)\s+(?:\w+\s+){0,2}(?:ate|"
    r"eaten|swallowed|chewed|got\s+into|had|has|is|was)\b|\b(?:the\s+)?vets?\s+(?:said|says|"
    r"thinks?|reckons?)\b",
    _F,
)
_KILL_OTHER = re.compile(
    r"\b(?:kill|murder|strangle|throttle)\s+(?:him|her|them|my\s+(?:\w+\s+)?(?:husband|wife|"
    r"partner|son|daughter|kids?|brother|sister|mum|mom|dad|boss|neighbou?r|other\s+half|"
    r"oncologist|cat|dog))\b",
    _F,
)
# ... or threatened by someone else with a laugh ("lol my sister said if I send her one more
# article about KRAS she'll shoot me"; blind T)
_OTHER_WILL_KILL_ME = re.compile(
    r"\b(?:she|he|they|mum|mom|dad|my\s+\w+)(?:'ll|'d|\s+will|\s+would|\s+is\s+going\s+to|\s+"
    r"(?:is\s+)?gonna)\s+(?:actually\s+|literally\s+)?(?:shoot|kill|murder|strangle|throttle)\s+me\b",
    _F,
)
_TREAT_OVERDOSE = re.compile(r"\boverdos\w*\s+" + _TREAT_WORDS, _F)
# blind U, the layer's crisis readings: clothes given away because they no longer fit ("i gave
# away half my clothes today because the chemo made me lose so much weight lol"), a goodbye
# until tomorrow ("Final message from me today, off to bed!"), and a very old or dying relative
# in a hospice who says she is "ready to go"
_GIVEN_AWAY_FOR_SIZE = re.compile(
    r"\b(?:gave|giving|given)\s+away\s+(?:\w+\s+){0,3}(?:clothes|wardrobe|jeans|dresses|shoes|"
    r"trousers|tops)\b[^.!?]{0,80}\b(?:weight|fits?|size|sizes|lost|gained)\b",
    _F,
)
_UNTIL_TOMORROW = re.compile(
    # blind V: "i'm going to collapse into bed after this", "i don't want to put my foot in it",
    # "my dad overdid it in the garden ... lol"
    r"\bcollapse\s+into\s+bed\b|\bcrash\s+(?:out|into\s+bed)\b|\bput\s+my\s+foot\s+in\s+it\b|"
    r"\boverd(?:id|o|oing|one)\s+it\b|"
    r"\boff\s+to\s+bed\b|\bsigning\s+off\s+for\s+(?:today|tonight|now|the\s+night)\b|\b(?:talk|speak|"
    r"chat)\s+(?:to\s+you\s+|again\s+)?tomorrow\b|\bsee\s+you\s+tomorrow\b|\bback\s+tomorrow\b",
    _F,
)
# away for a reason ("I won't be around next week - holiday in Portugal"; blind U)
_AWAY_FOR_A_REASON = re.compile(
    r"\b(?:won'?t|will\s+not|wont)\s+be\s+(?:around|here|online|about)\b[^.!?]{0,80}\b(?:holiday|"
    r"hols|vacation|honeymoon|cruise|trip|travell?ing|conference|wedding|visiting|abroad|away\s+"
    r"(?:on|for|at|with))\b",
    _F,
)
_READY_TO_GO_SAID = re.compile(
    r"\b(?:she|he|they|mum|mom|dad|gran\w*|grand\w*|my\s+\w+)\s+(?:\w+\s+)?(?:keeps?\s+saying|says|"
    r"said|tells\s+(?:us|me))\s+(?:that\s+)?(?:(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+)?['\"]?"
    r"ready\s+to\s+(?:go|die|let\s+go)\b",
    _F,
)
# the writer says they are safe, in another language ("No estoy en peligro ni pienso hacerme
# daño, solo me siento sola"; the lead's probes after blind T), for the layer's crisis findings
_OTHER_LANGUAGE_SAFE = re.compile(
    r"\b(?:no\s+estoy\s+en\s+peligro|(?:no|ni)\s+pienso\s+hacerme\s+da[ñn]o|je\s+ne\s+suis\s+pas\s+en\s+"
    r"danger|je\s+ne\s+vais\s+pas\s+me\s+faire\s+de\s+mal|ich\s+bin\s+nicht\s+in\s+gefahr|ich\s+werde\s+"
    r"mir\s+nichts\s+antun|non\s+sono\s+in\s+pericolo|non\s+(?:voglio|ho\s+intenzione\s+di)\s+farmi\s+"
    r"del\s+male|n[ãa]o\s+estou\s+em\s+perigo|n[ãa]o\s+(?:vou|quero)\s+fazer-me\s+mal|ik\s+ben\s+niet\s+"
    r"in\s+gevaar|nie\s+jestem\s+w\s+niebezpiecze[nń]stwie)\b",
    _F,
)
# safety said in English ("before anyone panics - I'm not in any danger, I said 'I'm done'
# because I finished my LAST radiotherapy session"; blind X; not "nobody needs to worry
# anymore", which is a goodbye), and a plain question about a topic
# in another language ("¿qué preguntas debería hacerle sobre el ensayo?", "what's the difference
# entre EGFR y ALK?"; blind X, both read as crisis by the layer), for the layer's crisis findings
# when no word of danger is said in any of the languages below
_SAFE_SAID = re.compile(
    r"\b(?:i'?m|i\s+am|im)\s+not\s+in\s+(?:any\s+)?danger\b|"
    # "dont worry, i'm safe. last week i asked about crisis lines for my friend" (blind Y)
    r"\b(?:don'?t|dont|no\s+need\s+to)\s+worry,?\s+(?:i'?m|im|i\s+am)\s+(?:safe|ok|okay|fine)\b"
    r"(?!\s+(?:for\s+now|tonight|at\s+the\s+moment|i\s+think|ish))|"
    # "i know you can't tell me my dose and i'm not asking" (blind Z)
    r"\b(?:i\s+know|i\s+understand)\s+you\s+can'?t\s+(?:tell|advise|give)\b",
    _F,
)
_ASK_ABOUT_TOPIC = re.compile(
    r"\bqu[ée]\s+preguntas\s+(?:deber[íi]a|debo|puedo|podr[íi]a)\b|\bquelles\s+questions\s+(?:poser|"
    r"dois-je|devrais-je|je\s+peux)\b|\bwelche\s+fragen\s+(?:sollte|soll|kann)\b|\bquali\s+domande\s+"
    r"(?:dovrei|devo|posso)\b|\bque\s+perguntas\s+(?:devo|deveria|posso)\b|\bwelke\s+vragen\s+"
    r"(?:moet|kan|zou)\b|\b(?:diferencia|diff[ée]rence|diferen[çc]a|differenza|unterschied|verschil)\s+"
    r"(?:entre|tra|fra|zwischen|tussen)\b",
    _F,
)
_NOT_FOR_ME_MATERIALS = re.compile(
    r"\bnot\s+(?:for|about)\s+(?:me|myself)\b[^.!?]{0,40}(?:[.!?:;,-]|$).{0,160}?\bit'?s\s+for\s+"
    r"(?:our|a|the|my)\s+(?:\w+\s+){0,2}(?:leaflet|poster|website|training|project|course|module|"
    r"newsletter|directory|booklet|handbook|resource\s+pack)\b",
    _F,
)
# training said in another language ("comment orienter quelqu'un qui parle de suicide ? c'est
# pour notre formation"; blind Z)
_TRAINING_OTHER_LANGUAGE = re.compile(
    r"\b(?:c'est\s+pour\s+(?:notre|une|la|nos)\s+formations?|es\s+para\s+(?:nuestra|una|la)\s+"
    r"formaci[óo]n|f[üu]r\s+(?:unsere|eine|die)\s+schulung|per\s+la\s+(?:nostra\s+)?formazione|"
    r"voor\s+(?:onze|een|de)\s+(?:training|opleiding|cursus)|[ée]\s+para\s+(?:a\s+nossa|uma)\s+"
    r"forma[çc][ãa]o)\b",
    _F,
)
_MEANS_OR_TONIGHT = re.compile(
    rf"\b(?:{_TONIGHT_OTHER_LANGUAGE}|tonight|pills|tablets|pastillas|\w*tabletten|comprim\w*|"
    r"\w*pillen|pastiglie|pillole|tabletki|pilules|cachets|m[ée]dicaments)\b",
    _F,
)
_MINOR_COMPLAINT = re.compile(
    r"\b(?:chemo[\s-]*brain|chemo[\s-]*fog|brain\s+fog|sense\s+of\s+(?:taste|smell)|tastes?\s+"
    r"(?:\w+\s+)?(?:like\s+)?metal\w*|metallic\s+taste|leg\s+cramps?|hair\s+(?:loss|falling\s+out)|"
    r"brittle\s+nails|dry\s+skin)\b",
    _F,
)
_EMERGENCY_SIGN = re.compile(
    r"\b(?:breath\w*|chest|bleed\w*|blood|fever\w*|temp\w*|3[89]|shiver\w*|rigou?rs|seiz\w*|fits?|"
    r"collaps\w*|faint\w*|unconscious|unresponsive|swell\w*|swollen|numb\w*|weak\w*|confus\w*|"
    r"vomit\w*|severe|worst|sudden\w*|can'?t\s+(?:move|walk|speak|see)|slurr\w*)\b",
    _F,
)
_ROUTINE = re.compile(
    r"\b(?:pill\s+(?:organi[sz]er|box)|"
    r"dosette|wie\s+immer|como\s+siempre|comme\s+d'habitude|zoals\s+altijd|come\s+sempre|"
    r"como\s+sempre|jak\s+zwykle|som\s+vanligt|pillero|pastillero|pilulier|pillendoos|"
    r"tablettenbox|dosett\w*|porta\s*pillole|nach\s+dem\s+abendessen|dopo\s+cena|"
    r"despu[ée]s\s+de\s+cenar|apr[èe]s\s+le\s+d[îi]ner|na\s+het\s+eten)\b",
    _F,
)
# a medicine named, in English or another language (a routine is about one)
_MEDICATION_ANY = re.compile(
    rf"\b(?:pills?|tablets?|meds|medication|medicines?|{_DRUG_OTHER_LANGUAGE}|leki|tabletki|"
    r"tabletter|piller|medicamentos?|m[ée]dicaments?|comprim\w*|pastiglie|pillole)\b",
    _F,
)
_DANGER_OTHER_LANGUAGE_WORDS = (
    r"mor\w*|muer\w*|matar\w*|suicid\w*|despedi\w*|tuer|mourir|sterben|t[öo]ten|umbringen|"
    r"uccid\w*|dood|zelfmoord|umrze\w*|zabi\w*|samob\w*|adi[óo]s|adieu|addio|verabschied\w*|"
    r"afscheid|acabar|finir|schluss|finita|einde|sko[nń]cz\w*"
)
_DANGER_OTHER_LANGUAGE = re.compile(
    rf"\b(?:{_DANGER_OTHER_LANGUAGE_WORDS}|pastillas|tabletten)\b", _F
)
# (tablets are what a routine is about)
_DANGER_OTHER_LANGUAGE_NOT_PILLS = re.compile(rf"\b(?:{_DANGER_OTHER_LANGUAGE_WORDS})\b", _F)
# dying of laughter, boredom, shame or nerves in other languages ("Mi abuela dice que se quiere
# morir de risa con los memes"; the lead's probes after blind T), for the layer's crisis findings
_OTHER_LANGUAGE_IDIOM = re.compile(
    r"\b(?:morir\w*|muero|muere|mourir|meurs|meurt|sterbe|sterben|stirbt|morire|muoio|muore|"
    r"morrer|morro|morre|morrendo|muriendo|dood)\s+(?:de|dalle|dal|vor|van|di)\s+(?:la\s+|de\s+)?(?:rir|risa|rire|"
    r"vontade|ganas|curiosidade|curiosidad|"
    r"risate|ridere|lachen|verg[üu]enza|vergonha|honte|vergogna|aburrimiento|t[ée]dio|ennui|noia|"
    r"langeweile|calor|frio|fr[íi]o|fome|hambre|faim|fame|hunger|zenuwen|nervios|nervosismo)\b",
    _F,
)
# words of danger to oneself, shared by the vetoes below
_DANGER_CORE = (
    r"myself|suicid\w*|die|dying|dead|end\s+(?:it|my|things)|not\s+(?:be\s+)?here|wake\s+up|goodbye"
)
_DANGER_CORE_WORDS = re.compile(rf"\b(?:{_DANGER_CORE}|overdos\w*)\b", _F)
_SELF_DANGER_NOT_OD = re.compile(rf"\b(?:{_DANGER_CORE}|pills|tablets|morphine)\b", _F)
_SELF_DANGER = re.compile(rf"\b(?:{_DANGER_CORE}|overdos\w*|pills|tablets)\b", _F)


# Added with blind set P as a development set (the layer's own false positives there): a figure
# of speech ("Shoot me now 🙄", "nearly gave me a heart attack"), a plan made with the team or
# an advance decision ("My oncologist agrees", "I don't want CPR if my heart stops"), leaving a
# group or a chat for somewhere else ("this is my last message — I'm switching to the patient
# portal"), a crisis told as over with the writer well now ("After my overdose attempt ... I'm
# in a much better place"), and a symptom said not to be a fever ("hot flushes — not a fever").
_FIGURE_OF_SPEECH = re.compile(
    r"\b(?:just\s+)?(?:shoot|kill)\s+me\s+now\b|\b(?:nearly|almost|practically)\s+(?:gave|give|"
    r"giving|had)\s+(?:me\s+)?a\s+heart\s+attack\b|"
    # someone will be cross ("She's going to kill me for telling you this"; the lead's probes
    # before blind R's first run); a threat ("... kill me if I tell anyone") is not this shape
    r"\b(?:going\s+to|gonna|will|'ll)\s+kill\s+me\s+for\s+(?:telling|saying|sharing|posting|"
    r"writing|asking|forgetting|this|that)\b|"
    # encouragement ("everyone keeps telling me to hang on in there for the results"; the same
    # probes)
    r"\bhang\s+on\s+in\s+there\b",
    _F,
)
_PLANS_NOT_CRISIS = re.compile(
    r"\b(?:my\s+)?(?:oncologist|doctor|consultant|team|gp)\s+(?:agrees|agreed|supports?\s+(?:it|this|"
    r"me))\b|\bas\s+agreed\s+with\s+(?:my|the)\s+(?:doctor|oncologist|team|consultant)\b|"
    r"\b(?:dnacpr|dnr|do\s+not\s+(?:attempt\s+)?resuscitate|(?:don'?t|do\s+not)\s+want\s+cpr|"
    r"advance\s+(?:care\s+plan|directive|decision)|respect\s+form|living\s+will|"
    # "Is it ok to write down my end-of-life wishes even though I'm stable right now?" (blind S)
    r"end[\s-]+of[\s-]+life\s+(?:wishes|plans?|planning|preferences)|"
    # "I've told my family I don't want to be resuscitated", "I just want quality over
    # quantity" (the lead's probes before blind Q's first run)
    r"(?:don'?t|do\s+not|not)\s+(?:want\s+)?to\s+be\s+resuscitated|quality\s+over\s+quantity|"
    # "This is my last message for today, thank you for the help, goodnight!" (blind Q)
    r"last\s+(?:message|post|question)\s+(?:for\s+)?(?:today|tonight|this\s+(?:week|evening|morning))|"
    # a supply, not a stock ("enough morphine at home to last the bank holiday weekend")
    r"enough\s+(?:\w+\s+){0,3}to\s+last\s+(?:me\s+|us\s+|him\s+|her\s+)?(?:the|until|till|over|"
    r"through|a|two|\d+))\b|"
    r"\bswitching\s+to\s+(?:the|a|my)\s+(?:\w+\s+){0,2}(?:portal|app|service|group|forum|platform|"
    r"website|site)\b|\b(?:i'?ll|i\s+will)\s+post\s+less\b|\boff\s+to\s+\w+\s+for\s+(?:a|two|three|"
    r"\d+)\s+(?:weeks?|days|fortnight|months?)\b|\bon\s+holiday\b|"
    # tired and off to bed early; "ready to go" said of an outing, habitually ("Grandad says
    # he's 'ready to go' every time we take too long getting the car out"; the lead's probes
    # before blind R's first run)
    r"\b(?:an?\s+)?early\s+night\b|"
    # a dose the palliative team set ("Dad asks me to bring his morphine up at night so he can
    # sleep; the palliative team set the dose")
    r"\b(?:palliative|hospice|district\s+nurses?|team|doctor|gp|consultant|nurses?)\s+(?:has\s+|have\s+)?"
    r"(?:set|prescribed|adjusted|agreed|worked\s+out)\s+(?:the|his|her|my|their)\s+(?:\w+\s+)?dose\b|\bready\s+to\s+go\W{0,2}\s+(?:every\s+time|whenever|the\s+moment|"
    r"as\s+soon\s+as)\b|\bready\s+to\s+go\s+(?:out|home|shopping|to\s+the\s+(?:pub|shops?|car|park|"
    r"beach|match))\b",
    _F,
)
# ("tablets" is left out: "nearly gave me a heart attack saying my tablets were out of stock")
_DANGER_WORDS = re.compile(
    rf"\b(?:{_DANGER_CORE}|overdos\w*|pills|i\s+mean\s+it|not\s+joking|serious(?:ly)?|already\s+let\s+go|"
    r"(?:got|have)\s+everything\s+i\s+need)\b",
    _F,
)
_BEREAVED = re.compile(
    r"\b(?:lost\s+(?:my|our|a)\s+(?:\w+\s+){0,2}to\s+suicide|bereaved\s+by\s+suicide|suicide\s+"
    r"bereavement|(?:my|our|his|her)\s+(?:\w+\s+){0,2}(?:took\s+(?:his|her|their)\s+(?:own\s+)?life|"
    r"died\s+by\s+suicide|killed\s+(?:himself|herself)|ended\s+(?:his|her|their)\s+(?:own\s+)?life)"
    r"[^.!?]{0,40}\b(?:in\s+(?:19|20)\d\d|years?\s+ago|months\s+ago|last\s+year|when\s+i\s+was))|"
    # a last wish to die at home, fulfilled ("my grandad's last wish was to die at home and he
    # did, peacefully"; the lead's probes after blind T)
    r"\b(?:last|dying|final)\s+wish\s+was\s+to\s+die\s+(?:at\s+home|in\s+(?:his|her|their)\s+own\s+"
    r"bed|peacefully)\b[^.!?]{0,60}\b(?:(?:he|she|they)\s+did|(?:he|she|they)\s+(?:died|passed))\b",
    _F,
)
_ONSET = re.compile(
    r"\b(?:this\s+(?:evening|morning|afternoon)|today|suddenly|all\s+of\s+a\s+sudden|normally|"
    r"usually|out\s+of\s+(?:nowhere|the\s+blue)|since\s+(?:this|last|yesterday|lunch|breakfast)|"
    r"started|came\s+on|keeps?\s+getting)\b",
    _F,
)
_ON_THE_RADIO = re.compile(r"\b(?:came|was|is)\s+on\s+the\s+radio\b|\bkaraoke\b", _F)
_SELF_INTENT = re.compile(
    r"\b(?:myself|end\s+(?:it|my\s+life|things)|my\s+own\s+life|join\s+(?:him|her|them)|pills|"
    r"tablets|same\s+way|want\s+to\s+die)\b",
    _F,
)
# Death from the illness, planned for ("My husband knows he's going to die soon and wants to
# plan his own funeral", "Now that I know I won't see next Christmas, I want to make the most
# of this one"; the lead's probes before blind Q's first run): the layer's crisis finding is
# vetoed unless the message speaks of hastening it.
_ILLNESS_DEATH = re.compile(
    r"\b(?:terminal(?:ly\s+ill)?|palliative|hospice|end\s+of\s+life|(?:weeks|months)\s+(?:left|to\s+"
    r"live|not\s+years)|prognosis|knows?\s+(?:he|she|i|they)\s*(?:'s|'re|'m|is|am|are)\s+"
    r"(?:going\s+to\s+die|dying)|(?:now\s+that|since)\s+i\s+know\s+i\s+(?:won'?t|will\s+not)\s+"
    r"see)\b",
    _F,
)
_LIVING_PLANS = re.compile(
    r"\bplan\w*\s+(?:his|her|my|their)\s+(?:own\s+)?funeral\b|\bmake\s+the\s+(?:most|best)\s+of\b|"
    r"\bbucket\s+list\b|\bmemory\s+box\w*|\b(?:spend|enjoy)\s+(?:them|it|the\s+time|the\s+"
    r"(?:weeks|months))\s+well\b|\bfamily\s+(?:activities|days?\s+out|holiday)\b|"
    # provision for the family ("I want to make sure my kids are looked after when I'm gone.
    # Is there any legal help for parents with terminal cancer?"; blind O, read as a crisis by
    # the refit with P)
    r"\b(?:looked\s+after|provided\s+for|taken\s+care\s+of)\s+when\s+i'?m\s+gone\b|\blegal\s+"
    r"(?:help|advice)\b|\bguardianship\b|\bpower\s+of\s+attorney\b|\b(?:write|writing|make|making|"
    r"update|updating)\s+(?:a|my)\s+will\b",
    _F,
)
_DONE_BY_TEAM = re.compile(
    r"\b(?:oncologist|doctor|consultant|team|specialist|nurse|gp)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:reduced|lowered|cut|changed|increased|stopped|switched|paused|adjusted)\s+(?:my|his|her|"
    r"the)\s+(?:\w+\s+){0,2}(?:dose|dosage|treatment|tablets|drug|medication)\b|\bas\s+agreed\s+"
    r"with\s+(?:my|his|her|the)\s+(?:team|oncologist|doctor|consultant)\b|"
    # the writer made the change on the team's word ("I've stopped the alectinib as my
    # oncologist told me to"; the lead's probes before blind R's first run)
    r"\b(?:stopped|paused|reduced|lowered|switched|changed|cut)\b[^.!?]{0,60}\b(?:as|because|since|"
    r"like)\s+(?:my|his|her|the|our)\s+(?:oncologist|doctor|consultant|team|specialist|nurse|gp)\s+"
    r"(?:told|advised|asked|instructed|recommended|wanted)\b|\bon\s+(?:my|his|her|the|our)\s+"
    r"(?:oncologist|doctor|consultant|team|specialist|nurse|gp)'?s?\s+(?:advice|instructions?|orders)\b",
    _F,
)
_ASKING_WHAT_TO_DO = re.compile(
    r"\b(?:should|shall|can|could|may|must|would)\s+(?:i|he|she|we)\b|\bdo\s+(?:i|he|she|we)\s+"
    r"(?:still\s+)?(?:take|stop|skip|keep|carry|restart|continue|need\s+to)\b|\bis\s+it\s+(?:ok|okay|"
    r"safe|fine|alright|wise|bad)\b|\bwhat\s+(?:if|dose|would\s+you)\b|\bhow\s+(?:much|many)\b",
    _F,
)
_HASTEN = re.compile(
    r"\b(?:suicid\w*|kill\s+(?:my|him|her|them)sel(?:f|ves)|end\s+(?:it|my\s+life|things)|"
    r"overdos\w*|pills|tablets|morphine|oramorph|stockpil\w*|hasten\w*|speed\s+(?:it|things)\s+"
    r"up|on\s+my\s+own\s+terms|not\s+wait\w*|before\s+it\s+gets|assisted\s+dying|dignitas)\b",
    _F,
)
# an everyday cause or request said outright, for the layer's emergency findings ("my hands are
# shaking from the caffeine" (blind E), "Could you make the text bigger? I'm 82 and struggling
# to read it" (blind P); both read as emergencies by the refit with P)
_ORDINARY_CAUSE = re.compile(
    r"\b(?:shak\w*|jitter\w*|trembl\w*|wired|buzz\w*)\b[^.!?]{0,40}\b(?:from|because\s+of)\s+"
    r"(?:the\s+|all\s+the\s+|too\s+much\s+)?(?:caffeine|coffee|espresso|energy\s+drinks?)\b|\b(?:make|making)\s+the\s+(?:text|"
    r"font|writing|letters|print)\s+(?:bigger|larger)\b|\b(?:font|text)\s+size\b",
    _F,
)
_NOT_A_FEVER = re.compile(
    r"\bnot\s+a\s+(?:fever|temperature)\b|\bhot\s+flush\w*|"
    # a cold with no temperature ("got a cold, sneezing and a runny nose, no temperature, not on
    # treatment at the moment"; blind X)
    r"\b(?:a\s+(?:head\s+)?cold|sneez\w+|runny\s+nose|sniffles)\b(?=[^.!?]{0,60}\bno\s+(?:temperature|"
    r"fever|temp)\b)",
    _F,
)


def _semantic_vetoed(category: str, norm: str) -> bool:
    """The rules' context checks, applied to a semantic finding (its span is the whole text):
    an information question that names no person, staff/training framing and questions about
    what to look for (unless the message says something in the first person or about someone
    now), and for emergencies history, reassurance and hypotheticals."""
    if not PERSONAL.search(norm) and _INFO_QUESTION.search(norm):
        return True
    if (
        (_TOPIC_FRAME.search(norm) or _LOOK_FOR_QUESTION.search(norm))
        and not _LIVE.search(norm)
        and not _DEFINITE_NOW.search(norm)
        and not _FIRST_PERSON_STATEMENT.search(norm)
    ):
        return True
    if category == "crisis" and _KILL_OTHER.search(norm) and not _SELF_DANGER.search(norm):
        return True
    if category == "crisis" and _OTHER_LANGUAGE_IDIOM.search(norm) and not _LIVE.search(norm):
        return True
    if category == "crisis" and _OTHER_LANGUAGE_SAFE.search(norm):
        return True
    # a number or wording asked for published material, said not to be for the writer ("not for
    # me or anyone i know: what's the suicide prevention line number in france? it's for our
    # multilingual leaflet"; blind Y)
    if (
        category == "crisis"
        and (
            _NOT_FOR_ME_MATERIALS.search(norm)
            or (_TRAINING_OTHER_LANGUAGE.search(norm) and not _MEANS_OR_TONIGHT.search(norm))
        )
        and not _LIVE.search(norm)
    ):
        return True
    # chemo brain ("chemo brain made me put my keys in the fridge"; blind Y), and a minor side
    # effect with no emergency sign ("lost my sense of taste on chemo", "slight leg cramps at
    # night, GP found low magnesium"; blind Y)
    if (
        category in _URGENT
        and _MINOR_COMPLAINT.search(norm)
        and not _DANGER_WORDS.search(norm)
        and not _EMERGENCY_SIGN.search(norm)
        and not _LIVE.search(norm)
    ):
        return True
    # a medication routine ("heute Abend nehme ich alle Tabletten nach dem Abendessen, wie
    # immer", "ik leg vanavond al mijn medicijnen klaar in de pillendoos"; the lead's probes
    # after blind X)
    if (
        category == "crisis"
        and _ROUTINE.search(norm)
        and _MEDICATION_ANY.search(norm)
        and not _DANGER_CORE_WORDS.search(norm)
        and not _DANGER_OTHER_LANGUAGE_NOT_PILLS.search(norm)
        and not _LIVE.search(norm)
    ):
        return True
    if (
        category == "crisis"
        and (_SAFE_SAID.search(norm) or _ASK_ABOUT_TOPIC.search(norm))
        and not _SELF_DANGER.search(norm)
        and not _DANGER_OTHER_LANGUAGE.search(norm)
        and not _LIVE.search(norm)
    ):
        return True
    if (
        category == "crisis"
        and (
            _GIVEN_AWAY_FOR_SIZE.search(norm)
            or _UNTIL_TOMORROW.search(norm)
            or _AWAY_FOR_A_REASON.search(norm)
        )
        # (tablets named in passing stay harmless here: "loving having energy again on his new
        # tablets"; blind V)
        and not _DANGER_CORE_WORDS.search(norm)
    ):
        return True
    if (
        category == "crisis"
        and _READY_TO_GO_SAID.search(norm)
        and _ILLNESS_CONTEXT.search(norm)
        and not _HASTEN.search(norm)
    ):
        return True
    if (
        category == "crisis"
        and _OTHER_WILL_KILL_ME.search(norm)
        and _LAUGH.search(norm)
        and not _SELF_DANGER.search(norm)
    ):
        return True
    if (
        category == "crisis"
        and _TREAT_OVERDOSE.search(norm)
        and not _SELF_DANGER_NOT_OD.search(norm)
    ):
        return True
    # history with the person well now: dated by an age or a year ("when I was 19 ... I'm 52
    # now and very much here"), or told as over with the writer recovered ("After my overdose
    # attempt ... I'm in a much better place"; blind P): the rules' checks, for the layer's
    # crisis findings
    if (
        category == "crisis"
        and not _LIVE.search(norm)
        and (
            (_PAST_SENTENCE.search(norm) and _NOW_WELL.search(norm))
            or (_CRISIS_PAST.search(norm) and _RECOVERED.search(norm))
        )
    ):
        return True
    if _ANIMAL_EVENT.search(norm) and not _FIRST_PERSON_STATEMENT.search(norm):
        return True
    # bereaved by someone else's suicide long ago ("My brother took his own life in 2015. Now
    # I've got cancer ... support for people who are also bereaved by suicide?"; blind R)
    if (
        category == "crisis"
        and _BEREAVED.search(norm)
        and not _LIVE.search(norm)
        and not _SELF_INTENT.search(norm)
    ):
        return True
    # harmless complaints told with a laugh ("All my hair fell out and I look like Gollum lol",
    # hiccups that have "the whole house in stitches", "so hot in this waiting room I'm
    # melting"; blind R), as the rules' emergency findings are
    # (an onset said keeps it: "lol my gran's talking nonsense this evening ... she's normally
    # sharp as a tack", blind L)
    if (
        category == "emergency"
        and _IDIOM_SENTENCE.search(norm)
        and not _LIVE.search(norm)
        and not _ONSET.search(norm)
    ):
        return True
    # someone else's words imagined ahead ("if my husband ever told me he wanted to end his
    # life, who would I ring in Ireland?"; blind J, S), as for the rules' findings
    if (
        category == "crisis"
        and _IF_THEY_EVER_SAY_ANYWHERE.search(norm)
        and not _SAID_ALREADY.search(norm)
        and not _LIVE.search(norm)
        and not _SELF_INTENT.search(norm)
    ):
        return True
    # an emergency told in the past tense and checked or settled since ("I already went to A&E
    # this morning for the chest tightness and they found nothing wrong"; blind S), as for the
    # rules' findings, unless an onset is said
    if category == "emergency" and _told_as_over(norm, norm) and not _ONSET.search(norm):
        return True
    # a crisis word explained as meaning something else, or a song on the radio (blind R)
    if (
        category == "crisis"
        and (_MEANT_OTHER.search(norm) or _ON_THE_RADIO.search(norm))
        and not _LIVE.search(norm)
        and not _SELF_INTENT.search(norm)
    ):
        return True
    # (plans apply to crisis findings only: "on holiday" says nothing about a symptom now)
    if (
        category in _URGENT
        and (
            _FIGURE_OF_SPEECH.search(norm)
            or (category == "crisis" and _PLANS_NOT_CRISIS.search(norm))
        )
        and not _DANGER_WORDS.search(norm)
        and not _LIVE.search(norm)
    ):
        return True
    # a change the team has already made ("My oncologist reduced my lorlatinib dose last month
    # and things are much better. Is there a group ...?"; blind P, held out in the refit with P)
    if (
        category == "medical_advice"
        and _DONE_BY_TEAM.search(norm)
        and not _ASKING_WHAT_TO_DO.search(norm)
    ):
        return True
    if (
        category == "crisis"
        and _ILLNESS_DEATH.search(norm)
        and _LIVING_PLANS.search(norm)
        and not _HASTEN.search(norm)
        and not _LIVE.search(norm)
    ):
        return True
    if category == "emergency":
        return bool(
            _PAST_SENTENCE.search(norm)
            or _REASSURED.search(norm)
            or _NOT_A_FEVER.search(norm)
            or _ORDINARY_CAUSE.search(norm)
        )
    return False


# A cancer named by its site ("head and neck cancer", "brain tumour", "bone mets", a bare "head
# and neck" answering "which cancer?"): the learned layer once read "my dad has head and neck
# cancer" as an emergency (blind H). A finding the layer adds is re-checked with these names
# replaced by "cancer" and dropped when it does not survive; symptoms around them are kept.
_SITE_CANCER = re.compile(
    r"\b(?:(?:head\s*(?:and|&)\s*neck|throat|mouth|oral|tongue|neck|brain|bone|blood|lung|"
    r"bowel|colon|rectal|breast|liver|kidney|renal|stomach|gastric|oesophageal|esophageal|"
    r"pancreatic|skin|spinal|bladder|ovarian|cervical|womb|prostate|testicular|thyroid|"
    r"nasopharyngeal|laryngeal|salivary|eye|bile\s+duct)\s+(?:cancers?|tumou?rs?|carcinoma|"
    r"mets|metastas[ie]s|secondaries)|^\W*head\s*(?:and|&)\s*neck\W*$)",
    _F,
)


# The masked re-check. A rule finding on a crisis/emergency term that is not a live statement
# (denied, told as over, framed by a role or purpose, hypothetical: ``_not_live_start``,
# for indirect rules too) used to stand unless the layer vetoed the whole message, and the
# layer, which reads crisis words as crisis whatever surrounds them, seldom did (blind sets G-I:
# "not suicidal, just fed up of being poked and prodded", "I attempted suicide at 22 ... I'm 58
# now, doing well", "if I ever felt suicidal, would this chat tell my doctor?"). The
# layer now judges the message with those spans taken out, and such a finding stays only when
# what is left still reads as its category to the layer ("I'm not suicidal but I've given my
# things away and written the letters" keeps it). The layer's other verdicts (adding a category,
# vetoing another finding) are made on the same masked text, so a denied term cannot come back
# as a layer finding. Chosen on a twelve-fold leave-one-set-out run (eval/nlu/triage_loso.md,
# "Masked re-check"): pooled false positives 71 -> 56/3924 with no positive lost; keeping a
# finding unless the rest is confidently harmless, or also masking the matches the context
# checks set aside, did worse. ``MASK_MODE`` False switches it off (the experiment's baseline).
MASK_MODE = True


@dataclass(frozen=True)
class _Nothing:
    """The layer's verdict when nothing is left to judge (duck-compatible with ModelMatch)."""

    category: None = None
    subtype: str = ""
    pos: float = 0.0
    neg: float = 1.0
    nearest: str = ""


_NOTHING_LEFT = _Nothing()


def _placeholdered(text: str, spans: set[Span] | list[Span], placeholder: str) -> str:
    """``text`` with each of ``spans`` (merged when they overlap) replaced by ``placeholder``."""
    out, at = [], 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        out.append(text[at : max(at, start)])
        out.append(placeholder)
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def _without(text: str, spans: list[Span]) -> str:
    """``text`` with ``spans`` removed (merged when they overlap) and spaces tidied."""
    return re.sub(r"[ \t]{2,}", " ", _placeholdered(text, spans, "")).strip()


def _masked_out(result: TriageResult, match: Any, lowered: list[Span]) -> bool:
    """A rule finding within a span that is not a live statement (``lowered``; a denial's span
    may run on over the symptoms denied after it) that the layer does not find again once those
    spans are out."""
    if result.category not in _URGENT or not any(
        start <= result.start and result.end <= end for start, end in lowered
    ):
        return False
    return match.category != result.category


# The liveness veto. The rules find red-flag terms and the layer reads them as red flags
# whatever surrounds them, so framings the rules do not know ("Role-play request: you be a
# caller who says 'I just want it all to stop'", "anonymised case review, resolved: a caller
# told us ...", "my uncle had a fit years back, he's off the seizure meds now and well") stood.
# The classifier's liveness head judges the message with every red-flag term the rules matched
# replaced by a placeholder (``liveness_input``), i.e. only on what surrounds the terms. A rule
# finding the layer may veto (``learned_veto_allowed``: never an explicit first-person crisis
# statement) is dropped when P(live) is below the head's threshold and the layer does not find
# its category itself. Trained on the rule-matched messages of the labelled sets, the bank and
# eval/nlu/triage_liveness.yml; the threshold is the lowest P(live) of any vetoable positive in
# the leave-one-set-out scores (eval/nlu/triage_loso.md, "Liveness veto"). ``LIVE_MODE`` False
# switches it off.
LIVE_MODE = True


def raw_urgent_spans(text: str) -> set[Span]:
    """Every crisis/emergency rule match in ``text``, context checks ignored."""
    norm = _normalise(text)
    return {
        (m.start(), m.end())
        for rule in _RULES
        if rule.category in _URGENT
        for m in rule.pattern.finditer(norm)
    }


def liveness_input(
    text: str, placeholder: str = "X", lowered: list[Span] | None = None
) -> str | None:
    """What the liveness head judges: ``text`` with every crisis/emergency rule match (context
    checks ignored) and every span that is not a live statement (a denial with its words:
    ``_not_live_start``; ``lowered`` when the caller already has them from ``_rule_pass``)
    replaced by ``placeholder``; None when no rule matches."""
    if lowered is None:
        lowered = _rule_pass(text)[1]
    spans = raw_urgent_spans(text) | set(lowered)
    return _placeholdered(text, spans, placeholder) if spans else None


def _liveness_vetoed(
    layer: Any, text: str, results: list[TriageResult], lowered: list[Span], match: Any
) -> list[TriageResult]:
    """``results`` without the findings the liveness head drops (see ``LIVE_MODE``)."""
    threshold = getattr(layer, "live_threshold", None)
    if not LIVE_MODE or threshold is None:
        return results
    dropped = [
        r
        for r in results
        if r.category in _URGENT
        and r.rule != "semantic"
        and r.category != match.category
        and learned_veto_allowed(r, text)
    ]
    if not dropped:
        return results
    judged = liveness_input(text, layer.live_placeholder, lowered)
    try:
        live = float(layer.live_proba([judged or text])[0])
    except Exception:  # noqa: BLE001 - keep the findings (safety first)
        log.exception("liveness check failed; keeping the findings")
        return results
    if live >= threshold:
        return results
    return [r for r in results if r not in dropped]


def _layer_check(layer: Any, text: str, veto_possible: bool) -> Any:
    """The layer's verdict on ``text``; only the trained classifier takes ``veto_possible``
    (the nearest-neighbour layer never vetoes)."""
    if layer.adds_only:
        return layer.check(text)
    return layer.check(text, veto_possible=veto_possible)


def _rests_on_cancer_name(layer: Any, text: str, category: str) -> bool:
    """True when the layer no longer finds ``category`` once site cancer names read "cancer"."""
    if not _SITE_CANCER.search(text):
        return False
    masked = _SITE_CANCER.sub("cancer", text)
    try:
        again = _layer_check(layer, masked, veto_possible=False)
    except Exception:  # noqa: BLE001 - keep the finding (safety first)
        log.exception("semantic triage re-check failed; keeping the finding")
        return False
    return again.category != category


def screen_all(text: str, most_urgent_only: bool = False) -> list[TriageResult]:
    """One finding per category present in ``text``, most urgent first; [] when none.

    The rules run first, then the enabled layer (the trained classifier of
    ``nlu.triage_model``, or the older nearest-neighbour ``nlu.triage_semantic``):
    - it may add a finding for a category the rules did not find (``rule`` "semantic",
      ``explicit`` False, the span is the whole text), unless the rules' context checks veto it
      (an information question naming no person; for emergencies history, reassurance, "if
      ever");
    - the classifier may veto a rule's crisis/emergency finding when every sentence of the
      message is confidently harmless (P(none) >= its ``veto_threshold``), but never an
      explicit crisis statement (``learned_veto_allowed``);
    - the classifier judges the message with the spans that are not live statements taken out
      (denied, told as over, framed, hypothetical; ``MASK_MODE``), and a rule finding on such a
      span stays only when what is left still reads as its category;
    - the classifier's liveness head judges the message with its red-flag terms replaced by a
      placeholder (``LIVE_MODE``), and drops a rule finding the layer may veto when it scores
      below the head's threshold and the layer does not find that category itself.
    A failing encoder never breaks the screen: the rules' answer stands (logged).

    ``most_urgent_only`` (what ``screen`` needs): when the rules found a crisis the layer may not
    veto, nothing the layer could add or veto changes the most urgent finding, so it is not run
    (no encoder call; the other categories may then be missing from the list).
    """
    results, lowered = _rule_pass(text)
    layer = _semantic
    if layer is None or not isinstance(text, str) or not text.strip():
        return results
    if (
        most_urgent_only
        and results
        and results[0].category == "crisis"
        and not learned_veto_allowed(results[0], text)
    ):
        return results
    adds_only = layer.adds_only
    if adds_only and any(r.category in _URGENT for r in results):
        return results  # the nearest-neighbour layer only adds to a rules' miss
    judged = text if adds_only or not lowered or not MASK_MODE else _without(text, lowered)
    try:
        # the classifier scores the sentences only when they could matter (sentence_gate)
        veto_possible = not adds_only and any(learned_veto_allowed(r, text) for r in results)
        if judged.strip(" \t\n.,;:!?-'\"()"):
            match = _layer_check(layer, judged, veto_possible)
        else:  # nothing left once the spans are out ("not suicidal")
            match = _NOTHING_LEFT
    except Exception:  # noqa: BLE001 - safety screen must answer with the rules alone
        log.exception("semantic triage failed; using the rules alone")
        return results
    if judged is not text:
        results = [r for r in results if not _masked_out(r, match, lowered)]
    veto_at = None if adds_only else layer.veto_threshold
    if veto_at is not None and match.category is None and match.neg >= veto_at:
        results = [r for r in results if not learned_veto_allowed(r, text)]
    if not adds_only:
        results = _liveness_vetoed(layer, text, results, lowered, match)
    if match.category is None or any(r.category == match.category for r in results):
        return results
    if _semantic_vetoed(match.category, _normalise(text)):
        return results
    if _rests_on_cancer_name(layer, judged, match.category):
        return results
    found = TriageResult(match.category, match.subtype, 0, len(text), text, False, "semantic")
    return sorted([found, *results], key=lambda r: _rank(r, found, results))


def _rank(result: TriageResult, added: TriageResult, results: list[TriageResult]) -> float:
    """Order of the findings: crisis > emergency > medical advice, except that a crisis only the
    layer found comes after an explicit emergency the rules found ("He collapsed and he's not
    breathing properly ... I'm on my own with him" read as crisis by the layer too; blind M):
    the answer is then the emergency advice. An indirect emergency finding ("she isn't
    answering" after a goodbye message) keeps the layer's crisis first."""
    if (
        result is added
        and added.category == "crisis"
        and any(r.category == "emergency" and r.explicit for r in results)
    ):
        return _ORDER["emergency"] + 0.5
    return float(_ORDER[result.category])


def screen(text: str) -> TriageResult | None:
    """The most urgent red flag in ``text`` (crisis > emergency > medical_advice; a crisis only
    the layer found comes after an explicit emergency of the rules, ``_rank``), or None."""
    results = screen_all(text, most_urgent_only=True)
    return results[0] if results else None

"""Label mappings from the external suites' label sets to the project's PLOVER types.

Every table here is a documented judgement: the evaluation report shows the suite notes that cite
them, so a reader can see what was mapped to what and why. Sources (all in ``../shared/data``):

- ``plover/PLOVER_MANUAL.tex`` (current 16 types and their modes) and
  ``plover/CAMEO2PLOVER-2021.txt`` (CAMEO code -> PLOVER type, mode), which the project's own
  table :func:`dyadwatch.coding.ontology.cameo_table` is generated from;
- ``conflibert-cameo/SOURCE.md`` (the inferred meaning of ConfliBERT's five classes);
- ``case2021-task2/event_types.txt`` and the ACLED sub-event definitions.
"""

from __future__ import annotations

from functools import cache

from ..coding.kb import KnowledgeBase
from ..coding.ontology import PLOVER_SCORES, CameoCode, cameo_table
from ..errors import ConfigError

# -- PLOVER 0.5b1 (the GSR) -> current PLOVER -----------------------------------------------------

#: The PLOVER GSR (``plover/PLOVER_GSR_CAMEO.txt``) is coded in PLOVER 0.5b1 (Dec 2016). The current
#: manual (Draft 0.8, 2021) renamed or merged four categories; the other 14 are unchanged:
#:
#: - DEMAND -> REQUEST (CAMEO 10 "demand" is REQUEST in the 2021 table);
#: - DISAPPROVE -> ACCUSE (CAMEO 11; mode "disapprove" or "allege" depending on the sub-code, so
#:   no mode is implied by the label alone);
#: - INVESTIGATE -> ACCUSE with mode "investigate" (CAMEO 09, all sub-codes map to that mode);
#: - FIGHT -> ASSAULT (CAMEO 19/20 conventional and mass violence; the 2021 table maps CAMEO 18,
#:   19 and 20 to ASSAULT and moves the weapon to the mode).
PLOVER05_TO_CURRENT: dict[str, str] = {
    "AGREE": "AGREE",
    "CONSULT": "CONSULT",
    "SUPPORT": "SUPPORT",
    "CONCEDE": "CONCEDE",
    "COOPERATE": "COOPERATE",
    "AID": "AID",
    "RETREAT": "RETREAT",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "REJECT": "REJECT",
    "THREATEN": "THREATEN",
    "PROTEST": "PROTEST",
    "SANCTION": "SANCTION",
    "MOBILIZE": "MOBILIZE",
    "COERCE": "COERCE",
    "ASSAULT": "ASSAULT",
    "FIGHT": "ASSAULT",
}

#: Modes implied by a 0.5 label when the record gives none.
PLOVER05_DEFAULT_MODE: dict[str, str] = {"INVESTIGATE": "investigate"}

#: 0.5b1 modes as they occur in the GSR, per 0.5 label, translated to a current mode of the mapped
#: type (``None`` where the current manual has no equivalent). The type is normally
#: ``PLOVER05_TO_CURRENT[label]``; two COERCE modes change it, following CAMEO2PLOVER-2021, which
#: moved "destroy property" (1712) and "violent repression" (175) from COERCE to ASSAULT, whose
#: current modes include "destroy" and the weapon modes:
#:
#: - COERCE/destroy (guerillas blow up power lines, bulldozers demolish homes) -> ASSAULT/destroy;
#: - COERCE/firearms (police open fire on demonstrators) -> ASSAULT/firearms.
#:
#: Renamed modes: assassinate -> targeted; demo-org/demo-spon -> demo; riot-spon -> riot;
#: strike-gen -> strike; strike-hun -> hunger; confiscate -> seize; detain -> arrest;
#: COERCE/ban -> restrict (the manual's "restrict" covers banning organisations and individuals);
#: CONSULT/host -> visit (CAMEO 043 "host a visit" is CONSULT/visit in the 2021 table; the manual
#: does not require the host/visitor distinction); THREATEN/curfew, martial-law and political ->
#: restrict (the manual's THREATEN "restrict" covers curfews and bans on political activity).
#: Dropped (``None``): FIGHT/other, FIGHT/deport (CAMEO 201 mass expulsion, whose 2021 mode
#: "cleansing" is commented out of the current manual).
PLOVER05_MODE_TO_CURRENT: dict[tuple[str, str], tuple[str, str | None]] = {
    ("ASSAULT", "assassinate"): ("ASSAULT", "targeted"),
    ("ASSAULT", "beat"): ("ASSAULT", "beat"),
    ("ASSAULT", "explosives"): ("ASSAULT", "explosives"),
    ("ASSAULT", "primitive"): ("ASSAULT", "primitive"),
    ("ASSAULT", "sexual"): ("ASSAULT", "sexual"),
    ("ASSAULT", "suicide-attack"): ("ASSAULT", "suicide-attack"),
    ("ASSAULT", "torture"): ("ASSAULT", "torture"),
    ("FIGHT", "assassinate"): ("ASSAULT", "targeted"),
    ("FIGHT", "deport"): ("ASSAULT", None),
    ("FIGHT", "explosives"): ("ASSAULT", "explosives"),
    ("FIGHT", "firearms"): ("ASSAULT", "firearms"),
    ("FIGHT", "heavy-weapons"): ("ASSAULT", "heavy-weapons"),
    ("FIGHT", "other"): ("ASSAULT", None),
    ("COERCE", "arrest"): ("COERCE", "arrest"),
    ("COERCE", "ban"): ("COERCE", "restrict"),
    ("COERCE", "censor"): ("COERCE", "censor"),
    ("COERCE", "confiscate"): ("COERCE", "seize"),
    ("COERCE", "curfew"): ("COERCE", "curfew"),
    ("COERCE", "deport"): ("COERCE", "deport"),
    ("COERCE", "destroy"): ("ASSAULT", "destroy"),
    ("COERCE", "detain"): ("COERCE", "arrest"),
    ("COERCE", "firearms"): ("ASSAULT", "firearms"),
    ("COERCE", "martial-law"): ("COERCE", "martial-law"),
    ("COERCE", "restrict"): ("COERCE", "restrict"),
    ("CONSULT", "host"): ("CONSULT", "visit"),
    ("CONSULT", "multilateral"): ("CONSULT", "multilateral"),
    ("CONSULT", "phone"): ("CONSULT", "phone"),
    ("CONSULT", "third-party"): ("CONSULT", "third-party"),
    ("CONSULT", "visit"): ("CONSULT", "visit"),
    ("MOBILIZE", "police"): ("MOBILIZE", "police"),
    ("MOBILIZE", "troops"): ("MOBILIZE", "troops"),
    ("MOBILIZE", "weapons"): ("MOBILIZE", "weapons"),
    ("PROTEST", "demo-org"): ("PROTEST", "demo"),
    ("PROTEST", "demo-spon"): ("PROTEST", "demo"),
    ("PROTEST", "obstruct"): ("PROTEST", "obstruct"),
    ("PROTEST", "riot"): ("PROTEST", "riot"),
    ("PROTEST", "riot-spon"): ("PROTEST", "riot"),
    ("PROTEST", "strike-gen"): ("PROTEST", "strike"),
    ("PROTEST", "strike-hun"): ("PROTEST", "hunger"),
    ("THREATEN", "curfew"): ("THREATEN", "restrict"),
    ("THREATEN", "martial-law"): ("THREATEN", "restrict"),
    ("THREATEN", "political"): ("THREATEN", "restrict"),
    ("THREATEN", "relations"): ("THREATEN", "relations"),
    ("THREATEN", "restrict"): ("THREATEN", "restrict"),
    ("THREATEN", "violence"): ("THREATEN", "violence"),
}

#: Actor codes in the GSR that are not ISO 3166 alpha-3 but plainly mean a country (the sentences
#: name Japan/Tokyo, Italy and Vietnamese forces). Other non-country codes (IGO, NGO, IMG, ISM)
#: are kept as given.
PLOVER_CODE_FIXES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def plover05(label: str, mode: str | None) -> tuple[str, str | None]:
    """The current PLOVER type and mode of a PLOVER 0.5b1 label and mode.

    Raises :class:`~dyadwatch.errors.ConfigError` for a label or mode not in the tables above, so
    that a new GSR release cannot be scored with a silently wrong mapping."""
    if label not in PLOVER05_TO_CURRENT:
        raise ConfigError(f"unknown PLOVER 0.5 label {label!r}: add it to PLOVER05_TO_CURRENT")
    if not mode:
        return PLOVER05_TO_CURRENT[label], PLOVER05_DEFAULT_MODE.get(label)
    try:
        return PLOVER05_MODE_TO_CURRENT[(label, mode)]
    except KeyError:
        raise ConfigError(
            f"unknown PLOVER 0.5 mode {mode!r} for {label}: add it to PLOVER05_MODE_TO_CURRENT"
        ) from None


# -- CAMEO codes and Phoenix actor codes ----------------------------------------------------------


def cameo_entry(code: str) -> CameoCode | None:
    """The project's CAMEO table entry for a code: the code itself, else its first three, else its
    first two characters (so "1014" falls back to "101" and "174K" to "174"). ``None`` for codes
    outside the table: CAMEO 01 (public statements, dropped by PLOVER) and the non-CAMEO codes of
    the PETRARCH unit tests (21x, 22x, 34x, 80x, 90x, 91x)."""
    table = cameo_table()
    for key in (code, code[:3], code[:2]):
        if len(key) >= 2 and key in table:
            return table[key]
    return None


def current_mode(event_type: str, mode: str | None) -> str | None:
    """``mode`` when the current manual defines it for ``event_type`` (its score table lists every
    type:mode pair), else ``None``. The 2021 CAMEO table carries some modes the manual does not
    (ASSAULT "assassinate", "massacre", "cleansing", COERCE "ban", a context "pro_autocracy")."""
    return mode if mode and f"{event_type}:{mode}" in PLOVER_SCORES else None


@cache
def _knowledge_base() -> KnowledgeBase:
    return KnowledgeBase.load()


def phoenix_country(code: str) -> str | None:
    """The country of a Phoenix/CAMEO actor code ("IRQGOVMIL" -> "IRQ", "IGOUNO" -> "IGO").

    The first three letters count when they are an ISO 3166 alpha-3 code known to the packaged
    knowledge base; codes starting with "IGO" give "IGO"; anything else ("---GOV" unknown country,
    "IMGMUSISI" international militant group, toy or quoted codes) gives ``None``."""
    code = code.strip().upper()
    if code.startswith("IGO"):
        return "IGO"
    prefix = code[:3]
    if len(prefix) == 3 and prefix.isalpha() and _knowledge_base().country_by_code(prefix):
        return prefix
    return None


# -- ConfliBERT pentaclass ------------------------------------------------------------------------

#: ConfliBERT's CAMEO classification labels (``conflibert-cameo/cameo_class``) by CAMEO root. The
#: repository does not document them; ``conflibert-cameo/SOURCE.md`` inferred them by matching the
#: sentences against the CAMEO codebook examples and the PLOVER GSR.
CAMEO_ROOT_TO_PENTACLASS: dict[str, str] = {
    **dict.fromkeys(("01", "02"), "0"),
    **dict.fromkeys(("03", "04", "05"), "1"),
    **dict.fromkeys(("06", "07", "08"), "2"),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), "3"),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), "4"),
}

PENTACLASS_NAMES: dict[str, str] = {
    "0": "public statement / appeal",
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}


def pentaclass(cameo_code: str) -> str | None:
    """The ConfliBERT class ("0".."4") of a CAMEO code or root; ``None`` if it has no root."""
    return CAMEO_ROOT_TO_PENTACLASS.get(cameo_code[:2])


# -- CASE 2021 task 2 (ACLED sub-event types) -----------------------------------------------------

#: CASE 2021 labels (spelt as in the test file) that a PLOVER type covers. ACLED's definitions
#: decide the doubtful ones:
#:
#: - Battles (ARMED_CLASH, GOV_REGAINS_TERIT, NON_STATE_ACTOR_OVERTAKES_TER) -> ASSAULT: ACLED
#:   requires an armed interaction for all three, including the territory changes.
#: - Explosions/remote violence (AIR_STRIKE, ART_MISS_ATTACK, CHEM_WEAP, GRENADE, REM_EXPLOS,
#:   SUIC_BOMB) and violence against civilians (ATTACK, ABDUCT_DISSAP, SEX_VIOL) -> ASSAULT (modes
#:   aerial, heavy-weapons, unconventional, explosives, suicide-attack, abduct, sexual).
#: - FORCE_AGAINST_PROTEST -> ASSAULT: excessive force against protesters; the manual's ASSAULT
#:   mode "crowd-control" (tear gas, water cannon, lathi charges) and CAMEO 175 violent
#:   repression -> ASSAULT in the 2021 table.
#: - MOB_VIOL -> ASSAULT, not PROTEST: the snippets are mostly lynchings and vigilante killings by
#:   crowds, with no protest claim; PLOVER's PROTEST "riot" needs action directed at an 'other'
#:   group or the authorities as a protest.
#: - PEACE_PROTEST, PROTEST_WITH_INTER -> PROTEST (demo; the intervention is a second event),
#:   VIOL_DEMONSTR -> PROTEST (riot).
#: - ARREST -> COERCE (arrest, CAMEO 173); DISR_WEAP (weapons seized, intercepted or defused) ->
#:   COERCE (seize).
#: - PROPERTY_DISTRUCT (looting, arson, demolition) -> ASSAULT: the manual's ASSAULT "destroy" is
#:   intentional destruction of property, and the 2021 table moves CAMEO 1712 there.
#: - AGREEMENT (peace deals, ceasefires, prisoner exchanges) -> AGREE.
#: - DIPLO -> SANCTION: about two thirds of the snippets are sanctions, expulsions of diplomats or
#:   cut ties (SANCTION expel/discontinue); the rest are condemnations and appeals, which a
#:   PLOVER coder will call ACCUSE or REQUEST and be scored wrong on.
ACLED_TO_PLOVER: dict[str, str] = {
    "ABDUCT_DISSAP": "ASSAULT",
    "AGREEMENT": "AGREE",
    "AIR_STRIKE": "ASSAULT",
    "ARMED_CLASH": "ASSAULT",
    "ARREST": "COERCE",
    "ART_MISS_ATTACK": "ASSAULT",
    "ATTACK": "ASSAULT",
    "CHEM_WEAP": "ASSAULT",
    "DIPLO": "SANCTION",
    "DISR_WEAP": "COERCE",
    "FORCE_AGAINST_PROTEST": "ASSAULT",
    "GOV_REGAINS_TERIT": "ASSAULT",
    "GRENADE": "ASSAULT",
    "MOB_VIOL": "ASSAULT",
    "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT",
    "PEACE_PROTEST": "PROTEST",
    "PROPERTY_DISTRUCT": "ASSAULT",
    "PROTEST_WITH_INTER": "PROTEST",
    "REM_EXPLOS": "ASSAULT",
    "SEX_VIOL": "ASSAULT",
    "SUIC_BOMB": "ASSAULT",
    "VIOL_DEMONSTR": "PROTEST",
}

#: CASE 2021 labels that are not scored, with the reason (shown in the report).
ACLED_LEFT_OUT: dict[str, str] = {
    "CHANGE_TO_GROUP_ACT": "ACLED 'change to group/activity' mixes troop movements, recruitment "
    "and new units; only some would be MOBILIZE",
    "HQ_ESTABLISHED": "setting up a base or headquarters has no PLOVER category",
    "NON_VIOL_TERRIT_TRANSFER": "non-violent handover or withdrawal: RETREAT for the side that "
    "leaves, COERCE for the side that takes over; the label does not say which is the actor",
    "OTHER": "ACLED residual class",
    "ORG_CRIME": "organised crime is not a political event category in PLOVER",
    "NATURAL_DISASTER": "not an interaction between political actors",
    "MAN_MADE_DISASTER": "accidents are not interactions between political actors",
    "ATTRIB": "claims of responsibility and attributions are CAMEO 01 statements, which PLOVER "
    "dropped",
}

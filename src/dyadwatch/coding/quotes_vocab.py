"""The cue vocabulary of quote attribution (docs/quotes.md): verbs, nouns and adjectives that
report a statement, a view or an intention, and the words that look like cues but are not.
Attribution covers statements, beliefs and intentions, as in PARC and PolNeAR."""

from __future__ import annotations

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "note", "remark", "comment", "explain", "reply", "respond",
    "answer", "ask", "write", "tweet", "post", "declare", "announce", "claim", "insist", "argue",
    "contend", "maintain", "assert", "warn", "caution", "predict", "promise", "pledge", "vow",
    "admit", "acknowledge", "concede", "confirm", "deny", "reveal", "disclose", "report", "detail",
    "describe", "emphasize", "emphasise", "stress", "underscore", "underline", "highlight",
    "reiterate", "reaffirm", "repeat", "echo", "recall", "suggest", "propose", "recommend", "urge",
    "demand", "complain", "accuse", "allege", "conclude", "continue", "observe", "mention",
    "testify", "estimate", "forecast", "agree", "counter", "quip", "joke", "signal", "indicate",
    "assure", "proclaim", "tout", "believe", "think", "feel", "hope", "fear", "doubt", "worry",
    "expect", "reckon", "know", "talk", "speak", "discuss", "cite", "boast", "brag", "lament",
})
#: Verbs of judgment and attitude: what they take as object is the view reported ("Clinton
#: backed the deal", "Trump criticized the ruling").
ATTITUDE_VERBS = frozenset({
    "want", "support", "oppose", "back", "endorse", "praise", "criticize", "criticise", "condemn",
    "blame", "welcome", "reject", "accept", "applaud", "slam", "blast", "dismiss", "question",
    "dispute", "defend", "favor", "favour", "like", "love", "hate", "prefer", "fear", "doubt",
    "trust", "distrust", "dislike", "admire", "respect", "credit", "mock", "ridicule", "denounce",
    "decry", "lament", "celebrate", "hail", "laud", "commend", "tout", "champion", "embrace",
    "challenge", "label", "characterize", "characterise", "portray", "consider", "regard", "deem",
    "recognize", "recognise", "understand", "remember", "request", "seek", "offer", "threaten",
})
#: Verbs whose object is the person addressed, not what is said ("told reporters").
ADDRESSEE_VERBS = frozenset({"tell", "ask", "warn", "urge", "remind", "assure", "inform", "notify", "brief",
                             "thank", "address", "call", "caution", "email", "text"})
#: Prepositions that introduce what a speech verb is about ("spoke about the deal").
ABOUT_PREPS = {"about", "of", "on", "against", "for", "over", "regarding"}
OBJECT_VERBS = frozenset({
    "emphasize", "emphasise", "stress", "underscore", "underline", "highlight", "reiterate",
    "reaffirm", "confirm", "deny", "acknowledge", "admit", "announce", "propose", "recommend",
    "suggest", "express", "demand", "predict", "reveal", "disclose", "promise", "pledge", "voice",
    "claim", "describe", "cite", "mention", "repeat", "tout", "detail", "outline", "lament", "allege",
    # what is said or shown, named by the object ("discussed his plan", "documents the boom")
    "discuss", "document", "chronicle", "reference", "invoke", "promote", "explain",
    "unveil", "present", "tweet", "retweet", "report", "recall", "concede",
    "forecast", "estimate", "pitch", "float", "link", "compare", "liken", "paint", "fault", "knock",
    "pan", "assail", "lambaste", "rebuke", "scold", "chastise", "castigate", "berate", "deride",
    "belittle", "disparage", "tar", "attribute",
    "attack", "grill", "downplay", "insult", "taunt", "smear", "shame", "demean", "exhort", "debate", "publish", "recite",
})
#: Verbs by which a poll, study or report states a finding ("Polls show a close contest",
#: "a 2014 study found 31 incidents"), when their subject is one of :data:`EVIDENCE_SOURCES`.
EVIDENCE_VERBS = frozenset({"show", "find", "indicate", "suggest", "reveal", "put", "give", "project"})
EVIDENCE_SOURCES = frozenset({
    "poll", "polling", "survey", "study", "report", "data", "figure", "analysis", "research", "average",
    "audit", "review", "census", "statistic", "tally", "projection", "estimate", "forecast", "model",
    "investigation", "inquiry", "probe", "record", "document", "assessment", "index", "sample",
})
#: Verbs that name something as something: the object with its complement is the content ("called
#: the charges unsubstantiated", "branded him a liar").
NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "deem", "term", "pronounce"})
#: "express" reports these objects ("expressed hope", "expressed his desire to …").
EXPRESSED = {"hope", "desire", "concern", "confidence", "regret", "wish", "belief", "view", "support",
             "opposition", "willingness", "commitment", "doubt", "doubts", "frustration", "optimism",
             "reservation", "skepticism", "scepticism", "dismay", "outrage", "disappointment", "anger",
             "gratitude", "sympathy", "condolence", "solidarity", "appreciation", "alarm", "interest",
             "satisfaction", "displeasure", "unease", "fear", "fears", "worry", "worries", "intention"}
CONTROL_VERBS = frozenset({"urge", "ask", "tell", "call", "warn", "want", "expect", "encourage", "implore",
                           "persuade", "convince", "press", "pressure", "push", "invite", "challenge", "dare",
                           "beg", "order", "direct", "instruct", "advise", "remind"})
INTENTION_VERBS = frozenset({
    "promise", "pledge", "vow", "urge", "threaten", "propose", "demand", "ask", "call", "warn",
    "tell", "want", "plan", "intend", "decide", "seek", "aim", "hope", "expect", "refuse", "wish",
    "prefer", "agree", "offer", "resolve", "decline",
}) | CONTROL_VERBS
PHRASAL = {("point", "out"), ("call", "for")}
#: Verbs that take a clause without reporting anyone's words or thoughts.
NON_ATTRIBUTIVE = frozenset({
    "be", "seem", "appear", "look", "sound", "mean", "ensure", "make", "matter", "happen", "help",
    "require", "remain", "become", "depend", "turn", "let", "prove", "guarantee", "follow", "imply",
    "go", "get", "have", "take", "do", "come", "put", "keep", "set", "see", "wait", "check",
    "determine", "cause", "bring", "give", "send", "leave", "allow", "enable", "force", "lead",
} - SPEECH_VERBS)
#: Nouns that name a statement, belief or intention and may carry its content in a "that" clause.
REPORT_NOUNS = frozenset({
    "claim", "statement", "assertion", "belief", "view", "argument", "promise", "pledge", "warning",
    "hope", "fear", "suggestion", "allegation", "accusation", "charge", "insistence", "assurance",
    "announcement", "conviction", "speculation", "concern", "worry", "opinion", "message",
    "admission", "denial", "prediction", "expectation", "threat", "vow", "complaint", "reminder",
    "recognition", "assessment", "conclusion", "finding", "suspicion", "doubt", "theory", "remark",
    "comment", "contention", "confidence", "acknowledgment", "acknowledgement",
})
#: Nouns of intention: their "to" infinitive is the content ("Trump's plan to build a wall").
INTENT_NOUNS = frozenset({
    "plan", "promise", "pledge", "decision", "vow", "call", "threat", "desire", "wish", "intention",
    "refusal", "offer", "proposal", "bid", "push", "commitment", "willingness", "determination", "demand",
    "request", "attempt", "readiness", "reluctance", "eagerness",
})
#: Nouns of stance: the object of their preposition is the content ("her support for the deal").
STANCE_NOUNS = {"support": {"for", "of"}, "opposition": {"to"}, "endorsement": {"of"}, "criticism": {"of"},
                "praise": {"for", "of"}, "view": {"on", "of", "about"}, "views": {"on", "of", "about"},
                "position": {"on"}, "stance": {"on", "toward", "towards"}, "comments": {"on", "about"},
                "remarks": {"on", "about"}, "concern": {"about", "over"}, "concerns": {"about", "over"},
                "doubts": {"about", "over"}, "objection": {"to"}, "objections": {"to"}, "call": {"for"},
                "calls": {"for"}}
#: Adjectives of stance: with a clause, an infinitive or a preposition they report a view
#: ("confident that", "eager to", "critical of").
STANCE_ADJECTIVES = {
    "confident": {"in", "of", "about"}, "sure": {"of", "about"}, "certain": {"of", "about"},
    "convinced": {"of"}, "aware": {"of"}, "concerned": {"about", "over", "by", "with"},
    "worried": {"about", "over", "by"}, "hopeful": {"about", "of"}, "optimistic": {"about"},
    "pessimistic": {"about"}, "skeptical": {"of", "about"}, "sceptical": {"of", "about"},
    "critical": {"of"}, "supportive": {"of"}, "opposed": {"to"}, "wary": {"of", "about"},
    "proud": {"of"}, "happy": {"with", "about"}, "glad": set(), "angry": {"at", "about", "with", "over"},
    "upset": {"about", "with", "over", "by"}, "eager": set(), "willing": set(), "keen": {"on"},
    "determined": set(), "reluctant": set(), "unwilling": set(), "adamant": set(), "insistent": set(),
    "doubtful": {"about", "of"}, "afraid": {"of"}, "fearful": {"of"}, "frustrated": {"with", "by", "about"},
    "disappointed": {"with", "by", "in"}, "pleased": {"with", "by", "about"}, "satisfied": {"with"},
    "unhappy": {"with", "about"}, "furious": {"at", "about", "with", "over"}, "outraged": {"by", "at", "over"},
    "open": {"to"}, "ready": set(), "clear": set(), "interested": {"in"},
}
#: Verbs whose subject is the source of a report noun they govern ("made the argument that").
SUPPORT_VERBS = {"make", "issue", "express", "voice", "offer", "give", "repeat", "reiterate", "share",
                 "raise", "put", "float", "air", "reaffirm", "sound", "renew"}
COMPLEMENTIZERS = {"that", "whether", "if"}
#: Dependencies by which a cue governs a clause around a quoted fragment.
MIXED_DEPS = ("ccomp", "xcomp", "dobj", "obj", "prep", "pcomp", "attr", "oprd", "acomp")
#: Prepositions that introduce what is reported ("described it as “…”", "spoke of “…”").
CONTENT_PREPS = {"as", "of", "about", "for"}
#: Objects that point back to something said earlier ("echoed this sentiment"): not content.
ANAPHORIC_OBJECTS = {"sentiment", "view", "views", "remark", "remarks", "comment", "comments", "point",
                     "message", "position", "stance", "statement", "concern", "concerns", "it", "this", "that",
                     "so", "same", "words", "call", "calls"}
EXPLETIVE = {"it", "there", "this", "that"}

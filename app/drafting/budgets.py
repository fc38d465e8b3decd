"""Defence budgets in any currency notation ("$1.2bn", "16.5 billion soms", "KZT 800
billion"), told apart from GDP, loans and deals."""

import re
from collections.abc import Iterator

from app.drafting.analysis import SentenceView
from app.drafting.numbers import Figure, integer
from app.drafting.readings import Reading, holder

_BUDGET = re.compile(
    r"\b(?:defen[cs]e|military|armed forces|army)(?:\s+ministry(?:’s|'s)?)?\s+"
    r"(?:budget|spending|expenditures?|outlays?|allocations?)\b|"
    r"\bspen[dt]s?\b(?:[^.;]|\.(?=\d)){0,40}\bon (?:defen[cs]e|"
    r"(?:the|its|their) (?:military|armed forces|army|defen[cs]e))\b|"
    r"\ballocat\w+\b(?:[^.;]|\.(?=\d)){0,40}\bto (?:defen[cs]e|"
    r"(?:the|its) (?:military|armed forces|army))\b",
    re.IGNORECASE,
)

# Amounts near these words are another money's: a loan, a deal, trade.
_NOT_BUDGET = re.compile(
    r"\b(?:trade|loan|investment|worth|deal|contract|revenue|exports?|imports?)\b", re.I
)
# An amount that is the economy's own: "GDP of $90 billion", "$180bn economy". A share of
# GDP beside a budget ("1.7% of its GDP on defence, or 1.3 billion lari") is not one.
_ECONOMY_BEFORE = re.compile(
    r"\b(?:GDP|gross domestic product|economy)\s*(?:of|is|was|at|stood at|worth|:)?\s*"
    r"(?:about|around|some|roughly|nearly)?\s*$",
    re.I,
)
_ECONOMY_AFTER = re.compile(r"\s*(?:in\s+)?(?:GDP|gross domestic product|economy)\b", re.I)

_CURRENCY_BEFORE = (
    ("USD", re.compile(r"(?:US\s?\$|U\.S\.\s?\$|\$|USD\s?)$")),
    ("EUR", re.compile(r"(?:€|EUR\s?)$")),
    ("GBP", re.compile(r"(?:£|GBP\s?)$")),
    ("RUB", re.compile(r"(?:₽|RUB\s?)$")),
    ("KZT", re.compile(r"(?:₸|KZT\s?)$")),
    ("CNY", re.compile(r"(?:¥|CNY\s?|RMB\s?)$")),
    ("INR", re.compile(r"(?:₹|INR\s?|Rs\.?\s?)$")),
)

_CURRENCY_AFTER = (
    ("USD", re.compile(r"^\s+(?:US |U\.S\. |American )?dollars\b|^\s*(?:USD)\b", re.I)),
    ("EUR", re.compile(r"^\s+euros?\b|^\s*EUR\b", re.I)),
    ("GBP", re.compile(r"^\s+(?:pounds sterling|pounds)\b|^\s*GBP\b", re.I)),
    ("BYN", re.compile(r"^\s+Belarusian (?:roubles|rubles)\b|^\s*BYN\b", re.I)),
    ("RUB", re.compile(r"^\s+(?:Russian )?(?:roubles|rubles)\b|^\s*RUB\b", re.I)),
    ("KZT", re.compile(r"^\s+tenge\b|^\s*KZT\b", re.I)),
    ("KGS", re.compile(r"^\s+(?:soms|som)\b|^\s*KGS\b", re.I)),
    ("GEL", re.compile(r"^\s+laris?\b|^\s*GEL\b", re.I)),
    ("AMD", re.compile(r"^\s+drams?\b|^\s*AMD\b", re.I)),
    ("TJS", re.compile(r"^\s+somoni\b|^\s*TJS\b", re.I)),
    ("KRW", re.compile(r"^\s+won\b|^\s*KRW\b", re.I)),
    ("JPY", re.compile(r"^\s+yen\b|^\s*JPY\b", re.I)),
    ("MNT", re.compile(r"^\s+(?:tugriks?|tögrögs?|tugrugs?)\b|^\s*MNT\b", re.I)),
    ("ZAR", re.compile(r"^\s+rand\b|^\s*ZAR\b", re.I)),
    ("NGN", re.compile(r"^\s+naira\b|^\s*NGN\b", re.I)),
    ("TRY", re.compile(r"^\s+(?:Turkish )?lira\b|^\s*TRY\b", re.I)),
    ("PLN", re.compile(r"^\s+(?:zlotys?|złoty)\b|^\s*PLN\b", re.I)),
    ("HUF", re.compile(r"^\s+forints?\b|^\s*HUF\b", re.I)),
    ("ILS", re.compile(r"^\s+(?:shekels?|new shekels)\b|^\s*ILS\b", re.I)),
    ("kroner", re.compile(r"^\s+(?:kroner|kronor|krona|krone|crowns)\b", re.I)),
    ("manat", re.compile(r"^\s+manats?\b", re.I)),
    ("rial", re.compile(r"^\s+(?:rials?|riyals?)\b", re.I)),
    ("UAH", re.compile(r"^\s+(?:hryvnias?|hryvnia)\b|^\s*UAH\b", re.I)),
    ("UZS", re.compile(r"^\s+(?:soums|sums|sum)\b|^\s*UZS\b", re.I)),
    ("CNY", re.compile(r"^\s+(?:yuan|renminbi)\b|^\s*CNY\b", re.I)),
    ("INR", re.compile(r"^\s+rupees\b|^\s*INR\b", re.I)),
)


# Currency names several countries share: the holder of the budget says whose it is.
_SHARED_NAMES = {
    "kroner": {"DK": "DKK", "NO": "NOK", "SE": "SEK", "IS": "ISK"},
    "manat": {"AZ": "AZN", "TM": "TMT"},
    "rial": {"IR": "IRR", "SA": "SAR", "QA": "QAR", "OM": "OMR", "YE": "YER"},
}


def budgets(view: SentenceView) -> Iterator[Reading]:
    text = view.text
    keywords = list(_BUDGET.finditer(text))
    label = re.match(
        r"^\s*(?:[-•*▪·]\s*)?(?:defen[cs]e|military) (?:budget|spending)\s*[:=–—-]", text, re.I
    )
    if not keywords and label is None:
        return
    for figure in view.figures:
        if figure.ordinal:
            continue
        currency = _currency(text, figure)
        if currency is None:
            continue
        code, start, end = currency
        around = text[max(0, start - 30) : end + 25]
        if _NOT_BUDGET.search(around):
            continue
        if _ECONOMY_BEFORE.search(text, 0, start) or _ECONOMY_AFTER.match(text, end):
            continue
        value = integer(figure.value)
        if value is None:
            continue
        # The budget words nearest before the figure, else the first after it.
        before = [k for k in keywords if k.start() < start]
        anchor = label or (before[-1] if before else keywords[0])
        quote_start = min(anchor.start(), start)
        quote_end = max(anchor.end(), end)
        mention = holder(view, figure.start)
        if mention is not None and mention.end <= quote_start and quote_start - mention.start < 80:
            quote_start = mention.start
        if code in _SHARED_NAMES:
            code = _SHARED_NAMES[code].get(mention.key if mention else "", code)
        name = "defence_budget_usd" if code == "USD" else "defence_budget"
        yield Reading(
            name, figure, mention.key if mention else None, quote_start, quote_end, unit=code
        )


def _currency(text: str, figure: Figure) -> tuple[str, int, int] | None:
    before = text[max(0, figure.start - 6) : figure.start]
    for code, pattern in _CURRENCY_BEFORE:
        match = pattern.search(before)
        if match:
            return code, figure.start - (len(before) - match.start()), figure.end
    after = text[figure.end : figure.end + 30]
    for code, pattern in _CURRENCY_AFTER:
        match = pattern.match(after)
        if match:
            return code, figure.start, figure.end + match.end()
    return None

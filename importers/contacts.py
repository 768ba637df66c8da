"""The contact block at the end of a release: where it starts, and the people in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oim_archive.store.records import Contact

from .contact_block import inline_block, until_prose
from .contact_fields import OFFICE_MARK, SHARING, split_fields
from .contact_intro import CONTACT_VERB, EMAIL
from .contact_partners import AGENCY_WORDS, name_part, opens_with_place_word, untangled_columns
from .phones import region_of, split_numbers, to_e164

_PHONE_LABEL = re.compile(
    r"^(?:t[ée]l[ée]?(?:phone|éfono|efono)?|tel|phone|mobile|mob|cell(?:ulaire)?|cel(?:ular)?|"
    r"portable|m[óo]vil|whatsapp|gsm|office|bureau|t|m)\s*\.?\s*(?:\((?![+\d])[^)]*\))?\s*[:.]?\s*",
    re.IGNORECASE,
)
_FAX_LABEL = re.compile(r"^fax\b", re.IGNORECASE)
# A label alone on its line ("E-mail :", "Tél.:"): the value follows on the next line.
_EMAIL_LABEL = re.compile(
    r"^(?:e-?mails?|courriels?|correos?(?:\s+electr[óo]nicos?)?|mails?)\s*[:.]?$", re.IGNORECASE
)
# A contact's social-media account written among their details ("Twitter: @IOM_Niger",
# "X : @OIM_Haiti", "Skype: jdupont.iom", "@IOMchief"): no name, no office, and not where the
# next person starts.
_SOCIAL_HANDLE = re.compile(
    r"^(?:(?:twitter|x|instagram|threads|tiktok|facebook|skype|bluesky)\s*:\s*@?[\w.-]+"
    r"|(?:(?:twitter|x|instagram|threads|tiktok|bluesky)\s*:?\s*)?@\w[\w.]*)$",
    re.IGNORECASE,
)
_PHONE_LABEL_ONLY = re.compile(
    r"^(?:t[ée]l[ée]?(?:phone|éfono|efono)?|tel|phone|mobile|mob|cell(?:ulaire)?|cel(?:ular)?|"
    r"portable|m[óo]vil|whatsapp|gsm)\s*\.?\s*:?$",
    re.IGNORECASE,
)
_EMBEDDED_PHONE = re.compile(r"(?:\+|\b00)\s?\d[\d\s().\-]{6,20}\d")
_JOINING_WORDS = re.compile(r"^\s*(?:ou|or|o|y|et|and)(?:\s+(?:par|by|por))?\b", re.IGNORECASE)
_TRAILING_LINK_WORD = re.compile(
    r"\s*(?:\b(?:au|at|on|al|en|par|by|t[ée]l[ée]?(?:phone|éfono)?|tel|phone)\b\.?\s*:?\s*)+$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^(?:ou|or|o|y|et|and|/|&)$", re.IGNORECASE)
# "IOM's Joe Lowry in Geneva": the organisation's possessive before a person.
_POSSESSIVE_IOM = re.compile(r"^(?:IOM|OIM)['’]s\s+(?=[A-ZÀ-ÖØ-Þ])")
# "please contact the IOM Somalia Media Unit", "l'Unité de communication de l'OIM": the article
# before an office's name is not part of it.
_LEADING_ARTICLE = re.compile(r"^(?:the\s+|l['’]\s*)(?=[A-ZÀ-ÖØ-Þ])", re.IGNORECASE)
# "IOM Libya. Karim Haddad": an office named before the person, ended by a full stop.
_OFFICE_THEN_NAME = re.compile(r"^(?P<office>(?:IOM|OIM)\b[^.@\d]{0,40}?)\.\s+(?P<name>\S.*)$")
_OFFICE_AFTER_NAME = re.compile(
    r"^(?P<name>.+?)\s+(?:at|from|of|à|au|de|du|de\s+la|del|en)\s+(?:the\s+|l['’]\s*|la\s+|el\s+)?"
    r"(?P<office>(?:IOM|OIM|UN|ONU|UNHCR|HCR)\b.*"
    # "… au Bureau régional de l'OIM à Vienne", "… at the Regional Office of IOM", "… en la Sede
    # de la OIM en Ginebra", "… au siège de l'OIM"
    r"|(?i:(?:regional\s+)?(?:bureau|office|oficina|sede|siège|headquarters)\b).{0,40}?"
    r"\b(?:IOM|OIM)\b.*)$"
)
_PARENTHESES = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<office>[^()]+)\)$")
# "Marie Joseph OIM Haïti": the office written straight after the name, no comma between.
_NAME_THEN_OFFICE = re.compile(r"^(?P<name>.+?)\s+(?P<office>(?:IOM|OIM)\s+[A-ZÀ-ÖØ-Þ].*)$")
# "Laura Ríos – Oficial de Comunicaciones": a spaced dash between a name and a role.
_NAME_DASH_ROLE = re.compile(r"^(?P<name>[^–—]+?)\s+[–—-]\s+(?P<office>\S.*)$")
# "Chris Lom in Manila at +63 …": where the person is, written after the name.
_NAME_IN_PLACE = re.compile(
    r"^(?P<name>.+?)\s+(?:in|à|en)\s+(?P<office>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)$"
)
_HONORIFIC = re.compile(
    r"^(?:M\.|Mme\.?|Mlle\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sr\.?|Sra\.?|Srta\.?|Prof\.?)\s+"
)
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
_NAME_PARTICLES = frozenset(
    {"de", "di", "da", "del", "della", "van", "von", "der", "den", "du", "la", "le", "bin", "al",
     "el", "ben", "dos", "das", "do", "y", "e", "ibn", "abu", "st."}
)  # fmt: skip
_OFFICE_WORDS = re.compile(
    r"\b(?:IOM|OIM|UN|ONU|UNHCR|HCR|office|bureau|oficina|mission|misión|ministry|ministère|"
    r"officer|oficial|officier|chargée?|encargad[oa]|coordinat\w*|coordinador\w*|specialist|"
    r"spécialiste|especialista|assistant\w*|asistente|communication|comunicación|unité|"
    r"ministerio|media|médias|medios|press|presse|prensa|communications?|comunicaciones|"
    r"spokesperson|porte-parole|portavoz|headquarters|siège|sede|unit|unité|unidad|"
    r"programmes?|programs?|programas?|projets?|projects?|proyectos?|initiatives?|iniciativas?)\b",
    re.IGNORECASE,
)
MAX_NAME_WORDS = 6
# "A et B" or "A ou B" (either of them) before the details they share.
_TWO_NAMES = re.compile(r"^(?P<a>[^,;]+?)\s+(?:et|and|y|&|ou|or|o)\s+(?P<b>[^,;]+)$")
# What a page's footer puts after a release: never a contact's name or office.
_NOT_A_CONTACT = re.compile(
    r"\b(?:privacy|policy|politique|política|terms|conditions|cookies?|copyright|facebook|twitter|"
    r"instagram|youtube|linkedin|flickr|tiktok|newsletter|subscribe|abonnez|suscríbase|"
    r"all\s+rights|tous\s+droits|derechos\s+reservados|switchboard|standard)\b|©",
    re.IGNORECASE,
)
# A street address: a number with a street word ("17 route des Morillons", "Calle 5 # 12").
_ADDRESS = re.compile(
    r"\b\d+[\w,]*\s+(?:route|rue|avenue|av\.|boulevard|bd|chemin|street|st\.|road|rd\.|"
    r"calle|carrera|avenida|via|piazza)\b|\b(?:route|rue|avenue|calle|carrera|avenida|via)\s+"
    r"(?:de[s]?\s+|du\s+|del\s+)?[A-ZÀ-Ö][\w-]+.{0,40}\d{4,5}|\b(?:B\.?P\.?|P\.?O\.?\s*Box)\s*\d",
    re.IGNORECASE,
)
# What a stripped mail link leaves: `E-mail: "">`.
_LINK_REMNANT = re.compile(
    r"""(?:\b(?:e-?mail|courriel|correo)\s*:?\s*)?["']+\s*>|"?\bmailto:"""
    r"""|\b(?:target|title|href|class|rel)\s*=\s*(?:"[^"\n]*"?)?""",
    re.IGNORECASE,
)
# Contact blocks hold a few people on a few lines; anything longer is not read further.
MAX_BLOCK_LINES = 120
MAX_CONTACTS = 30


def looks_like_name(text: str) -> bool:
    """Two to six capitalised words (particles such as "Di", "de", "van" allowed), no digits."""
    words = _HONORIFIC.sub("", text).split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or _OFFICE_WORDS.search(text):
        return False
    if AGENCY_WORDS.search(text) or opens_with_place_word(text):  # "UNICEF New York"
        return False
    capitalised = 0
    for word in words:
        if _NAME_WORD.match(word):
            capitalised += 1
        elif word.lower() not in _NAME_PARTICLES:
            return False
    return capitalised >= 2


@dataclass(slots=True)
class _Person:
    name: str = ""
    office_parts: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.name or self.office_parts or self.phones or self.emails)

    def to_contact(self) -> Contact | None:
        office = ", ".join(self.office_parts) or None
        name = self.name or office or (self.emails[0] if self.emails else "")
        if not name or not (self.name or self.phones or self.emails):
            return None
        return Contact(name=name, office=office if office != name else None,
                       phones=self.phones, emails=self.emails)  # fmt: skip


class _Builder:
    def __init__(self, region: str | None) -> None:
        self.region = region
        self.people: list[_Person] = []
        self.current = _Person()
        # "Jean Dupont et Marie Curie, OIM Genève, Tél…": the first shares the second's details.
        self.sharing: list[_Person] = []

    def close(self) -> None:
        current = self.current
        if (
            self.sharing
            and len(current.emails) == len(self.sharing) + 1
            and not any(person.emails for person in self.sharing)
        ):
            # "A ou B, Tél…, Email : a@… / b@…": one address each, in the order named.
            *theirs, current.emails = [[email] for email in current.emails]
            for person, emails in zip(self.sharing, theirs, strict=True):
                person.emails = emails
        for person in self.sharing:
            person.office_parts = person.office_parts or list(current.office_parts)
            person.phones = person.phones or list(current.phones)
            person.emails = person.emails or list(current.emails)
            self.people.append(person)
        self.sharing = []
        if not current.empty():
            self.people.append(current)
        self.current = _Person()

    def add_names_sharing(self, text: str) -> bool:
        """Two people named together share the details that follow; False if not that shape."""
        match = _TWO_NAMES.match(text)
        if match is None or not looks_like_name(match["a"]):
            return False
        second, office = match["b"], None
        if not looks_like_name(second):
            # "A ou B à l'OIM RDC": the office written after the second name is theirs too.
            with_office = _OFFICE_AFTER_NAME.match(second)
            if with_office is None or not looks_like_name(with_office["name"]):
                return False
            second, office = with_office["name"], with_office["office"].strip()
        self.add_name(match["a"])
        self.sharing.append(self.current)
        self.current = _Person(name=_HONORIFIC.sub("", second).strip())
        if office:
            self.current.office_parts.append(office)
        return True

    def add_office(self, office: str) -> None:
        """A place or office label that heads the next person's details."""
        if self.current.name or self.current.phones or self.current.emails:
            self.close()
        self.current.office_parts.append(office)

    def share_with_next(self) -> None:
        """The person so far shares the details written after the next one."""
        if self.current.name:
            self.sharing.append(self.current)
            self.current = _Person()
        else:
            self.close()

    def add_name(self, name: str) -> None:
        if self.current.name or self.current.phones or self.current.emails:
            self.close()
        self.current.name = _HONORIFIC.sub("", name).strip()

    def add_text(self, text: str) -> None:
        text = text.strip(" .:-–\"'/")
        if text[:1] in "tTlL":
            text = _LEADING_ARTICLE.sub("", text)
        if text[:3] in ("IOM", "OIM"):
            text = _POSSESSIVE_IOM.sub("", text)  # "IOM's Joe Lowry in Geneva"
        if not text or self.add_names_sharing(text):
            return
        office_first = _OFFICE_THEN_NAME.match(text)
        if office_first is not None and looks_like_name(office_first["name"]):
            self.add_office(office_first["office"])
            self.add_name(office_first["name"])
            return
        for pattern in (
            _OFFICE_AFTER_NAME, _PARENTHESES, _NAME_IN_PLACE, _NAME_DASH_ROLE, _NAME_THEN_OFFICE
        ):  # fmt: skip
            match = pattern.match(text)
            if match and looks_like_name(match["name"]):
                self.add_name(match["name"])
                self.current.office_parts.append(match["office"].strip())
                return
        if looks_like_name(text) and not (self.current.name and not self.current.office_parts
                                          and not self.current.phones and not self.current.emails
                                          and _OFFICE_WORDS.search(text)):  # fmt: skip
            self.add_name(text)
        elif (
            self.current.name
            and self.current.emails
            and not (self.current.phones or self.current.office_parts)
            and _OFFICE_WORDS.search(text)
        ):
            # "A (a@iom.int), OIM Mali, Tél…": the office after a person's address is theirs.
            self.current.office_parts.append(text)
        elif self.current.phones or self.current.emails:
            # Text after a person's numbers starts the next person, named or not.
            self.close()
            self.current.office_parts.append(text)
        else:
            self.current.office_parts.append(text)

    def add_phones(self, text: str) -> None:
        region = self.region
        for number in split_numbers(text):
            e164 = to_e164(number, region)
            if e164 and e164 not in self.current.phones:
                self.current.phones.append(e164)
            if e164 and region is None:  # "+237 6 99 … - 2 22 20 32 78": the same country
                region = region_of(e164)

    def add_emails(self, text: str) -> None:
        for email in EMAIL.findall(text):
            email = email.strip(".'").lower()
            if email not in self.current.emails:
                self.current.emails.append(email)


def _is_phone_field(text: str) -> bool:
    digits = sum(map(str.isdigit, text))
    return digits >= 6 and digits >= 0.5 * len(text.replace(" ", ""))


def parse_contacts(block: list[str], region: str | None = None) -> list[Contact]:
    """The people of a contact block (its first line is the intro) with E.164 phones."""
    if not block:
        return []
    first = block[0]
    rest_of_intro = _after_intro(first)
    if not rest_of_intro.strip(" :") or (
        first.rstrip().endswith(":") and _is_label_rest(rest_of_intro)
    ):
        rest_of_intro = ""  # "Contact presse :", "…veuillez contacter:"; people follow
    else:
        block = inline_block(block)
    builder = _Builder(region)
    after_fax = False
    lines = [
        _LINK_REMNANT.sub(" ", line) if _may_hold_link(line) else line
        for line in [rest_of_intro, *block[1:MAX_BLOCK_LINES]]
    ]
    for text in split_fields(until_prose(untangled_columns(lines), footer=True)):
        if text == SHARING:
            builder.share_with_next()
        elif text.startswith(OFFICE_MARK):
            builder.add_office(text[len(OFFICE_MARK) :])
        elif _SEPARATOR.match(text):
            builder.close()
        elif _FAX_LABEL.match(text):
            after_fax = not _is_phone_field(text)  # "Fax:" alone: its number is on the next line
            continue
        elif EMAIL.search(text):
            phone = _EMBEDDED_PHONE.search(text)
            if phone is not None:
                # "Tél. : +227 96 12 40 88 ou par courriel : a@iom.int": both in one field.
                after = _JOINING_WORDS.sub("", text[phone.end() :])  # "ou par", "or by"
                text = _TRAILING_LINK_WORD.sub("", text[: phone.start()]) + " " + after
            # "Jean Dupont (jdupont@iom.int)": the name written with the address; first, so
            # that the number and address written after it are that person's.
            words = name_part(EMAIL.sub(" ", text))  # "Name (ACNUR) a@…": the office kept
            builder.add_text(_TRAILING_LINK_WORD.sub("", words))  # "… by email at"
            if phone is not None:
                builder.add_phones(phone.group(0))
            builder.add_emails(text)
        elif _EMAIL_LABEL.match(text) or _PHONE_LABEL_ONLY.match(text):
            continue  # the label alone; the value follows on the next line
        elif _SOCIAL_HANDLE.match(text):
            continue
        elif (label := _PHONE_LABEL.match(text)) and _is_phone_field(text[label.end() :]):
            builder.add_phones(text[label.end() :])
        elif _is_phone_field(text):
            if not after_fax:
                builder.add_phones(text)
        elif embedded := _EMBEDDED_PHONE.search(text):
            # "le bureau de l'OIM à Dakar au +221 33 869 62 00"
            builder.add_text(_TRAILING_LINK_WORD.sub("", text[: embedded.start()]))
            builder.add_phones(embedded.group(0))
        else:
            builder.add_text(text)
        after_fax = False
    builder.close()
    contacts = [c for c in (p.to_contact() for p in builder.people) if c is not None]
    return _until_last_reachable([c for c in contacts if _is_contact(c)])[:MAX_CONTACTS]


def _until_last_reachable(contacts: list[Contact]) -> list[Contact]:
    """Without the names after the block's last person who has a number or an address: lines
    of the page's end read as people ("Related Stories", "Sustainable Development Goals", a
    photographer over "Photographer"). A block of names alone is kept whole."""
    reachable = [at for at, contact in enumerate(contacts) if contact.phones or contact.emails]
    return contacts[: reachable[-1] + 1] if reachable else contacts


def _may_hold_link(line: str) -> bool:
    """Whether a line may hold what a stripped mail link leaves (quotes, '=' or 'mailto')."""
    return '"' in line or "'" in line or "=" in line or "mailto" in line


# The rest of a "Contact presse : …" label, before the first person.
_LABEL_REST = re.compile(
    r"^\s*(?:presse|press|media|médias|medios|prensa)\s*(?::\s*|$)", re.IGNORECASE
)
LABEL_REST_LENGTH = 12


def _after_intro(first: str) -> str:
    """What the intro line writes after its verb (or its colon): the first person, if any."""
    verb = CONTACT_VERB.search(first)
    if verb:
        rest = first[verb.end() :]
        short = ":" in rest[:LABEL_REST_LENGTH] or len(rest) <= LABEL_REST_LENGTH
        label = _LABEL_REST.match(rest) if short else None  # "Contact presse :", or alone
        return rest[label.end() :] if label else rest
    return first.split(":", 1)[1] if ":" in first else ""


def _is_label_rest(text: str) -> bool:
    """What follows the verb in "Contact presse :" is part of the label, not a person."""
    return "@" not in text and not any(map(str.isdigit, text)) and len(text.split()) <= 3


def _is_contact(contact: Contact) -> bool:
    """Not a footer, a social-media line or a postal address read as a person or office."""
    text = f"{contact.name} {contact.office or ''}"
    return _NOT_A_CONTACT.search(text) is None and _ADDRESS.search(text) is None

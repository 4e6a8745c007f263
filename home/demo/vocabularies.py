"""The shared vocabularies of the demo network (German terms, slug first)."""

FOCUS_AREAS = [
    ("kultur", "Kultur"),
    ("soziales", "Soziales"),
    ("bildung", "Bildung"),
    ("jugend", "Jugend"),
    ("frauen", "Frauen"),
    ("senioren", "Seniorinnen und Senioren"),
    ("sport", "Sport"),
    ("musik-tanz", "Musik und Tanz"),
    ("dialog", "Interreligiöser und interkultureller Dialog"),
    ("beratung", "Beratung und Begleitung"),
]

# slug, German name, BCP-47 code, name in the language itself
LANGUAGES = [
    ("deutsch", "Deutsch", "de", "Deutsch"),
    ("tuerkisch", "Türkisch", "tr", "Türkçe"),
    ("italienisch", "Italienisch", "it", "Italiano"),
    ("griechisch", "Griechisch", "el", "Ελληνικά"),
    ("kroatisch", "Kroatisch", "hr", "Hrvatski"),
    ("bosnisch", "Bosnisch", "bs", "Bosanski"),
    ("arabisch", "Arabisch", "ar", "العربية"),
    ("persisch", "Persisch", "fa", "فارسی"),
    ("kurdisch", "Kurdisch (Kurmandschi)", "kmr", "Kurmancî"),
    ("englisch", "Englisch", "en", "English"),
    ("franzoesisch", "Französisch", "fr", "Français"),
    ("russisch", "Russisch", "ru", "Русский"),
    ("ukrainisch", "Ukrainisch", "uk", "Українська"),
    ("polnisch", "Polnisch", "pl", "Polski"),
    ("albanisch", "Albanisch", "sq", "Shqip"),
    ("spanisch", "Spanisch", "es", "Español"),
    ("tamil", "Tamil", "ta", "தமிழ்"),
]

DISTRICTS = [
    ("innenstadt", "Innenstadt"),
    ("goldberg", "Goldberg"),
    ("eichholz", "Eichholz"),
    ("viehweide", "Viehweide"),
    ("hinterweil", "Hinterweil"),
    ("spitzholz", "Spitzholz"),
    ("koenigsknoll", "Königsknoll"),
    ("maichingen", "Maichingen"),
    ("darmsheim", "Darmsheim"),
]

SUPPORT_TOPICS = [
    ("raeume", "Räume für Treffen und Veranstaltungen"),
    ("uebersetzung", "Übersetzen und Dolmetschen"),
    ("ehrenamtliche", "Ehrenamtliche gewinnen"),
    ("foerderberatung", "Beratung zu Fördermitteln"),
    ("veranstaltungen", "Know-how für Veranstaltungen"),
    ("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit"),
    ("kinderbetreuung", "Kinderbetreuung bei Veranstaltungen"),
    ("technik", "Technik und Ausstattung"),
    ("verwaltung", "Kontakte in die Verwaltung"),
    ("vereinsrecht", "Vereinsrecht und Buchhaltung"),
]

MEETING_SERIES = [
    ("auftakt", "Auftakttreffen"),
    ("workshop", "Workshop"),
    ("vernetzungstreffen", "Vernetzungs- und Arbeitstreffen"),
]

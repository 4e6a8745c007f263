"""A complete, valid submission of each public form, as a reader fills it in; tests change
only what they are about (``story_data(title=...)``)."""


def story_data(**overrides):
    return {
        "title": "Der Koffer im Keller",
        "story": "Wir kamen im Winter 1971 an.",
        "place": "Marktplatz",
        "author_name": "Nonna Maria",
        "email": "maria@example.org",
        "consent_to_publish": "on",
        "consent_privacy": "on",
        "website": "",  # the honeypot, left empty by people
    } | overrides


def application_data(**overrides):
    return {
        "association_name": "Neuer Beispielverein e. V.",
        "focus": "Kultur",
        "contact_name": "Alex Beispiel",
        "email": "alex@example.org",
        "phone": "",
        "message": "Wir möchten mitmachen.",
        "consent_privacy": "on",
        "website": "",
    } | overrides


def registration_data(**overrides):
    return {
        "name": "Pat Beispiel",
        "association_name": "Circolo",
        "email": "pat@example.org",
        "people": "1",
        "consent_privacy": "on",
        "website": "",
    } | overrides

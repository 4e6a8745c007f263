"""Every public page type of the demo, for the browser tests: in German, and in Arabic (right
to left; German originals stand in where a page is not translated yet)."""

PAGES = {
    "search": "/de/suche/?q=Markt",
    "home": "/de/",
    "directory": "/de/vereine/",
    "directory-filtered": "/de/vereine/?sprache=arabisch&angebot=uebersetzung",
    "association": "/de/vereine/familienzentrum-al-manara/",
    "association-without-contact": "/de/vereine/kroatischer-kulturverein-lipa/",
    "meetings": "/de/treffen/",
    "meeting": "/de/treffen/auftakttreffen-2021/",
    "meeting-with-registration": "/de/treffen/naechstes-vernetzungstreffen/",
    "projects": "/de/projekte/",
    "project": "/de/projekte/stadtfuehrungen-migrationsgeschichte/",
    "project-news": "/de/projekte/stadtfuehrungen-migrationsgeschichte/erster-rundgang-online/",
    "walks": "/de/rundgaenge/",
    "walk": "/de/rundgaenge/ankommen-in-sindelfingen/",
    "stop": "/de/rundgaenge/ankommen-in-sindelfingen/marktplatz/",
    "print-sheet": "/de/rundgaenge/ankommen-in-sindelfingen/druck/",
    "story-form": "/de/rundgaenge/geschichte-erzaehlen/",
    "join": "/de/mitmachen/",
    "standard": "/de/ueber-das-netzwerk/",
}

ARABIC_PAGES = {
    "home": "/ar/",
    "directory": "/ar/jameiyat/",
    "association-stand-in": "/ar/vereine/syrischer-kulturverein-jasmin/",
    "meetings": "/ar/liqaat/",
    "meeting-with-registration": "/ar/treffen/naechstes-vernetzungstreffen/",
    "projects": "/ar/almasharie/",
    "project-stand-in": "/ar/projekte/stadtfuehrungen-migrationsgeschichte/",
    "walks": "/ar/jawlat/",
    "walk": "/ar/jawlat/alwusul-ila-sindelfingen/",
    "stop": "/ar/jawlat/alwusul-ila-sindelfingen/sahat-alsuq/",
    "stop-stand-in": "/ar/rundgaenge/ankommen-in-sindelfingen/werkstor/",
    "print-sheet": "/ar/jawlat/alwusul-ila-sindelfingen/druck/",
    "story-form": "/ar/rundgaenge/geschichte-erzaehlen/",
    "join": "/ar/mitmachen/",
    "search": "/ar/bahth/?q=Sindelfingen",
}

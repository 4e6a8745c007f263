"""The demo network in other languages: the home page in every language, the sections'
front pages, and the shared vocabularies. Everything else stays German, so the demo shows
German originals standing in for missing translations too.

Sample content, like the German: the texts are written for the demonstration.
"""

from babel import Locale as BabelLocale

from wagtail.rich_text import RichText

from ..models import (
    AssociationIndexPage,
    District,
    FocusArea,
    Language,
    MeetingIndexPage,
    MeetingSeries,
    SupportTopic,
)
from .helpers import get_or_create_translation, translate_section_front_page

SAMPLE = {
    "en": "Note: all associations, people and texts on this demonstration site are invented sample data.",
    "tr": "Not: Bu tanıtım sitesindeki tüm dernekler, kişiler ve metinler uydurma örnek verilerdir.",
    "it": "Nota: tutte le associazioni, le persone e i testi di questo sito dimostrativo sono dati di esempio inventati.",
    "el": "Σημείωση: Όλοι οι σύλλογοι, τα πρόσωπα και τα κείμενα αυτού του δοκιμαστικού ιστότοπου είναι φανταστικά δεδομένα παραδείγματος.",
    "hr": "Napomena: sve udruge, osobe i tekstovi na ovoj demonstracijskoj stranici izmišljeni su primjeri.",
    "ar": "ملاحظة: جميع الجمعيات والأشخاص والنصوص في موقع العرض هذا بيانات نموذجية مختلقة.",
}

HOME = {
    "en": {
        "title": "Network of Migrant Organisations Sindelfingen",
        "lead": "Associations and the city shape a diverse community together.",
        "intro": "The network connects migrant organisations in Sindelfingen. It promotes intercultural dialogue and a life together shaped by respect and appreciation of diversity. The associations take part in the city's projects and meet regularly in an exchange coordinated and moderated by the city administration.",
    },
    "tr": {
        "title": "Sindelfingen Göçmen Örgütleri Ağı",
        "lead": "Dernekler, kentle birlikte çeşitlilik içinde bir arada yaşamı şekillendiriyor.",
        "intro": "Ağ, Sindelfingen'deki göçmen örgütlerini bir araya getirir. Kültürlerarası diyaloğu ve saygıyla, çeşitliliğe değer vererek bir arada yaşamayı destekler. Dernekler kentin projelerinde yer alır ve belediyenin koordine edip yönettiği düzenli buluşmalarda fikir alışverişinde bulunur.",
    },
    "it": {
        "title": "Rete delle organizzazioni di migranti di Sindelfingen",
        "lead": "Le associazioni costruiscono insieme alla città una convivenza nella diversità.",
        "intro": "La rete collega le organizzazioni di migranti di Sindelfingen. Promuove il dialogo interculturale e una convivenza fondata sul rispetto e sulla valorizzazione della diversità. Le associazioni partecipano ai progetti della città e si incontrano regolarmente in un formato di scambio coordinato e moderato dall'amministrazione comunale.",
    },
    "el": {
        "title": "Δίκτυο Οργανώσεων Μεταναστών Sindelfingen",
        "lead": "Οι σύλλογοι διαμορφώνουν μαζί με την πόλη τη συμβίωση μέσα στη διαφορετικότητα.",
        "intro": "Το δίκτυο συνδέει τις οργανώσεις μεταναστών στο Sindelfingen. Προάγει τον διαπολιτισμικό διάλογο και μια συμβίωση με σεβασμό και εκτίμηση της διαφορετικότητας. Οι σύλλογοι συμμετέχουν στα έργα της πόλης και ανταλλάσσουν απόψεις σε τακτικές συναντήσεις που συντονίζει η δημοτική διοίκηση.",
    },
    "hr": {
        "title": "Mreža organizacija migranata Sindelfingen",
        "lead": "Udruge zajedno s gradom oblikuju suživot u različitosti.",
        "intro": "Mreža povezuje organizacije migranata u Sindelfingenu. Potiče međukulturni dijalog i suživot obilježen poštovanjem i uvažavanjem različitosti. Udruge sudjeluju u gradskim projektima i redovito se sastaju u razmjeni koju koordinira i moderira gradska uprava.",
    },
    "ar": {
        "title": "شبكة منظمات المهاجرين في زيندلفينغن",
        "lead": "الجمعيات تصنع مع المدينة عيشًا مشتركًا في ظل التنوع.",
        "intro": "تربط الشبكة منظمات المهاجرين في زيندلفينغن. وهي تعزز الحوار بين الثقافات وعيشًا مشتركًا قائمًا على الاحترام وتقدير التنوع. تشارك الجمعيات في مشاريع المدينة وتلتقي بانتظام في لقاءات لتبادل الخبرات تنسقها إدارة المدينة وتديرها.",
    },
}

DIRECTORY = {
    "en": (
        "Associations",
        "associations",
        "The network's member associations: find them by focus area, language, what they offer and the support they seek.",
    ),
    "tr": (
        "Dernekler",
        "dernekler",
        "Ağın üye dernekleri: odak alanına, dile, sundukları şeye ve aradıkları desteğe göre bulun.",
    ),
    "it": (
        "Associazioni",
        "associazioni",
        "Le associazioni della rete: cercale per ambito, lingua, ciò che offrono e il sostegno che cercano.",
    ),
    "el": (
        "Σύλλογοι",
        "syllogoi",
        "Οι σύλλογοι-μέλη του δικτύου: βρείτε τους ανά τομέα, γλώσσα, προσφορά και ανάγκη στήριξης.",
    ),
    "hr": (
        "Udruge",
        "udruge",
        "Udruge članice mreže: pronađite ih po području rada, jeziku, ponudi i potrebnoj podršci.",
    ),
    "ar": (
        "الجمعيات",
        "jameiyat",
        "الجمعيات الأعضاء في الشبكة: ابحث عنها حسب مجال العمل واللغة وما تقدمه والدعم الذي تحتاجه.",
    ),
}

MEETINGS = {
    "en": (
        "Meetings",
        "meetings",
        "The associations meet regularly, online and in person; the city administration coordinates and moderates. The results of every meeting are recorded here.",
    ),
    "tr": (
        "Buluşmalar",
        "bulusmalar",
        "Dernekler düzenli olarak çevrim içi ve yüz yüze buluşur; belediye koordine eder ve yönetir. Her buluşmanın sonuçları burada kayıt altına alınır.",
    ),
    "it": (
        "Incontri",
        "incontri",
        "Le associazioni si incontrano regolarmente, online e in presenza; l'amministrazione comunale coordina e modera. I risultati di ogni incontro sono raccolti qui.",
    ),
    "el": (
        "Συναντήσεις",
        "synantiseis",
        "Οι σύλλογοι συναντιούνται τακτικά, διαδικτυακά και δια ζώσης· η δημοτική διοίκηση συντονίζει. Τα αποτελέσματα κάθε συνάντησης καταγράφονται εδώ.",
    ),
    "hr": (
        "Sastanci",
        "sastanci",
        "Udruge se redovito sastaju, online i uživo; gradska uprava koordinira i moderira. Rezultati svakog sastanka bilježe se ovdje.",
    ),
    "ar": (
        "اللقاءات",
        "liqaat",
        "تلتقي الجمعيات بانتظام عبر الإنترنت وحضوريًا، وتتولى إدارة المدينة التنسيق والإدارة. تُدوَّن هنا نتائج كل لقاء.",
    ),
}


def load(home, log):
    """The home page in every language, the directory's and the meetings' front pages."""
    for language, texts in HOME.items():
        _translation, created = get_or_create_translation(
            home,
            language,
            title=texts["title"],
            lead=texts["lead"],
            intro=RichText(f"<p>{texts['intro']}</p><p><strong>{SAMPLE[language]}</strong></p>"),
            search_description=texts["lead"],
        )
        if created:
            log(f"Startseite übersetzt: {language}")
    directory = AssociationIndexPage.objects.child_of(home).first()
    meetings = MeetingIndexPage.objects.child_of(home).first()
    if directory is not None:
        translate_section_front_page(directory, DIRECTORY)
    if meetings is not None:
        translate_section_front_page(meetings, MEETINGS)
    translate_terms()


# Vocabularies ------------------------------------------------------------------------------

FOCUS_AREAS = {
    "kultur": {
        "en": "Culture",
        "tr": "Kültür",
        "it": "Cultura",
        "el": "Πολιτισμός",
        "hr": "Kultura",
        "ar": "الثقافة",
    },
    "soziales": {
        "en": "Social work",
        "tr": "Sosyal hizmetler",
        "it": "Sociale",
        "el": "Κοινωνικά",
        "hr": "Socijalni rad",
        "ar": "العمل الاجتماعي",
    },
    "bildung": {
        "en": "Education",
        "tr": "Eğitim",
        "it": "Istruzione",
        "el": "Εκπαίδευση",
        "hr": "Obrazovanje",
        "ar": "التعليم",
    },
    "jugend": {
        "en": "Youth",
        "tr": "Gençlik",
        "it": "Giovani",
        "el": "Νεολαία",
        "hr": "Mladi",
        "ar": "الشباب",
    },
    "frauen": {
        "en": "Women",
        "tr": "Kadınlar",
        "it": "Donne",
        "el": "Γυναίκες",
        "hr": "Žene",
        "ar": "النساء",
    },
    "senioren": {
        "en": "Older people",
        "tr": "Yaşlılar",
        "it": "Anziani",
        "el": "Ηλικιωμένοι",
        "hr": "Starije osobe",
        "ar": "كبار السن",
    },
    "sport": {
        "en": "Sport",
        "tr": "Spor",
        "it": "Sport",
        "el": "Αθλητισμός",
        "hr": "Sport",
        "ar": "الرياضة",
    },
    "musik-tanz": {
        "en": "Music and dance",
        "tr": "Müzik ve dans",
        "it": "Musica e danza",
        "el": "Μουσική και χορός",
        "hr": "Glazba i ples",
        "ar": "الموسيقى والرقص",
    },
    "dialog": {
        "en": "Interfaith and intercultural dialogue",
        "tr": "Dinlerarası ve kültürlerarası diyalog",
        "it": "Dialogo interreligioso e interculturale",
        "el": "Διαθρησκευτικός και διαπολιτισμικός διάλογος",
        "hr": "Međureligijski i međukulturni dijalog",
        "ar": "الحوار بين الأديان والثقافات",
    },
    "beratung": {
        "en": "Advice and support",
        "tr": "Danışmanlık ve refakat",
        "it": "Consulenza e accompagnamento",
        "el": "Συμβουλευτική και υποστήριξη",
        "hr": "Savjetovanje i podrška",
        "ar": "الاستشارة والمرافقة",
    },
}

SUPPORT_TOPICS = {
    "raeume": {
        "en": "Rooms for meetings and events",
        "tr": "Toplantı ve etkinlikler için mekân",
        "it": "Spazi per incontri ed eventi",
        "el": "Χώροι για συναντήσεις και εκδηλώσεις",
        "hr": "Prostori za sastanke i događanja",
        "ar": "قاعات للقاءات والفعاليات",
    },
    "uebersetzung": {
        "en": "Translation and interpreting",
        "tr": "Çeviri ve tercümanlık",
        "it": "Traduzione e interpretariato",
        "el": "Μετάφραση και διερμηνεία",
        "hr": "Prevođenje i tumačenje",
        "ar": "الترجمة التحريرية والفورية",
    },
    "ehrenamtliche": {
        "en": "Finding volunteers",
        "tr": "Gönüllü bulmak",
        "it": "Trovare volontari",
        "el": "Εύρεση εθελοντών",
        "hr": "Pronalaženje volontera",
        "ar": "استقطاب المتطوعين",
    },
    "foerderberatung": {
        "en": "Advice on funding",
        "tr": "Destek fonları hakkında danışmanlık",
        "it": "Consulenza sui finanziamenti",
        "el": "Συμβουλές για χρηματοδότηση",
        "hr": "Savjetovanje o financiranju",
        "ar": "الاستشارة بشأن التمويل",
    },
    "veranstaltungen": {
        "en": "Know-how for events",
        "tr": "Etkinlik düzenleme bilgisi",
        "it": "Competenze per eventi",
        "el": "Τεχνογνωσία για εκδηλώσεις",
        "hr": "Znanje o organizaciji događanja",
        "ar": "خبرة تنظيم الفعاليات",
    },
    "oeffentlichkeitsarbeit": {
        "en": "Public relations",
        "tr": "Halkla ilişkiler",
        "it": "Comunicazione",
        "el": "Δημόσιες σχέσεις",
        "hr": "Odnosi s javnošću",
        "ar": "العلاقات العامة",
    },
    "kinderbetreuung": {
        "en": "Childcare at events",
        "tr": "Etkinliklerde çocuk bakımı",
        "it": "Custodia dei bambini durante gli eventi",
        "el": "Φύλαξη παιδιών σε εκδηλώσεις",
        "hr": "Čuvanje djece na događanjima",
        "ar": "رعاية الأطفال أثناء الفعاليات",
    },
    "technik": {
        "en": "Equipment and technology",
        "tr": "Teknik ve donanım",
        "it": "Tecnica e attrezzature",
        "el": "Τεχνικός εξοπλισμός",
        "hr": "Tehnika i oprema",
        "ar": "التقنيات والتجهيزات",
    },
    "verwaltung": {
        "en": "Contacts in the administration",
        "tr": "Belediyede bağlantılar",
        "it": "Contatti nell'amministrazione",
        "el": "Επαφές στη διοίκηση",
        "hr": "Kontakti u upravi",
        "ar": "التواصل مع الإدارة",
    },
    "vereinsrecht": {
        "en": "Association law and accounting",
        "tr": "Dernek hukuku ve muhasebe",
        "it": "Diritto associativo e contabilità",
        "el": "Δίκαιο συλλόγων και λογιστική",
        "hr": "Pravo udruga i knjigovodstvo",
        "ar": "قانون الجمعيات والمحاسبة",
    },
}

MEETING_SERIES = {
    "auftakt": {
        "en": "Kick-off meeting",
        "tr": "Başlangıç buluşması",
        "it": "Incontro di avvio",
        "el": "Εναρκτήρια συνάντηση",
        "hr": "Početni sastanak",
        "ar": "اللقاء الافتتاحي",
    },
    "workshop": {
        "en": "Workshop",
        "tr": "Atölye",
        "it": "Workshop",
        "el": "Εργαστήριο",
        "hr": "Radionica",
        "ar": "ورشة عمل",
    },
    "vernetzungstreffen": {
        "en": "Network and working meeting",
        "tr": "Ağ ve çalışma buluşması",
        "it": "Incontro di rete e di lavoro",
        "el": "Συνάντηση δικτύωσης και εργασίας",
        "hr": "Sastanak umrežavanja i rada",
        "ar": "لقاء التشبيك والعمل",
    },
}

DISTRICTS = {
    "innenstadt": {
        "en": "Town centre",
        "tr": "Şehir merkezi",
        "it": "Centro",
        "el": "Κέντρο",
        "hr": "Središte grada",
        "ar": "وسط المدينة",
    },
}


def _language_name(code, language):
    """The name of the language ``code`` in ``language`` (Unicode CLDR, through Babel)."""
    names = BabelLocale.parse(language).languages
    return names.get(code) or (names.get("ku") and f"{names['ku']} (Kurmancî)")


def translate_terms():
    """Name the demo's terms in every language (their copies start with the German names)."""
    tables = [
        (FocusArea, FOCUS_AREAS),
        (SupportTopic, SUPPORT_TOPICS),
        (MeetingSeries, MEETING_SERIES),
        (District, DISTRICTS),
    ]
    for model, table in tables:
        for slug, names in table.items():
            for language, name in names.items():
                model.objects.filter(slug=slug, locale__language_code=language).exclude(
                    name=name
                ).update(name=name)
    for term in Language.objects.select_related("locale").exclude(locale__language_code="de"):
        name = _language_name(term.code, term.locale.language_code)
        if name:
            name = name[0].upper() + name[1:]
            if term.name != name:
                Language.objects.filter(pk=term.pk).update(name=name)

"""The demo walk in other languages (texts only; tours.demo loads them): complete in English,
two stops also in Turkish and Arabic (with the audio's transcript in each), so the walk shows
a complete and a partial language. The walks' front page exists in every language of the
demo's home pages.
"""

INDEX = {
    "en": (
        "City walks",
        "walks",
        "Sindelfingen's migration stories to follow on foot: associations and the city tell them where they happened.",
    ),
    "tr": (
        "Kent yürüyüşleri",
        "yuruyusler",
        "Sindelfingen'in göç hikâyeleri, yürüyerek: dernekler ve belediye onları yaşandıkları yerlerde anlatıyor.",
    ),
    "it": (
        "Passeggiate in città",
        "passeggiate",
        "Le storie di migrazione di Sindelfingen da percorrere a piedi: associazioni e città le raccontano nei luoghi in cui sono accadute.",
    ),
    "el": (
        "Περίπατοι στην πόλη",
        "peripatoi",
        "Ιστορίες μετανάστευσης του Sindelfingen για να τις περπατήσετε: οι σύλλογοι και η πόλη τις αφηγούνται εκεί όπου συνέβησαν.",
    ),
    "hr": (
        "Gradske šetnje",
        "setnje",
        "Priče o migraciji u Sindelfingenu koje možete prošetati: udruge i grad pričaju ih ondje gdje su se dogodile.",
    ),
    "ar": (
        "جولات في المدينة",
        "jawlat",
        "قصص الهجرة في زيندلفينغن للتجول بين أماكنها: ترويها الجمعيات والمدينة في المواضع التي جرت فيها.",
    ),
}

WALK = {
    "en": {
        "title": "Arriving in Sindelfingen",
        "slug": "arriving-in-sindelfingen",
        "theme": "Labour migration since the 1960s",
        "intro": "<p>From the 1960s onwards, people came to Sindelfingen from Italy, Greece, what was then Yugoslavia, Turkey and many other countries to work here. Many stayed. This walk follows their paths.</p><p><strong>Sample content:</strong> the places are real; the stories and people are invented for the demonstration.</p>",
        "start_point": "Sindelfingen station, town centre exit",
        "accessibility_note": "Cobblestones and a short climb up to St Martin's Church in the old town. Public toilet at the market square (sample information).",
        "search_description": "A sample walk in seven stops: from the station to Goldberg.",
    },
    "tr": {
        "title": "Sindelfingen'e varış",
        "slug": "sindelfingene-varis",
        "theme": "1960'lardan bu yana işçi göçü",
        "intro": "<p>1960'lardan itibaren İtalya'dan, Yunanistan'dan, o zamanki Yugoslavya'dan, Türkiye'den ve başka birçok ülkeden insanlar çalışmak için Sindelfingen'e geldi. Birçoğu kaldı. Bu yürüyüş onların izini sürüyor.</p><p><strong>Örnek içerik:</strong> Yerler gerçek; hikâyeler ve kişiler tanıtım için uydurulmuştur.</p>",
        "start_point": "Sindelfingen tren istasyonu, şehir merkezi çıkışı",
        "accessibility_note": "Eski şehirde parke taşları ve Martinskirche'ye kısa bir yokuş var. Pazar meydanında umumi tuvalet (örnek bilgi).",
        "search_description": "Yedi duraklı örnek bir yürüyüş: istasyondan Goldberg'e.",
    },
    "ar": {
        "title": "الوصول إلى زيندلفينغن",
        "slug": "alwusul-ila-sindelfingen",
        "theme": "هجرة العمل منذ ستينيات القرن العشرين",
        "intro": "<p>منذ ستينيات القرن العشرين جاء أناس من إيطاليا واليونان ويوغوسلافيا آنذاك وتركيا وبلدان كثيرة أخرى إلى زيندلفينغن للعمل فيها. وبقي كثيرون منهم. تتبع هذه الجولة دروبهم.</p><p><strong>محتوى نموذجي:</strong> الأماكن حقيقية، أما القصص والأشخاص فمختلقة لأغراض العرض.</p>",
        "start_point": "محطة قطار زيندلفينغن، مخرج وسط المدينة",
        "accessibility_note": "في البلدة القديمة أرضية من الحجارة المرصوفة وصعود قصير إلى كنيسة القديس مارتن. دورة مياه عامة في ساحة السوق (معلومة نموذجية).",
        "search_description": "جولة نموذجية من سبع محطات: من محطة القطار إلى غولدبرغ.",
    },
}

SAMPLE_NOTE = {
    "en": "Sample story: invented for the demonstration, not a historical account.",
    "tr": "Örnek hikâye: tanıtım için uydurulmuştur, tarihî bir anlatı değildir.",
    "ar": "قصة نموذجية: مختلقة لأغراض العرض، وليست رواية تاريخية.",
}
SOURCES = {
    "en": "<p>Sample source: an invented memory, recorded for the demonstration.</p>",
    "tr": "<p>Örnek kaynak: tanıtım için kaydedilmiş uydurma bir anı.</p>",
    "ar": "<p>مصدر نموذجي: ذكرى مختلقة سُجِّلت لأغراض العرض.</p>",
}
AUDIO = {
    "en": {
        "title": "Memories of the market",
        "transcript": "This is a sample recording: instead of a voice, a short sequence of notes plays.\n\nIn a real recording, a contemporary witness would tell how she first walked across the Sindelfingen market in 1968, looking for peppers, olives and sheep's cheese.",
        "credit": "Invented sample recording",
    },
    "tr": {
        "title": "Pazara dair anılar",
        "transcript": "Bu bir örnek kayıttır: Bir ses yerine kısa bir melodi çalıyor.\n\nGerçek bir kayıtta burada bir tanık, 1968'de Sindelfingen pazarında ilk kez nasıl dolaştığını, biber, zeytin ve beyaz peynir aradığını anlatırdı.",
        "credit": "Uydurma örnek kayıt",
    },
    "ar": {
        "title": "ذكريات السوق",
        "transcript": "هذا تسجيل نموذجي: بدلًا من صوت بشري تُسمع سلسلة قصيرة من النغمات.\n\nفي تسجيل حقيقي كانت شاهدة عيان ستروي هنا كيف تجولت لأول مرة في سوق زيندلفينغن عام 1968 بحثًا عن الفلفل والزيتون وجبن الغنم.",
        "credit": "تسجيل نموذجي مختلق",
    },
}

# By the German stop's slug: what each language says.
STOPS = {
    "bahnhof": {
        "en": {
            "slug": "station",
            "title": "Station: arriving with a suitcase",
            "address": "Sindelfingen station",
            "teaser": "Many arrived here, with a suitcase and an address on a slip of paper.",
            "period": "The recruitment years",
            "story": "In the autumn of 1964 Giuseppe stepped off the train with a cardboard suitcase. On a slip of paper were the address of a hostel and the name of a foreman. He did not speak German yet, but he had a photo of his family in his jacket pocket.",
            "quote": (
                "I thought I would stay for two years. It became fifty.",
                "Giuseppe, an invented sample character",
            ),
        },
        "tr": {
            "slug": "istasyon",
            "title": "İstasyon: elde bir bavulla varış",
            "address": "Sindelfingen tren istasyonu",
            "teaser": "Birçok kişi buraya bir bavul ve bir kâğıt parçasına yazılmış bir adresle geldi.",
            "period": "İşçi alımı yılları",
            "story": "1964 sonbaharında Giuseppe elinde karton bir bavulla trenden indi. Bir kâğıt parçasında bir yurdun adresi ve bir ustabaşının adı yazılıydı. Henüz Almanca bilmiyordu ama ceket cebinde ailesinin bir fotoğrafı vardı.",
            "quote": (
                "İki yıl kalırım diye düşünmüştüm. Elli yıl oldu.",
                "Giuseppe, uydurma örnek karakter",
            ),
        },
        "ar": {
            "slug": "almahatta",
            "title": "محطة القطار: الوصول بحقيبة سفر",
            "address": "محطة قطار زيندلفينغن",
            "teaser": "وصل كثيرون إلى هنا ومعهم حقيبة سفر وعنوان مكتوب على قصاصة ورق.",
            "period": "سنوات استقدام العمال",
            "story": "في خريف عام 1964 نزل جوزيبي من القطار وفي يده حقيبة من الكرتون. على قصاصة ورق كُتب عنوان سكن للعمال واسم رئيس عمال. لم يكن يتكلم الألمانية بعد، لكنه كان يحمل في جيب سترته صورة لعائلته.",
            "quote": ("ظننت أنني سأبقى سنتين، فصارتا خمسين سنة.", "جوزيبي، شخصية نموذجية مختلقة"),
        },
    },
    "werkstor": {
        "en": {
            "slug": "factory-gate",
            "title": "At the factory gate: working in shifts",
            "address": "Mercedes-Benz plant Sindelfingen, access via Béla-Barényi-Straße",
            "teaser": "Early, late and night shifts: the rhythm that set the lives of many families.",
            "period": "Economic miracle and shift work",
            "story": "At the gate, one shift took over from the next. Colleagues from Italy, Greece, Yugoslavia and Turkey stood side by side on the assembly line. Their first common language was often a mixture of Swabian, hand signals and humour.",
            "quote": (
                "On the line we understood each other with our hands.",
                "Ayten, an invented sample character",
            ),
        },
    },
    "marktplatz": {
        "en": {
            "slug": "market-square",
            "title": "Market square: the first shopping trip",
            "address": "Market square, old town",
            "teaser": "Olive oil was only sold at the pharmacy: how the market changed with the newcomers.",
            "period": "New shops, new neighbours",
            "story": "At first many searched in vain for familiar food. Soon the first grocery shops run by newcomers opened, and at the market Italian, Greek and Turkish could be heard alongside Swabian.",
            "quote": (
                "Every week the market woman taught me a new German word.",
                "Eleni, an invented sample character",
            ),
        },
        "tr": {
            "slug": "pazar-meydani",
            "title": "Pazar meydanı: ilk alışveriş",
            "address": "Pazar meydanı, eski şehir",
            "teaser": "Zeytinyağı yalnızca eczanede satılıyordu: pazar yeni gelenlerle nasıl değişti.",
            "period": "Yeni dükkânlar, yeni komşular",
            "story": "Başlangıçta birçok kişi tanıdık yiyecekleri boşuna aradı. Çok geçmeden göçmenlerin ilk bakkal dükkânları açıldı ve pazarda Şvabcanın yanı sıra İtalyanca, Yunanca ve Türkçe de konuşulmaya başlandı.",
            "quote": (
                "Pazarcı kadın bana her hafta yeni bir Almanca kelime öğretti.",
                "Eleni, uydurma örnek karakter",
            ),
        },
        "ar": {
            "slug": "sahat-alsuq",
            "title": "ساحة السوق: أول تسوّق",
            "address": "ساحة السوق، البلدة القديمة",
            "teaser": "كان زيت الزيتون يُباع في الصيدلية فقط: كيف تغيّر السوق مع القادمين الجدد.",
            "period": "متاجر جديدة وجيران جدد",
            "story": "في البداية بحث كثيرون عبثًا عن أطعمة مألوفة لديهم. وسرعان ما افتُتحت أولى محلات البقالة التي أدارها المهاجرون، وصارت تُسمع في السوق الإيطالية واليونانية والتركية إلى جانب اللهجة الشفابية.",
            "quote": (
                "كانت بائعة السوق تعلّمني كل أسبوع كلمة ألمانية جديدة.",
                "إليني، شخصية نموذجية مختلقة",
            ),
        },
    },
    "stadtmuseum": {
        "en": {
            "slug": "town-museum",
            "title": "Town museum: collecting memories",
            "address": "Lange Straße, old town",
            "teaser": "Photos, letters, employment contracts: what families kept and the stories it tells.",
            "period": "Culture of remembrance",
            "story": "In many families there are shoeboxes full of photos and letters. Together with the town archive, the network collects such memories so that the stories of the first generation are not lost.",
        },
    },
    "martinskirche": {
        "en": {
            "slug": "st-martins-church",
            "title": "St Martin's Church: neighbourhood and faith",
            "address": "Collegiate Church of St Martin",
            "teaser": "Bells, calls to prayer, festivals: how different faith communities became neighbours.",
            "period": "Communities are founded",
            "story": "Newcomers founded their own congregations, celebrated their festivals and invited the neighbourhood. Invitations to break the fast, to Easter and to Sukkot grew into friendships.",
        },
    },
    "klostersee": {
        "en": {
            "slug": "monastery-lake",
            "title": "Klostersee: Sundays in the green",
            "address": "Klostersee lake",
            "teaser": "Picnics, music and children's laughter: the Sunday meeting place of many families.",
            "period": "Families follow",
            "story": "After recruitment stopped in 1973, many brought their families over. On Sundays, families from many countries met at the Klostersee; children who grew up here soon interpreted for their parents.",
            "quote": (
                "At the lake every Sunday was a little festival.",
                "Maria, an invented sample character",
            ),
        },
    },
    "goldberg": {
        "en": {
            "slug": "goldberg",
            "title": "Goldberg: building a home",
            "address": "Goldberg district",
            "teaser": "From the hostel to a flat of one's own: how guests became people of Sindelfingen.",
            "period": "Staying",
            "story": "Over the years many moved out of the hostels into flats of their own; some built houses. Today their grandchildren live here and naturally call Sindelfingen their home.",
        },
    },
}

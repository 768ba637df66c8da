"""What the importer must find in each hand-written page of tests/pages (one dict per release).

Keys are Release fields; "body_start"/"body_end" check the first and last characters of the
body, "paragraphs" the number of paragraphs, "contacts" a list of (name, office, phones, emails).
"""

from __future__ import annotations

from typing import Any

PAGES: dict[str, list[dict[str, Any]]] = {
    "fr_senegal_country_site.txt": [
        {
            "title": "Des kits de réinsertion pour 300 migrants de retour à Tambacounda",
            "language": "fr",
            "country": "SN",
            "country_name": "Sénégal",
            "dateline": "Sénégal",
            "date": "2021-03-01",
            "dates": ["2021-03-01", "2018-01", "2022-12"],
            "funders": ["Union européenne", "Royaume-Uni"],
            "quoted": [("Fatou Ndiaye", "cheffe du bureau de l'OIM à Tambacounda")],
            "contacts": [
                ("Fatou Ndiaye", "OIM Tambacounda", ["+221338696200"], ["fndiaye@iom.int"]),
                ("Mamadou Sow", "OIM Dakar", ["+221774501234"], ["msow@iom.int"]),
            ],
            "body_start": "L'OIM a remis le 1er mars 2021 des kits de réinsertion",
            "body_end": "qui se poursuivra jusqu'en décembre 2022.",
            "paragraphs": 4,
        }
    ],
    "en_global_geneva.txt": [
        {
            "title": "IOM Scales Up Flood Response in Northern Mozambique",
            "language": "en",
            "country": "MZ",
            "country_name": "Mozambique",
            "dateline": "Geneva",
            "date": "2021-03-12",
            "funders": [
                "European Civil Protection and Humanitarian Aid Operations",
                "Government of Japan",
            ],
            "quoted": [("Laura Tomm", "IOM Chief of Mission in Mozambique")],
            "contacts": [
                (
                    "Paul Dillon",
                    "IOM Geneva",
                    ["+41227179111", "+41227179435", "+41796369874"],
                    ["pdillon@iom.int"],
                ),
                ("Sandra Black", "IOM Maputo", ["+25821488300"], ["sblack@iom.int"]),
            ],
            "body_start": "The International Organization for Migration (IOM) is scaling up",
            "body_end": "and the Government of Japan.",
            "paragraphs": 4,
        }
    ],
    "es_global_guatemala.txt": [
        {
            "title": (
                "La OIM abre un centro de atención para personas migrantes retornadas en Guatemala"
            ),
            "language": "es",
            "country": "GT",
            "country_name": "Guatemala",
            "dateline": "Ciudad de Guatemala",
            "date": "2022-05-05",
            "dates": ["2022-05-05", "2021-01"],
            "funders": [
                "Oficina de Población, Refugiados y Migración del Departamento de Estado de los "
                "Estados Unidos"
            ],
            "quoted": [("Ana López Castillo", "jefa de misión de la OIM en Guatemala")],
            "contacts": [
                ("Ana López Castillo", "OIM Guatemala", ["+50224147400"], ["alopez@iom.int"]),
                ("Jorge Pérez", None, ["+50255551234"], ["jperez@iom.int"]),
            ],
            "body_start": "La Organización Internacional para las Migraciones (OIM) inauguró",
            "body_end": "desde México y los Estados Unidos.",
            "paragraphs": 4,
        }
    ],
    "fr_old_communique_haiti.txt": [
        {
            "title": "Des abris d'urgence pour 10 000 familles déplacées en Haïti",
            "language": "fr",
            "country": "HT",
            "country_name": "Haïti",
            "dateline": "Genève/ Port-au-Prince",
            "date": "2010-01-12",
            "dates": ["2010-01-12"],
            "funders": ["Bureau d'aide humanitaire de la Commission européenne (ECHO)"],
            "contacts": [
                ("Jean-Philippe Chauzy", "OIM Genève", ["+41227179361"], ["jpchauzy@iom.int"])
            ],
            "body_start": "L'OIM a distribué des abris d'urgence",
            "body_end": "de la Commission européenne (ECHO).",
            "paragraphs": 3,
        }
    ],
    "es_old_comunicado_colombia.txt": [
        {
            "title": "Migrantes venezolanos reciben atención médica en la frontera colombiana",
            "language": "es",
            "country": "CO",
            "country_name": "Colombia",
            "dateline": "Cúcuta",
            "date": "2020-01-15",  # the newest event date: "entre el 1º de diciembre … y el 15 de enero de 2020"
            "dates": ["2019-12-01", "2020-01-15"],
            "funders": ["Oficina de Ayuda Humanitaria de la Unión Europea"],
            "contacts": [("Juan Gómez", "OIM Bogotá", ["+5716397777"], ["jgomez@iom.int"])],
            "body_start": "La OIM atendió a más de 2.500 migrantes venezolanos",
            "body_end": "control prenatal y apoyo psicosocial.",
            "paragraphs": 2,
        }
    ],
    "en_old_press_release_libya.txt": [
        {
            "title": "IOM Helps Stranded Migrants Return Home from Libya",
            "language": "en",
            "country": "LY",
            "country_name": "Libya",
            "dateline": "TRIPOLI",
            "date": "2015-06-03",
            "funders": ["Government of Italy"],
            "quoted": [("Othman Belbeisi", "IOM Chief of Mission in Libya")],
            "contacts": [("Othman Belbeisi", "IOM Tunis", ["+21671860312"], ["obelbeisi@iom.int"])],
            "body_start": "IOM on 3 June 2015 helped 160 stranded migrants",
            "body_end": "The flight was funded by the Government of Italy.",
            "paragraphs": 3,
        }
    ],
    "fr_html_remnants_mali.txt": [
        {
            "title": "Le Mali renforce la gestion de ses frontières à Gao",
            "language": "fr",
            "country": "ML",
            "country_name": "Mali",
            "dateline": "Gao",
            "date": "2019-07-15",
            "funders": ["Gouvernement du Japon"],
            "quoted": [("Moussa Traoré", "commissaire de police à Gao")],
            "contacts": [("Awa Diallo", "OIM Bamako", ["+22320227637"], ["adiallo@iom.int"])],
            "body_start": "L’OIM a remis le 15 juillet 2019 des équipements de communication",
            "body_end": "Les équipes formeront 40 agents avant la fin de l'année.",
            "paragraphs": 4,
        }
    ],
    "en_hard_wrapped_haiti.txt": [
        {
            "title": "Haitian Farmers Rebuild After Hurricane",
            "language": "en",
            "country": "HT",
            "dateline": "PORT-AU-PRINCE",
            "date": "2016-10",
            "funders": ["Government of Canada"],
            "quoted": [("Pierre Louis", "a farmer from Les Cayes")],
            "contacts": [("Marie Joseph", "IOM Haiti", ["+50937025066"], ["mjoseph@iom.int"])],
            "body_start": "More than 1,200 farming families in the south of Haiti have received",
            "body_end": "and will continue until the end of the year.",
            "paragraphs": 4,
        }
    ],
    "es_hard_wrapped_blank_lines.txt": [
        {
            "title": "Más de 300 familias reciben apoyo en el norte de Ecuador",
            "language": "es",
            "country": "EC",
            "dateline": "Quito",
            "date": "2020-08-10",
            "funders": ["Gobierno de Suiza"],
            "quoted": [("Carla Rojas", "coordinadora de la OIM en Tulcán")],
            "contacts": [("Carla Rojas", "OIM Ecuador", ["+59323934400"], ["crojas@iom.int"])],
            "body_start": "La Organización Internacional para las Migraciones (OIM) entregó el",
            "body_end": "afirmó Carla Rojas, coordinadora de la OIM en Tulcán.",
            "paragraphs": 3,
        }
    ],
    "fr_listing_news.txt": [
        {
            "title": "Retour volontaire de 150 migrants nigériens depuis la Libye",
            "country": "NE",
            "dateline": "Niamey",
            "date": "2017-04-04",
            "funders": ["Union européenne"],
            "contacts": [("Alberto Preato", "OIM Niger", ["+22720752330"], ["apreato@iom.int"])],
            "body_end": "Le programme est financé par l'Union européenne.",
            "paragraphs": 2,
        },
        {
            "title": "Formation des gardes-frontières mauritaniens à Nouakchott",
            "country": "MR",
            "dateline": "Nouakchott",
            "date": "2017-04-06",
            "dates": ["2017-04-06", "2017-04-03"],
            "contacts": [],
            "paragraphs": 1,
        },
        {
            "title": "Campagne de sensibilisation au Tchad",
            "country": "TD",
            "dateline": "N'Djamena",
            "date": "2017-04-07",
            "contacts": [],
            "paragraphs": 1,
        },
    ],
    "en_listing_posted.txt": [
        {
            "title": "IOM Registers Displaced Families in Borno State",
            "language": "en",
            "country": "NG",
            "date": "2017-10-03",
            "paragraphs": 1,
        },
        {
            "title": "South Sudan: Cholera Response in Juba",
            "country": "SS",
            "date": "2017-10-04",
            "funders": ["World Health Organization"],
            "paragraphs": 2,
        },
        {
            "title": "Supporting Rohingya Refugees in Cox's Bazar",
            "country": "BD",
            "date": "2017-10-05",
            "dates": ["2017-10-05", "2017-08-25"],
            "paragraphs": 1,
        },
    ],
    "fr_cut_off_tchad.txt": [
        {
            "title": "L'OIM vient en aide aux retournés tchadiens de République centrafricaine",
            "country": "TD",
            "dateline": "N'Djamena",
            "date": "2013-12",
            "contacts": [],
            "body_end": "ainsi qu'un transport vers leur région d'orig",
            "paragraphs": 2,
        }
    ],
    "en_ansi_markup.txt": [
        {
            "title": "IOM Warns of [bold]Record[/bold] Deaths in the Mediterranean",
            "language": "en",
            "dateline": "Rome",
            "date": "2017-01-04",
            "dates": ["2017-01-04", "2016"],
            "body_start": "IOM said on 4 January 2017",
            "body_end": "The text [Q3] and [/] stay as written.",
            "paragraphs": 2,
        }
    ],
    "en_html_saved_page.txt": [
        {
            "title": "New Water Points for Displaced Families in Somalia’s Baidoa",
            "language": "en",
            "country": "SO",
            "dateline": "BAIDOA",
            "date": "2019-09-02",
            "funders": [
                "UK Department for International Development",
                "Somali Ministry of Energy and Water Resources",
            ],
            "quoted": [("Halima Hassan", "a mother of five")],
            "contacts": [],
            "body_start": "IOM has opened 12 new water points",
            "body_end": "said Halima Hassan, a mother of five.",
            "paragraphs": 3,
        }
    ],
    "es_listing_noticias.txt": [
        {
            "title": "Más de 5.000 venezolanos reciben orientación en Tumbes",
            "language": "es",
            "country": "PE",
            "country_name": "Perú",
            "dateline": "Tumbes",
            "date": "2018-06-12",
            "dates": ["2018-06-12", "2018-05"],
            "paragraphs": 1,
        },
        {
            "title": "Kits de higiene para familias en Huaquillas",
            "language": "es",
            "country": "EC",
            "dateline": "Huaquillas",
            "date": "2018-06-15",
            "funders": ["Unión Europea"],
            "body_end": "financiados por la Unión Europea.",
            "paragraphs": 1,
        },
    ],
}

# Pages that must be refused, with the reason given.
REFUSED: dict[str, str] = {
    "fr_only_chrome.txt": "only site menus, no release found",
}

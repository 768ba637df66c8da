"""Country rules from the tuned part's country misses (issue 13): general rules, each with the
cases it must leave alone."""

from __future__ import annotations

from oim_archive.importers import parse_page
from oim_archive.importers.listing_country import inherit_listing_country
from oim_archive.importers.places import mentions
from oim_archive.store.records import Release


def _codes(text: str) -> list[str]:
    return [place.code for place in mentions(text)]


def test_a_name_of_several_words_needs_its_capitals() -> None:
    assert "RE" not in _codes("La réunion du Conseil marque le 60e anniversaire")
    assert "RE" not in _codes("LA réunion")


def test_a_name_of_several_words_written_with_its_capitals_is_found() -> None:
    assert _codes("Des cyclones ont frappé La Réunion") == ["RE"]
    assert _codes("LA RÉUNION") == ["RE"]
    assert _codes("en République centrafricaine") == ["CF"]  # its lower-case word stays so
    assert _codes("in Cox's Bazar") == ["BD"]


def _release(text: str) -> str | None:
    (release,) = parse_page(text.encode(), "page.txt")
    return release.country


_SEAT_ONLY = """Déclaration du Directeur général pour la Journée internationale des migrants

Cette année, la Journée tombe au 70e anniversaire de la conférence de Bruxelles d'où est née l'Organisation.

En 70 ans, nous avons aidé des millions de migrants dans le monde.
"""


def test_a_country_named_only_by_an_office_seat_is_no_subject() -> None:
    assert _release(_SEAT_ONLY) is None
    assert _release(_SEAT_ONLY.replace("Bruxelles", "New York")) is None


def test_a_seat_beside_its_country_or_a_city_of_its_country_still_counts() -> None:
    assert _release(_SEAT_ONLY.replace("Bruxelles", "Bruxelles, en Belgique")) == "BE"
    assert _release(_SEAT_ONLY.replace("Bruxelles", "Dakar")) == "SN"


def test_capitals_and_field_towns_name_their_country() -> None:
    assert _codes("Minsk – IOM trained labour inspectors") == ["BY"]
    assert _codes("un centro en Quetzaltenango") == ["GT"]
    assert _codes("Necoclí, Antioquia") == ["CO"]
    assert _codes("les autorités à Nuku'alofa") == ["TO"]


def test_words_like_a_town_that_are_none_stay_unplaced() -> None:
    assert _codes("Victoria said the migrants were safe") == []  # a first name, not Seychelles
    assert _codes("male migrants") == []  # not Malé


_AT_SEAT = """IOM Council Concludes its Annual Session

Geneva – IOM's Director General this week addressed the Organization's member states at the Council. The Council welcomed its newest member, Uzbekistan.

Delegates from Morocco and Morocco's neighbours spoke of labour migration.
"""


def test_a_release_from_the_seat_about_no_country_up_front_is_global() -> None:
    assert _release(_AT_SEAT) is None
    assert _release(_AT_SEAT.replace("Geneva –", "New York –")) is None


def test_a_release_from_the_seat_about_a_country_keeps_it() -> None:
    assert _release(_AT_SEAT.replace("Annual Session", "Session on Morocco")) == "MA"
    first = "this week addressed the Organization's member states at the Council."
    assert _release(_AT_SEAT.replace(first, "this week visited Rabat in Morocco.")) == "MA"
    assert _release(_AT_SEAT.replace("Geneva –", "Rabat –")) == "MA"  # not written at a seat


_SEAT_PAIR = """IOM Speeds Up Aid to Turkey and to the North-West of Syria

Geneva – IOM sped up deliveries of relief items this week. Trucks crossed from Turkey into Syria.

Families in Syria and in Turkey received blankets.
"""


def test_two_countries_of_the_headline_named_as_much_from_the_seat_are_both() -> None:
    assert _release(_SEAT_PAIR) is None
    page = _SEAT_PAIR.replace("to Turkey and to the North-West", "to the North-West")
    assert _release(page) == "SY"  # the headline names one of them only


_SEAT_CONTACT = """IOM Welcomes a New Framework on Migrant Health

Geneva – IOM today welcomed the adoption of a framework on the health of migrants. It asks states to include migrants in health systems.

For more information, please contact:
Rania Aziz, IOM Amman, Tel: +962 79 555 4120, Email: raziz@iom.int
"""


def test_a_release_from_the_seat_takes_no_country_from_its_contacts() -> None:
    assert _release(_SEAT_CONTACT) is None


_SEAT_REGION = """Joint statement on a Special Representative for Venezuelan refugees and migrants in the region

Geneva – UNHCR and IOM announce the appointment of a Joint Special Representative for Venezuelan refugees and migrants in the region.

He will promote a coherent regional response.
"""


def test_nationals_in_a_region_headline_from_elsewhere_single_out_no_country() -> None:
    assert _release(_SEAT_REGION) is None


def test_nationals_in_a_region_headline_under_their_country_s_dateline_keep_it() -> None:
    page = _SEAT_REGION.replace("Geneva –", "Caracas –")
    assert _release(page) == "VE"


_REGION_UNDER_COUNTRY = """Se contabilizan 213.581 llegadas de migrantes en el Mediterráneo

Italia – Unos 213.581 migrantes llegaron a Europa por mar, a Italia, Grecia, Chipre y España.

El portavoz dijo que las muertes aumentaron.
"""


def test_a_region_headline_whose_lead_names_several_countries_is_regional() -> None:
    assert _release(_REGION_UNDER_COUNTRY) is None


def test_a_region_headline_whose_lead_stays_in_the_dateline_s_country_keeps_it() -> None:
    page = _REGION_UNDER_COUNTRY.replace("a Italia, Grecia, Chipre y España", "a Sicilia, Italia")
    assert _release(page) == "IT"


_LEAD_ENDS_A_PARAGRAPH = """Programme Launched in Southern Africa

South Africa – A health programme for migrants was launched this week in Mbabane, Swaziland.

It will run in South Africa first. South Africa hosts most of them.
"""


def test_the_first_sentence_ends_with_its_paragraph() -> None:
    assert _release(_LEAD_ENDS_A_PARAGRAPH) is None  # launched elsewhere: regional
    page = _LEAD_ENDS_A_PARAGRAPH.replace("Mbabane, Swaziland", "Pretoria, South Africa")
    assert _release(page) == "ZA"


_PAIR = """IOM Joins Forces with Interpol to Combat Child Trafficking in Côte d’Ivoire, Ghana

Côte d’Ivoire – A police operation in June rescued 48 children trafficked between Côte d’Ivoire and Ghana.

Most of the children were from Ghana.
"""


def test_two_countries_joined_in_a_headline_are_both_even_under_a_dateline_in_one() -> None:
    assert _release(_PAIR) is None
    page = _PAIR.replace("Côte d’Ivoire, Ghana", "Côte d’Ivoire and Ghana")
    assert _release(page) is None


def test_a_pair_beside_a_third_country_or_a_dateline_elsewhere_is_no_pair() -> None:
    assert _release(_PAIR.replace("from Ghana.", "from Ghana and Burkina Faso.")) == "CI"
    page = _PAIR.replace("\nCôte d’Ivoire – ", "\nNigeria – ").replace("June", "June in Lagos")
    assert _release(page) == "NG"


_NORTH_AMERICA = """Países de Centro y Norteamérica promueven el intercambio de información

San José – La Conferencia Regional sobre Migración organizó esta semana un taller en Costa Rica.

Participaron nueve países de la región.
"""


def test_a_headline_about_north_america_is_regional() -> None:
    assert _release(_NORTH_AMERICA) is None
    assert _release(_NORTH_AMERICA.replace("Centro y Norteamérica", "Costa Rica")) == "CR"


def test_san_jose_without_its_accent_is_the_regional_office_s_seat() -> None:
    page = """La OIM monitorea las caravanas de migrantes

San Jose – Los migrantes que han decidido pedir asilo en México siguen recibiendo apoyo.

En Tapachula, la OIM entrega información a los migrantes.
"""
    assert _release(page) == "MX"
    assert _codes("San Jose") == ["CR"]


def test_a_country_labelling_a_headline_is_its_subject() -> None:
    page = """Maroc : l’Espagne expulse 55 des 208 migrants entrés à Melilla

L’Espagne a renvoyé 55 migrants entrés à Melilla. Madrid a invoqué un accord avec l’Espagne.
"""
    assert _release(page) == "MA"
    assert _release(page.replace("Maroc : ", "RDC : ")) == "CD"


def test_a_headline_opening_with_other_words_before_a_colon_has_no_label() -> None:
    page = """Migration : l’Espagne expulse 55 des 208 migrants entrés à Melilla

L’Espagne a renvoyé 55 migrants entrés à Melilla. Madrid a invoqué un accord.
"""
    assert _release(page) == "ES"
    page = page.replace("Migration : ", "Maroc et Espagne : ")
    assert _release(page) != "MA"


_NATIONALS_AND_PLACE = """A New Home – Resettling Syrian Refugees to Canada

At the end of 2015 the Government of Canada asked IOM to help admit 25,000 Syrian refugees.

IOM sent staff from around the world for the operation.
"""


def test_of_two_countries_named_as_much_the_place_wins_over_nationals() -> None:
    assert _release(_NATIONALS_AND_PLACE) == "CA"
    page = _NATIONALS_AND_PLACE.replace("Syrian refugees.", "refugees from Syria.")
    assert _release(page) == "SY"  # both named as places: the first


def test_a_place_named_far_less_than_the_nationals_does_not_win() -> None:
    page = _NATIONALS_AND_PLACE.replace(
        "for the operation.", "for the operation. Syrian families, Syrian children."
    )
    assert _release(page) == "SY"


_GLOBAL_HEADLINE = """Global Compact for Migration Can Promote a Holistic Understanding of Migration

Nairobi – IOM underlined the potential of the Global Compact at a consultative meeting held in Kenya’s capital.

Delegates of eleven states attended.
"""


def test_a_headline_about_a_global_framework_names_no_one_country() -> None:
    assert _release(_GLOBAL_HEADLINE) is None
    page = _GLOBAL_HEADLINE.replace("Global Compact for Migration", "First International Forum")
    assert _release(page.replace("Nairobi", "Paris").replace("Kenya’s", "France’s")) is None


def test_a_global_headline_naming_its_country_or_another_headline_keeps_it() -> None:
    page = _GLOBAL_HEADLINE.replace("of Migration\n", "of Migration in Kenya\n")
    assert _release(page) == "KE"
    page = _GLOBAL_HEADLINE.replace("Global Compact for Migration", "World Day Against Trafficking")
    assert _release(page) == "KE"


def test_islands_and_border_regions_on_migration_routes_name_their_country() -> None:
    assert _codes("on the islands and in Evros") == ["GR"]
    assert _codes("à Ghaza") == ["PS"]


def _item(country: str | None, dateline: str | None, body: str) -> Release:
    return Release(title="An item", body=body, language="en", country=country, dateline=dateline)


def test_a_listing_item_from_a_seat_inherits_no_country_site_country() -> None:
    items = [_item("GR", None, "In Lesvos.") for _ in range(3)]
    items += [_item(None, "Berlin", "A report on data."), _item(None, None, "A report on data.")]
    inherit_listing_country(items)
    assert items[3].country is None  # written at a seat: a global release
    assert items[4].country == "GR"  # names no place: the site's country


def test_a_headline_about_a_regional_bloc_is_regional() -> None:
    page = """La OIM firmó Memorando de Entendimiento con el MERCOSUR

La OIM y el Gobierno de la República Argentina, en representación del MERCOSUR, firmaron un memorando.

La firma tuvo lugar el viernes.
"""
    assert _release(page) is None
    assert _release(page.replace("con el MERCOSUR", "con la Argentina")) == "AR"


def test_towns_where_iom_works_name_their_country() -> None:
    assert _codes("Ouanaminthe") == ["HT"]
    assert _codes("en Dajabón") == ["DO"]
    assert _codes("los cantones de Guápiles y Los Chiles") == ["CR", "CR"]
    assert _codes("Zintan") == ["LY"]
    assert _codes("Velika Kladuša") == ["BA"]


def test_town_names_that_are_other_words_are_left_out() -> None:
    assert _codes("Liberia") == ["LR"]  # the country, not the Costa Rican town
    assert _codes("a nice day in Van") == []


_OFFICE_HOSTS_REGION = """IOM Peru Hosts Andean Community Migration Data Experts

IOM this week hosted Andean Community migration data experts in Lima, Peru. Experts from Bolivia, Colombia and Ecuador attended.

They discussed data for policies across the region.
"""


def test_an_office_named_by_its_country_in_a_region_headline_singles_out_no_country() -> None:
    assert _release(_OFFICE_HOSTS_REGION) is None
    assert _release(_OFFICE_HOSTS_REGION.upper()) is None


def test_a_country_named_as_such_in_a_region_headline_or_after_a_lower_case_word_counts() -> None:
    page = _OFFICE_HOSTS_REGION.replace("IOM Peru Hosts", "Peru Hosts")
    assert _release(page) == "PE"
    page = """Le bureau régional de l'OIM à Dakar lance une campagne

L'OIM lance aujourd'hui une campagne au Sénégal.
"""
    assert _release(page) == "SN"


_JOINED_REGION = """La OIM lanza cinco campañas de información en México y Centroamérica

San José – La OIM lanza cinco campañas para jóvenes. México, Guatemala y Honduras ya presentaron las suyas.
"""


def test_a_country_joined_to_the_region_of_a_headline_is_one_of_its_places() -> None:
    assert _release(_JOINED_REGION) is None
    page = _JOINED_REGION.replace("en México y Centroamérica", "en Centroamérica y México")
    assert _release(page) is None


def test_a_country_apart_from_the_region_of_a_headline_is_singled_out() -> None:
    page = _JOINED_REGION.replace("en México y Centroamérica", "en México para Centroamérica")
    assert _release(page) == "MX"


_NATIONALS_IN_HEADLINE = """Un don des Etats-Unis déclenche l'aide aux enfants tchadiens bloqués à la frontière nigériane

L'OIM va envoyer un convoi d'aide aux migrants bloqués dans la région du Lac, à l'ouest du Tchad.

Les enfants rejoindront leurs familles au Tchad.
"""


def test_nationals_in_a_headline_do_not_make_it_about_several_countries() -> None:
    assert _release(_NATIONALS_IN_HEADLINE) == "TD"


def test_three_countries_named_as_places_in_a_headline_still_make_it_about_all() -> None:
    page = _NATIONALS_IN_HEADLINE.replace(
        "aux enfants tchadiens bloqués à la frontière nigériane",
        "au Tchad, au Niger et au Nigéria",
    )
    assert _release(page) is None


_NATIONALS_REGION_LEAD = """USD 1.35 Billion Needed to Help Venezuelan Refugees and Migrants and Host Countries

IOM and UNHCR launched a plan for Venezuelan refugees and migrants in Latin America and the Caribbean. Venezuelans keep leaving.
"""


def test_nationals_placed_in_a_region_by_the_lead_make_a_regional_release() -> None:
    assert _release(_NATIONALS_REGION_LEAD) is None


def test_nationals_placed_in_a_country_by_the_lead_or_their_country_named_keep_it() -> None:
    page = _NATIONALS_REGION_LEAD.replace("in Latin America and the Caribbean", "in Venezuela")
    assert _release(page) == "VE"


def test_a_one_sentence_teaser_does_not_weigh_nationals_against_a_place() -> None:
    page = """La persistance des départs inquiète

La persistance des départs de migrants sénégalais vers l’Espagne inquiète tout le monde...
"""
    assert _release(page) is None  # as before the rule: undecided
    page = page.replace("tout le monde...", "tout le monde. Les ONG réclament une réponse.")
    assert _release(page) == "ES"


def test_the_headquarters_labelling_a_headline_is_where_it_was_written() -> None:
    page = """Suiza - La OIM acoge con satisfacción el acuerdo sobre la migración

El Director General de la OIM acogió con satisfacción la hoja de ruta sobre la migración.
"""
    assert _release(page) is None  # not CH: a global release

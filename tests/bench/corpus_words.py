"""Word lists and sentence templates for the synthetic corpus (written for this project)."""

from __future__ import annotations

# code | French name | "in" in French | English name | Spanish name | French demonym (plural) |
# cities | phone country code
_COUNTRY_TABLE = """
TN|Tunisie|en Tunisie|Tunisia|Túnez|tunisiens|Tunis;Sfax;Médenine;Gabès|216
MA|Maroc|au Maroc|Morocco|Marruecos|marocains|Rabat;Oujda;Tanger;Nador|212
SN|Sénégal|au Sénégal|Senegal|Senegal|sénégalais|Dakar;Tambacounda;Kolda;Saint-Louis|221
ML|Mali|au Mali|Mali|Malí|maliens|Bamako;Gao;Kayes;Mopti|223
NE|Niger|au Niger|Niger|Níger|nigériens|Niamey;Agadez;Zinder;Arlit|227
CI|Côte d'Ivoire|en Côte d'Ivoire|Côte d'Ivoire|Costa de Marfil|ivoiriens|Abidjan;San Pedro;Bouaké;Man|225
GN|Guinée|en Guinée|Guinea|Guinea|guinéens|Conakry;Kankan;Labé;Nzérékoré|224
BF|Burkina Faso|au Burkina Faso|Burkina Faso|Burkina Faso|burkinabè|Ouagadougou;Bobo-Dioulasso;Kaya;Dori|226
TD|Tchad|au Tchad|Chad|Chad|tchadiens|N'Djamena;Abéché;Moundou;Faya|235
CM|Cameroun|au Cameroun|Cameroon|Camerún|camerounais|Yaoundé;Douala;Maroua;Bertoua|237
CD|République démocratique du Congo|en République démocratique du Congo|Democratic Republic of the Congo|República Democrática del Congo|congolais|Kinshasa;Goma;Bukavu;Kananga|243
HT|Haïti|en Haïti|Haiti|Haití|haïtiens|Port-au-Prince;Cap-Haïtien;Les Cayes;Jacmel|509
LY|Libye|en Libye|Libya|Libia|libyens|Tripoli;Benghazi;Sabha;Misrata|218
EG|Égypte|en Égypte|Egypt|Egipto|égyptiens|Le Caire;Alexandrie;Assouan;Louxor|20
GE|Géorgie|en Géorgie|Georgia|Georgia|géorgiens|Tbilissi;Batoumi;Koutaïssi;Gori|995
UA|Ukraine|en Ukraine|Ukraine|Ucrania|ukrainiens|Kyiv;Lviv;Odesa;Dnipro|380
YE|Yémen|au Yémen|Yemen|Yemen|yéménites|Aden;Sanaa;Marib;Hodeïda|967
ET|Éthiopie|en Éthiopie|Ethiopia|Etiopía|éthiopiens|Addis-Abeba;Dire Dawa;Gondar;Mekele|251
SO|Somalie|en Somalie|Somalia|Somalia|somaliens|Mogadiscio;Baidoa;Kismayo;Garowe|252
BD|Bangladesh|au Bangladesh|Bangladesh|Bangladés|bangladais|Dhaka;Cox's Bazar;Chittagong;Sylhet|880
PH|Philippines|aux Philippines|Philippines|Filipinas|philippins|Manille;Cebu;Davao;Tacloban|63
AF|Afghanistan|en Afghanistan|Afghanistan|Afganistán|afghans|Kaboul;Herat;Kandahar;Mazar-i-Sharif|93
CO|Colombie|en Colombie|Colombia|Colombia|colombiens|Bogotá;Cúcuta;Medellín;Riohacha|57
VE|Venezuela|au Venezuela|Venezuela|Venezuela|vénézuéliens|Caracas;Maracaibo;Valencia;Barquisimeto|58
PE|Pérou|au Pérou|Peru|Perú|péruviens|Lima;Tumbes;Arequipa;Cusco|51
GT|Guatemala|au Guatemala|Guatemala|Guatemala|guatémaltèques|Guatemala Ciudad;Quetzaltenango;Tecún Umán;Cobán|502
MX|Mexique|au Mexique|Mexico|México|mexicains|Tapachula;Ciudad Juárez;Tijuana;Monterrey|52
EC|Équateur|en Équateur|Ecuador|Ecuador|équatoriens|Quito;Guayaquil;Tulcán;Huaquillas|593
IT|Italie|en Italie|Italy|Italia|italiens|Rome;Lampedusa;Palerme;Naples|39
ES|Espagne|en Espagne|Spain|España|espagnols|Madrid;Melilla;Almería;Las Palmas|34
GR|Grèce|en Grèce|Greece|Grecia|grecs|Athènes;Lesbos;Thessalonique;Samos|30
DJ|Djibouti|à Djibouti|Djibouti|Yibuti|djiboutiens|Djibouti-Ville;Obock;Tadjourah;Ali Sabieh|253
"""


def words(text: str) -> list[str]:
    """The words of a space-separated list."""
    return text.split()


COUNTRIES: list[tuple[str, str, str, str, str, str, tuple[str, ...], str]] = [
    (code, fr, in_fr, en, es, demonym, tuple(cities.split(";")), phone)
    for code, fr, in_fr, en, es, demonym, cities, phone in (
        row.split("|") for row in _COUNTRY_TABLE.strip().splitlines()
    )
]

# French, English, Spanish forms of each topic.
TOPICS: list[tuple[str, str, str]] = [
    ("la traite des personnes", "human trafficking", "la trata de personas"),
    ("la migration de main-d'œuvre", "labour migration", "la migración laboral"),
    ("la gestion des frontières", "border management", "la gestión de fronteras"),
    ("le retour volontaire", "assisted voluntary return", "el retorno voluntario"),
    ("la santé des migrants", "migrant health", "la salud de los migrantes"),
    (
        "les déplacements liés au climat",
        "climate-related displacement",
        "el desplazamiento por el clima",
    ),
    (
        "la réintégration des migrants de retour",
        "reintegration of returnees",
        "la reintegración de retornados",
    ),
    (
        "la protection des enfants migrants",
        "protection of migrant children",
        "la protección de niños migrantes",
    ),
    ("la cohésion sociale", "social cohesion", "la cohesión social"),
    ("les données sur la migration", "migration data", "los datos migratorios"),
    ("le trafic illicite de migrants", "migrant smuggling", "el tráfico ilícito de migrantes"),
    (
        "l'aide d'urgence aux déplacés",
        "emergency aid for displaced people",
        "la ayuda de emergencia a desplazados",
    ),
    ("l'engagement de la diaspora", "diaspora engagement", "la participación de la diáspora"),
    (
        "la santé mentale et le soutien psychosocial",
        "mental health and psychosocial support",
        "la salud mental y el apoyo psicosocial",
    ),
    ("la gestion des camps", "camp management", "la gestión de campamentos"),
    (
        "la réduction des risques de catastrophe",
        "disaster risk reduction",
        "la reducción del riesgo de desastres",
    ),
]

AUDIENCES: list[tuple[str, str, str]] = [
    ("les agents de police", "police officers", "los agentes de policía"),
    ("les gardes-frontières", "border guards", "los guardias fronterizos"),
    ("les travailleurs sociaux", "social workers", "los trabajadores sociales"),
    ("les magistrats", "judges and prosecutors", "los magistrados"),
    ("les journalistes", "journalists", "los periodistas"),
    ("les agents de santé", "health workers", "los trabajadores de salud"),
    ("les inspecteurs du travail", "labour inspectors", "los inspectores de trabajo"),
    ("les élus locaux", "local officials", "las autoridades locales"),
    (
        "les organisations de la société civile",
        "civil society organizations",
        "las organizaciones de la sociedad civil",
    ),
]

PARTNERS = [
    "le ministère de l'Intérieur",
    "le ministère de la Santé",
    "le ministère des Affaires sociales",
    "le HCR",
    "l'UNICEF",
    "la Croix-Rouge",
    "l'Union africaine",
    "la CEDEAO",
    "INTERPOL",
    "le PNUD",
]
PARTNERS_EN = [
    "the Ministry of Interior",
    "the Ministry of Health",
    "the Ministry of Social Affairs",
    "UNHCR",
    "UNICEF",
    "the Red Cross",
    "the African Union",
    "ECOWAS",
    "INTERPOL",
    "UNDP",
]
PARTNERS_ES = [
    "el Ministerio del Interior",
    "el Ministerio de Salud",
    "el Ministerio de Asuntos Sociales",
    "el ACNUR",
    "UNICEF",
    "la Cruz Roja",
    "la Unión Africana",
    "la CEDEAO",
    "INTERPOL",
    "el PNUD",
]

FUNDERS = [
    ("l'Union européenne", "the European Union", "la Unión Europea"),
    ("le Royaume des Pays-Bas", "the Kingdom of the Netherlands", "el Reino de los Países Bajos"),
    ("le gouvernement du Japon", "the Government of Japan", "el Gobierno de Japón"),
    ("la Suède", "Sweden", "Suecia"),
    ("le Danemark", "Denmark", "Dinamarca"),
    ("l'Allemagne", "Germany", "Alemania"),
    ("le Canada", "Canada", "Canadá"),
    ("la Suisse", "Switzerland", "Suiza"),
    ("la Norvège", "Norway", "Noruega"),
    (
        "le Fonds central pour les interventions d'urgence",
        "the Central Emergency Response Fund",
        "el Fondo Central para la Acción en Casos de Emergencia",
    ),
]

FIRST_NAMES = words(
    "Amina Jean Carlos Fatou Pierre Lucia Omar Sofia Ibrahima Claire Diego Mariam Thomas Aïcha "
    "Javier Nadia Paul Elena Moussa Ingrid Hassan Camille Andrés Leïla Olivier Rosa Youssef "
    "Hélène Mateo Awa Stefan Inès Kofi Julia Samir Agnès Pablo Zeynep Martin Esther"
)
LAST_NAMES = words(
    "Diallo Martin García Traoré Dubois Rossi Benali Keller Ndiaye Moreau López Haddad Schmidt "
    "Koné Lefèvre Fernández Mensah Nilsson Bakari Girard Ortega Sow Petit Romero Mbaye Fontaine "
    "Castillo Ouedraogo Laurent Navarro Cissé Bernard Herrera Touré Richter Vargas Kamara Blanc "
    "Mendoza Sylla Weber Álvarez Coulibaly Meyer Delgado Fofana Roux Molina Camara"
)

ROLES_FR = [
    "Chef de mission de l'OIM",
    "Chargée de programme à l'OIM",
    "Directeur régional de l'OIM",
    "responsable de la protection",
    "coordinatrice du projet",
    "ministre des Affaires sociales",
]
ROLES_EN = [
    "IOM Chief of Mission",
    "IOM Programme Officer",
    "IOM Regional Director",
    "protection officer",
    "project coordinator",
    "Minister of Social Affairs",
]
ROLES_ES = [
    "Jefe de Misión de la OIM",
    "Oficial de programa de la OIM",
    "Director regional de la OIM",
    "responsable de protección",
    "coordinadora del proyecto",
    "ministra de Asuntos Sociales",
]

MONTHS_FR = words(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)
MONTHS_EN = words(
    "January February March April May June July August September October November December"
)
MONTHS_ES = words(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)

PROJECT_WORDS = words(
    "Horizon Passerelle Sahel Espoir Solidarité Avenir Retour Dignité Trajectoires Oasis Phare "
    "Bridge Compass Harbor Resilience Puente Camino Esperanza Raíces"
)

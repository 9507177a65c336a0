"""The demo site around the articles: sections, authors, simple pages, front page, settings.

Every person, commune and company named here is invented; the mentions légales say so.
"""

from .schema import Author, Intertitle, Section, SimplePage

SECTIONS = (
    Section(
        slug="monde",
        title="Monde",
        intro=(
            "L'actualité internationale : diplomatie, conflits, sociétés et grands enjeux "
            "de la planète, racontés par nos envoyés spéciaux et nos correspondants."
        ),
        theme="l'actualité internationale",
        motifs=("globe", "cercles", "vagues", "triangles"),
    ),
    Section(
        slug="france",
        title="France",
        intro=(
            "Politique, société, justice, territoires : l'actualité française, de l'hémicycle "
            "aux conseils municipaux, et ce qu'elle change dans la vie de chacun."
        ),
        theme="l'actualité française",
        motifs=("bandes", "arcs", "triangles", "points"),
    ),
    Section(
        slug="economie",
        title="Économie",
        intro=(
            "Entreprises, emploi, pouvoir d'achat, finances publiques : comprendre l'économie "
            "qui façonne le quotidien, chiffres à l'appui et sans jargon."
        ),
        theme="l'économie",
        motifs=("barres", "points", "bandes"),
    ),
    Section(
        slug="culture",
        title="Culture",
        intro=(
            "Livres, cinéma, musique, scènes et patrimoine : nos critiques, nos rencontres "
            "et nos coups de cœur, loin des seuls succès annoncés."
        ),
        theme="la vie culturelle",
        motifs=("triangles", "arcs", "cercles", "vagues"),
    ),
    Section(
        slug="sport",
        title="Sport",
        intro=(
            "Résultats, reportages et portraits : le sport tel qu'il se vit, des grands stades "
            "aux terrains de quartier."
        ),
        theme="le sport",
        motifs=("terrain", "bandes", "vagues"),
    ),
    Section(
        slug="sciences",
        title="Sciences",
        intro=(
            "Recherche, santé, climat, espace : les découvertes et les débats scientifiques, "
            "expliqués simplement, en distinguant ce que l'on sait de ce que l'on suppose."
        ),
        theme="la recherche scientifique",
        motifs=("orbites", "points", "vagues", "cercles"),
    ),
    Section(
        slug="europe",
        title="Europe",
        intro=(
            "Les Vingt-Sept, leurs institutions et leurs voisins : ce qui se décide à Bruxelles, "
            "à Strasbourg et dans les capitales, et ce que cela change pour vous."
        ),
        theme="la construction européenne",
        motifs=("points", "arcs", "globe"),
        parent="monde",
    ),
)

AUTHORS = (
    Author(
        slug="claire-morvan",
        name="Claire Morvan",
        role="Correspondante à Bruxelles",
        bio=(
            "Claire Morvan suit les institutions européennes depuis Bruxelles, où elle s'est "
            "installée après dix ans au service Monde. Elle s'intéresse en particulier aux "
            "transports, à l'agriculture et aux coulisses des négociations entre les Vingt-Sept."
        ),
        palette="europe",
        hair="longs",
    ),
    Author(
        slug="paul-aubertin",
        name="Paul Aubertin",
        role="Rédacteur en chef",
        bio=(
            "Grand reporter pendant quinze ans, Paul Aubertin a couvert les régions polaires, "
            "l'Amérique latine et l'Afrique de l'Ouest avant de prendre la tête de la rédaction. "
            "Il signe les éditoriaux de Gazette et repart sur le terrain dès qu'il le peut."
        ),
        palette="monde",
        hair="courts",
    ),
    Author(
        slug="karim-bensaid",
        name="Karim Bensaïd",
        role="Journaliste au service France",
        bio=(
            "Karim Bensaïd couvre la santé, la justice et la vie des territoires. Ancien "
            "correspondant en région, il parcourt les petites communes pour raconter comment "
            "les décisions prises à Paris s'y traduisent concrètement."
        ),
        palette="france",
        hair="bouclés",
    ),
    Author(
        slug="helene-vasseur",
        name="Hélène Vasseur",
        role="Cheffe du service Économie",
        bio=(
            "Hélène Vasseur a rejoint Gazette après dix ans dans la presse économique "
            "spécialisée. Elle suit l'emploi, les entreprises et les finances des ménages, avec "
            "une prédilection pour les chiffres que l'on ne lit pas assez."
        ),
        palette="economie",
        hair="chignon",
    ),
    Author(
        slug="lucas-marchetti",
        name="Lucas Marchetti",
        role="Journaliste culture",
        bio=(
            "Lucas Marchetti écrit sur la littérature, le cinéma et les musiques actuelles. "
            "Il tient une chronique sur les livres que l'on relit et passe ses étés à arpenter "
            "les festivals de village."
        ),
        palette="culture",
        hair="courts",
    ),
    Author(
        slug="ines-garnier",
        name="Inès Garnier",
        role="Journaliste sport",
        bio=(
            "Inès Garnier suit le rugby, l'athlétisme et le sport amateur. Ancienne joueuse de "
            "handball, elle garde un faible pour les clubs de quartier et les compétitions que "
            "la télévision ne retransmet pas."
        ),
        palette="sport",
        hair="longs",
    ),
    Author(
        slug="thomas-le-bihan",
        name="Thomas Le Bihan",
        role="Journaliste sciences et environnement",
        bio=(
            "Docteur en océanographie, Thomas Le Bihan a quitté le laboratoire pour le "
            "journalisme. Il raconte le climat, l'espace et la santé en s'efforçant de séparer "
            "les résultats établis des hypothèses prometteuses."
        ),
        palette="sciences",
        hair="courts",
    ),
    Author(
        slug="anne-roussel",
        name="Anne Roussel",
        role="Maire de Brévignac, contributrice",
        bio=(
            "Anne Roussel est maire sans étiquette de Brévignac, une commune rurale de "
            "1 200 habitants. Elle intervient dans nos pages sur la vie des collectivités "
            "locales et les moyens dont disposent les élus de terrain."
        ),
        palette="france",
        hair="chignon",
    ),
)

ABOUT = SimplePage(
    slug="a-propos",
    title="À propos",
    body=(
        "Gazette est un quotidien d'information de démonstration : un site complet, alimenté "
        "par des articles originaux écrits pour l'occasion, qui permet d'essayer la plateforme "
        "de publication du même nom avant de l'installer pour une vraie rédaction.",
        "Ses six rubriques, Monde, France, Économie, Culture, Sport et Sciences, réunissent une "
        "quarantaine d'articles de tous les genres : reportages, entretiens, analyses, enquêtes, "
        "chroniques, portraits. Les personnes, les communes, les entreprises et les événements "
        "qui y sont évoqués sont imaginaires ; toute ressemblance avec des faits réels serait "
        "fortuite.",
        Intertitle("Une plateforme pensée pour les rédactions"),
        "Derrière ces pages, un outil fait pour le travail d'une rédaction francophone : les "
        "rédacteurs proposent, les éditeurs relisent et publient, les modérateurs veillent sur "
        "les échanges. La typographie française, les dates et les signatures sont gérées par "
        "la plateforme, pour que chacun puisse se concentrer sur l'écriture.",
        Intertitle("Les illustrations"),
        "Les images de ce site sont des compositions abstraites, dessinées automatiquement "
        "pour la démonstration. Elles ne représentent ni des personnes ni des lieux réels, et "
        "leur description est disponible pour les lecteurs qui ne les voient pas.",
    ),
)

LEGAL = SimplePage(
    slug="mentions-legales",
    title="Mentions légales",
    body=(
        "Ce site est un site de démonstration. Il ne constitue pas un service de presse et "
        "n'a pas vocation à informer le public : ses articles sont des fictions écrites pour "
        "montrer le fonctionnement de la plateforme Gazette.",
        Intertitle("Éditeur"),
        "Éditions de la Gazette, société fictive, 1 place de l'Exemple, 00000 Démoville. "
        "Directeur de la publication : Paul Aubertin, personnage tout aussi fictif. Aucune "
        "de ces coordonnées ne permet de joindre qui que ce soit.",
        Intertitle("Hébergement"),
        "Le site est servi par l'installation qui l'a chargé, sur la machine de la personne ou "
        "de l'organisation qui l'a mis en place. L'hébergeur est donc celui de cette "
        "installation.",
        Intertitle("Contenus"),
        "Les textes, les noms de personnes, de communes, de clubs et d'entreprises sont "
        "inventés. Les illustrations sont générées par programme. L'ensemble peut être "
        "reproduit librement pour tester ou présenter la plateforme.",
        Intertitle("Données personnelles"),
        "Ce site de démonstration ne collecte aucune donnée à des fins commerciales. Les "
        "comptes créés pour l'essai, administration et rédaction, n'existent que dans "
        "l'installation locale et peuvent être supprimés à tout moment.",
    ),
)

PRIVACY = SimplePage(
    slug="donnees-personnelles",
    title="Données personnelles",
    body=(
        "Lire Gazette ne demande ni compte ni cookie : aucune donnée ne vous est demandée pour "
        "lire un article, et aucun service tiers de publicité ou de mesure n'est appelé.",
        Intertitle("Mesure d'audience, sans cookie"),
        "Nous comptons les lectures de chaque article, heure par heure, pour savoir ce qui "
        "intéresse nos lecteurs. Ce comptage ne pose aucun cookie et ne garde pas votre "
        "adresse IP : pour compter les visiteurs distincts d'une journée, elle est mélangée à "
        "une clé tirée au hasard chaque jour, puis oubliée ; la clé est détruite le "
        "lendemain. Du site d'où vous venez, seul le nom est gardé, jamais la page.",
        Intertitle("Commentaires"),
        "Quand vous commentez, nous gardons votre nom, votre adresse e-mail, votre site web "
        "si vous l'indiquez, votre texte, votre adresse IP et le nom de votre navigateur. Le "
        "nom, le site et le texte sont publiés une fois le commentaire approuvé ; l'e-mail ne "
        "l'est jamais : il sert à reconnaître un lecteur déjà publié et à vous répondre. "
        "L'adresse IP et le navigateur servent à lutter contre les abus et sont effacés "
        "au bout de 30 jours.",
        Intertitle("Vos droits"),
        "Vous pouvez obtenir une copie de tout ce que nous gardons sur vous, le faire "
        "corriger ou effacer (articles 15 à 17 du RGPD) en écrivant à la rédaction. À "
        "l'effacement, vos commentaires non publiés sont supprimés et vos commentaires "
        "publiés sont signés « Anonyme », sans e-mail, site ni adresse IP. Si la réponse ne "
        "vous satisfait pas, vous pouvez saisir la CNIL (cnil.fr).",
    ),
)

ACCESSIBILITY = SimplePage(
    slug="accessibilite",
    title="Accessibilité",
    body=(
        "Les Éditions de la Gazette s'engagent à rendre ce site accessible, conformément à "
        "l'article 47 de la loi n° 2005-102 du 11 février 2005. La présente déclaration "
        "s'applique au site Gazette.",
        Intertitle("État de conformité"),
        "Ce site n'a pas encore fait l'objet d'un audit de conformité au référentiel général "
        "d'amélioration de l'accessibilité (RGAA 4.1.2) : il est donc non conforme, en "
        "attendant cet audit. Chaque version est vérifiée par des tests automatiques dans un "
        "vrai navigateur (axe-core) : langue, titres, repères de navigation, lien d'évitement, "
        "contrastes, textes alternatifs, taille des zones cliquables, navigation au clavier.",
        Intertitle("Contenus non accessibles"),
        "Les contenus tiers intégrés à certains articles (vidéos, publications de réseaux "
        "sociaux) dépendent de leur fournisseur et peuvent ne pas être accessibles ; un lien "
        "vers le contenu d'origine les accompagne. Aucune dérogation pour charge "
        "disproportionnée n'est invoquée.",
        Intertitle("Établissement de cette déclaration"),
        "Déclaration établie le 2 décembre 2026, à partir des tests automatiques de la "
        "plateforme, avec les navigateurs Chromium et Firefox et le lecteur d'écran NVDA.",
        Intertitle("Retour d'information et contact"),
        "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à la rédaction "
        "pour être orienté vers une autre façon d'y accéder ou pour obtenir le contenu sous "
        "une autre forme.",
        Intertitle("Voies de recours"),
        "Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un "
        "contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous "
        "pouvez écrire au Défenseur des droits (formulaire sur defenseurdesdroits.fr), "
        "contacter son délégué dans votre région, ou lui écrire gratuitement, sans "
        "affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
    ),
)

SIMPLE_PAGES = (ABOUT, LEGAL, PRIVACY, ACCESSIBILITY)

LEAD_STORY = "arctique-route-du-nord-port-de-skarvoy"
FEATURED = (
    "deserts-medicaux-six-mois-pour-un-rendez-vous",
    "prix-alimentation-energie-inflation",
    "comete-observatoire-pic-brun",
    "montcalvet-jazz-dans-les-granges",
)

SITE_NAME = "Gazette"
TAGLINE = "Le quotidien de démonstration"
FOLLOW_URLS = {
    "facebook_url": "https://www.facebook.com/gazette.demo",
    "x_url": "https://x.com/gazette_demo",
    "instagram_url": "https://www.instagram.com/gazette.demo/",
    "linkedin_url": "https://www.linkedin.com/company/gazette-demo/",
    "youtube_url": "https://www.youtube.com/@gazette-demo",
    "mastodon_url": "https://mastodon.social/@gazette_demo",
    "bluesky_url": "https://bsky.app/profile/gazette-demo.bsky.social",
}
FOOTER_PAGES = (ABOUT.slug, LEGAL.slug, PRIVACY.slug, ACCESSIBILITY.slug)

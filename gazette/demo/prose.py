"""French filler text for a large generated newsroom: headlines, standfirsts, paragraphs,
comments and names, assembled from our own word lists.

Sentences are built once into pools and then sampled: a newsroom of 100,000 articles needs
millions of sentences, and assembling each one afresh would cost more than writing the rows.
A seeded `random.Random` makes a run reproducible.
"""

import random

SUBJECTS = (
    "Le gouvernement",
    "La maire de la ville",
    "Le conseil régional",
    "Une coalition d'associations",
    "Le syndicat des enseignants",
    "La ministre de la santé",
    "Le président du club",
    "Une équipe de chercheurs",
    "Le préfet",
    "La direction de l'entreprise",
    "Le collectif des riverains",
    "Un groupe de députés",
    "La fédération nationale",
    "Le directeur du musée",
    "Une start-up lyonnaise",
    "La commission européenne",
    "Le tribunal administratif",
    "L'agence de l'eau",
    "Une chercheuse de l'Inserm",
    "Le comité d'organisation",
)
VERBS = (
    "annonce",
    "présente",
    "conteste",
    "défend",
    "reporte",
    "dévoile",
    "prépare",
    "soutient",
    "critique",
    "accélère",
    "suspend",
    "met en avant",
    "remet en cause",
    "examine",
    "finance",
)
OBJECTS = (
    "un plan de rénovation des écoles",
    "la réforme des retraites agricoles",
    "un nouveau tracé pour le tramway",
    "le budget de la culture",
    "une étude sur la qualité de l'air",
    "la fermeture de la maternité",
    "un projet de parc éolien en mer",
    "l'ouverture d'un centre de santé",
    "la hausse des tarifs de l'énergie",
    "le calendrier des travaux",
    "un accord sur les salaires",
    "la candidature de la ville aux Jeux",
    "un programme de fouilles archéologiques",
    "le transfert de l'attaquant vedette",
    "la protection des zones humides",
    "un dispositif d'aide au logement",
    "la rénovation du théâtre municipal",
    "un vaccin contre la bronchiolite",
)
COMPLEMENTS = (
    "malgré les réserves de l'opposition",
    "après des mois de négociations",
    "dès la rentrée prochaine",
    "sous la pression des habitants",
    "pour un coût estimé à 40 millions d'euros",
    "à la surprise générale",
    "au terme d'une longue soirée de débats",
    "selon un document consulté par la rédaction",
    "avant la fin de l'année",
    "dans un climat tendu",
    "faute de financement suffisant",
    "en concertation avec les élus locaux",
    "à quelques semaines du scrutin",
    "pour la deuxième fois en un an",
)
CONNECTORS = (
    "Par ailleurs,",
    "De son côté,",
    "Dans le même temps,",
    "Pourtant,",
    "Selon plusieurs sources,",
    "En attendant,",
    "Sur le terrain,",
    "À l'inverse,",
)
QUOTES = (
    "« Nous avons entendu les inquiétudes »",
    "« Rien n'est encore décidé »",
    "« C'est une étape importante »",
    "« Les délais seront tenus »",
    "« Il faut du temps pour convaincre »",
    "« Nous attendons des garanties »",
)
SPEAKERS = (
    "assure une porte-parole",
    "explique un conseiller municipal",
    "estime une économiste",
    "confie un habitant du quartier",
    "tempère le directeur de cabinet",
    "résume une responsable associative",
)
COMMENT_OPENINGS = (
    "Merci pour cet article.",
    "Je ne suis pas d'accord.",
    "Enfin une bonne nouvelle.",
    "Il manque un point essentiel.",
    "Bravo à la rédaction.",
    "Je vis dans le quartier depuis vingt ans.",
    "Question naïve :",
    "Tout cela était prévisible.",
)
COMMENT_ENDINGS = (
    "On verra bien à l'usage.",
    "Affaire à suivre.",
    "Qui paiera au final ?",
    "Espérons que ce soit tenu.",
    "Les chiffres parlent d'eux-mêmes.",
    "Il serait temps de demander l'avis des habitants.",
)
FIRST_NAMES = (
    "Claire",
    "Mathieu",
    "Sophie",
    "Karim",
    "Élodie",
    "Julien",
    "Nadia",
    "Thomas",
    "Inès",
    "Hugo",
    "Camille",
    "Yann",
    "Léa",
    "Antoine",
    "Fatou",
    "Bruno",
    "Aurélie",
    "Samir",
    "Margaux",
    "Pierre",
)
LAST_NAMES = (
    "Martin",
    "Lefebvre",
    "Garnier",
    "Benali",
    "Rousseau",
    "Morel",
    "Fontaine",
    "Chevalier",
    "Nguyen",
    "Lambert",
    "Perrin",
    "Marchand",
    "Dupuis",
    "Roche",
    "Vidal",
    "Colin",
)
ROLES = ("Journaliste", "Reporter", "Correspondante", "Chef de rubrique", "Éditorialiste")
TAG_WORDS = (
    "élections",
    "climat",
    "logement",
    "santé",
    "éducation",
    "transports",
    "énergie",
    "agriculture",
    "football",
    "cinéma",
    "littérature",
    "justice",
    "emploi",
    "numérique",
    "océans",
    "Europe",
    "Afrique",
    "budget",
    "patrimoine",
    "recherche",
)
TAG_PLACES = (
    "Lyon",
    "Marseille",
    "Lille",
    "Bordeaux",
    "Nantes",
    "Strasbourg",
    "Toulouse",
    "Rennes",
)


class Prose:
    """Pools of sentences and paragraphs, then cheap draws from them."""

    def __init__(self, rng: random.Random, *, pool: int = 4000):
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(pool)]
        self.paragraphs = [
            " ".join(rng.sample(self.sentences, rng.randint(3, 5))) for _ in range(pool // 2)
        ]

    def _sentence(self) -> str:
        choice = self.rng.choice
        if self.rng.random() < 0.2:
            return f"{choice(QUOTES)}, {choice(SPEAKERS)}."
        opening = f"{choice(CONNECTORS)} " if self.rng.random() < 0.3 else ""
        subject = choice(SUBJECTS)
        if opening:
            subject = subject[0].lower() + subject[1:]
        return f"{opening}{subject} {choice(VERBS)} {choice(OBJECTS)} {choice(COMPLEMENTS)}."

    def headline(self) -> str:
        choice = self.rng.choice
        return f"{choice(SUBJECTS)} {choice(VERBS)} {choice(OBJECTS)}"

    def standfirst(self) -> str:
        return " ".join(self.rng.sample(self.sentences, 2))

    def paragraphs_for_body(self) -> list[str]:
        return self.rng.sample(self.paragraphs, self.rng.randint(3, 6))

    def intertitle(self) -> str:
        return self.rng.choice(OBJECTS).capitalize()

    def comment(self) -> str:
        choice = self.rng.choice
        return f"{choice(COMMENT_OPENINGS)} {choice(self.sentences)} {choice(COMMENT_ENDINGS)}"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"


def tag_names() -> list[str]:
    """Every topic a generated article may carry: the words, then each word with a city."""
    return [*TAG_WORDS, *(f"{word} à {place}" for word in TAG_WORDS for place in TAG_PLACES)]

"""Two live pages: a flood followed as it happens, and a marathon told once it is over. The
river, the towns and every person named here are invented, like the rest of the demo."""

from datetime import timedelta

from .schema import Article, Label, Live, LiveEntry, days_ago, hours_before


def minutes(count: int) -> timedelta:
    return timedelta(minutes=count)


RUNNING = Live(
    page=Article(
        slug="crue-de-l-aubrette-en-direct",
        section="france",
        label=Label.ARTICLE,
        kicker="Intempéries",
        title="Crue de l'Aubrette : suivez en direct la montée des eaux à Valmoreau",
        standfirst=(
            "Après trois jours de pluie, la rivière a quitté son lit dans la nuit. Quartiers "
            "évacués, routes coupées, écoles fermées : la situation heure par heure."
        ),
        authors=("claire-morvan", "thomas-le-bihan"),
        tags=("Climat", "Collectivités locales"),
        published=hours_before(4),
        caption="Le pont de la Halle, fermé à la circulation depuis le début de la matinée.",
        motif="vagues",
        body=(
            (
                "L'Aubrette est une petite rivière d'une soixantaine de kilomètres, d'ordinaire "
                "paisible, qui traverse Valmoreau avant de rejoindre le fleuve. Ses crues sont "
                "rapides : il lui faut rarement plus d'une nuit pour monter de deux mètres."
            ),
            (
                "La dernière grande crue remonte à l'hiver 1994. L'eau avait alors atteint "
                "5,40 mètres à l'échelle du pont de la Halle, et le quartier des Tanneries "
                "était resté inondé pendant une semaine."
            ),
            (
                "Depuis, la ville a relevé une partie des quais et construit un bassin de "
                "rétention en amont. Ces travaux devaient protéger le centre jusqu'à une crue "
                "de 5 mètres ; la rivière n'avait jamais été aussi haute depuis qu'ils sont "
                "achevés."
            ),
            (
                "Les prévisionnistes surveillent surtout les affluents du plateau, où les sols "
                "gorgés d'eau n'absorbent plus rien : tant qu'il y pleut, le pic de la crue "
                "recule."
            ),
        ),
    ),
    summary=(
        "L'Aubrette atteint 4,85 mètres au pont de la Halle, et monte encore d'environ 10 "
        "centimètres par heure. Le pic est attendu en fin d'après-midi.",
        "Environ 320 habitants du quartier des Tanneries ont été évacués ; un accueil est "
        "ouvert au gymnase Jean-Moulin.",
        "Les écoles de la ville sont fermées aujourd'hui, la route départementale 14 est "
        "coupée entre Valmoreau et Saint-Férréol.",
    ),
    entries=(
        LiveEntry(
            after=minutes(5),
            author="thomas-le-bihan",
            title="Bonjour et bienvenue",
            text=(
                "Nous suivons dans ce direct la crue de l'Aubrette, qui a débordé cette nuit "
                "à Valmoreau. Nos journalistes sont sur place, à la mairie et dans les "
                "quartiers touchés."
            ),
        ),
        LiveEntry(
            after=minutes(20),
            author="thomas-le-bihan",
            pinned=True,
            title="Les consignes de la préfecture",
            text=(
                "Ne pas s'engager à pied ni en voiture sur une route inondée, ne pas "
                "descendre dans les caves et les parkings souterrains, se tenir informé. Le "
                "numéro d'information de la mairie répond jour et nuit."
            ),
        ),
        LiveEntry(
            after=minutes(45),
            author="claire-morvan",
            text=(
                "Au quartier des Tanneries, les pompiers passent de porte en porte. Beaucoup "
                "d'habitants avaient monté leurs meubles à l'étage dès hier soir, en voyant "
                "la rivière grossir."
            ),
            photo=("Rue des Tanneries, les pompiers évacuent en barque les derniers habitants."),
            motif="vagues",
        ),
        LiveEntry(
            after=minutes(80),
            author="claire-morvan",
            text="Une habitante de la rue des Tanneries, évacuée avec ses deux enfants :",
            quote=(
                "En 1994, l'eau était arrivée jusqu'à la deuxième marche. Cette fois, je "
                "n'ai pas attendu de voir jusqu'où elle monterait."
            ),
            quote_source="Martine, 58 ans",
        ),
        LiveEntry(
            after=minutes(110),
            author="thomas-le-bihan",
            text=(
                "Le maire a annoncé la fermeture des écoles pour la journée. Les parents qui "
                "ne peuvent pas garder leurs enfants sont invités à se signaler : un accueil "
                "est organisé à la salle des fêtes."
            ),
        ),
        LiveEntry(
            after=minutes(150),
            author="claire-morvan",
            important=True,
            title="Le pic de la crue attendu en fin d'après-midi",
            text=(
                "Selon le service de prévision des crues, l'Aubrette devrait atteindre entre "
                "5,10 et 5,30 mètres vers 18 heures au pont de la Halle. Le centre-ville "
                "reste protégé par les quais en dessous de 5 mètres : au-delà, les rues "
                "basses seront touchées."
            ),
        ),
        LiveEntry(
            after=minutes(185),
            author="thomas-le-bihan",
            text=(
                "Le gymnase Jean-Moulin accueille une centaine de personnes. Des bénévoles "
                "ont apporté des lits de camp, des couvertures et de quoi faire déjeuner tout "
                "le monde."
            ),
        ),
        LiveEntry(
            after=minutes(225),
            author="claire-morvan",
            text=(
                "La pluie a cessé sur le plateau depuis une heure, une bonne nouvelle pour la "
                "suite : les affluents devraient commencer à baisser dans la soirée."
            ),
        ),
    ),
)

FINISHED = Live(
    page=Article(
        slug="marathon-de-valmoreau-en-direct",
        section="sport",
        label=Label.ARTICLE,
        kicker="Course à pied",
        title="Marathon de Valmoreau : revivez la course minute par minute",
        standfirst=(
            "Près de 4 000 coureurs au départ, un record de l'épreuve chez les femmes et une "
            "arrivée au sprint chez les hommes : la course telle que nous l'avons suivie."
        ),
        authors=("lucas-marchetti",),
        tags=("Collectivités locales", "Santé"),
        published=days_ago(3, "08:15"),
        caption="Le départ, place de la République, sous un ciel encore gris.",
        motif="terrain",
        body=(
            (
                "Le marathon de Valmoreau en était à sa douzième édition. Son parcours, qui "
                "longe l'Aubrette sur une quinzaine de kilomètres, est réputé rapide malgré "
                "la côte des Vignes, au trentième kilomètre."
            ),
            (
                "L'épreuve est ouverte à tous les coureurs licenciés, et à ceux qui "
                "présentent un certificat médical. Les inscriptions avaient été closes dès le "
                "mois de mars, à 4 000 dossards."
            ),
            (
                "Les organisateurs avaient prévu dix ravitaillements, soit un tous les quatre "
                "kilomètres environ, et un poste de secours à chacun d'eux."
            ),
            (
                "Une course des enfants, sur 2 kilomètres, était organisée la veille au parc "
                "de la Roseraie."
            ),
        ),
    ),
    summary=(
        "Chez les femmes, Nadia Ferrand gagne en 2 h 31 min 12 s, record de l'épreuve.",
        "Chez les hommes, Yanis Ould-Amar s'impose au sprint devant Bastien Cordier, en "
        "2 h 14 min 40 s.",
    ),
    ends_after=timedelta(hours=4, minutes=30),
    entries=(
        LiveEntry(
            after=minutes(30),
            author="lucas-marchetti",
            title="C'est parti !",
            text=(
                "Le départ a été donné à 8 h 45 place de la République. Il a fallu près de "
                "dix minutes pour que les derniers coureurs passent la ligne."
            ),
        ),
        LiveEntry(
            after=minutes(75),
            author="lucas-marchetti",
            text=(
                "Au dixième kilomètre, un groupe de six hommes mène la course. Chez les "
                "femmes, Nadia Ferrand est déjà seule en tête, avec une minute d'avance."
            ),
        ),
        LiveEntry(
            after=minutes(120),
            author="lucas-marchetti",
            text="Au ravitaillement du semi-marathon, un bénévole, qui tient le stand depuis "
            "la première édition :",
            quote="Les premiers ne prennent qu'un gobelet. Les derniers, eux, ont le temps de "
            "nous dire merci.",
            quote_source="Gérard, bénévole",
        ),
        LiveEntry(
            after=minutes(150),
            author="lucas-marchetti",
            important=True,
            title="Nadia Ferrand bat le record de l'épreuve",
            text=(
                "Nadia Ferrand franchit la ligne en 2 h 31 min 12 s, près de deux minutes "
                "sous l'ancien record. Elle a couru seule pendant plus de trente kilomètres."
            ),
        ),
        LiveEntry(
            after=minutes(155),
            author="lucas-marchetti",
            text=(
                "Arrivée au sprint chez les hommes : Yanis Ould-Amar devance Bastien Cordier "
                "d'une seconde, après une dernière ligne droite disputée épaule contre épaule."
            ),
        ),
        LiveEntry(
            after=minutes(260),
            author="lucas-marchetti",
            title="Fin de ce direct",
            text=(
                "Les derniers coureurs sont arrivés sous les applaudissements. Merci de nous "
                "avoir suivis ; retrouvez les résultats complets sur le site de "
                "l'organisation."
            ),
        ),
    ),
)

LIVES = (RUNNING, FINISHED)

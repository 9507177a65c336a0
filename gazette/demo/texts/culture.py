"""Culture. The books, the films, the festival and the artists named here are invented."""

from .schema import (
    Article,
    Embed,
    Illustration,
    Intertitle,
    Label,
    Quote,
    Related,
    days_ago,
    hours_ago,
)

ARTICLES = (
    Article(
        slug="les-heures-claires-nora-valentin",
        section="culture",
        label=Label.ARTICLE,
        title="« Les Heures claires », un premier roman lumineux sur l'exil",
        standfirst=(
            "Nora Valentin raconte l'arrivée d'une famille dans une ville portuaire du Nord à "
            "travers les yeux d'une fillette de dix ans. Un livre précis et pudique, qui refuse "
            "le pathos."
        ),
        authors=("lucas-marchetti",),
        tags=("Littérature", "Éducation"),
        published=days_ago(3, "15:20"),
        body=(
            (
                "Il y a des premiers romans qui s'annoncent avec fracas et d'autres qui avancent "
                "à pas feutrés, sûrs de leur force. « Les Heures claires », de Nora Valentin, "
                "appartient à la seconde catégorie. En un peu plus de deux cents pages, la jeune "
                "autrice raconte l'arrivée d'une famille dans une ville portuaire du nord de la "
                "France, à travers les yeux d'une fillette de dix ans."
            ),
            (
                "Le roman refuse le pathos. L'exil n'y est pas raconté comme une succession "
                "d'épreuves, mais comme un apprentissage : celui d'une langue nouvelle, des codes "
                "de l'école, des silences des adultes. Chaque chapitre s'ouvre sur un mot "
                "français que la narratrice découvre et s'approprie, de « marée » à « peut-être "
                "»."
            ),
            (
                "L'écriture, d'une grande précision, saisit les détails qui font basculer une "
                "journée : une odeur de pain, une moquerie dans la cour, une lettre venue du "
                "pays. Nora Valentin sait aussi ménager des respirations, notamment dans les "
                "belles pages consacrées à la mer, que la fillette contemple chaque soir depuis "
                "la fenêtre de la cuisine."
            ),
            (
                "On pourra reprocher au livre une fin un peu trop apaisée, qui referme des "
                "questions que le récit avait su laisser ouvertes. Mais ce défaut n'enlève rien à "
                "la justesse de l'ensemble. « Les Heures claires » est de ces livres que l'on "
                "referme avec l'envie de les offrir."
            ),
            (
                "Professeure de lettres dans un collège, Nora Valentin a mis six ans à écrire ce "
                "roman, le soir et pendant les vacances scolaires. Son éditeur annonce déjà un "
                "deuxième tirage."
            ),
        ),
    ),
    Article(
        slug="entretien-yann-koroma-cinema-d-animation",
        section="culture",
        label=Label.INTERVIEW,
        title="« Le cinéma d'animation n'est pas un genre, c'est une langue »",
        standfirst=(
            "Avec « Les Lanternes de Mira », son troisième long-métrage, le réalisateur Yann "
            "Koroma signe une fable sur la mémoire qui s'adresse autant aux adultes qu'aux "
            "enfants. Rencontre avec un artisan qui fait encore tracer chaque image à la main."
        ),
        authors=("lucas-marchetti",),
        tags=("Cinéma", "Numérique"),
        published=days_ago(10, "11:00"),
        body=(
            Intertitle("Pourquoi avoir choisi l'animation pour raconter une histoire de mémoire ?"),
            (
                "Parce que l'animation permet de montrer ce qui ne se filme pas. Les souvenirs de "
                "mon héroïne se déforment, se mélangent, changent de couleur selon son humeur. En "
                "prises de vues réelles, il aurait fallu des effets spéciaux partout. En dessin, "
                "c'est la matière même du film."
            ),
            Intertitle("Vous travaillez toujours à la main. Par nostalgie ?"),
            (
                "Pas du tout. Nous utilisons des tablettes et des logiciels comme tout le monde, "
                "mais chaque image est tracée par un animateur. Ce qui m'intéresse, c'est "
                "l'imperfection du trait, cette petite vibration qui rappelle qu'une main était "
                "là. Nous étions soixante à travailler sur le film, pendant quatre ans."
            ),
            Embed(
                url="https://www.youtube.com/watch?v=GzDemoMira7",
                title="« Les Lanternes de Mira » : la bande-annonce",
                caption="Bande-annonce diffusée par le distributeur du film.",
            ),
            Intertitle("On range souvent l'animation dans le cinéma pour enfants…"),
            (
                "C'est le malentendu que je combats depuis mes débuts. Le cinéma d'animation "
                "n'est pas un genre, c'est une langue, avec laquelle on peut raconter une "
                "comédie, un drame ou un film de guerre. Les enfants comprennent très bien des "
                "histoires complexes ; ce sont plutôt les adultes qui hésitent à entrer dans une "
                "salle sans eux."
            ),
            Intertitle("Quel est votre prochain projet ?"),
            (
                "Un court-métrage, pour respirer un peu, réalisé avec des élèves d'une école "
                "d'art. Et l'envie, un jour, d'adapter un roman que j'aime depuis l'adolescence. "
                "Mais il me faudra encore quelques années de patience et, surtout, trouver "
                "l'argent."
            ),
        ),
    ),
    Article(
        slug="montcalvet-jazz-dans-les-granges",
        section="culture",
        label=Label.REPORT,
        title="À Montcalvet, le jazz s'invite dans les granges",
        standfirst=(
            "Depuis douze ans, un festival investit chaque été cinq bâtiments agricoles d'un coin "
            "de campagne. Ballots de paille en guise de gradins, bénévoles par dizaines et "
            "musiciens conquis : reportage au cœur d'une fête qui grandit."
        ),
        authors=("lucas-marchetti",),
        tags=("Musique", "Patrimoine", "Collectivités locales"),
        published=days_ago(14, "19:30"),
        caption="Le festival attire près de six mille spectateurs en une semaine.",
        body=(
            (
                "Il faut emprunter une route étroite, entre les haies et les prés, pour atteindre "
                "la première scène du festival. Dans la grange de la ferme des Aulnes, trois "
                "cents chaises ont été alignées sur la terre battue, et des ballots de paille "
                "servent de gradins. À la nuit tombée, un quartette y joue devant un public où se "
                "mêlent vacanciers et agriculteurs du voisinage."
            ),
            (
                "Depuis douze ans, Jazz en granges investit chaque été cinq bâtiments agricoles "
                "de Montcalvet et des villages alentour. L'idée est née d'une discussion entre un "
                "contrebassiste installé dans la région et un éleveur qui cherchait à faire "
                "revivre sa grange désaffectée. Le festival attire aujourd'hui près de six mille "
                "spectateurs en une semaine."
            ),
            Illustration(
                caption=(
                    "Cinq granges accueillent les concerts, à quelques kilomètres les unes des "
                    "autres."
                ),
                motif="vagues",
            ),
            (
                "Tout repose sur une centaine de bénévoles, qui montent les scènes, tiennent la "
                "buvette et hébergent les musiciens. « On ne pourrait pas payer tout ce travail, "
                "et on ne le voudrait pas : c'est ça qui fait l'ambiance », explique la "
                "présidente de l'association, Émilie Cordier, elle-même fille d'agriculteurs."
            ),
            Quote(
                text=(
                    "Jouer dans une grange, c'est retrouver le jazz d'avant les grandes salles : "
                    "on entend respirer le public, et le public entend respirer les musiciens."
                ),
                source="Aurélien Saint-Clair, pianiste, invité de cette édition",
            ),
            (
                "La programmation mêle artistes confirmés et jeunes formations repérées dans les "
                "conservatoires. Les tarifs restent modestes, et un concert gratuit est donné "
                "chaque après-midi sur la place du village. Pour beaucoup d'habitants, c'est la "
                "seule occasion de l'année d'écouter de la musique jouée en direct."
            ),
            (
                "Le succès pose néanmoins des questions. Les routes sont saturées les soirs de "
                "concert, et certains riverains se plaignent du bruit. L'association a mis en "
                "place des navettes depuis la gare la plus proche et réfléchit à limiter la "
                "jauge. « Nous voulons grandir sans perdre ce qui fait notre charme », résume "
                "Émilie Cordier."
            ),
        ),
    ),
    Article(
        slug="portrait-odile-brassac-vitraux",
        section="culture",
        label=Label.PORTRAIT,
        title="Odile Brassac, restauratrice de vitraux et gardienne de la lumière",
        standfirst=(
            "Depuis près de quarante ans, elle restaure les verrières des églises, de la chapelle "
            "de campagne à la cathédrale. Un métier de patience, dont elle s'inquiète de voir la "
            "relève se raréfier."
        ),
        authors=("lucas-marchetti",),
        tags=("Patrimoine", "Emploi"),
        published=days_ago(17, "09:15"),
        body=(
            (
                "Dans son atelier installé au rez-de-chaussée d'une ancienne école, Odile Brassac "
                "travaille face à une grande fenêtre orientée au nord. Sur la table lumineuse, "
                "les fragments d'un vitrail du XVe siècle attendent d'être nettoyés, un à un, au "
                "pinceau et au scalpel. « La lumière du nord ne bouge pas de la journée. Pour "
                "juger une couleur, c'est indispensable », explique-t-elle."
            ),
            (
                "À soixante-deux ans, elle a restauré les verrières d'une quarantaine d'églises. "
                "Formée d'abord à la chimie, elle est venue au vitrail presque par hasard, après "
                "un stage dans un atelier pendant ses études. Elle n'en est jamais repartie."
            ),
            (
                "Son métier exige une patience infinie. Un seul panneau peut demander plusieurs "
                "semaines de travail : démontage, relevé photographique, nettoyage, consolidation "
                "des verres fêlés, remplacement des plombs. Odile Brassac s'interdit de repeindre "
                "ce qui a disparu. « Mon travail, c'est de faire durer, pas de refaire. Une "
                "lacune honnête vaut mieux qu'une invention. »"
            ),
            (
                "Elle s'inquiète de la relève. Les ateliers de restauration sont peu nombreux, "
                "les formations rares et les commandes publiques irrégulières. Depuis cinq ans, "
                "elle accueille chaque année un apprenti, à qui elle transmet des gestes qui ne "
                "s'apprennent pas dans les livres."
            ),
            (
                "Le dimanche, il lui arrive encore de pousser la porte d'une église qu'elle a "
                "restaurée, simplement pour voir la lumière traverser les verres. « Les gens ne "
                "regardent pas les vitraux, ils regardent ce qu'ils font à la pierre et aux "
                "visages. C'est ça que je répare, au fond. »"
            ),
        ),
    ),
    Article(
        slug="chronique-relire-les-memes-livres",
        section="culture",
        label=Label.COLUMN,
        title="Pourquoi nous relisons toujours les mêmes livres",
        standfirst=(
            "Entre deux nouveautés à peine entamées, il y a toujours ce vieux roman que l'on "
            "reprend. Réconfort, nostalgie ou apprentissage ? Un peu de tout cela."
        ),
        authors=("lucas-marchetti",),
        tags=("Littérature", "Éducation"),
        published=days_ago(21, "08:00"),
        comments_open=False,
        body=(
            (
                "Sur la table de nuit, entre deux nouveautés à peine entamées, il y a toujours ce "
                "livre-là. Un roman lu à vingt ans, repris à trente, à quarante, dont on connaît "
                "la fin et presque chaque réplique. Pourquoi y revenir, quand tant de livres "
                "attendent d'être découverts ?"
            ),
            (
                "La première réponse est le réconfort. Relire, c'est retrouver une maison dont on "
                "connaît les pièces, les craquements de parquet, la lumière de l'après-midi. Dans "
                "les périodes agitées, le livre familier offre ce que le monde refuse : la "
                "certitude que les choses arriveront comme prévu."
            ),
            (
                "Mais la relecture n'est jamais tout à fait une répétition. Le livre n'a pas "
                "changé, le lecteur si. Tel personnage que l'on trouvait admirable paraît soudain "
                "égoïste ; telle scène, survolée autrefois, devient bouleversante. On découvre "
                "moins le texte que le chemin parcouru depuis la première lecture."
            ),
            (
                "Les écrivains le savent, eux qui relisent sans cesse leurs maîtres. Chaque "
                "retour vers un grand livre révèle un détail passé inaperçu, une construction "
                "plus subtile qu'on ne l'imaginait. Relire, c'est aussi apprendre à lire."
            ),
            (
                "Alors, que les listes de nouveautés ne culpabilisent personne. Il n'y a aucune "
                "honte à préférer un vieil ami à une rencontre de plus. Les bibliothèques idéales "
                "ne sont pas celles qui contiennent le plus de livres, mais celles dont on a usé "
                "quelques volumes jusqu'à la corde."
            ),
        ),
    ),
    Article(
        slug="musees-visites-nocturnes",
        section="culture",
        label=Label.ANALYSIS,
        title="Les musées de province réinventent la visite nocturne",
        standfirst=(
            "Visites à la lampe de poche, concerts entre les tableaux, tarifs réduits : les "
            "nocturnes attirent un public qui ne vient jamais en journée. Reste à savoir s'il "
            "revient."
        ),
        authors=("lucas-marchetti",),
        tags=("Patrimoine", "Collectivités locales"),
        published=days_ago(27, "12:30"),
        body=(
            (
                "Une lampe de poche à la main, une trentaine de visiteurs avancent dans la "
                "pénombre des salles de peinture. Les tableaux surgissent un à un de l'obscurité, "
                "commentés à mi-voix par une médiatrice. Ce type de visite, encore confidentiel "
                "il y a dix ans, fait désormais partie de l'offre régulière de nombreux musées "
                "municipaux."
            ),
            Intertitle("Toucher un nouveau public"),
            (
                "Pour les établissements, l'enjeu est d'abord d'attirer ceux qui ne franchissent "
                "jamais leurs portes en journée : actifs, étudiants, familles. Les nocturnes "
                "proposent souvent un format hybride, mêlant concert, dégustation ou atelier, à "
                "des tarifs réduits. Dans plusieurs villes, la fréquentation de ces soirées "
                "dépasse celle des dimanches après-midi."
            ),
            (
                "Leurs effets à long terme sont plus discutés. Certains conservateurs constatent "
                "que le public des nocturnes revient rarement en journée et s'interrogent sur la "
                "transformation du musée en simple lieu d'événements. D'autres estiment au "
                "contraire qu'une première visite, quelle qu'en soit la forme, est toujours un "
                "premier pas."
            ),
            Intertitle("Des moyens limités"),
            (
                "Ces soirées ont un coût : heures supplémentaires pour les agents de "
                "surveillance, sécurité renforcée, communication. Les petits musées peinent à les "
                "organiser plus d'une fois par mois. Certains mutualisent leurs équipes à "
                "l'échelle d'une agglomération ou s'appuient sur les associations d'amis du musée "
                "pour l'accueil."
            ),
            (
                "Le succès des nocturnes pose au fond une question plus large : celle des "
                "horaires des lieux culturels, souvent pensés pour un public disponible en "
                "semaine. Plusieurs villes expérimentent désormais une ouverture tardive "
                "hebdomadaire, pour que la visite du soir ne soit plus une exception."
            ),
            Related("montcalvet-jazz-dans-les-granges"),
        ),
    ),
    Article(
        slug="series-comment-les-plateformes-choisissent",
        section="culture",
        label=Label.EXPLAINER,
        title="Séries : comment les plateformes choisissent ce que vous allez regarder",
        standfirst=(
            "Algorithmes de recommandation, vignettes sur mesure, productions maison mises en "
            "avant : ce que vous voyez en ouvrant votre application n'a rien d'un hasard. "
            "Décryptage."
        ),
        authors=("lucas-marchetti",),
        tags=("Numérique", "Cinéma"),
        published=hours_ago(8),
        body=(
            (
                "Vous terminez une série, et la plateforme vous en propose aussitôt trois autres. "
                "Ce choix n'a rien d'un hasard : il résulte d'algorithmes de recommandation qui "
                "analysent vos habitudes, mais aussi de décisions commerciales bien humaines. "
                "Décryptage d'une mécanique qui façonne nos soirées."
            ),
            Intertitle("Ce que vous regardez, et comment"),
            (
                "Les plateformes enregistrent bien plus que les titres visionnés. L'heure à "
                "laquelle vous regardez, les épisodes abandonnés en cours de route, les passages "
                "revus ou accélérés : tout sert à vous classer parmi des profils de spectateurs "
                "aux goûts proches. Les recommandations reposent ensuite sur ce que ces « voisins "
                "» ont apprécié."
            ),
            Intertitle("Des vignettes sur mesure"),
            (
                "Même l'image qui représente une série peut varier d'un abonné à l'autre. Un "
                "amateur de comédies verra un personnage souriant, un amateur de thrillers une "
                "scène plus sombre, pour le même programme. Ces vignettes sont testées en "
                "permanence afin de repérer celles qui incitent le plus à cliquer."
            ),
            Intertitle("Des choix éditoriaux assumés"),
            (
                "Enfin, les algorithmes ne décident pas seuls. Les plateformes mettent en avant "
                "leurs productions maison, plus rentables que les programmes achetés, et "
                "réservent leurs bandeaux d'accueil aux nouveautés qu'elles ont choisi de "
                "promouvoir. Les obligations de mise en valeur des œuvres européennes pèsent "
                "aussi sur ce que vous voyez en premier."
            ),
            (
                "Pour sortir de la bulle des recommandations, il suffit parfois de naviguer par "
                "catégories, de consulter les sélections d'une rédaction ou de créer un second "
                "profil. Un petit effort qui permet de retrouver ce que les algorithmes ne savent "
                "pas encore offrir : la surprise."
            ),
        ),
    ),
)

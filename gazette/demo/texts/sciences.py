"""Sciences. The observatory, the lake, the study and the researchers named here are invented."""

from datetime import timedelta

from .schema import (
    Article,
    Illustration,
    Intertitle,
    Kind,
    Label,
    Note,
    Quote,
    Related,
    days_ago,
    hours_ago,
)

ARTICLES = (
    Article(
        slug="comete-observatoire-pic-brun",
        section="sciences",
        label=Label.ARTICLE,
        title="Une comète inattendue repérée par l'observatoire du Pic-Brun",
        standfirst=(
            "Détecté par un astronome amateur lors d'observations de routine, l'objet se dirige "
            "vers le Soleil. Il pourrait devenir visible aux jumelles dans quelques mois, si son "
            "activité se confirme."
        ),
        authors=("thomas-le-bihan",),
        tags=("Espace", "Éducation"),
        published=hours_ago(4),
        body=(
            (
                "Les astronomes de l'observatoire du Pic-Brun ont annoncé la découverte d'une "
                "nouvelle comète, détectée lors d'une série d'observations de routine. L'objet, "
                "encore très peu lumineux, se dirige vers le Soleil et pourrait devenir visible "
                "aux jumelles d'ici quelques mois, si son activité se confirme."
            ),
            (
                "C'est un astronome amateur associé au programme d'observation, Mathis Lebon, qui "
                "a le premier remarqué un point lumineux se déplaçant lentement entre deux "
                "clichés. Les calculs de trajectoire, confirmés depuis par d'autres "
                "observatoires, indiquent qu'il s'agit bien d'une comète, venue des confins du "
                "système solaire."
            ),
            Quote(
                text=(
                    "Sur l'écran, c'était un point minuscule parmi des milliers d'étoiles. Quand "
                    "j'ai vu qu'il bougeait, j'ai vérifié trois fois avant d'oser prévenir "
                    "l'équipe."
                ),
                source="Mathis Lebon, astronome amateur",
            ),
            (
                "Les comètes sont des objets imprévisibles. Certaines s'illuminent en approchant "
                "du Soleil, d'autres se fragmentent ou s'éteignent sans crier gare. Les "
                "chercheurs restent donc prudents sur le spectacle à venir, mais se réjouissent "
                "de pouvoir étudier un objet qui n'a sans doute jamais approché notre étoile."
            ),
            (
                "Cette découverte illustre le rôle croissant des amateurs dans la recherche en "
                "astronomie. Équipés d'un matériel de plus en plus performant, ils participent à "
                "la surveillance du ciel, à la détection d'astéroïdes et au suivi d'étoiles "
                "variables, en lien étroit avec les professionnels."
            ),
        ),
    ),
    Article(
        slug="microplastiques-etang-de-la-forliere",
        section="sciences",
        label=Label.INVESTIGATION,
        title="Microplastiques : ce que révèlent les sédiments de l'étang de la Forlière",
        standfirst=(
            "Une carotte de sédiments d'un mètre retrace soixante ans d'accumulation de "
            "particules de plastique dans un plan d'eau de l'intérieur des terres. Nous avons pu "
            "consulter les résultats de cette étude avant leur publication."
        ),
        authors=("thomas-le-bihan", "karim-bensaid"),
        tags=("Biodiversité", "Santé", "Agriculture"),
        published=days_ago(8, "06:45"),
        notes=(
            Note(
                Kind.CORRECTION,
                after=timedelta(days=2),
                text=(
                    "L'étude a été menée par une équipe de l'université de Valmoreau, et non par "
                    "un laboratoire public, comme l'indiquait une première version de cet article."
                ),
            ),
        ),
        body=(
            (
                "Une carotte de sédiments d'un mètre de long, prélevée au fond de l'étang de la "
                "Forlière, raconte soixante ans d'histoire. Dans les couches les plus anciennes, "
                "rien. À partir des années 1970, des fragments de plastique apparaissent, puis se "
                "multiplient. Les couches les plus récentes en contiennent jusqu'à plusieurs "
                "milliers par kilogramme."
            ),
            (
                "L'étude, menée par une équipe de l'université de Valmoreau, est l'une des "
                "premières à retracer aussi précisément l'accumulation des microplastiques dans "
                "un plan d'eau de l'intérieur des terres. Nous avons pu consulter ses résultats, "
                "qui doivent paraître dans une revue scientifique au cours des prochaines "
                "semaines."
            ),
            Intertitle("Des sources multiples"),
            (
                "Les chercheurs ont identifié les principaux types de particules : fibres "
                "textiles issues des lavages en machine, fragments d'emballages, granulés "
                "industriels et débris de pneus, emportés par les eaux de pluie depuis la route "
                "voisine. Une partie provient aussi des boues de station d'épuration épandues sur "
                "les champs du bassin versant."
            ),
            Illustration(
                caption=(
                    "Couche après couche, les particules de plastique s'accumulent dans les "
                    "sédiments de l'étang."
                ),
                motif="barres",
            ),
            Quote(
                text=(
                    "Les sédiments sont une mémoire. Ce que nous avons jeté il y a trente ans est "
                    "toujours là, et ce que nous jetons aujourd'hui y restera bien après nous."
                ),
                source="Claire-Lise Perrin, hydrologue et coautrice de l'étude",
            ),
            Intertitle("Quels risques pour le vivant ?"),
            (
                "L'effet de ces particules sur la faune de l'étang reste difficile à mesurer. Les "
                "chercheurs en ont retrouvé dans le tube digestif de plusieurs espèces de "
                "poissons et d'invertébrés, sans pouvoir établir à ce stade de conséquence sur "
                "leur santé. Des travaux complémentaires portent sur les substances chimiques que "
                "ces plastiques peuvent libérer."
            ),
            (
                "L'étang alimente une rivière qui rejoint la mer une centaine de kilomètres plus "
                "loin. Pour l'équipe, il joue le rôle d'un piège, qui retient une partie des "
                "particules avant qu'elles n'atteignent le littoral. Un rôle utile, mais qui fait "
                "de ces milieux fragiles de véritables réservoirs de pollution."
            ),
            (
                "Les auteurs plaident pour des mesures à la source : filtres sur les machines à "
                "laver, meilleure gestion des eaux pluviales en bord de route, contrôle des boues "
                "épandues. Certaines figurent déjà dans la réglementation, mais leur application "
                "reste inégale."
            ),
        ),
    ),
    Article(
        slug="canicules-nuits-chaudes-danger",
        section="sciences",
        label=Label.EXPLAINER,
        title="Canicules : pourquoi les nuits chaudes sont les plus dangereuses",
        standfirst=(
            "Pendant une vague de chaleur, on retient les records de l'après-midi. Les médecins, "
            "eux, surveillent la température nocturne : quand elle ne baisse plus, l'organisme ne "
            "récupère pas."
        ),
        authors=("thomas-le-bihan",),
        tags=("Climat", "Santé"),
        published=days_ago(12, "11:40"),
        body=(
            (
                "Lors d'une vague de chaleur, on retient surtout les records relevés "
                "l'après-midi. Les médecins, eux, surveillent un autre chiffre : la température "
                "nocturne. Quand elle ne descend pas sous les 20 degrés, l'organisme ne récupère "
                "plus, et les risques pour la santé augmentent fortement."
            ),
            Intertitle("Un corps qui ne se repose plus"),
            (
                "Pour réguler sa température, le corps transpire et dilate ses vaisseaux "
                "sanguins, ce qui sollicite le cœur. La nuit, la baisse de la chaleur extérieure "
                "lui permet normalement de souffler. Lorsque cette pause disparaît plusieurs "
                "nuits de suite, la fatigue s'accumule, le sommeil se dégrade et les personnes "
                "fragiles se déshydratent plus facilement."
            ),
            Intertitle("Les villes, pièges à chaleur"),
            (
                "Le phénomène est accentué en ville. Le béton et l'asphalte emmagasinent la "
                "chaleur le jour et la restituent la nuit, tandis que le manque de végétation "
                "limite le rafraîchissement. L'écart de température entre un centre urbain dense "
                "et la campagne voisine peut atteindre plusieurs degrés en fin de nuit."
            ),
            Intertitle("Comment se protéger"),
            (
                "Les conseils sont connus mais restent efficaces : fermer les volets le jour, "
                "aérer dès que l'air extérieur est plus frais, boire régulièrement, se rafraîchir "
                "avec un linge humide avant de dormir. Les personnes âgées, les jeunes enfants et "
                "les malades chroniques doivent faire l'objet d'une attention particulière de "
                "leur entourage."
            ),
            (
                "Avec le réchauffement climatique, les nuits tropicales se multiplient dans des "
                "régions qui en connaissaient peu. Les villes commencent à adapter leur "
                "urbanisme, avec davantage d'arbres et de points d'eau, mais ces transformations "
                "prennent des années."
            ),
            Related("sommet-adaptation-climat-ce-qu-il-faut-retenir"),
        ),
    ),
    Article(
        slug="entretien-elise-carrel-abeilles-sauvages",
        section="sciences",
        label=Label.INTERVIEW,
        title="« Les abeilles sauvages sont les grandes oubliées de la pollinisation »",
        standfirst=(
            "On parle beaucoup de l'abeille domestique, bien moins des centaines d'espèces "
            "sauvages qui pollinisent nos cultures et nos jardins. L'écologue Élise Carrel, qui "
            "les étudie depuis vingt ans, explique pourquoi elles déclinent et comment les aider."
        ),
        authors=("thomas-le-bihan",),
        tags=("Biodiversité", "Agriculture"),
        published=days_ago(19, "14:00"),
        body=(
            Intertitle("Combien existe-t-il d'espèces d'abeilles en France ?"),
            (
                "Près d'un millier, dont l'immense majorité sont des abeilles sauvages. La "
                "plupart vivent seules, sans ruche ni reine, et nichent dans le sol, dans des "
                "tiges creuses ou dans les trous des vieux murs. Certaines ne butinent qu'une "
                "seule famille de fleurs. Elles passent inaperçues, parce qu'elles sont petites "
                "et qu'elles ne piquent presque jamais."
            ),
            Intertitle("Pourquoi sont-elles importantes ?"),
            (
                "Parce qu'elles assurent une part considérable de la pollinisation, parfois plus "
                "efficacement que l'abeille domestique. Plusieurs arbres fruitiers dépendent "
                "largement de leur visite. Leur diversité est aussi une assurance : quand une "
                "espèce souffre d'une mauvaise année, d'autres prennent le relais."
            ),
            Intertitle("Qu'est-ce qui les menace ?"),
            (
                "La disparition des haies et des prairies fleuries, les pesticides, "
                "l'artificialisation des sols. Le changement climatique décale aussi les "
                "floraisons, et certaines abeilles sortent de leur nid quand les fleurs dont "
                "elles dépendent ne sont pas encore ouvertes. Installer des ruches d'abeilles "
                "domestiques dans un milieu déjà pauvre peut même accroître la concurrence pour "
                "la nourriture."
            ),
            Intertitle("Que peut faire chacun d'entre nous ?"),
            (
                "Laisser un coin de jardin en friche, tondre moins souvent, planter des espèces "
                "locales qui fleurissent à différentes saisons, conserver un talus de terre nue "
                "ou un vieux mur. Ce sont des gestes simples, et les abeilles sauvages y "
                "répondent vite : dans un jardin bien aménagé, on peut en observer plusieurs "
                "dizaines d'espèces en quelques années."
            ),
        ),
    ),
    Article(
        slug="intelligence-artificielle-diagnostic-hopital",
        section="sciences",
        label=Label.ANALYSIS,
        title="Intelligence artificielle à l'hôpital : des promesses à l'épreuve du terrain",
        standfirst=(
            "En radiologie, les logiciels d'aide au diagnostic ont fait leurs preuves. Ailleurs, "
            "les résultats sont plus contrastés, et les questions de responsabilité restent "
            "entières."
        ),
        authors=("thomas-le-bihan",),
        tags=("Numérique", "Santé"),
        published=days_ago(24, "09:00"),
        body=(
            (
                "Détecter une tumeur sur une radiographie, repérer une anomalie sur un "
                "électrocardiogramme, prédire l'aggravation de l'état d'un patient : les outils "
                "d'intelligence artificielle promettent depuis des années de transformer la "
                "médecine. Dans les hôpitaux, leur arrivée est réelle, mais plus lente et plus "
                "nuancée que ne le laissaient prévoir les annonces."
            ),
            Intertitle("Des résultats solides en imagerie"),
            (
                "C'est en radiologie que les progrès sont les plus nets. Plusieurs logiciels, "
                "validés par des études cliniques, aident déjà à repérer des fractures ou des "
                "lésions pulmonaires. Ils servent le plus souvent de second regard : le "
                "radiologue garde la décision, mais l'outil attire son attention sur une zone "
                "suspecte."
            ),
            (
                "Ailleurs, les résultats sont plus contrastés. Des algorithmes performants dans "
                "un hôpital se révèlent moins fiables dans un autre, parce que les machines, les "
                "patients ou les pratiques diffèrent. Les chercheurs insistent sur la nécessité "
                "de tester chaque outil dans les conditions réelles où il sera utilisé."
            ),
            Intertitle("Des questions encore ouvertes"),
            (
                "Qui est responsable en cas d'erreur ? Comment expliquer à un patient qu'une "
                "partie de son diagnostic repose sur un calcul que personne ne sait vraiment "
                "décrire ? Les règles européennes encadrent désormais ces dispositifs, mais leur "
                "application concrète reste à construire, établissement par établissement."
            ),
            (
                "Pour les soignants, l'enjeu est aussi pratique : un outil utile doit s'intégrer "
                "aux logiciels existants sans ajouter de clics ni d'alertes superflues. Les "
                "projets qui réussissent sont ceux qui ont été conçus avec les équipes, et non "
                "pour elles. Une leçon qui vaut bien au-delà de la médecine."
            ),
        ),
    ),
    Article(
        slug="portrait-bastien-morel-glaciologue",
        section="sciences",
        label=Label.PORTRAIT,
        title="Bastien Morel, le glaciologue qui mesure la fonte à la main",
        standfirst=(
            "Depuis seize ans, il remonte chaque fin d'été vers le même glacier pour relever ses "
            "balises. Des mesures de terrain que les satellites n'ont pas remplacées, et qui "
            "racontent une disparition."
        ),
        authors=("thomas-le-bihan",),
        tags=("Climat", "Éducation"),
        published=days_ago(28, "08:20"),
        body=(
            (
                "Chaque fin d'été, Bastien Morel remonte le même sentier, sac de vingt kilos sur "
                "le dos, jusqu'au glacier qu'il suit depuis seize ans. Là-haut, il relève une à "
                "une les balises plantées dans la glace l'année précédente et mesure la hauteur "
                "qu'elles ont perdue. Un travail à l'ancienne, que les satellites n'ont pas "
                "remplacé."
            ),
            (
                "Ces mesures de terrain restent indispensables pour étalonner les observations "
                "spatiales et comprendre ce qui se passe réellement à la surface du glacier. « Un "
                "satellite voit que la glace diminue. Moi, je vois comment, où et pourquoi », "
                "résume ce chercheur de quarante-trois ans, rattaché à un laboratoire de "
                "montagne."
            ),
            (
                "Les chiffres qu'il rapporte sont sans appel. Le glacier a perdu plus de trente "
                "mètres d'épaisseur en certains points depuis le début de ses relevés, et son "
                "front a reculé de plusieurs centaines de mètres. Certaines balises, installées "
                "au départ sur la glace, reposent aujourd'hui sur des rochers."
            ),
            (
                "Bastien Morel parle de ce recul sans emphase, avec la précision du scientifique. "
                "Mais il ne cache pas l'émotion qui le saisit parfois là-haut. « J'ai commencé à "
                "travailler ici en pensant étudier un glacier. Je me rends compte que je "
                "documente sa disparition. »"
            ),
            (
                "Depuis quelques années, il emmène avec lui des lycéens de la vallée, qui "
                "l'aident à relever les balises. Une façon de transmettre le goût de la mesure, "
                "et de faire comprendre que le changement climatique n'est pas une abstraction : "
                "il se constate ici, au centimètre près."
            ),
        ),
    ),
    Article(
        slug="chronique-ce-que-la-lune-nous-apprend",
        section="sciences",
        label=Label.COLUMN,
        title="Ce que la Lune nous apprend sur la Terre",
        standfirst=(
            "Si familière qu'on oublie de la regarder, la Lune est à la fois une archive, un "
            "régulateur et un témoin. Petite leçon d'astronomie à lever les yeux."
        ),
        authors=("thomas-le-bihan",),
        tags=("Espace", "Climat"),
        published=days_ago(29, "07:00"),
        body=(
            (
                "Elle est là, presque chaque soir, si familière qu'on oublie de la regarder. "
                "Pourtant, la Lune est l'un des meilleurs livres d'histoire dont disposent les "
                "scientifiques. Sa surface, sans atmosphère ni érosion, a conservé la trace de "
                "plus de quatre milliards d'années de collisions."
            ),
            (
                "Les échantillons rapportés par les missions spatiales ont révélé une parenté "
                "étonnante : les roches lunaires ressemblent beaucoup à celles du manteau "
                "terrestre. C'est l'un des arguments en faveur de l'hypothèse selon laquelle la "
                "Lune serait née d'une collision géante entre la jeune Terre et un corps de la "
                "taille de Mars."
            ),
            (
                "Notre satellite joue aussi un rôle discret mais essentiel dans notre vie "
                "quotidienne. En stabilisant l'inclinaison de l'axe terrestre, il contribue à la "
                "relative régularité des saisons. Sans la Lune, notre climat aurait sans doute "
                "connu des variations bien plus brutales."
            ),
            (
                "Et la Lune s'éloigne, de près de quatre centimètres par an, une distance mesurée "
                "grâce à des réflecteurs déposés à sa surface, sur lesquels on fait rebondir des "
                "faisceaux laser. Dans un avenir très lointain, les éclipses totales de Soleil "
                "deviendront impossibles : la Lune paraîtra trop petite dans le ciel pour masquer "
                "entièrement notre étoile."
            ),
            (
                "La prochaine fois que vous la verrez se lever, pensez-y : ce disque pâle est à "
                "la fois une archive, un régulateur et un témoin. Peu d'objets, dans le ciel, "
                "méritent autant qu'on lève les yeux."
            ),
        ),
    ),
)

"""Économie. The companies and the people named here are invented, and so are the figures."""

from datetime import timedelta

from .schema import Article, Intertitle, Kind, Label, Note, Quote, Related, days_ago, hours_ago

ARTICLES = (
    Article(
        slug="prix-alimentation-energie-inflation",
        section="economie",
        label=Label.ARTICLE,
        title="Prix : l'alimentation ralentit, l'énergie repart à la hausse",
        standfirst=(
            "La hausse des prix à la consommation a ralenti le mois dernier, à 2,1 % sur un an. "
            "Mais les carburants et certains contrats d'électricité pèsent de nouveau sur le "
            "budget des ménages."
        ),
        authors=("helene-vasseur",),
        tags=("Consommation", "Énergie", "Agriculture"),
        published=hours_ago(2),
        notes=(
            Note(
                Kind.CORRECTION,
                after=timedelta(hours=1),
                text=(
                    "Une version précédente de cet article indiquait une hausse des carburants "
                    "de 5,3 % en un mois. Le chiffre publié par l'institut est de 3,5 %."
                ),
            ),
        ),
        caption="Les produits frais reculent légèrement, grâce à de bonnes récoltes.",
        body=(
            (
                "La hausse des prix a ralenti le mois dernier, selon les premières estimations "
                "publiées ce matin par l'institut national de la statistique. Sur un an, les prix "
                "à la consommation progressent de 2,1 %, contre 2,4 % le mois précédent. Ce "
                "ralentissement masque toutefois des évolutions contrastées selon les produits."
            ),
            (
                "Les prix de l'alimentation, qui avaient fortement augmenté il y a deux ans, se "
                "stabilisent : ils ne progressent plus que de 0,8 % sur un an. Les produits frais "
                "reculent même légèrement, grâce à de bonnes récoltes de fruits et légumes. Les "
                "grandes surfaces multiplient les promotions pour reconquérir des clients partis "
                "vers les enseignes à bas prix."
            ),
            (
                "L'énergie, en revanche, repart à la hausse. Les prix des carburants ont augmenté "
                "de 3,5 % en un mois, dans le sillage des cours du pétrole, et certains contrats "
                "d'électricité ont été revalorisés. Pour les ménages qui se chauffent au fioul ou "
                "parcourent de longues distances en voiture, la facture s'alourdit de nouveau."
            ),
            Quote(
                text=(
                    "Le pic d'inflation est derrière nous, mais les ménages modestes, pour qui "
                    "l'énergie pèse le plus dans le budget, ne ressentent pas encore l'accalmie."
                ),
                source="Une économiste d'un institut de conjoncture",
            ),
            (
                "Les services, enfin, continuent de progresser à un rythme soutenu, autour de 3 % "
                "sur un an, tirés par les loyers et les dépenses de santé. C'est désormais ce "
                "poste qui inquiète le plus les économistes, car il reflète la hausse des "
                "salaires et pourrait se révéler plus durable."
            ),
        ),
    ),
    Article(
        slug="dark-stores-centres-villes-enquete",
        section="economie",
        label=Label.INVESTIGATION,
        title="Les « dark stores » ont-ils vraiment quitté les centres-villes ?",
        standfirst=(
            "Les entrepôts de livraison express avaient envahi les rez-de-chaussée commerciaux. "
            "Nous avons retrouvé une soixantaine de ces locaux : un tiers est reconverti, un "
            "tiers sert toujours à la logistique, un tiers est vide."
        ),
        authors=("helene-vasseur", "karim-bensaid"),
        tags=("Commerce", "Logement", "Collectivités locales"),
        published=days_ago(5, "07:15"),
        body=(
            (
                "Ils avaient surgi en quelques mois, au plus fort de l'engouement pour la "
                "livraison de courses en un quart d'heure : des entrepôts installés dans "
                "d'anciennes boutiques, vitrines opacifiées, d'où partaient des livreurs à vélo. "
                "Quelques années plus tard, la plupart des enseignes concernées ont disparu ou "
                "fusionné. Mais que sont devenus leurs locaux ?"
            ),
            Intertitle("Des locaux reconvertis… ou vides"),
            (
                "Nous avons recensé une soixantaine d'anciens entrepôts urbains dans quatre "
                "grandes villes. Un tiers a été repris par des commerces classiques, souvent des "
                "supérettes ou des boulangeries. Un autre tiers sert toujours à la logistique, "
                "pour le compte de plateformes de livraison de repas ou de grandes enseignes. Le "
                "dernier tiers est vide, parfois depuis plus de deux ans."
            ),
            (
                "Dans certaines rues, ces vitrines aveugles pèsent sur l'animation du quartier. « "
                "Quand un local reste fermé, les commerces voisins perdent du passage, puis "
                "ferment à leur tour », explique le responsable d'une association de commerçants. "
                "Les propriétaires, souvent des investisseurs, préfèrent parfois attendre un "
                "locataire au loyer élevé plutôt que de baisser leurs prétentions."
            ),
            Intertitle("Les villes reprennent la main"),
            (
                "Face à ce phénomène, plusieurs municipalités ont durci leurs règles d'urbanisme. "
                "Les entrepôts de livraison sont désormais classés comme tels, et non plus comme "
                "des commerces, ce qui permet de les interdire dans certaines rues. D'autres "
                "villes ont créé des sociétés foncières publiques qui rachètent des locaux "
                "vacants pour y installer des artisans à loyer modéré."
            ),
            Quote(
                text=(
                    "Un rez-de-chaussée commercial, c'est un bien commun. On ne peut pas laisser "
                    "le marché décider seul de ce qui fait vivre une rue."
                ),
                source="L'adjointe au commerce d'une grande ville de l'Ouest",
            ),
            (
                "Les professionnels de la livraison rapide, eux, n'ont pas renoncé. Ils misent "
                "désormais sur des entrepôts plus grands, en périphérie, et sur des délais d'une "
                "heure plutôt que de quinze minutes. Une évolution moins visible, mais qui pose à "
                "son tour la question de la circulation des camionnettes dans les centres."
            ),
        ),
    ),
    Article(
        slug="entretien-transmission-des-pme",
        section="economie",
        label=Label.INTERVIEW,
        title="« Une entreprise ne se transmet pas comme un appartement »",
        standfirst=(
            "Sylvie Marchand a dirigé pendant vingt-cinq ans une menuiserie de 80 salariés, avant "
            "de la céder à ses employés réunis en coopérative. Elle raconte trois années de "
            "préparation et alerte sur les entreprises qui ferment faute de repreneur."
        ),
        authors=("helene-vasseur",),
        tags=("Emploi", "Commerce"),
        published=days_ago(7, "09:30"),
        body=(
            Intertitle("Pourquoi avoir choisi de céder votre entreprise à vos salariés ?"),
            (
                "Parce que c'étaient eux qui la connaissaient le mieux. J'ai reçu deux offres "
                "d'un groupe concurrent, intéressantes financièrement, mais je savais que le site "
                "serait fermé en moins de cinq ans. Mes salariés voulaient continuer à travailler "
                "ici. Il fallait trouver comment rendre cela possible."
            ),
            Intertitle("Qu'est-ce qui a été le plus difficile ?"),
            (
                "Le temps. On imagine qu'une transmission se fait en quelques mois, chez le "
                "notaire, comme la vente d'un appartement. En réalité, il nous a fallu trois ans "
                ": former une équipe de direction, convaincre les banques, choisir les bons "
                "outils juridiques. Et accepter, pour moi, de ne plus décider seule."
            ),
            Intertitle("Les banques étaient-elles réticentes ?"),
            (
                "Au début, oui. Une coopérative de salariés, pour beaucoup de banquiers, c'était "
                "une curiosité. Ce qui les a convaincus, ce sont nos comptes, solides, et le fait "
                "que je reste deux ans aux côtés de la nouvelle équipe. L'accompagnement d'un "
                "réseau spécialisé a aussi beaucoup compté."
            ),
            Intertitle(
                "Quel conseil donneriez-vous aux dirigeants qui approchent de la retraite ?"
            ),
            (
                "D'y penser dix ans avant, pas deux. Beaucoup de chefs d'entreprise repoussent la "
                "question parce qu'elle les renvoie à leur propre départ. Résultat : des "
                "entreprises rentables ferment chaque année faute de repreneur, et avec elles des "
                "savoir-faire qui ne se reconstituent pas."
            ),
        ),
    ),
    Article(
        slug="boulangerie-cooperative-mathieu-roche",
        section="economie",
        label=Label.PORTRAIT,
        title="Mathieu Roche, le boulanger qui a fait de son fournil une coopérative",
        standfirst=(
            "À Vauclerc-sur-Lize, ses salariés et les paysans qui lui fournissent le blé sont "
            "devenus ses associés. Un modèle exigeant, qui a sauvé une boulangerie en difficulté."
        ),
        authors=("helene-vasseur",),
        tags=("Agriculture", "Emploi", "Commerce"),
        published=days_ago(12, "06:00"),
        body=(
            (
                "Il est quatre heures du matin et le fournil de Mathieu Roche, à "
                "Vauclerc-sur-Lize, sent déjà le levain. Autour du pétrin, trois boulangers et "
                "une apprentie façonnent les premières miches. Tous sont associés de "
                "l'entreprise, au même titre que les deux paysans qui fournissent le blé et la "
                "farine."
            ),
            (
                "Mathieu Roche, quarante et un ans, a repris la boulangerie familiale au moment "
                "où elle perdait de l'argent. Plutôt que de baisser la qualité pour rivaliser "
                "avec le pain industriel des supermarchés, il a fait le pari inverse : des "
                "farines locales, des fermentations longues et des prix assumés."
            ),
            (
                "Le tournant est venu quatre ans plus tard, lorsqu'il a transformé l'entreprise "
                "en société coopérative. Les salariés sont devenus associés, tout comme les "
                "agriculteurs partenaires, qui s'engagent sur des volumes et un prix garanti. « "
                "Personne ne gagne une fortune, mais tout le monde sait ce qu'il gagnera l'an "
                "prochain », résume-t-il."
            ),
            (
                "Le modèle fonctionne : la boulangerie emploie aujourd'hui neuf personnes, "
                "fournit deux cantines scolaires et a ouvert un second point de vente dans le "
                "bourg voisin. Les décisions importantes se prennent en assemblée, une fois par "
                "mois, autour d'une table où trônent toujours quelques viennoiseries."
            ),
            (
                "Mathieu Roche ne cache pas les difficultés. La flambée du prix de l'électricité "
                "a failli mettre les fours à l'arrêt il y a deux ans, et recruter des boulangers "
                "reste un casse-tête. Mais il refuse de revenir en arrière. « Ici, chacun sait "
                "d'où vient le blé et où va l'argent. C'est ça, pour moi, un bon pain. »"
            ),
        ),
    ),
    Article(
        slug="taux-d-interet-ce-qui-change-pour-vous",
        section="economie",
        label=Label.EXPLAINER,
        title="Crédit, épargne, loyers : ce que la baisse des taux change pour vous",
        standfirst=(
            "Les taux d'intérêt reculent après deux années de hausse. Bonne nouvelle pour les "
            "emprunteurs, moins pour les épargnants ; les locataires, eux, devront patienter."
        ),
        authors=("helene-vasseur",),
        tags=("Logement", "Consommation"),
        published=days_ago(15, "08:45"),
        body=(
            (
                "Après deux années de hausse, les taux d'intérêt reculent. Les banques centrales "
                "ont commencé à desserrer la vis, et les établissements de crédit répercutent peu "
                "à peu ce mouvement. Mais la baisse ne profite pas à tout le monde de la même "
                "façon."
            ),
            Intertitle("Emprunter redevient un peu plus facile"),
            (
                "Pour un crédit immobilier sur vingt ans, les taux moyens ont reculé d'environ un "
                "demi-point en six mois. Sur un emprunt de 200 000 euros, cela représente une "
                "économie de plusieurs dizaines d'euros par mois. Les banques, qui avaient "
                "fortement réduit leur production de crédits, cherchent de nouveau des clients et "
                "assouplissent leurs conditions."
            ),
            Intertitle("L'épargne rapporte moins"),
            (
                "Revers de la médaille, la rémunération de l'épargne baisse elle aussi. Les "
                "livrets réglementés suivent l'évolution de l'inflation et des taux, et les fonds "
                "en euros de l'assurance-vie devraient servir des rendements légèrement "
                "inférieurs cette année. Les épargnants les plus prudents verront leurs intérêts "
                "diminuer."
            ),
            Intertitle("Les loyers, eux, ne baissent pas"),
            (
                "Pour les locataires, la baisse des taux ne se traduit pas immédiatement. Les "
                "loyers suivent un indice de référence qui évolue avec les prix à la "
                "consommation, et la pénurie de logements dans les grandes villes continue de les "
                "tirer vers le haut. À plus long terme, un marché immobilier plus actif pourrait "
                "toutefois détendre l'offre."
            ),
            (
                "Pour les économistes, la prudence reste de mise : la baisse pourrait "
                "s'interrompre si l'inflation repartait. Avant de renégocier un crédit ou de "
                "déplacer son épargne, mieux vaut comparer les offres et tenir compte des frais, "
                "qui peuvent annuler l'avantage attendu."
            ),
        ),
    ),
    Article(
        slug="editorial-le-courage-d-investir",
        section="economie",
        label=Label.EDITORIAL,
        title="Le courage d'investir",
        standfirst=(
            "En période de budgets serrés, les dépenses d'avenir sont toujours les premières "
            "sacrifiées. C'est pourtant le plus coûteux des calculs."
        ),
        authors=("paul-aubertin",),
        tags=("Énergie", "Emploi", "Transports"),
        published=days_ago(18, "06:00"),
        comments_open=False,
        body=(
            (
                "Il est toujours tentant, quand les budgets se resserrent, de reporter les "
                "dépenses qui ne produisent leurs effets qu'à long terme. Une ligne ferroviaire, "
                "un réseau de chaleur, la rénovation d'une école : rien de tout cela ne se voit "
                "avant la prochaine élection. C'est précisément pour cette raison que ces "
                "investissements sont les premiers sacrifiés."
            ),
            (
                "Ce réflexe est compréhensible ; il est aussi coûteux. Chaque année de retard "
                "dans la rénovation des bâtiments se paie en factures de chauffage, chaque ligne "
                "fermée en voitures supplémentaires sur les routes. Les économies d'aujourd'hui "
                "sont souvent les dépenses, plus lourdes, de demain."
            ),
            (
                "Nul ne prétend que l'argent public soit illimité. Mais une dépense qui prépare "
                "l'avenir ne peut être traitée comme une dépense courante. Distinguer clairement, "
                "dans les comptes publics, ce qui relève du fonctionnement et ce qui relève de "
                "l'investissement permettrait un débat plus honnête sur nos choix."
            ),
            (
                "Les entreprises ont aussi leur part. Trop d'entre elles préfèrent distribuer "
                "leurs bénéfices plutôt que moderniser leurs outils ou former leurs salariés. La "
                "compétitivité de demain se construit pourtant dans les ateliers et les "
                "laboratoires d'aujourd'hui."
            ),
            (
                "Investir demande du courage : celui d'assumer une dépense dont on ne récoltera "
                "pas soi-même les fruits. C'est ce courage que l'on attend des responsables "
                "publics comme privés. Il n'a jamais été aussi nécessaire."
            ),
        ),
    ),
    Article(
        slug="fret-ferroviaire-peine-a-decoller",
        section="economie",
        label=Label.ANALYSIS,
        title="Pourquoi le fret ferroviaire peine à décoller malgré les promesses",
        standfirst=(
            "Depuis trente ans, chaque gouvernement promet de faire passer les marchandises de la "
            "route au rail. La part du train stagne pourtant. Réseau saturé, coûts élevés : les "
            "raisons d'un échec, et les pistes pour en sortir."
        ),
        authors=("helene-vasseur",),
        tags=("Transports", "Commerce", "Climat"),
        published=days_ago(25, "10:30"),
        body=(
            (
                "Depuis trente ans, chaque gouvernement promet de faire passer les marchandises "
                "de la route au rail. Depuis trente ans, la part du train dans le transport de "
                "fret stagne autour de 10 %, loin derrière les pays voisins les plus avancés. "
                "Comment expliquer un tel décalage entre les ambitions et les résultats ?"
            ),
            Intertitle("Un réseau saturé et vieillissant"),
            (
                "Le premier obstacle est physique. Les trains de marchandises partagent les voies "
                "avec les trains de voyageurs, prioritaires, et se voient attribuer des créneaux "
                "souvent incertains, la nuit, au gré des travaux. Un chargeur qui doit livrer à "
                "heure fixe préfère logiquement le camion, plus souple."
            ),
            (
                "Le deuxième obstacle est économique. Le transport routier bénéficie "
                "d'infrastructures financées par la collectivité et d'une main-d'œuvre souvent "
                "moins coûteuse. Le rail, lui, supporte des péages élevés et des coûts fixes "
                "importants, qui ne deviennent rentables que sur de longues distances et de gros "
                "volumes."
            ),
            Intertitle("Des pistes pour relancer la machine"),
            (
                "Les professionnels plaident pour des investissements ciblés : des voies dédiées "
                "sur les grands axes, des terminaux de transbordement modernisés et des aides au "
                "wagon isolé, ce service qui permet de transporter quelques wagons plutôt qu'un "
                "train entier. Le transport combiné, qui associe le rail pour la longue distance "
                "et le camion pour les derniers kilomètres, progresse déjà."
            ),
            (
                "Le climat pourrait changer la donne. Un train de marchandises émet en moyenne "
                "près de dix fois moins de CO2 qu'un poids lourd pour la même charge. À mesure "
                "que le coût des émissions augmentera, l'équation économique pourrait enfin "
                "basculer en faveur du rail."
            ),
            Related("trains-de-nuit-reservation-europeenne"),
        ),
    ),
)

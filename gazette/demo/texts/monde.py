"""Monde, and its Europe subsection. Every person and port named here is invented."""

from datetime import timedelta

from .schema import (
    Article,
    Embed,
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
    # La une: an « Article » with « » in its title and exactly six paragraphs.
    Article(
        slug="arctique-route-du-nord-port-de-skarvoy",
        section="monde",
        label=Label.ARTICLE,
        title="Dans l'Arctique, la « route du Nord » bouscule un petit port de pêche",
        standfirst=(
            "Avec le recul de la banquise, de plus en plus de cargos longent les côtes de "
            "Skarvøy. Les pêcheurs de ce village de 900 habitants y voient autant une menace "
            "qu'une chance."
        ),
        authors=("paul-aubertin",),
        tags=("Climat", "Commerce", "Emploi"),
        published=hours_ago(5),
        notes=(
            Note(
                Kind.CORRECTION,
                after=timedelta(hours=2),
                text=(
                    "Nous avions écrit que Skarvøy comptait 1 900 habitants : le village en "
                    "compte 900."
                ),
            ),
        ),
        caption=(
            "La « route du Nord » raccourcit de près de deux semaines le trajet entre l'Asie et "
            "l'Europe du Nord."
        ),
        motif="vagues",
        body=(
            (
                "Sur le quai de Skarvøy, les caisses de cabillaud s'empilent comme elles l'ont "
                "toujours fait, mais l'horizon a changé. Au large, là où l'on ne voyait autrefois "
                "que la glace jusqu'en juin, passent désormais des porte-conteneurs chargés de "
                "marchandises entre l'Asie et l'Europe. Cette année, le petit port a compté plus "
                "de soixante passages au large de ses côtes, trois fois plus qu'il y a cinq ans."
            ),
            (
                "La « route du Nord », qui raccourcit de près de deux semaines le trajet entre "
                "les ports asiatiques et l'Europe du Nord, n'est praticable que quelques mois par "
                "an. Mais la saison s'allonge à mesure que la banquise recule, et les armateurs "
                "multiplient les essais. Pour les habitants de Skarvøy, la question n'est plus de "
                "savoir si le trafic augmentera, mais comment vivre avec."
            ),
            (
                "Ingrid Solheim, qui pêche depuis trente ans avec son frère, a déjà dû changer "
                "ses habitudes. « Les cargos passent parfois à moins de deux milles de nos "
                "filets. Le bruit des moteurs éloigne le poisson, et la nuit, dans le brouillard, "
                "on ne dort pas tranquille », raconte-t-elle en réparant un casier. Plusieurs de "
                "ses collègues demandent que des couloirs de navigation soient tracés plus au "
                "large."
            ),
            (
                "À la mairie, on préfère voir les occasions à saisir. Le conseil municipal étudie "
                "l'agrandissement du quai pour accueillir des navires de ravitaillement, et une "
                "entreprise de remorquage a ouvert un bureau l'hiver dernier. « Pour la première "
                "fois depuis longtemps, des jeunes reviennent s'installer ici », souligne le "
                "maire adjoint, Erik Dahl, qui espère une dizaine d'emplois nouveaux d'ici à deux "
                "ans."
            ),
            (
                "Les scientifiques rappellent que ce nouvel axe commercial est d'abord le "
                "symptôme d'un réchauffement bien plus rapide dans l'Arctique que sur le reste du "
                "globe. Une marée noire dans ces eaux froides, où le pétrole se dégrade très "
                "lentement, aurait des conséquences durables sur les ressources dont vit toute la "
                "côte. Les moyens de secours les plus proches se trouvent à plus de dix heures de "
                "mer."
            ),
            (
                "En attendant une réglementation que les pêcheurs jugent trop lente à venir, "
                "Skarvøy s'organise à sa façon. Une application partagée signale désormais la "
                "position des filets aux navires de passage, et les anciens racontent aux plus "
                "jeunes comment on lisait la glace. « La mer a toujours décidé pour nous, sourit "
                "Ingrid Solheim. Elle continue, simplement avec d'autres règles. »"
            ),
        ),
    ),
    Article(
        slug="fleuves-partages-diplomatie-de-l-eau",
        section="monde",
        label=Label.ANALYSIS,
        title="Eau : pourquoi les fleuves partagés deviennent une affaire de diplomatie",
        standfirst=(
            "Barrages, sécheresses, quotas d'irrigation : le partage des grands fleuves, "
            "longtemps réglé entre ingénieurs, remonte jusqu'aux chefs d'État. Les accords "
            "existants résistent mal au changement climatique."
        ),
        authors=("paul-aubertin",),
        tags=("Diplomatie", "Climat", "Agriculture"),
        published=days_ago(2, "11:20"),
        body=(
            (
                "Près de la moitié des terres émergées appartiennent à des bassins fluviaux "
                "partagés entre plusieurs pays. Pendant des décennies, ce partage s'est réglé par "
                "des accords techniques, négociés loin des caméras entre ingénieurs et juristes. "
                "Les sécheresses à répétition changent la donne : l'eau est redevenue un sujet de "
                "chefs d'État."
            ),
            Intertitle("Des barrages qui inquiètent l'aval"),
            (
                "La tension naît presque toujours du même scénario. Un pays situé en amont "
                "construit un barrage pour produire de l'électricité ou irriguer ses cultures ; "
                "ses voisins en aval craignent de voir le débit baisser au moment où ils en ont "
                "le plus besoin. Même lorsque le volume annuel reste identique, le calendrier de "
                "remplissage suffit à provoquer une crise."
            ),
            (
                "Les diplomates le savent : rares sont les conflits armés déclenchés pour l'eau. "
                "Mais l'eau aggrave les tensions existantes, nourrit les discours nationalistes "
                "et pèse sur d'autres négociations. Dans plusieurs régions, les litiges sur les "
                "droits de pêche ou les tarifs douaniers se règlent désormais en même temps que "
                "le partage d'un fleuve."
            ),
            Quote(
                text=(
                    "Un fleuve ne connaît pas les frontières, mais les sécheresses, elles, "
                    "révèlent toutes les faiblesses des traités qui les ignorent."
                ),
                source="Mariam Diallo, juriste spécialiste du droit international de l'eau",
            ),
            Intertitle("Des commissions de bassin à réinventer"),
            (
                "Les solutions existent et ont fait leurs preuves. Les commissions de bassin, qui "
                "réunissent les pays riverains autour de données partagées sur les débits, ont "
                "permis d'éviter bien des crises. Leur faiblesse est connue : elles reposent sur "
                "la bonne volonté de chacun et disposent rarement des moyens de faire respecter "
                "leurs décisions."
            ),
            (
                "Les experts plaident pour des accords plus souples, capables de s'adapter aux "
                "années sèches plutôt que de fixer des volumes immuables. Certains proposent d'y "
                "associer les agriculteurs et les villes, premiers utilisateurs de l'eau, "
                "aujourd'hui absents des négociations. Une piste d'autant plus urgente que les "
                "projections climatiques annoncent des étiages plus sévères dans la plupart des "
                "grands bassins."
            ),
            Related("sommet-adaptation-climat-ce-qu-il-faut-retenir"),
        ),
    ),
    Article(
        slug="santa-irene-toits-vegetalises",
        section="monde",
        label=Label.REPORT,
        title="À Santa Irene, la ville qui a choisi de faire pousser ses toits",
        standfirst=(
            "Pour lutter contre la chaleur et les inondations, cette ville de 300 000 habitants "
            "impose depuis dix ans la végétalisation des toitures. Un succès visible, qui laisse "
            "pourtant des quartiers de côté."
        ),
        authors=("paul-aubertin",),
        tags=("Climat", "Logement", "Biodiversité"),
        published=days_ago(6, "08:00"),
        body=(
            (
                "Vue depuis la colline qui la domine, Santa Irene ressemble à un damier vert et "
                "ocre. Depuis dix ans, la ville oblige chaque nouvel immeuble à couvrir au moins "
                "la moitié de son toit de végétation, et aide les propriétaires des bâtiments "
                "anciens à en faire autant. Près d'un toit sur trois est désormais planté."
            ),
            (
                "Sur la terrasse d'une école du quartier de San Telmo, des élèves de dix ans "
                "arrosent des rangs de tomates et de haricots. « L'été, il faisait 35 degrés dans "
                "les salles, explique la directrice, Lucía Ortega. Depuis que le toit est "
                "couvert, nous avons gagné quatre ou cinq degrés, et les enfants ont un potager. "
                "» Les récoltes alimentent en partie la cantine."
            ),
            Intertitle("Un pari contre la chaleur"),
            (
                "La municipalité n'a pas choisi cette politique par goût du jardinage. Plusieurs "
                "vagues de chaleur meurtrières ont convaincu les élus qu'il fallait rafraîchir la "
                "ville sans multiplier les climatiseurs, gourmands en électricité. Les toits "
                "végétalisés retiennent aussi les pluies d'orage, qui inondaient régulièrement "
                "les quartiers bas."
            ),
            Illustration(
                caption="Un toit sur trois est aujourd'hui planté dans le centre de Santa Irene.",
                motif="arcs",
            ),
            (
                "Le dispositif a pourtant ses détracteurs. Les promoteurs dénoncent un surcoût de "
                "3 à 5 % sur leurs chantiers, et certains habitants des quartiers populaires, où "
                "les immeubles sont trop fragiles pour supporter le poids de la terre, se sentent "
                "oubliés. La ville a lancé l'an dernier un programme de renforcement des "
                "charpentes, mais les listes d'attente s'allongent."
            ),
            Quote(
                text=(
                    "On nous a promis l'ombre et la fraîcheur pour tout le monde. Pour l'instant, "
                    "ce sont surtout les beaux quartiers qui en profitent."
                ),
                source="Rosa Méndez, présidente d'une association de locataires",
            ),
            (
                "Les urbanistes venus d'ailleurs, eux, se succèdent. Chaque mois, des délégations "
                "étrangères arpentent les toits de Santa Irene, carnet à la main. « Nous ne "
                "sommes pas un modèle, nous sommes un laboratoire, corrige l'architecte "
                "municipal, Andrés Vidal. Nous avons fait beaucoup d'erreurs, et c'est peut-être "
                "ce qui est le plus utile aux autres. »"
            ),
        ),
    ),
    Article(
        slug="entretien-diplomatie-des-petits-etats",
        section="monde",
        label=Label.INTERVIEW,
        title="« La diplomatie des petits États est d'abord une affaire de patience »",
        standfirst=(
            "Chercheuse en relations internationales, Amalia Ferro publie « Les Voix minuscules "
            "», une étude consacrée à l'influence des micro-États dans les négociations "
            "internationales. Elle explique comment des pays de quelques dizaines de milliers "
            "d'habitants parviennent à peser."
        ),
        authors=("claire-morvan",),
        tags=("Diplomatie", "Climat"),
        published=days_ago(9, "17:30"),
        body=(
            Intertitle(
                "Pourquoi vous intéresser aux plus petits États, quand l'actualité est dominée "
                "par les grandes puissances ?"
            ),
            (
                "Parce qu'ils sont nombreux, et que dans beaucoup d'enceintes internationales "
                "chaque pays dispose d'une voix. Un archipel de cinquante mille habitants peut "
                "bloquer un texte ou, au contraire, faire basculer une majorité. Les grandes "
                "puissances le savent très bien, même si elles en parlent peu."
            ),
            Intertitle("Comment compensent-ils le manque de moyens ?"),
            (
                "Par la spécialisation et la durée. Un petit État ne peut pas suivre tous les "
                "dossiers : il en choisit deux ou trois et devient incontournable sur ceux-là, "
                "souvent le climat, les océans ou le droit de la mer. Ses diplomates restent en "
                "poste dix ou quinze ans, quand ceux des grands pays changent tous les trois ans. "
                "Ils finissent par connaître les textes mieux que quiconque."
            ),
            Intertitle("Les coalitions jouent-elles un rôle ?"),
            (
                "Un rôle décisif. Seul, un micro-État n'est qu'une voix ; regroupé avec trente "
                "autres qui partagent les mêmes intérêts, il devient un bloc avec lequel il faut "
                "compter. Les États insulaires l'ont montré dans les conférences sur le climat, "
                "où ils ont imposé des sujets que personne ne voulait aborder au départ."
            ),
            Intertitle("Cette influence a-t-elle des limites ?"),
            (
                "Évidemment. Ces pays dépendent de l'aide extérieure, des investissements "
                "étrangers, parfois d'une seule ressource. Leur marge de manœuvre se réduit dès "
                "qu'un grand partenaire menace de couper ses financements. Leur meilleure arme "
                "reste la légitimité morale : quand un pays risque de disparaître sous les eaux, "
                "sa parole porte."
            ),
            Intertitle("Que peuvent en retenir les pays plus grands ?"),
            (
                "Que la patience est une stratégie. Dans un monde qui réclame des résultats "
                "immédiats, ces diplomaties construisent leur influence sur des décennies, "
                "dossier après dossier. C'est moins spectaculaire qu'un sommet, mais souvent plus "
                "efficace."
            ),
        ),
    ),
    Article(
        slug="sommet-adaptation-climat-ce-qu-il-faut-retenir",
        section="monde",
        label=Label.EXPLAINER,
        kicker="Sommet du climat",
        title=(
            "Sommet sur l'adaptation au climat : ce qu'il faut retenir de trois jours de "
            "négociations"
        ),
        standfirst=(
            "Un fonds pour les pays les plus exposés, mais pas encore d'argent ; les énergies "
            "fossiles, sujet soigneusement évité : le texte adopté à l'issue du sommet laisse "
            "l'essentiel à la prochaine conférence."
        ),
        authors=("paul-aubertin", "claire-morvan"),
        tags=("Climat", "Diplomatie", "Énergie"),
        published=days_ago(13, "21:45"),
        notes=(
            Note(
                Kind.UPDATE,
                after=timedelta(hours=11),
                text=(
                    "Au lendemain de la clôture, deux pays ont annoncé qu'ils contribueraient au "
                    "fonds d'adaptation, sans en préciser le montant."
                ),
            ),
        ),
        body=(
            (
                "Après trois jours de discussions souvent tendues, les délégations de plus de "
                "cent pays se sont séparées sur un texte de compromis. Il ne contient pas "
                "d'engagement chiffré nouveau, mais il fixe un calendrier pour financer "
                "l'adaptation des pays les plus exposés. Voici ce qu'il faut en retenir."
            ),
            Intertitle("Un fonds, mais pas encore d'argent"),
            (
                "Le principal acquis est la création d'un fonds destiné à aider les pays "
                "vulnérables à se protéger des inondations, des sécheresses et de la montée des "
                "eaux. Son fonctionnement doit être précisé d'ici à un an. Les montants, eux, "
                "restent à trouver : aucun pays ne s'est engagé sur une contribution précise "
                "avant la clôture."
            ),
            Intertitle("Les énergies fossiles, sujet évité"),
            (
                "Plusieurs délégations souhaitaient inscrire dans le texte une date de sortie "
                "progressive des énergies fossiles. La formule a disparu lors de la dernière nuit "
                "de négociations, remplacée par une invitation, plus vague, à « accélérer la "
                "transition ». Les ONG dénoncent un recul ; les négociateurs parlent d'un texte « "
                "réaliste »."
            ),
            Quote(
                text=(
                    "Nous repartons avec une promesse. Nos populations, elles, attendent des "
                    "digues, des semences et des systèmes d'alerte."
                ),
                source=(
                    "La représentante d'une coalition d'États insulaires, lors de la séance de "
                    "clôture"
                ),
            ),
            Intertitle("Les villes entrent dans la négociation"),
            (
                "Pour la première fois, les grandes villes côtières étaient associées aux "
                "discussions. Leurs maires ont obtenu d'être consultés sur l'utilisation du futur "
                "fonds, une demande ancienne des collectivités, qui financent déjà l'essentiel "
                "des travaux de protection."
            ),
            Intertitle("Et maintenant ?"),
            (
                "Les regards se tournent vers la prochaine conférence, prévue l'an prochain, où "
                "devront être annoncés les premiers versements. D'ici là, les pays se sont "
                "engagés à présenter des plans nationaux d'adaptation mis à jour. Ce sera le "
                "véritable test de la sincérité des déclarations entendues à la tribune."
            ),
            Embed(
                url="https://www.youtube.com/watch?v=GzDemoClot1",
                title="La séance de clôture du sommet, en intégralité",
                caption="Vidéo publiée par les organisateurs du sommet.",
            ),
        ),
    ),
    Article(
        slug="trains-de-nuit-reservation-europeenne",
        section="europe",
        label=Label.ARTICLE,
        title="Trains de nuit : Bruxelles veut un billet unique d'un bout à l'autre de l'Europe",
        standfirst=(
            "La Commission propose d'obliger les compagnies ferroviaires à partager horaires et "
            "tarifs, pour qu'un voyage à travers plusieurs pays se réserve en une seule fois. Les "
            "opérateurs historiques freinent."
        ),
        authors=("claire-morvan",),
        signature_line="Par notre correspondante à Bruxelles",
        tags=("Union européenne", "Transports"),
        published=days_ago(1, "10:05"),
        caption=(
            "Un voyage qui traverse trois pays implique encore souvent trois réservations "
            "distinctes."
        ),
        body=(
            (
                "Réserver un long trajet en train de nuit à travers plusieurs pays relève encore "
                "trop souvent du parcours du combattant. La Commission européenne a présenté une "
                "proposition visant à obliger les compagnies ferroviaires à partager leurs "
                "horaires et leurs tarifs, afin qu'un voyageur puisse acheter un billet unique "
                "sur un seul site, quel que soit le nombre d'opérateurs concernés."
            ),
            (
                "Aujourd'hui, un voyage qui traverse trois pays implique souvent trois "
                "réservations distinctes, sans garantie en cas de retard sur l'un des tronçons. "
                "Le texte prévoit qu'un passager ayant manqué sa correspondance soit "
                "automatiquement réacheminé, sans frais, par le train suivant."
            ),
            Quote(
                text=(
                    "Le train de nuit ne décollera pas tant qu'il sera plus simple de réserver un "
                    "vol qu'une couchette."
                ),
                source="Un fonctionnaire européen chargé du dossier",
            ),
            (
                "Les compagnies historiques accueillent la proposition avec prudence. Elles "
                "redoutent de devoir ouvrir leurs systèmes de vente à des plateformes "
                "concurrentes et réclament des délais d'adaptation. Les associations de "
                "voyageurs, elles, saluent « une avancée attendue depuis vingt ans »."
            ),
            (
                "Plusieurs lignes de nuit ont rouvert ces dernières années, portées par des "
                "voyageurs soucieux de leur empreinte carbone. Mais leur fréquentation reste "
                "freinée par des prix souvent supérieurs à ceux de l'avion et par un matériel "
                "roulant vieillissant."
            ),
            (
                "Le texte doit désormais être examiné par le Parlement européen et par les États "
                "membres. Les discussions s'annoncent longues : plusieurs capitales estiment que "
                "la question relève d'abord des accords entre compagnies, et non d'une règle "
                "européenne."
            ),
        ),
    ),
    Article(
        slug="parlement-europeen-bataille-des-rapporteurs",
        section="europe",
        label=Label.ANALYSIS,
        title="Au Parlement européen, la bataille discrète des rapporteurs",
        standfirst=(
            "Moins connus que les votes en séance plénière, les rapporteurs façonnent pourtant "
            "l'essentiel des lois européennes. Un pouvoir convoité, et de plus en plus critiqué "
            "pour son opacité."
        ),
        authors=("claire-morvan",),
        tags=("Union européenne", "Élections"),
        published=days_ago(8, "14:10"),
        body=(
            (
                "Le grand public retient les votes en séance plénière, à Strasbourg, et les "
                "images de l'hémicycle. Mais l'essentiel du travail législatif se joue bien en "
                "amont, dans un rôle méconnu : celui de rapporteur. Chaque texte examiné par le "
                "Parlement européen est confié à un député chargé de le piloter, de la première "
                "lecture jusqu'au compromis final."
            ),
            Intertitle("Un poste convoité"),
            (
                "L'attribution des rapports obéit à un système de points, répartis entre les "
                "groupes politiques selon leur poids. Les groupes « achètent » les dossiers "
                "qu'ils jugent stratégiques, et les tractations internes pour obtenir un texte "
                "sur l'énergie ou le numérique peuvent être féroces. Un rapport important peut "
                "faire la carrière d'un élu."
            ),
            (
                "Une fois désigné, le rapporteur rédige un projet, négocie les amendements avec "
                "ses homologues des autres groupes, puis représente le Parlement face au Conseil, "
                "qui réunit les États membres. C'est lors de ces réunions à huis clos, les "
                "trilogues, que la plupart des textes prennent leur forme définitive."
            ),
            Intertitle("Un pouvoir critiqué"),
            (
                "Cette concentration de l'influence entre quelques mains suscite des critiques. "
                "Des associations de défense de la transparence regrettent que les trilogues "
                "échappent presque entièrement au regard du public et que leurs comptes rendus "
                "restent sommaires. Les défenseurs du système répondent qu'un compromis entre "
                "vingt-sept gouvernements et des centaines de députés exige un minimum de "
                "discrétion."
            ),
            (
                "À l'approche des prochaines élections européennes, plusieurs groupes proposent "
                "de publier systématiquement les rencontres des rapporteurs avec les "
                "représentants d'intérêts. Une réforme du règlement intérieur est en discussion ; "
                "elle pourrait être adoptée avant la fin de la législature."
            ),
            Related("trains-de-nuit-reservation-europeenne"),
        ),
    ),
    Article(
        slug="lettre-de-bruxelles-le-compromis",
        section="europe",
        label=Label.COLUMN,
        title="Lettre de Bruxelles : le sandwich, la navette et le compromis",
        standfirst=(
            "Dans le quartier européen, on mesure l'importance d'une négociation au nombre de "
            "repas sautés. Récit d'une nuit ordinaire d'attente, et éloge discret du compromis."
        ),
        authors=("claire-morvan",),
        tags=("Union européenne", "Diplomatie"),
        published=days_ago(20, "07:00"),
        comments_open=False,
        body=(
            (
                "Il est vingt-deux heures passées et, dans le hall d'un bâtiment du quartier "
                "européen, une trentaine de journalistes attendent la fin d'une réunion qui "
                "devait s'achever à dix-huit heures. Les distributeurs de boissons sont vides "
                "depuis longtemps. Quelqu'un a rapporté des sandwichs, que l'on partage avec les "
                "attachés de presse, eux aussi condamnés à patienter."
            ),
            (
                "Bruxelles est la seule capitale où l'on mesure l'importance d'une négociation au "
                "nombre de repas sautés. Un accord bouclé avant le dîner est suspect : il n'a "
                "sans doute rien changé. Un texte adopté à l'aube, en revanche, sera présenté par "
                "chaque délégation comme une victoire arrachée de haute lutte."
            ),
            (
                "Ce soir-là, ce sont les navettes qui sauvent la mise. Les délégations ne se "
                "parlent plus directement : elles s'échangent des versions du texte par "
                "l'intermédiaire de la présidence, qui fait le tour des salles. Chaque virgule "
                "déplacée est une concession, chaque adjectif supprimé un motif de fierté "
                "nationale."
            ),
            (
                "Vers une heure du matin, une porte s'ouvre enfin. Un conseiller fatigué annonce "
                "« un accord de principe », formule magique qui signifie que tout reste à écrire "
                "mais que personne ne veut porter la responsabilité d'un échec. Les journalistes "
                "rangent leurs ordinateurs ; les sandwichs ont disparu."
            ),
            (
                "On se moque volontiers de cette lenteur. Elle est pourtant le prix d'un système "
                "où vingt-sept pays, vingt-quatre langues et des intérêts souvent contradictoires "
                "doivent finir par écrire la même phrase. Le compromis européen n'a rien "
                "d'héroïque. Il a simplement le mérite d'exister."
            ),
        ),
    ),
)

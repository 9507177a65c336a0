"""France. The communes, the people and the court named here are invented."""

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
    first_of_month,
    hours_ago,
)

ARTICLES = (
    Article(
        slug="deserts-medicaux-six-mois-pour-un-rendez-vous",
        section="france",
        label=Label.INVESTIGATION,
        title="Déserts médicaux : dans ces cantons où il faut six mois pour voir un médecin",
        standfirst=(
            "Pendant trois semaines, nous avons sillonné une douzaine de cantons ruraux où les "
            "généralistes partent sans successeur. Patients qui renoncent, pharmaciens débordés, "
            "élus démunis : enquête sur une pénurie qui gagne les bourgs."
        ),
        authors=("karim-bensaid", "thomas-le-bihan"),
        tags=("Santé", "Collectivités locales"),
        published=days_ago(4, "06:30"),
        notes=(
            Note(
                Kind.UPDATE,
                after=timedelta(hours=6),
                text=(
                    "Après la publication de cette enquête, l'agence régionale de santé a annoncé "
                    "l'ouverture d'un centre de santé à Sorlières au printemps, avec deux médecins "
                    "salariés."
                ),
            ),
        ),
        body=(
            (
                "À Sorlières, la salle d'attente du cabinet médical est fermée depuis dix-huit "
                "mois. Le dernier généraliste de cette commune de 2 400 habitants est parti à la "
                "retraite sans successeur, et ses patients se répartissent désormais entre trois "
                "confrères installés à plus de vingt kilomètres. Pour un premier rendez-vous, il "
                "faut compter jusqu'à six mois."
            ),
            (
                "Pendant trois semaines, nous avons parcouru une douzaine de cantons ruraux du "
                "centre de la France et interrogé des patients, des élus, des médecins et des "
                "pharmaciens. Partout, le même constat : la pénurie ne touche plus seulement les "
                "villages isolés, mais aussi des bourgs qui se croyaient à l'abri."
            ),
            Intertitle("Des patients qui renoncent"),
            (
                "Josette, 78 ans, n'a plus de médecin traitant depuis le départ du sien. Elle "
                "fait renouveler ses ordonnances à la pharmacie quand c'est possible et se rend "
                "aux urgences de l'hôpital départemental lorsque ses douleurs deviennent trop "
                "fortes. « On finit par ne plus se soigner, on attend que ça passe », "
                "résume-t-elle."
            ),
            (
                "Les pharmaciens se retrouvent en première ligne. « On nous demande des conseils "
                "qui relèvent du médecin, et on ne peut pas toujours dire non », explique Nadia "
                "Fauvel, titulaire d'une officine à Sorlières, qui a vu sa fréquentation "
                "augmenter d'un quart en deux ans."
            ),
            Quote(
                text=(
                    "Nous avons construit une maison de santé flambant neuve. Il ne manque plus "
                    "que les médecins."
                ),
                source="Le maire d'une commune voisine, qui a souhaité rester anonyme",
            ),
            Intertitle("Des solutions qui tardent à produire leurs effets"),
            (
                "Les collectivités multiplient les initiatives : logements offerts, cabinets "
                "équipés, bourses versées aux étudiants qui s'engagent à s'installer. Les "
                "résultats restent modestes. Les jeunes médecins que nous avons rencontrés "
                "évoquent moins l'argent que l'isolement, la charge de travail et l'absence "
                "d'emploi pour leur conjoint."
            ),
            (
                "Certains territoires misent sur la télémédecine, d'autres sur des médecins "
                "salariés par le département. Dans le canton voisin, un centre de santé a recruté "
                "quatre généralistes en un an grâce à des horaires encadrés et au travail en "
                "équipe. Une piste que les élus de Sorlières étudient désormais de près."
            ),
        ),
    ),
    Article(
        slug="vauclerc-cantine-scolaire-produits-locaux",
        section="france",
        label=Label.ARTICLE,
        title="À Vauclerc-sur-Lize, la cantine scolaire passe au tout local",
        standfirst=(
            "La commune a repris en main sa cuisine centrale et s'approvisionne désormais auprès "
            "d'une vingtaine de producteurs du département. Un surcoût modeste, et beaucoup moins "
            "de gaspillage."
        ),
        authors=("karim-bensaid",),
        tags=("Éducation", "Agriculture"),
        published=hours_ago(7),
        body=(
            (
                "Depuis la rentrée, les 340 élèves des écoles de Vauclerc-sur-Lize mangent "
                "presque exclusivement des produits cultivés ou élevés à moins de cinquante "
                "kilomètres. La commune a repris en main sa cuisine centrale, jusqu'ici confiée à "
                "un prestataire, et signé des contrats avec une vingtaine de producteurs du "
                "département."
            ),
            (
                "Le changement se voit dans les assiettes : pain de la boulangerie du bourg, "
                "yaourts d'une ferme voisine, légumes de saison d'un maraîcher installé en bio. « "
                "Les enfants ont mis quelques semaines à s'habituer aux courges en hiver, mais le "
                "gaspillage a diminué de moitié », se félicite la cheffe de cuisine, Martine "
                "Lebrun."
            ),
            (
                "Le surcoût, estimé à quarante centimes par repas, est en partie compensé par la "
                "baisse des déchets et par l'achat de produits bruts, cuisinés sur place. La "
                "municipalité a toutefois dû recruter deux cuisiniers et investir dans une "
                "légumerie pour éplucher et préparer les légumes frais."
            ),
            Quote(
                text=(
                    "Pour un petit producteur comme moi, la cantine, c'est un débouché régulier, "
                    "payé à un prix juste. Ça change tout pour investir."
                ),
                source="Julien Parrot, maraîcher à Vauclerc-sur-Lize",
            ),
            (
                "D'autres communes de la vallée ont déjà pris contact avec la mairie pour grouper "
                "leurs commandes. Une association de producteurs est en cours de création, afin "
                "de répondre à des volumes plus importants sans dépendre d'un intermédiaire."
            ),
            Related("boulangerie-cooperative-mathieu-roche"),
        ),
    ),
    Article(
        slug="valmoreau-nuit-avec-la-maraude",
        section="france",
        label=Label.REPORT,
        title="Une nuit avec les bénévoles de la maraude de Valmoreau",
        standfirst=(
            "Chaque soir, une association sillonne la ville pour aller à la rencontre des "
            "personnes qui dorment dehors. Soupe, couvertures et surtout conversation : nous "
            "avons suivi leur tournée, de la gare à la rocade."
        ),
        authors=("karim-bensaid",),
        tags=("Logement", "Santé"),
        published=days_ago(11, "09:40"),
        caption="La tournée de l'association dure de 21 heures à une heure du matin.",
        body=(
            (
                "Vingt et une heures, parking de la gare de Valmoreau. Dans la camionnette "
                "blanche de l'association La Main tendue, Fabienne charge les thermos de soupe et "
                "de café, les couvertures et quelques paires de chaussettes. Ils seront quatre "
                "bénévoles ce soir, pour une tournée qui durera jusqu'à une heure du matin."
            ),
            (
                "Le premier arrêt se fait sous le pont de la rocade, où trois hommes ont installé "
                "des tentes. Ils connaissent l'équipe, plaisantent, demandent des nouvelles d'un "
                "bénévole absent. La soupe est servie, mais c'est surtout la conversation qui "
                "compte. « Ici, on ne parle à personne de la journée », confie l'un d'eux."
            ),
            Intertitle("De plus en plus de jeunes"),
            (
                "Cette année, l'association a rencontré près de 180 personnes différentes, contre "
                "une centaine il y a trois ans. Les profils ont changé : davantage de jeunes de "
                "moins de 25 ans, des travailleurs pauvres qui dorment dans leur voiture, "
                "quelques familles. « Avant, on connaissait presque tout le monde par son prénom. "
                "Maintenant, chaque semaine, il y a des visages nouveaux », observe Fabienne, "
                "bénévole depuis onze ans."
            ),
            Illustration(
                caption=(
                    "Chaque soir, la tournée suit le même itinéraire, de la gare aux abords de la "
                    "rocade."
                ),
                motif="points",
            ),
            (
                "Vers minuit, la camionnette s'arrête devant un distributeur de billets où dort "
                "une femme d'une cinquantaine d'années. Elle refuse l'hébergement d'urgence, trop "
                "éloigné, où elle ne pourrait pas garder son chien. Les bénévoles notent ses "
                "besoins ; ils les transmettront au travailleur social qui passera le lendemain."
            ),
            (
                "Au retour, dans le local de l'association, on remplit le cahier de bord : nombre "
                "de personnes rencontrées, de repas servis, de situations à signaler. Ces "
                "chiffres serviront à convaincre la mairie et la préfecture de créer des places "
                "d'hébergement supplémentaires. « On fait du lien, pas des miracles, résume "
                "Fabienne en éteignant la lumière. Mais sans ce lien, beaucoup auraient déjà "
                "lâché. »"
            ),
        ),
    ),
    Article(
        slug="ce-qui-change-ce-mois-ci",
        section="france",
        label=Label.EXPLAINER,
        title="Ce qui change ce mois-ci : transports, logement, énergie",
        standfirst=(
            "Un abonnement unique pour les transports régionaux, des aides à la rénovation à "
            "demander en ligne, de nouvelles heures creuses : tour d'horizon des changements qui "
            "entrent en vigueur."
        ),
        authors=("karim-bensaid",),
        tags=("Transports", "Logement", "Énergie"),
        published=first_of_month("07:30"),
        body=(
            (
                "Comme chaque début de mois, plusieurs changements entrent en vigueur. Certains "
                "concernent tout le monde, d'autres seulement une partie des ménages. Voici les "
                "principaux, tels qu'ils ont été annoncés par les administrations et les "
                "opérateurs concernés."
            ),
            Intertitle("Transports : un abonnement régional unique"),
            (
                "Dans la région Val-de-Lize, les abonnements de train, de car et de tramway "
                "fusionnent en un seul titre mensuel, valable sur l'ensemble des réseaux. Son "
                "prix varie selon le nombre de zones traversées. Les abonnés actuels n'ont aucune "
                "démarche à accomplir : leur carte est mise à jour automatiquement lors de la "
                "première validation."
            ),
            Intertitle("Logement : les demandes d'aide en ligne"),
            (
                "Les demandes d'aide à la rénovation énergétique se font désormais uniquement en "
                "ligne, sur une plateforme unique. Les ménages qui ne disposent pas d'un accès à "
                "internet peuvent se faire accompagner gratuitement dans les mairies partenaires "
                "et les points d'accueil des services publics."
            ),
            Intertitle("Énergie : de nouvelles heures creuses"),
            (
                "Certains fournisseurs d'électricité appliquent une nouvelle grille qui distingue "
                "davantage les heures creuses et les heures pleines. Les consommateurs ont "
                "intérêt à vérifier leur contrat : selon les habitudes du foyer, la facture peut "
                "baisser ou augmenter de plusieurs dizaines d'euros par an."
            ),
            Intertitle("Petite enfance : les inscriptions en crèche"),
            (
                "Les inscriptions en crèche municipale sont ouvertes dans la plupart des grandes "
                "villes jusqu'à la fin du mois. Les parents concernés sont invités à se "
                "rapprocher de leur mairie sans tarder, les places restant limitées dans de "
                "nombreuses communes."
            ),
        ),
    ),
    Article(
        slug="tribune-rendons-aux-mairies-rurales-les-moyens-de-decider",
        section="france",
        label=Label.OPINION,
        title="« Rendons aux mairies rurales les moyens de décider »",
        standfirst=(
            "Maire de Brévignac, Anne Roussel estime que les petites communes s'épuisent à courir "
            "après les appels à projets, au point de ne plus pouvoir gouverner. Elle plaide pour "
            "des dotations stables et une confiance retrouvée."
        ),
        authors=("anne-roussel",),
        tags=("Collectivités locales", "Élections"),
        published=days_ago(3, "18:00"),
        body=(
            (
                "Je suis maire d'une commune de 1 200 habitants depuis neuf ans. Pendant ce "
                "temps, j'ai vu les compétences de ma commune partir vers l'intercommunalité, les "
                "dotations de l'État fondre et les formulaires se multiplier. Je n'ai jamais eu "
                "autant de responsabilités, ni aussi peu de moyens pour les assumer."
            ),
            (
                "Aujourd'hui, pour rénover l'école ou refaire un trottoir, il faut répondre à des "
                "appels à projets. Chaque dossier exige des semaines de travail, des études que "
                "nous devons payer et une connaissance des guichets que seules les grandes "
                "collectivités, dotées de services spécialisés, possèdent vraiment. Les petites "
                "communes s'épuisent à courir après des subventions qu'elles obtiennent rarement."
            ),
            (
                "Ce système a un effet pervers : ce ne sont plus les besoins des habitants qui "
                "décident des investissements, mais les priorités du moment fixées par l'État. "
                "Cette année, il faut être « vert » ; l'an prochain, il faudra peut-être être « "
                "numérique ». Pendant ce temps, la toiture de la salle des fêtes attend."
            ),
            (
                "Je ne réclame pas davantage d'argent par principe. Je demande de la stabilité : "
                "des dotations connues sur plusieurs années, qui permettent de planifier, et une "
                "liberté réelle d'en fixer l'usage. Les élus locaux ne sont pas des gestionnaires "
                "à surveiller, mais des responsables à qui l'on doit pouvoir faire confiance."
            ),
            (
                "À l'approche des élections municipales, beaucoup de mes collègues hésitent à se "
                "représenter. Ce n'est pas le dévouement qui leur manque, c'est le sentiment "
                "d'être utiles. Si nous voulons encore des maires dans nos villages demain, il "
                "est temps de leur rendre les moyens de décider."
            ),
        ),
    ),
    Article(
        slug="portrait-rachid-amrani-facteur",
        section="france",
        label=Label.PORTRAIT,
        title="Rachid Amrani, le facteur qui connaît chaque boîte aux lettres du canton",
        standfirst=(
            "Depuis vingt-deux ans, il distribue le courrier dans six villages autour de "
            "Brévignac. Pour beaucoup d'habitants âgés, il est bien plus qu'un facteur : la seule "
            "visite de la journée."
        ),
        authors=("karim-bensaid",),
        tags=("Collectivités locales", "Emploi"),
        published=days_ago(16, "12:15"),
        body=(
            (
                "Il commence sa tournée à sept heures précises, après avoir trié le courrier dans "
                "le petit centre de distribution de Brévignac. Soixante-dix kilomètres de routes "
                "départementales, cent quatre-vingts boîtes aux lettres et autant d'histoires. "
                "Depuis vingt-deux ans, Rachid Amrani est le facteur de six villages du canton."
            ),
            (
                "Les habitants le reconnaissent de loin, à sa voiture jaune et à sa casquette "
                "vissée sur la tête. Chez les plus âgés, il s'arrête quelques minutes, vérifie "
                "que tout va bien, rapporte parfois le pain ou les médicaments. « Pour certains, "
                "je suis la seule personne qu'ils voient de la journée », dit-il simplement."
            ),
            (
                "Ce rôle informel est devenu un service à part entière il y a quelques années, "
                "lorsque son employeur a lancé des visites payantes aux personnes âgées. Rachid "
                "Amrani en reconnaît l'utilité, mais refuse de minuter ses arrêts. « Je ne vais "
                "pas demander à Mme Pérez si elle a souscrit l'abonnement avant de l'aider à "
                "changer une ampoule. »"
            ),
            (
                "Le métier a changé. Il y a moins de lettres, davantage de colis, et des tournées "
                "plus longues à mesure que les bureaux ferment. Rachid Amrani s'inquiète de la "
                "réorganisation annoncée pour l'an prochain, qui pourrait fusionner sa tournée "
                "avec celle d'un collègue. « On ira plus vite. On s'arrêtera moins. »"
            ),
            (
                "À cinquante-quatre ans, il ne se voit pas faire autre chose. Le soir, il "
                "entraîne l'équipe de football des moins de treize ans de Brévignac, où jouent "
                "les petits-enfants de ceux à qui il distribue le courrier. « Ici, tout le monde "
                "se connaît. Moi, j'ai juste la chance d'avoir les adresses », sourit-il."
            ),
        ),
    ),
    Article(
        slug="tribunal-valmoreau-audiences-du-soir",
        section="france",
        label=Label.ARTICLE,
        title="Justice : le tribunal de Valmoreau expérimente les audiences du soir",
        standfirst=(
            "Pour réduire des délais qui approchent un an, la juridiction tient désormais "
            "certaines audiences civiles après 18 heures. L'expérimentation doit durer six mois."
        ),
        authors=("karim-bensaid",),
        tags=("Justice", "Collectivités locales"),
        published=days_ago(22, "16:40"),
        comments_open=False,
        body=(
            (
                "Pour la première fois, le tribunal judiciaire de Valmoreau tient des audiences "
                "civiles après 18 heures. L'expérimentation, prévue pour six mois, vise à réduire "
                "les délais de traitement des petits litiges, qui atteignent aujourd'hui près "
                "d'un an dans la juridiction."
            ),
            (
                "Les audiences du soir sont réservées aux affaires simples : impayés de loyers, "
                "litiges de consommation, conflits de voisinage. Elles permettent aux "
                "justiciables qui travaillent de se présenter sans poser de journée de congé, et "
                "aux magistrats de libérer du temps en journée pour les dossiers plus lourds."
            ),
            Quote(
                text=(
                    "Beaucoup de gens renonçaient à faire valoir leurs droits parce qu'ils ne "
                    "pouvaient pas s'absenter de leur travail. Nous voulons que la justice vienne "
                    "un peu à eux."
                ),
                source="Le président du tribunal judiciaire de Valmoreau",
            ),
            (
                "Les greffiers, dont les effectifs sont déjà tendus, ont accepté le dispositif en "
                "échange de jours de récupération et d'une prime. Leurs représentants restent "
                "vigilants : « Une expérimentation ne doit pas devenir une habitude sans moyens "
                "supplémentaires », prévient l'un d'eux."
            ),
            (
                "Un premier bilan sera dressé à mi-parcours. S'il est concluant, d'autres "
                "juridictions du ressort de la cour d'appel pourraient adopter le même "
                "fonctionnement."
            ),
        ),
    ),
)

"""Sport. The clubs, the athletes, the race and the pass named here are invented."""

from datetime import timedelta

from .schema import Article, Illustration, Intertitle, Kind, Label, Note, Quote, Related, days_ago

ARTICLES = (
    Article(
        slug="rugby-rc-sorlieres-qualification",
        section="sport",
        label=Label.ARTICLE,
        title="Rugby : le RC Sorlières arrache sa qualification au bout du temps additionnel",
        standfirst=(
            "Menés de onze points à la pause, les Sorliérois se sont imposés 24-20 face à l'US "
            "Valmoreau grâce à un essai inscrit dans la dernière minute. Le club retrouve la "
            "phase finale après huit saisons d'absence."
        ),
        authors=("ines-garnier",),
        tags=("Rugby", "Collectivités locales"),
        published=days_ago(1, "23:10"),
        body=(
            (
                "Il restait moins d'une minute à jouer quand l'ailier Théo Marsal a aplati en "
                "coin, au terme d'une action de plus de vingt temps de jeu. Transformé dans la "
                "foulée, cet essai permet au RC Sorlières de s'imposer 24-20 face à l'US "
                "Valmoreau et de décrocher sa place en phase finale, une première depuis huit "
                "saisons."
            ),
            (
                "Le match avait pourtant mal commencé pour les locaux, menés 3-14 après une "
                "demi-heure de jeu, dépassés dans les rucks et pénalisés à répétition. Il a fallu "
                "un discours musclé de l'entraîneur à la pause et l'entrée d'une première ligne "
                "plus mobile pour renverser la tendance."
            ),
            Quote(
                text=(
                    "On a failli tout perdre sur une première mi-temps ratée. Mais ce groupe ne "
                    "lâche jamais, il l'a encore prouvé ce soir."
                ),
                source="Jérôme Castagné, entraîneur du RC Sorlières",
            ),
            (
                "Les 3 500 spectateurs du stade municipal ont vécu une fin de match irrespirable. "
                "Valmoreau, qui avait repris l'avantage à la 74e minute sur une pénalité, a "
                "longtemps cru tenir son succès. La dernière touche, volée par le talonneur "
                "sorliérois, a tout changé."
            ),
            (
                "Le RC Sorlières affrontera en quart de finale le leader de la poule, sur son "
                "terrain. Une autre montagne, mais le club aborde ce rendez-vous libéré. « On n'a "
                "plus rien à perdre », souriait Théo Marsal, encore couvert de boue, en quittant "
                "la pelouse."
            ),
        ),
    ),
    Article(
        slug="col-du-grand-fayard-cyclotouristes",
        section="sport",
        label=Label.REPORT,
        title="Sur les pentes du col du Grand-Fayard, avec les cyclistes du dimanche matin",
        standfirst=(
            "Ni classement ni chronomètre : chaque semaine, le club cyclotouriste de Brévignac "
            "s'attaque à onze kilomètres d'ascension. Nous avons grimpé avec eux, au rythme de "
            "chacun."
        ),
        authors=("ines-garnier",),
        tags=("Cyclisme", "Santé"),
        published=days_ago(2, "17:45"),
        caption="Onze kilomètres d'ascension, à 7 % de moyenne.",
        body=(
            (
                "Six heures et demie, sur la place de l'église de Brévignac. Une quarantaine de "
                "cyclistes vérifient la pression de leurs pneus, ajustent leur casque, échangent "
                "des barres de céréales. Comme chaque dimanche, le club cyclotouriste local "
                "s'attaque au col du Grand-Fayard : onze kilomètres d'ascension à 7 % de moyenne."
            ),
            (
                "Ici, pas de classement ni de chronomètre. Le groupe se scinde dès les premiers "
                "lacets, chacun grimpant à son rythme. Les plus rapides attendront au sommet, "
                "devant le refuge, en partageant un thermos de café. « Le but, c'est d'arriver "
                "ensemble, pas premier », rappelle Gérard, soixante-dix ans, doyen du club."
            ),
            Illustration(
                caption=(
                    "Le col du Grand-Fayard, onze kilomètres d'ascension au-dessus de Brévignac."
                ),
                motif="vagues",
            ),
            (
                "Le club a changé de visage ces dernières années. Les femmes représentent "
                "désormais un tiers des licenciés, et les vélos à assistance électrique ont "
                "permis à des cyclistes plus âgés, ou moins entraînés, de rester dans le peloton. "
                "Le débat a été vif au début ; il est aujourd'hui clos."
            ),
            (
                "À mi-pente, Lina, vingt-six ans, souffle en gravissant pour la première fois le "
                "col en entier. Elle a commencé le vélo il y a un an, après une longue "
                "convalescence, sur les conseils de son médecin. « Au début, je m'arrêtais tous "
                "les cinq cents mètres. Aujourd'hui, je vais au bout. C'est ma victoire à moi. »"
            ),
            (
                "Au sommet, la vue s'ouvre sur toute la vallée, encore noyée dans la brume. On se "
                "félicite, on se photographie devant le panneau du col, on refait l'ascension en "
                "paroles. Puis vient la descente, prudente, vers la boulangerie du village, où "
                "les croissants ont été réservés la veille."
            ),
        ),
    ),
    Article(
        slug="portrait-maelle-tardieu-saut-en-hauteur",
        section="sport",
        label=Label.PORTRAIT,
        title="Maëlle Tardieu, 17 ans, le saut en hauteur comme horizon",
        standfirst=(
            "Repérée au collège par son professeur d'éducation physique, la sauteuse de Valmoreau "
            "a gagné douze centimètres en deux saisons. Elle s'entraîne pourtant sur un tapis de "
            "réception hors d'âge."
        ),
        authors=("ines-garnier",),
        tags=("Éducation", "Collectivités locales"),
        published=days_ago(6, "12:00"),
        body=(
            (
                "Elle mesure un mètre soixante-dix-huit et franchit déjà un mètre "
                "quatre-vingt-six. À dix-sept ans, Maëlle Tardieu est l'un des grands espoirs de "
                "l'athlétisme régional. Licenciée au petit club de Valmoreau, elle s'entraîne "
                "trois soirs par semaine dans un gymnase dont le tapis de réception date des "
                "années 1990."
            ),
            (
                "Rien ne la destinait au saut en hauteur. Enfant, elle pratiquait la danse, "
                "jusqu'à ce qu'un professeur d'éducation physique remarque sa détente lors d'une "
                "séance au collège. « Elle a passé la barre à un mètre cinquante avec une "
                "technique approximative et un grand sourire. J'ai appelé le club le soir même », "
                "se souvient-il."
            ),
            (
                "Depuis, sa progression a été spectaculaire : douze centimètres gagnés en deux "
                "saisons, des titres régionaux, une première sélection nationale chez les jeunes. "
                "Son entraîneur, Patrick Leroux, veille à ne pas brûler les étapes. « Elle a le "
                "temps. Le plus important, c'est qu'elle garde le plaisir et qu'elle ne se blesse "
                "pas. »"
            ),
            (
                "Maëlle Tardieu mène de front l'athlétisme et sa classe de terminale, dans un "
                "lycée qui aménage ses horaires. Elle rêve de grandes compétitions, mais aussi "
                "d'études de kinésithérapie. « Je sais qu'une carrière de sauteuse peut s'arrêter "
                "du jour au lendemain. Je veux avoir un plan B. »"
            ),
            (
                "Son club, lui, espère que ces résultats l'aideront à obtenir un nouveau tapis de "
                "réception. La mairie a promis d'étudier le dossier. En attendant, Maëlle Tardieu "
                "continue de sauter, soir après soir, un peu plus haut à chaque fois."
            ),
        ),
    ),
    Article(
        slug="football-clubs-moyens-formation",
        section="sport",
        label=Label.ANALYSIS,
        title="Football : pourquoi les clubs moyens misent tout sur la formation",
        standfirst=(
            "Sans les moyens de recruter des vedettes, les clubs de milieu de tableau forment des "
            "jeunes pour les revendre. Un modèle économique efficace, mais fragile, qui laisse "
            "beaucoup d'espoirs sur le bord du terrain."
        ),
        authors=("ines-garnier",),
        tags=("Football", "Éducation", "Emploi"),
        published=days_ago(9, "10:10"),
        body=(
            (
                "Ils n'ont ni les moyens de recruter des vedettes, ni l'assurance de rester dans "
                "l'élite d'une saison à l'autre. Pour les clubs de milieu de tableau, la "
                "formation des jeunes joueurs est devenue bien plus qu'une tradition : c'est un "
                "modèle économique à part entière."
            ),
            Intertitle("Former pour vendre"),
            (
                "Le calcul est simple. Un centre de formation coûte quelques millions d'euros par "
                "an ; la vente d'un seul joueur formé au club peut rapporter bien davantage. "
                "Plusieurs clubs moyens équilibrent ainsi leurs comptes grâce à un ou deux "
                "transferts par saison, souvent vers de grands championnats étrangers."
            ),
            (
                "Ce modèle a ses fragilités. Il dépend d'une poignée de talents, difficiles à "
                "repérer avant quinze ans, et d'un marché des transferts très volatil. Une saison "
                "sans vente importante peut suffire à mettre un club en difficulté, surtout "
                "lorsque ses droits télévisés baissent."
            ),
            Intertitle("Les jeunes laissés de côté"),
            (
                "Pour un joueur qui signe professionnel, des dizaines d'autres quittent chaque "
                "année les centres de formation sans contrat. Les clubs les plus sérieux ont "
                "renforcé le suivi scolaire, et les taux de réussite au baccalauréat progressent "
                "nettement. Mais l'après-football reste un angle mort pour beaucoup de jeunes."
            ),
            (
                "Certains clubs tentent une autre voie : miser sur la formation pour construire "
                "une identité de jeu et fidéliser leurs supporters, plutôt que pour vendre au "
                "plus offrant. Un pari plus lent, mais qui pourrait se révéler plus durable, à "
                "l'heure où l'écart se creuse entre les grands clubs et tous les autres."
            ),
            Related("entretien-sophie-lemaire-arbitre"),
        ),
    ),
    Article(
        slug="entretien-sophie-lemaire-arbitre",
        section="sport",
        label=Label.INTERVIEW,
        title="« Arbitrer, c'est accepter d'avoir tort aux yeux de la moitié du stade »",
        standfirst=(
            "Arbitre depuis quinze ans et formatrice des jeunes officiels de sa ligue, Sophie "
            "Lemaire raconte un rôle exposé aux insultes, qu'elle exerce toujours avec passion. "
            "Elle plaide pour un meilleur respect des arbitres amateurs."
        ),
        authors=("ines-garnier",),
        tags=("Football", "Éducation"),
        published=days_ago(17, "18:20"),
        body=(
            Intertitle("Comment êtes-vous devenue arbitre ?"),
            (
                "Par accident. J'étais joueuse, je me suis blessée au genou à vingt ans, et un "
                "dirigeant du club m'a proposé de suivre la formation d'arbitre pour rester dans "
                "le football. J'ai découvert le match sous un autre angle. Quinze ans plus tard, "
                "je n'ai pas quitté le terrain."
            ),
            Intertitle("Les violences contre les arbitres sont-elles en hausse ?"),
            (
                "Les insultes ont toujours existé, mais elles se sont banalisées, y compris chez "
                "les parents des plus jeunes joueurs. Les agressions physiques restent rares, "
                "heureusement, mais chacune marque durablement. Beaucoup de jeunes arbitres "
                "arrêtent au bout d'un ou deux ans, découragés."
            ),
            Intertitle("Que faudrait-il changer ?"),
            (
                "Former tout le monde, pas seulement les arbitres. Les éducateurs, les "
                "dirigeants, les parents doivent comprendre les règles et le rôle de l'arbitre. "
                "Dans ma ligue, nous organisons des séances où des joueurs arbitrent eux-mêmes un "
                "match. Ils en ressortent souvent beaucoup plus indulgents."
            ),
            Intertitle("Qu'est-ce qui vous fait continuer ?"),
            (
                "Les matchs où tout se passe bien, et il y en a beaucoup. Quand, à la fin, les "
                "deux capitaines viennent me serrer la main, je sais que j'ai fait mon travail. "
                "Arbitrer, c'est accepter d'avoir tort aux yeux de la moitié du stade. Mais c'est "
                "aussi permettre à vingt-deux personnes de jouer."
            ),
        ),
    ),
    Article(
        slug="chronique-eloge-du-match-nul",
        section="sport",
        label=Label.COLUMN,
        title="Éloge du match nul",
        standfirst=(
            "Les supporters le trouvent frustrant, les diffuseurs ennuyeux, les règlements "
            "cherchent à l'éliminer. Le match nul est pourtant l'une des plus belles inventions "
            "du sport."
        ),
        authors=("ines-garnier",),
        tags=("Football", "Rugby"),
        published=days_ago(23, "07:30"),
        comments_open=False,
        body=(
            (
                "Il n'a pas bonne presse. Les supporters le jugent frustrant, les diffuseurs "
                "ennuyeux, et les règlements des compétitions s'efforcent de l'éliminer à coups "
                "de prolongations et de tirs au but. Le match nul est pourtant l'une des plus "
                "belles inventions du sport."
            ),
            (
                "Car il dit une vérité que notre époque pressée supporte mal : parfois, personne "
                "n'a mérité de perdre. Deux équipes se sont rendu coup pour coup pendant "
                "quatre-vingt-dix minutes, chacune a eu ses temps forts, et le score reconnaît "
                "simplement cet équilibre."
            ),
            (
                "Le match nul a aussi ses drames. Celui arraché à la dernière seconde, qui a le "
                "goût d'une victoire pour les uns et d'une défaite pour les autres. Celui, "
                "calculé, que l'on défend avec dix joueurs derrière le ballon. Celui, enfin, qui "
                "ne satisfait personne mais arrange tout le monde au classement."
            ),
            (
                "Dans le sport amateur, il a même une vertu pédagogique. Apprendre aux enfants "
                "qu'un match peut s'achever sans vainqueur, c'est leur apprendre que l'adversaire "
                "n'est pas un ennemi à écraser, mais un partenaire de jeu dont on a mesuré la "
                "valeur."
            ),
            (
                "Alors, la prochaine fois que le tableau d'affichage indiquera 1-1 au coup de "
                "sifflet final, résistons à la déception. Nous venons peut-être d'assister au "
                "résultat le plus juste qui soit."
            ),
        ),
    ),
    Article(
        slug="marathon-de-valmoreau-parcours-horaires",
        section="sport",
        label=Label.EXPLAINER,
        title="Marathon de Valmoreau : parcours, horaires et routes fermées",
        standfirst=(
            "Plus de quatre mille coureurs sont attendus pour la onzième édition. Quais fermés "
            "toute la matinée, tramway renforcé, parkings relais gratuits : ce qu'il faut savoir "
            "pour courir, encourager ou simplement circuler."
        ),
        authors=("ines-garnier", "karim-bensaid"),
        tags=("Transports", "Collectivités locales", "Santé"),
        published=days_ago(1, "16:00"),
        notes=(
            Note(
                Kind.UPDATE,
                after=timedelta(hours=3),
                text=(
                    "La préfecture a avancé la réouverture des quais à 13 heures ; le reste du "
                    "parcours demeure fermé jusqu'à 15 heures."
                ),
            ),
        ),
        body=(
            (
                "Plus de quatre mille coureurs sont attendus pour la onzième édition du marathon "
                "de Valmoreau, qui se court en fin de semaine. Le parcours traverse le centre "
                "historique et longe les berges de la rivière, ce qui entraîne d'importantes "
                "perturbations de la circulation. Voici ce qu'il faut savoir."
            ),
            Intertitle("Le parcours"),
            (
                "Le départ est donné à 8 h 30 devant l'hôtel de ville. Les coureurs rejoignent "
                "ensuite les quais, qu'ils suivent sur une quinzaine de kilomètres, avant de "
                "traverser le parc des Tanneurs et de revenir vers le centre par les faubourgs "
                "nord. Un semi-marathon et une course de dix kilomètres partent du même endroit, "
                "à une heure d'intervalle."
            ),
            Intertitle("Les routes fermées"),
            (
                "La circulation sera interdite de 6 heures à 15 heures sur l'ensemble du "
                "parcours. Les quais et le pont Neuf seront fermés toute la matinée. Les "
                "riverains concernés ont reçu un laissez-passer qui leur permet de sortir de leur "
                "quartier par des itinéraires balisés, sous le contrôle des bénévoles."
            ),
            Intertitle("Les transports en commun"),
            (
                "Le réseau de bus fonctionnera selon un plan de circulation adapté, et le tramway "
                "circulera normalement, avec des rames supplémentaires pour acheminer spectateurs "
                "et coureurs. Les parkings relais situés en périphérie seront gratuits toute la "
                "journée."
            ),
            (
                "Les organisateurs rappellent enfin que les spectateurs sont les bienvenus le "
                "long du parcours, notamment dans la montée de la rue des Remparts, la plus "
                "difficile de la course. Des animations musicales sont prévues à chaque "
                "ravitaillement."
            ),
        ),
    ),
)

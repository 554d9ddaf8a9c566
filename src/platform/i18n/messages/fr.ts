import type { nl } from './nl.ts';

// French (fr-BE).
export const fr: Record<keyof typeof nl, string> = {
  'shell.skipToContent': 'Aller au contenu',
  'shell.tagline': 'Le pont entre l’enseignement et le bien-être',
  'shell.demoBanner':
    'Version de démonstration : toutes les organisations, personnes et données sont fictives.',
  'shell.languageSwitch': 'Langue',
  'shell.mainNavigation': 'Menu principal',
  'shell.signIn': 'Se connecter',
  'shell.signOut': 'Se déconnecter',
  'shell.comingSoon': 'bientôt',
  'shell.notYetBuilt': 'Cette partie est encore en construction.',
  'shell.notYetBuiltExplanation':
    'Vous ne pouvez pas encore l’utiliser. Dès qu’elle sera prête, vous la trouverez ici, sans rien devoir faire.',
  'shell.footerAbout':
    'Brugwerk aide les écoles, les CLB, les organisations sociales, les figures-ponts et les pouvoirs locaux à collaborer autour des enfants et des familles.',
  'shell.sourcesLink': 'Sources et licences',
  'shell.licence': 'Code source sous EUPL-1.2',

  'nav.directory': 'Carte sociale',
  'nav.directoryDescription':
    'Trouvez des organisations, leur offre et des personnes de contact près de l’école.',
  'nav.practices': 'Pratiques',
  'nav.practicesDescription':
    'Apprenez des bonnes pratiques : qui le fait déjà, et comment cela s’est-il passé ?',
  'nav.reflection': 'Réflexion',
  'nav.reflectionDescription':
    'Réfléchissez en équipe à votre collaboration et définissez les prochaines étapes.',
  'nav.collaboration': 'Collaboration',
  'nav.collaborationDescription':
    'Gardez la trace des collaborations, accords et réseaux, même quand les personnes changent.',
  'nav.cases': 'Orientation et concertation de cas',
  'nav.casesDescription':
    'Orientez les familles avec soin et concertez-vous sur les parcours bloqués, dans le respect de la vie privée.',
  'nav.signals': 'Signaux',
  'nav.signalsDescription':
    'Transmettez les problèmes structurels aux autorités et suivez ce qu’il en advient.',
  'nav.regions': 'Régions',
  'nav.regionsDescription': 'Consultez l’offre et les lacunes de votre région.',

  'home.title': 'Bienvenue sur Brugwerk',
  'home.lead':
    'Les enfants qui grandissent dans la pauvreté ont moins de chances à l’école. Brugwerk réunit les adultes qui les entourent : écoles, CLB, organisations sociales, figures-ponts et pouvoirs locaux.',
  'home.modulesTitle': 'Ce que vous pouvez faire ici',
  'home.signInCta': 'Se connecter',

  'sources.title': 'Sources et licences',
  'sources.intro':
    'Brugwerk utilise des données de référence ouvertes sur les communes belges. Voici les sources :',
  'sources.statbel':
    'Communes, codes INS, provinces, fusions de 2025 et codes postaux par commune : Source : Statbel.',
  'sources.osm':
    'Points centraux des communes : © contributeurs d’OpenStreetMap, disponibles sous l’Open Database License (ODbL 1.0).',
  'sources.fpsFinance':
    'Limites communales pour les cartes : Source : SPF Finances – AGDP, unités administratives 01/01/2021, regroupées selon les fusions de 2025.',
  'sources.bpost':
    'Les noms de localités des codes postaux (bpost) servent uniquement à rechercher des adresses ; nous ne les publions pas en données ouvertes.',
  'sources.licence':
    'Le code source de Brugwerk est publié sous la European Union Public Licence 1.2 (EUPL-1.2).',

  'form.errorSummaryTitle': 'Il y a un problème',
  'form.save': 'Enregistrer',
  'form.cancel': 'Annuler',

  'validation.required': 'Complétez ce champ.',
  'validation.tooLong': 'C’est trop long.',
  'validation.email': 'Indiquez une adresse e-mail valide, comme nom@exemple.be.',
  'validation.passwordTooShort': 'Choisissez un mot de passe d’au moins 12 caractères.',
  'validation.choose': 'Choisissez dans la liste.',
  'validation.invalid': 'Cette valeur n’est pas valide.',

  'pagination.label': 'Pagination',
  'pagination.previous': 'Page précédente',
  'pagination.next': 'Page suivante',
  'pagination.status': 'Page {page} sur {pages}',

  'error.pageTitle': 'Un problème est survenu',
  'error.forbiddenTitle': 'Accès refusé',
  'error.notFoundTitle': 'Page introuvable',
  'error.notFound':
    'Nous ne trouvons pas cette page. Le lien est peut-être ancien, ou vous n’y avez pas accès.',
  'error.forbidden': 'Vous n’avez pas accès à cette page.',
  'error.unauthorized': 'Connectez-vous pour continuer.',
  'error.badRequest': 'Nous ne pouvons pas traiter cette demande. Vérifiez ce que vous avez saisi.',
  'error.validation': 'Certaines données manquent ou ne sont pas valides.',
  'error.invalidJson': 'Le contenu n’est pas du JSON valide.',
  'error.csrf': 'Ce formulaire a expiré. Rechargez la page et réessayez.',
  'error.payloadTooLarge': 'Ce que vous envoyez est trop volumineux.',
  'error.unsupportedMediaType': 'Ce type de contenu n’est pas accepté ici.',
  'error.tooManyRequests': 'Trop de demandes à la suite. Patientez un moment et réessayez.',
  'error.internal':
    'Un problème est survenu chez nous. Réessayez plus tard. Mentionnez la référence si vous nous contactez.',
  'error.uriTooLong': 'L’adresse est trop longue.',
  'error.invalidCharacters': 'La saisie contient des caractères que nous ne pouvons pas enregistrer.',
  'error.reference': 'Référence :',
  'error.backHome': 'Vers la page d’accueil',

  'role.member': 'Membre',
  'role.editor': 'Rédacteur',
  'role.admin': 'Gestionnaire de l’organisation',
  'role.curator': 'Curateur',
  'role.platformAdmin': 'Administrateur de la plateforme',

  'accounts.signInTitle': 'Se connecter',
  'accounts.email': 'Adresse e-mail',
  'accounts.password': 'Mot de passe',
  'accounts.signInButton': 'Se connecter',
  'accounts.forgotPasswordLink': 'Mot de passe oublié ?',
  'accounts.invalidCredentials': 'Cette adresse e-mail et ce mot de passe ne correspondent pas. Réessayez.',
  'accounts.throttled':
    'Trop de tentatives échouées. Réessayez dans {minutes} minute(s), ou demandez un nouveau mot de passe.',
  'accounts.signedIn': 'Vous êtes connecté.',
  'accounts.signedOut': 'Vous êtes déconnecté.',
  'accounts.secondFactorTitle': 'Code de votre application',
  'accounts.secondFactorIntro':
    'Ouvrez l’application d’authentification sur votre téléphone et saisissez le code à six chiffres.',
  'accounts.secondFactorCode': 'Code',
  'accounts.secondFactorHint': 'Six chiffres, ou l’un de vos codes de récupération.',
  'accounts.secondFactorButton': 'Confirmer',
  'accounts.secondFactorWrong':
    'Ce code n’est pas correct. Vérifiez l’heure de votre téléphone et réessayez.',
  'accounts.secondFactorLocked': 'Trop de codes erronés. Reconnectez-vous avec votre mot de passe.',
  'accounts.secondFactorRequired':
    'La vérification en deux étapes est obligatoire pour votre rôle. Configurez-la maintenant pour continuer.',
  'accounts.accountTitle': 'Mon compte',
  'accounts.name': 'Nom',
  'accounts.platformRoles': 'Rôles sur la plateforme',
  'accounts.none': 'Aucun',
  'accounts.secondFactor': 'Vérification en deux étapes',
  'accounts.secondFactorOn': 'Activée',
  'accounts.secondFactorOff': 'Désactivée',
  'accounts.secondFactorManage': 'Gérer',
  'accounts.secondFactorActive': 'La vérification en deux étapes est activée pour votre compte.',
  'accounts.membershipsTitle': 'Mes organisations',
  'accounts.noMemberships':
    'Vous n’appartenez encore à aucune organisation. Demandez à un gestionnaire de vous inviter.',
  'accounts.organisation': 'Organisation',
  'accounts.role': 'Rôle',
  'accounts.moreTitle': 'Plus',
  'accounts.backToAccount': 'Retour à mon compte',
  'accounts.enrolTitle': 'Configurer la vérification en deux étapes',
  'accounts.enrolStep1': 'Installez une application d’authentification sur votre téléphone.',
  'accounts.enrolStep2': 'Scannez ce code QR avec l’application.',
  'accounts.enrolStep3': 'Saisissez ci-dessous le code à six chiffres affiché par l’application.',
  'accounts.enrolQrLabel': 'Code QR pour associer l’application d’authentification',
  'accounts.enrolManualKey': 'Le scan ne fonctionne pas ? Saisissez cette clé dans l’application :',
  'accounts.enrolButton': 'Activer',
  'accounts.recoveryCodesTitle': 'Vos codes de récupération',
  'accounts.recoveryCodesIntro':
    'La vérification en deux étapes est activée. Conservez ces codes en lieu sûr : chacun fonctionne une fois si vous n’avez pas votre téléphone. Nous ne les affichons qu’une seule fois.',
  'accounts.recoveryCodesDone': 'Je les ai conservés',
  'accounts.tokensTitle': 'Clés API',
  'accounts.tokensIntro':
    'Une clé API permet à un autre système de consulter des données en votre nom via l’API JSON. Donnez à chaque clé un nom qui dit à quoi elle sert.',
  'accounts.noTokens': 'Vous n’avez pas encore de clé API.',
  'accounts.tokenName': 'Nom',
  'accounts.createdAt': 'Créée le',
  'accounts.lastUsedAt': 'Dernière utilisation',
  'accounts.status': 'Statut',
  'accounts.tokenRevoked': 'Révoquée',
  'accounts.tokenRevoke': 'Révoquer',
  'accounts.tokenRevokedFlash': 'La clé API a été révoquée.',
  'accounts.tokenNewTitle': 'Nouvelle clé API',
  'accounts.tokenCreate': 'Créer la clé',
  'accounts.tokenCreated':
    'Voici votre nouvelle clé. Copiez-la maintenant : nous ne l’affichons qu’une seule fois.',
  'accounts.forgotPasswordTitle': 'Mot de passe oublié',
  'accounts.forgotPasswordIntro':
    'Indiquez votre adresse e-mail. Nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'accounts.forgotPasswordButton': 'Envoyer le lien',
  'accounts.resetMailSent':
    'Si un compte correspond à cette adresse, vous recevrez un e-mail dans quelques minutes. Le lien est valable 24 heures.',
  'accounts.newPasswordTitle': 'Choisir un nouveau mot de passe',
  'accounts.newPassword': 'Nouveau mot de passe',
  'accounts.passwordHint':
    'Au moins 12 caractères. Une phrase de quelques mots est solide et facile à retenir.',
  'accounts.newPasswordButton': 'Enregistrer le mot de passe',
  'accounts.passwordChanged':
    'Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe.',
  'accounts.resetInvalid': 'Ce lien n’est plus valable. Demandez-en un nouveau.',
  'accounts.emailTaken': 'Un compte existe déjà avec cette adresse e-mail.',
  'accounts.invitationTitle': 'Invitation',
  'accounts.invitationIntro': 'Vous êtes invité à devenir membre de {organisation}, en tant que {role}.',
  'accounts.invitationAccept': 'Accepter l’invitation',
  'accounts.invitationAccepted': 'Bienvenue ! Vous êtes maintenant membre de l’organisation.',
  'accounts.invitationSignInFirst':
    'Vous avez déjà un compte. Connectez-vous d’abord pour accepter l’invitation.',
  'accounts.invitationOtherAccount':
    'Cette invitation est destinée à une autre adresse e-mail. Déconnectez-vous et rouvrez le lien.',
  'accounts.invitationInvalid':
    'Cette invitation n’est plus valable. Demandez-en une nouvelle au gestionnaire.',
  'accounts.accountCreated':
    'Votre compte est prêt. Connectez-vous avec votre adresse e-mail et votre mot de passe.',

  'org.membersTitle': 'Membres de {organisation}',
  'org.membersCaption': 'Membres et leur rôle',
  'org.roleFor': 'Rôle de {name}',
  'org.changeRole': 'Modifier le rôle',
  'org.actions': 'Actions',
  'org.remove': 'Retirer',
  'org.inviteTitle': 'Inviter quelqu’un',
  'org.inviteButton': 'Envoyer l’invitation',
  'org.invited': 'L’invitation a été envoyée.',
  'org.roleChanged': 'Le rôle a été modifié.',
  'org.lastAdmin':
    'C’est le dernier gestionnaire de l’organisation. Nommez d’abord quelqu’un d’autre gestionnaire.',
  'org.removeTitle': 'Retirer un membre',
  'org.removeConfirm':
    'Voulez-vous vraiment retirer {name} de {organisation} ? Cette personne perd immédiatement l’accès.',
  'org.removeButton': 'Oui, retirer',
  'org.removed': 'Le membre a été retiré.',
  'org.secondFactorTitle': 'Imposer la vérification en deux étapes',
  'org.secondFactorIntro':
    'Choisissez pour quels rôles de cette organisation la vérification en deux étapes est obligatoire.',
  'org.secondFactorLegend': 'Obligatoire pour',
  'org.secondFactorSave': 'Enregistrer',
  'org.secondFactorSaved': 'Le réglage de la vérification en deux étapes est enregistré.',

  'admin.organisationsTitle': 'Organisations',
  'admin.organisationsCaption': 'Toutes les organisations ({total})',
  'admin.organisationsEmpty': 'Il n’y a pas encore d’organisation. Créez la première ci-dessous.',
  'admin.organisationNew': 'Nouvelle organisation',
  'admin.organisationName': 'Nom',
  'admin.organisationSlug': 'Nom court dans le lien',
  'admin.organisationSlugHint':
    'Uniquement des minuscules, des chiffres et des traits d’union. Laissez vide : nous le formons à partir du nom.',
  'admin.organisationType': 'Type d’organisation',
  'admin.organisationMunicipality': 'Commune',
  'admin.organisationCreate': 'Créer l’organisation',
  'admin.organisationCreated': 'L’organisation a été créée. Invitez maintenant le premier gestionnaire.',
  'admin.organisationMembers': 'Membres',
  'org.slugTaken': 'Ce nom court est déjà utilisé. Choisissez-en un autre.',
  'validation.slug': 'Utilisez uniquement des minuscules, des chiffres et des traits d’union.',
  'admin.resetSecondFactor': 'Effacer la vérification en deux étapes',
  'admin.resetSecondFactorConfirm':
    'Voulez-vous effacer la vérification en deux étapes de {name} ? Faites-le seulement si cette personne a perdu son téléphone et ses codes de récupération et si vous êtes sûr de qui le demande. Toutes ses sessions prennent fin ; à la prochaine connexion, elle configure à nouveau la vérification si elle est obligatoire.',
  'admin.resetSecondFactorButton': 'Oui, effacer',
  'admin.secondFactorReset': 'La vérification en deux étapes a été effacée.',
  'admin.usersTitle': 'Utilisateurs',
  'admin.usersCaption': 'Tous les utilisateurs ({total})',
  'admin.platformRolesOf': 'Rôles sur la plateforme de {name}',
  'admin.rolesSaved': 'Les rôles ont été enregistrés.',
  'admin.secondFactorTitle': 'Vérification en deux étapes pour toute la plateforme',
  'admin.secondFactorLegend': 'Obligatoire pour ces rôles, dans chaque organisation',
  'admin.mailboxTitle': 'Boîte aux lettres',
  'admin.mailboxNoSmtp':
    'Aucun serveur de messagerie n’est configuré (SMTP_URL). Les e-mails ne sont pas envoyés ; vous les lisez ici.',
  'admin.mailboxSmtp': 'Les e-mails sont envoyés via le serveur configuré. Vous voyez ici ce qui est parti.',
  'admin.mailboxEmpty': 'Il n’y a pas encore d’e-mails.',
  'admin.mailboxCaption': 'E-mails ({total})',
  'admin.mailCreated': 'Créé le',
  'admin.mailTo': 'À',
  'admin.mailSubject': 'Objet',
  'admin.mailSent': 'Envoyé',
  'admin.backToMailbox': 'Retour à la boîte aux lettres',
  'admin.auditTitle': 'Journal d’audit',
  'admin.auditCaption': 'Événements, les plus récents d’abord ({total})',
  'admin.auditWhen': 'Quand',
  'admin.auditEvent': 'Événement',
  'admin.auditOutcome': 'Résultat',
  'admin.auditActor': 'Par',
  'admin.auditSubject': 'Concerne',

  'mail.invitationSubject': 'Invitation pour {organisation} sur Brugwerk',
  'mail.invitationBody':
    'Bonjour,\n\nVous êtes invité à devenir membre de {organisation} sur Brugwerk.\n\nOuvrez ce lien pour accepter l’invitation (valable 7 jours) :\n{link}\n\nVous n’attendiez pas cet e-mail ? Vous pouvez l’ignorer.\n\nBrugwerk',
  'mail.resetSubject': 'Un nouveau mot de passe pour Brugwerk',
  'mail.resetBody':
    'Bonjour,\n\nQuelqu’un a demandé un nouveau mot de passe pour votre compte Brugwerk.\n\nOuvrez ce lien pour choisir un nouveau mot de passe (valable 24 heures) :\n{link}\n\nVous n’avez rien demandé ? Ignorez cet e-mail ; votre mot de passe reste inchangé.\n\nBrugwerk',

  'orgType.school': 'École',
  'orgType.clb': 'CLB',
  'orgType.caw': 'CAW',
  'orgType.ocmw': 'CPAS / maison sociale',
  'orgType.huis_van_het_kind': 'Maison de l’Enfant',
  'orgType.ckg': 'Centre de soins aux enfants et de soutien aux familles',
  'orgType.inloopteam': 'Équipe d’accueil',
  'orgType.buurtwerk': 'Travail de quartier',
  'orgType.samenlevingsopbouw': 'Développement communautaire',
  'orgType.armoedeorganisatie': 'Association de lutte contre la pauvreté',
  'orgType.onderwijscentrum': 'Centre d’enseignement',
  'orgType.lokaal_bestuur': 'Pouvoir local',
  'orgType.brugfigurenwerking': 'Service de figures-ponts',
  'orgType.jeugdwerk': 'Travail de jeunesse',
  'orgType.sport': 'Sport',
  'orgType.cultuur': 'Culture',
  'orgType.gezondheid': 'Santé',
  'orgType.lerend_netwerk': 'Réseau apprenant',
  'orgType.andere': 'Autre',
};

import { fr } from 'decap-cms-locales';

type Phrases = { [key: string]: string | Phrases };

/**
 * Decap's French phrases lag behind its English ones: these fill the gaps an editor meets
 * (locale copy, notes, review status), so the whole workshop reads French.
 */
const missing: Phrases = {
  auth: { loginWithForgejo: 'Se connecter avec Forgejo' },
  collection: {
    collectionTop: { viewAsList: 'Affichage en liste', viewAsGrid: 'Affichage en grille' },
    entries: { unpublishedHeader: 'Entrées non publiées' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Champ %{widgetLabel}' } },
    editorControlPane: {
      i18n: {
        copyFromLocale: 'Remplir depuis une autre langue',
        copyFromLocaleConfirm:
          'Remplir avec le contenu en %{locale} ?\nTout le contenu déjà saisi dans cette langue sera remplacé.',
      },
    },
    editorInterface: { toggleNotes: 'Afficher les notes' },
    editorNotesPane: {
      title: 'Notes',
      emptyState: 'Aucune note pour l’instant. Ajoutez la première ci-dessous.',
      addNote: 'Ajouter une note',
      addPlaceholder: 'Ajouter une note…',
      editPlaceholder: 'Modifier la note…',
      save: 'Enregistrer',
      cancel: 'Annuler',
      edit: 'Modifier',
      delete: 'Supprimer',
      resolve: 'Marquer comme résolue',
      unresolve: 'Rouvrir',
      confirmDelete: 'Supprimer cette note ?',
      shortcut: 'Astuce : Ctrl+Entrée ajoute la note',
    },
    editorToolbar: {
      statusInfoTooltipDraft: 'Brouillon. Pour le soumettre à relecture, passez le statut à « En cours de révision ».',
      statusInfoTooltipInReview:
        'En cours de relecture : rien d’autre à faire. Vous pouvez encore modifier l’entrée pendant la relecture.',
    },
    editorWidgets: {
      markdown: {
        strikethrough: 'Barré',
        toggleMode: { rich: 'Passer en texte enrichi', markdown: 'Passer en Markdown' },
      },
      image: {
        chooseMultiple: 'Choisir des images',
        addMore: 'Ajouter des images',
        removeAll: 'Retirer toutes les images',
      },
      file: {
        chooseMultiple: 'Choisir des fichiers',
        addMore: 'Ajouter des fichiers',
        removeAll: 'Retirer tous les fichiers',
      },
      datetime: { setToNow: 'Régler « %{fieldLabel} » sur maintenant' },
      object: { expand: 'Déplier', collapse: 'Replier' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Fermer' } },
  ui: {
    settingsDropdown: { account: 'Options du compte' },
    toast: {
      noteAdded: 'Note ajoutée',
      onFailToAddNote: 'Impossible d’ajouter la note : %{details}',
      noteUpdated: 'Note modifiée',
      onFailToUpdateNote: 'Impossible de modifier la note : %{details}',
      noteDeleted: 'Note supprimée',
      onFailToDeleteNote: 'Impossible de supprimer la note : %{details}',
      noteResolved: 'Note résolue',
      noteReopened: 'Note rouverte',
      onFailToToggleNote: 'Impossible de changer l’état de la note : %{details}',
    },
  },
};

/** Fills `base`'s gaps from `extra`, never replacing a phrase Decap has. */
export function withPhrases(base: Phrases, extra: Phrases): Phrases {
  const out: Phrases = { ...extra, ...base };
  for (const [k, v] of Object.entries(extra)) {
    const own = base[k];
    if (typeof v === 'object' && typeof own === 'object') out[k] = withPhrases(own, v);
  }
  return out;
}

export const french = withPhrases(fr, missing);

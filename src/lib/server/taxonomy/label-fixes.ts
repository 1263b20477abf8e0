/**
 * Corrections of French labels found in the source files (see data/taxonomy/README.md).
 * Apart from COH, a correction may only change case and accents, never the words: the source
 * stays the authority on meaning, and read-taxonomy.ts checks it.
 */

/** The sheet spells the 2019 themes in capitals without accents ("EDUCATION ET JEUNESSE"). */
export const THEME_LABELS_FR: Readonly<Record<string, string>> = {
  EDU: 'Éducation et jeunesse',
  EMP: 'Emploi',
  ENV: 'Environnement',
  SAN: 'Santé',
  SOL: 'Solidarité',
  TER: 'Territoires',
  ART: 'Arts et culture',
  COM: 'Communication',
  CON: 'Consommation et services responsables',
  DEM: 'Démocratie',
  GOU: 'Gouvernance',
  NUM: 'Numérique',
  SPO: 'Sport',
  TOU: 'Tourisme',
  FIN: 'Financement',
  PAT: 'Patrimoine',
};

/** Sub-themes whose capital letter lost its accent ("Egalité" for "Égalité"). */
export const SUBTHEME_LABEL_FIXES: Readonly<Record<string, string>> = {
  EDC: 'Éducation citoyenneté',
  EGA: 'Égalité des chances',
  EFH: 'Égalité femmes-hommes',
  ENE: 'Énergies',
};

/** The one correction that changes words: COH copies ENE's label but describes social cohesion. */
export const TAG2018_MEANING_FIXES: Readonly<Record<string, string>> = {
  COH: 'Cohésion sociale',
};

export const TAG2018_LABEL_FIXES: Readonly<Record<string, string>> = {
  ...TAG2018_MEANING_FIXES,
  ECO: 'Économie',
  EDU: 'Éducation',
  ENE: 'Énergie',
  EVA: 'Évaluation',
};

/** 2018 filter choices (domaines, publics, méthodes) by choice name. */
export const FILTER_LABEL_FIXES: Readonly<Record<string, string>> = {
  evaluate: 'Évaluation',
};

/**
 * Maturity stages of a project (charter art. 7), as the consolidation stores them in
 * project.maturity, with the French labels the API and the facets show (data labels, like the
 * themes' label_fr).
 */
export const STAGES = ['launch', 'deployment', 'scaling', 'completed'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  launch: 'Lancement',
  deployment: 'Déploiement',
  scaling: 'Changement d’échelle',
  completed: 'Terminé',
};

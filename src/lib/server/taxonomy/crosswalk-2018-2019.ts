/**
 * From the 40 tag codes of the 2018 nomenclature (what the 835 partner-tag rules point to) to
 * the 2019 themes and sub-themes. "THEME/SUB" names a sub-theme; "THEME" alone means the 2018
 * code is broader than any one sub-theme. A theme whose only sub-theme repeats its code
 * (ART/ART, NUM/NUM, ...) is always written with it, as the 2019 data does.
 * Decisions are explained in data/taxonomy/README.md.
 */
export const CROSSWALK_2018_2019: Readonly<Record<string, readonly string[]>> = {
  AGR: ['ENV/AGR', 'ENV/ALI'], // "alimentation, forêt": 2018 had no food code, food tags went here
  AME: ['TER/AMH'],
  BIO: ['ENV/PRN'],
  CIT: ['TER/INI'], // engagement, mobilisation citoyenne
  CLI: ['ENV/ADA'],
  COH: ['SOL/LIE'], // cohésion sociale (labelled "energie" in the source)
  COM: ['COM/COM'],
  COO: ['TER/COO'],
  COP: ['CON/CON'], // achats durables, commande publique
  COR: ['CON/CON'], // commerce équitable
  CUL: ['ART/ART'],
  DEC: ['ENV/GES'],
  DRO: ['SOL/LUT'], // accès aux droits, discriminations
  EAU: ['ENV/PRN'],
  ECO: ['CON/CON'], // ESS, économie circulaire, circuits courts: the responsible-economy theme
  EDU: ['EDU'],
  EMP: ['EMP/ACE'],
  ENE: ['ENV/ENE'],
  EVA: ['GOU/GOU'], // impact evaluation steers an organisation
  FIN: ['FIN/FIN'],
  FOR: ['EMP/FOR'],
  GOU: ['GOU/GOU'],
  HAB: ['TER/AMH'],
  HAN: ['SOL/HAN'],
  INS: ['EMP/ACE'], // insertion professionnelle
  JEU: ['EDU/ENF'],
  LOI: ['TOU/TOU'], // "vacances", accès aux loisirs
  MEC: ['FIN/FIN'],
  MED: ['SOL/LIE'],
  MOB: ['TER/MOB'],
  NUM: ['NUM/NUM'],
  PAR: ['DEM/DEM'],
  SAN: ['SAN'],
  SEN: ['SOL/SEN'],
  SER: ['SOL'], // services à la population, accueil de jour, aide à domicile (mostly CCAS)
  SPO: ['SPO/SPO'],
  TOU: ['TOU/TOU'],
  URB: ['TER/AMH'],
};

/** 2018 codes with no 2019 counterpart, and why: a tag mapped only to these yields no theme. */
export const UNMAPPED_2018: Readonly<Record<string, string>> = {
  AUT: '"Autres": a catch-all with no meaning of its own',
  REC: 'research is a method, and 2019 has no research theme or sub-theme',
};

export interface CrosswalkResult {
  themes: string[];
  subthemes: string[];
}

/** The 2019 themes and sub-themes of some 2018 codes, each once, in the order met. */
export function crosswalk2018To2019(codes2018: Iterable<string>): CrosswalkResult {
  const themes = new Set<string>();
  const subthemes = new Set<string>();
  for (const code of codes2018) {
    for (const target of CROSSWALK_2018_2019[code] ?? []) {
      const [theme, subtheme] = target.split('/');
      if (theme) themes.add(theme);
      if (subtheme) subthemes.add(subtheme);
    }
  }
  return { themes: [...themes], subthemes: [...subthemes] };
}

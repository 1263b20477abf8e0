/**
 * Fictional French social-innovation projects for the synthetic test sites, generated
 * deterministically from a seed (the site's name): the same site always lists the same projects,
 * so tests can assert on exact values. Town names and postal codes are real; everything else is
 * invented.
 */
export interface SyntheticProject {
  /** Stable id at the site, 1-based. */
  id: number;
  slug: string;
  name: string;
  carrier: string;
  city: string;
  postalCode: string;
  description: string;
  tags: string[];
  contactEmail: string;
  year: number;
}

const KINDS = [
  'Recyclerie',
  'Épicerie solidaire',
  'Jardin partagé',
  'Repair café',
  'Tiers-lieu',
  'Atelier vélo',
  'Cantine participative',
  'Ressourcerie',
  'Garage solidaire',
  'Café associatif',
  'Fablab',
  'Ferme urbaine',
  'Crèche coopérative',
  'Habitat partagé',
  'Plateforme de covoiturage',
  'Conciergerie solidaire',
  'Chantier d’insertion',
  'Bibliothèque d’outils',
  'Monnaie locale',
  'Lieu de répit',
];

const QUALIFIERS = [
  'des Capucins',
  'du Vieux-Port',
  'de la Croix-Rousse',
  'des Quatre Saisons',
  'Le Panier',
  'La Fabrique',
  'Les Communs',
  'du Bocage',
  'de l’Étang',
  'Bel Air',
  'des Tisserands',
  'La Ruche',
  'Cœur de Bourg',
  'Les Mains Vertes',
  'du Canal',
  'L’Escale',
  'des Deux Rives',
  'Le Relais',
  'Sainte-Thérèse',
  'La Maille',
];

const CARRIER_FORMS = [
  'Association',
  'SCIC',
  'SCOP',
  'Collectif',
  'Fondation',
  'Régie de quartier',
  'Entreprise d’insertion',
  'Coopérative',
];

const CARRIER_NAMES = [
  'Solidarités Nouvelles',
  'Terre d’Avenir',
  'Le Lien',
  'Horizons Partagés',
  'Écoute et Entraide',
  'Main-Forte',
  'Les Petits Pas',
  'Réseau Cocagne Local',
  'Ensemble Demain',
  'L’Établi',
  'Kerlenn',
  'Graines de Quartier',
];

export const CITIES: readonly (readonly [string, string])[] = [
  ['Lyon', '69001'],
  ['Marseille', '13001'],
  ['Lille', '59000'],
  ['Rennes', '35000'],
  ['Nantes', '44000'],
  ['Bordeaux', '33000'],
  ['Toulouse', '31000'],
  ['Strasbourg', '67000'],
  ['Montpellier', '34000'],
  ['Grenoble', '38000'],
  ['Clermont-Ferrand', '63000'],
  ['Dijon', '21000'],
  ['Besançon', '25000'],
  ['Limoges', '87000'],
  ['Poitiers', '86000'],
  ['Rouen', '76000'],
  ['Caen', '14000'],
  ['Brest', '29200'],
  ['Metz', '57000'],
  ['Saint-Denis', '93200'],
  ['Villeurbanne', '69100'],
  ['Roubaix', '59100'],
  ['Amiens', '80000'],
  ['Tours', '37000'],
  ['Orléans', '45000'],
  ['Perpignan', '66000'],
  ['Bayonne', '64100'],
  ['Saint-Étienne', '42000'],
  ['Angers', '49000'],
  ['Quimper', '29000'],
  ['Mulhouse', '68100'],
  ['Nîmes', '30000'],
  ['Aurillac', '15000'],
  ['Guéret', '23000'],
  ['Mende', '48000'],
  ['Saint-Brieuc', '22000'],
  ['Cayenne', '97300'],
  ['Fort-de-France', '97200'],
];

export const TAGS = [
  'Alimentation',
  'Emploi',
  'Insertion',
  'Économie circulaire',
  'Habitat',
  'Mobilité',
  'Santé',
  'Éducation',
  'Culture',
  'Numérique',
  'Transition écologique',
  'Lien social',
  'Handicap',
  'Jeunesse',
  'Personnes âgées',
  'Agriculture',
  'Énergie',
  'Finance solidaire',
];

const ACTIONS = [
  'accompagne les personnes éloignées de l’emploi vers un métier',
  'collecte, répare et revend à petit prix des objets du quotidien',
  'propose des paniers de produits locaux à des familles aux revenus modestes',
  'forme les habitants au numérique et aux démarches en ligne',
  'réunit voisins, écoles et associations autour d’un jardin cultivé ensemble',
  'offre un lieu d’accueil et de répit aux aidants familiaux',
  'loue des vélos et apprend à les entretenir',
  'rénove des logements avec leurs futurs occupants',
  'organise des ateliers intergénérationnels et des repas partagés',
  'finance de petits projets d’entrepreneurs dans les quartiers',
];

const PLACES = [
  'dans les quartiers prioritaires',
  'en milieu rural',
  'au cœur du centre-ville',
  'sur tout le département',
  'avec les communes voisines',
  'auprès des jeunes de 16 à 25 ans',
];

/** mulberry32: a tiny seeded PRNG, enough for reproducible fixtures. */
function prng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const cache = new Map<string, SyntheticProject[]>();

/** `count` projects for a site; names are unique within the site. */
export function projectsFor(site: string, count: number): SyntheticProject[] {
  const key = `${site}:${count}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const random = prng(site);
  const names = new Set<string>();
  const projects: SyntheticProject[] = [];
  for (let id = 1; id <= count; id++) {
    let name = `${pick(random, KINDS)} ${pick(random, QUALIFIERS)}`;
    while (names.has(name)) name = `${pick(random, KINDS)} ${pick(random, QUALIFIERS)}`;
    names.add(name);
    const [city, postalCode] = pick(random, CITIES);
    const carrier = `${pick(random, CARRIER_FORMS)} ${pick(random, CARRIER_NAMES)}`;
    const first = pick(random, TAGS);
    const tags = [
      first,
      pick(
        random,
        TAGS.filter((t) => t !== first),
      ),
    ];
    const slug = slugify(name);
    projects.push({
      id,
      slug,
      name,
      carrier,
      city,
      postalCode,
      description: `${name} ${pick(random, ACTIONS)} ${pick(random, PLACES)} à ${city}.`,
      tags,
      contactEmail: `contact@${slug}.example.org`,
      year: 2012 + Math.floor(random() * 13),
    });
  }
  cache.set(key, projects);
  return projects;
}

/** The i-th project of the benchmark site (1-based): cheap, no randomness, no cache. */
export function benchProject(i: number): SyntheticProject {
  const name = `${KINDS[i % KINDS.length]} ${QUALIFIERS[(i * 7) % QUALIFIERS.length]} n°${i}`;
  const [city, postalCode] = CITIES[(i * 13) % CITIES.length] as readonly [string, string];
  const slug = `projet-${i}`;
  return {
    id: i,
    slug,
    name,
    carrier: `${CARRIER_FORMS[i % CARRIER_FORMS.length]} ${CARRIER_NAMES[(i * 5) % CARRIER_NAMES.length]}`,
    city,
    postalCode,
    description: `${name} ${ACTIONS[i % ACTIONS.length]} ${PLACES[i % PLACES.length]} à ${city}.`,
    tags: [TAGS[i % TAGS.length] as string, TAGS[(i * 3 + 1) % TAGS.length] as string],
    contactEmail: `contact@${slug}.example.org`,
    year: 2012 + (i % 13),
  };
}

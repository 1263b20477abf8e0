/** Column names partners use for each common field, in order of preference (normalised match). */
export const FIELD_ALIASES = {
  id: ['id', 'identifiant', 'identifier', 'uid', 'reference', 'ref'],
  name: ['nom du projet', 'nom projet', 'titre', 'title', 'name', 'nom', 'projet', 'project', 'project name', 'intitule'],
  carrier: ['structure porteuse', 'porteur du projet', 'porteur', 'structure', 'organisation', 'organization', 'carrier', 'association', 'entreprise'],
  description: ['description', 'resume', 'summary', 'presentation', 'description courte', 'short description', 'texte', 'chapo'],
  website: ['url projet', 'site web', 'site internet', 'website', 'site', 'url'],
  sourceUrl: ['url page sourceur', 'url fiche', 'fiche', 'source url', 'lien', 'link', 'permalink', 'page'],
  email: ['email', 'e mail', 'courriel', 'mail', 'contact email', 'email contact'],
  phone: ['telephone', 'tel', 'phone', 'numero de telephone'],
  tags: ['tags sourceur', 'tags', 'mots cles', 'keywords', 'thematiques', 'thematique', 'categories', 'categorie', 'category', 'themes', 'theme'],
  address: ['adresse', 'address', 'adresse postale'],
  postalCode: ['code postal', 'cp', 'postal code', 'postcode', 'zip', 'zipcode'],
  city: ['ville', 'commune', 'city', 'localite', 'town'],
  inseeCode: ['code insee', 'insee', 'code commune', 'citycode', 'insee code'],
  departement: ['departement code', 'departement', 'department', 'dept', 'dep'],
  region: ['region code', 'region'],
  latitude: ['lat', 'latitude', 'y'],
  longitude: ['long', 'lon', 'lng', 'longitude', 'x'],
} as const;

export type CommonField = keyof typeof FIELD_ALIASES;

import { z } from 'zod';
import {
  FACET_NAMES,
  facetSearchSchema,
  searchQuerySchema,
  suggestQuerySchema,
} from '../search/parse-search-params.ts';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate the
 * requests (z.toJSONSchema), so the documentation cannot drift from what the API accepts.
 * Each example is run by a test against the app.
 */
export interface ApiExample {
  summary: string;
  path: string;
  status: number;
}

export const API_EXAMPLES: ApiExample[] = [
  { summary: 'Recherche plein texte', path: '/api/v1/projects?q=epicerie%20solidaire', status: 200 },
  {
    summary: 'Sans accents, avec une faute de frappe',
    path: '/api/v1/projects?q=numerique%20inclusiv',
    status: 200,
  },
  {
    summary: 'Filtres : thème et région',
    path: '/api/v1/projects?theme=EMP&region=11&per_page=5',
    status: 200,
  },
  {
    summary: 'Autour d’un point, le plus proche d’abord',
    path: '/api/v1/projects?lat=48.8638&lon=2.4485&radius=5&sort=distance',
    status: 200,
  },
  { summary: 'Dans un cadre de carte', path: '/api/v1/projects?bbox=2.2,48.8,2.5,48.95', status: 200 },
  {
    summary: 'Vus à la source depuis moins de 12 mois',
    path: '/api/v1/projects?fresh=true&sort=name',
    status: 200,
  },
  { summary: 'Suggestions pendant la frappe', path: '/api/v1/suggest?q=montreu', status: 200 },
  {
    summary: 'Paramètre invalide : erreur 400 qui nomme le paramètre',
    path: '/api/v1/projects?page=0',
    status: 400,
  },
];

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as {
    properties?: Record<string, { description?: string } & Record<string, unknown>>;
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    const isList = rest.type === 'array';
    return {
      name,
      in: 'query',
      required: false,
      description,
      ...(isList ? { style: 'form', explode: true } : {}),
      schema: rest,
    };
  });
}

const errorResponse = {
  description: 'Erreur : paramètre invalide (400), introuvable (404) ou trop de requêtes (429)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

export function buildOpenApiDocument(serverUrl: string) {
  const examples = (prefix: string) =>
    Object.fromEntries(
      API_EXAMPLES.filter((e) => e.path.startsWith(prefix)).map((e, i) => [
        `example${i + 1}`,
        { summary: e.summary, externalValue: `${serverUrl}${e.path}` },
      ]),
    );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tadata — API open data du Carrefour des innovations sociales',
      version: '1.0.0',
      description:
        'Projets d’innovation sociale recensés par les partenaires du Carrefour. Chaque projet cite les partenaires qui le publient, avec le lien vers leur page et leur licence. Promesse de version : voir /api.',
      license: {
        name: 'Données : licence de chaque partenaire (champ licence) ; code : MIT',
        identifier: 'MIT',
      },
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths: {
      '/projects': {
        get: {
          operationId: 'searchProjects',
          summary: 'Rechercher des projets, avec les facettes',
          parameters: queryParameters(searchQuerySchema),
          responses: {
            '200': {
              description:
                'Une page de résultats, le total, les facettes et les liens (page suivante, curseur)',
              headers: {
                ETag: { schema: { type: 'string' } },
                'Cache-Control': { schema: { type: 'string' } },
              },
              content: {
                'application/json': { schema: { type: 'object' }, examples: examples('/api/v1/projects') },
              },
            },
            '304': { description: 'Inchangé depuis l’ETag donné dans If-None-Match' },
            '400': errorResponse,
            '429': errorResponse,
          },
        },
      },
      '/projects/{id}': {
        get: {
          operationId: 'getProject',
          summary: 'Un projet publié, par son identifiant (slug)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'Le projet',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            '404': errorResponse,
            '429': errorResponse,
          },
        },
      },
      '/projects/facets/{facet}': {
        get: {
          operationId: 'searchFacetValues',
          summary:
            'Chercher dans les valeurs d’une facette (listes longues : communes, partenaires) pour la recherche courante',
          parameters: [
            {
              name: 'facet',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: [...FACET_NAMES] },
            },
            ...queryParameters(facetSearchSchema).map((p) =>
              p.name === 'facet_q' ? { ...p, required: true } : p,
            ),
            ...queryParameters(searchQuerySchema).filter(
              (p) => !['page', 'per_page', 'cursor', 'sort'].includes(p.name),
            ),
          ],
          responses: {
            '200': {
              description:
                'Les valeurs de la facette dont le libellé contient facet_q (sans accents ni casse), les plus fréquentes d’abord, avec leur nombre de projets',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            '304': { description: 'Inchangé depuis l’ETag donné dans If-None-Match' },
            '400': errorResponse,
            '429': errorResponse,
          },
        },
      },
      '/suggest': {
        get: {
          operationId: 'suggest',
          summary: 'Suggestions pendant la frappe : projets, thèmes, lieux',
          parameters: queryParameters(suggestQuerySchema),
          responses: {
            '200': {
              description: 'Les suggestions',
              content: {
                'application/json': { schema: { type: 'object' }, examples: examples('/api/v1/suggest') },
              },
            },
            '400': errorResponse,
            '429': errorResponse,
          },
        },
      },
      '/projects.{format}': {
        get: {
          operationId: 'exportProjects',
          summary: 'Exporter toute une recherche (tous les résultats), en flux',
          parameters: [
            {
              name: 'format',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: ['csv', 'json', 'geojson'] },
            },
            ...queryParameters(searchQuerySchema).filter(
              (p) => !['page', 'per_page', 'cursor'].includes(p.name),
            ),
          ],
          responses: {
            '200': { description: 'Les projets, avec partenaires, liens et licences' },
            '400': errorResponse,
            '429': errorResponse,
          },
        },
      },
      '/taxonomy': {
        get: {
          operationId: 'taxonomy',
          summary: 'Thèmes, sous-thèmes, publics et méthodes, avec le nombre de projets',
          responses: {
            '200': {
              description: 'Les termes',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      '/territories': {
        get: {
          operationId: 'territories',
          summary: 'Territoires d’un niveau, dans un parent, par nom, avec le nombre de projets',
          parameters: [
            {
              name: 'level',
              in: 'query',
              required: false,
              schema: {
                type: 'string',
                enum: ['region', 'departement', 'epci', 'commune'],
                default: 'region',
              },
            },
            { name: 'parent', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 100 } },
          ],
          responses: { '200': { description: 'Les territoires' }, '400': errorResponse },
        },
      },
      '/partners': {
        get: {
          operationId: 'partners',
          summary: 'Partenaires actifs, leur licence et leurs sources publiques',
          responses: { '200': { description: 'Les partenaires' } },
        },
      },
      '/statistics': {
        get: {
          operationId: 'statistics',
          summary: 'Nombre de projets par thème × territoire × partenaire × mois × stade, pour une recherche',
          parameters: [
            {
              name: 'by',
              in: 'query',
              required: false,
              description: 'theme, region ou departement, partner, month, stage (séparés par des virgules)',
              schema: { type: 'string', default: 'theme' },
            },
            {
              name: 'format',
              in: 'query',
              required: false,
              description: 'json, ou csv (codes, noms et nombres de projets, un fichier à télécharger)',
              schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
            },
            ...queryParameters(searchQuerySchema).filter(
              (p) => !['page', 'per_page', 'cursor', 'sort'].includes(p.name),
            ),
          ],
          responses: { '200': { description: 'Les comptes' }, '400': errorResponse },
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          summary: 'État du service',
          responses: { '200': { description: 'Le service répond' } },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: ['invalid_parameter', 'not_found', 'rate_limited'] },
                parameter: { type: 'string', description: 'Le paramètre en cause (invalid_parameter)' },
                message: { type: 'string' },
              },
            },
          },
        },
      },
    },
  };
}

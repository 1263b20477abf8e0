import type { LocationInput, RecordInput } from '../imports/record-input.ts';
import type { KeywordMatcher } from '../taxonomy/keyword-rules.ts';
import { isMethodCode } from '../taxonomy/method-codes.ts';
import { parseAddress } from '../territories/parse-address.ts';
import { cleanLine, cleanText, shortPresentation } from '../text/clean-text.ts';
import { normalizeEmail, normalizePhone, normalizeUrl } from '../text/normalize-contact.ts';
import type { Geocoder, ReferenceNames, TagMapper } from './ports.ts';
import { qualityScore } from './quality-score.ts';

export interface ProjectLocationFields {
  label: string | null;
  postalCode: string | null;
  inseeCode: string | null;
  city: string | null;
  epciCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  latitude: number | null;
  longitude: number | null;
  /** 'address' when the partner's own coordinates agree with the commune (no street index offline). */
  precision: LocationPrecision;
  /** The given coordinates contradicted the commune (more than 30 km away): the commune won. */
  coordinatesFlagged: boolean;
}

export type LocationPrecision =
  | 'address'
  | 'commune'
  | 'postal_code'
  | 'departement'
  | 'region'
  | 'national'
  | 'unknown';

export type Maturity = 'launch' | 'deployment' | 'scaling' | 'completed';
export type Scale = 'local' | 'departemental' | 'regional' | 'national' | 'international';
const MATURITIES = new Set<string>(['launch', 'deployment', 'scaling', 'completed']);
const SCALES = new Set<string>(['local', 'departemental', 'regional', 'national', 'international']);

/** The published minimal record (charter): nothing else from the source is republished. */
export interface ProjectFields {
  name: string;
  carrier: string | null;
  summary: string | null;
  website: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  themes: string[];
  subthemes: string[];
  publics: string[];
  /** CIS 2018 method codes (COO, EVA, GOU, MEC, MED, PAR, REC). */
  methods: string[];
  tags: string[];
  keywords: string;
  sourceUrl: string | null;
  locations: ProjectLocationFields[];
  maturity: Maturity | null;
  scale: Scale | null;
  /** Null unless the partner allows media to be republished. */
  imageUrl: string | null;
  distinctions: string[];
  /** Theme or sub-theme code → 'partner' (its own code or tag) or 'inferred' (keyword rule). */
  themeOrigins: Record<string, 'partner' | 'inferred'>;
  /** The partner's tags no crosswalk rule knows. */
  unmappedTags: string[];
  qualityScore: number;
  warnings: string[];
}

export interface BuildContext {
  geocoder: Geocoder;
  tagMapper: TagMapper;
  names: ReferenceNames;
  /** The key of the partner's crosswalk rules (its name as the rule set spells it). */
  partnerName: string;
  /** Whether the partner lets its media (images) be republished. */
  mediaAllowed?: boolean;
  /** Keyword rules on name and presentation, used when the partner gives no theme. */
  keywords?: KeywordMatcher;
  /** Base for resolving relative links (the partner's website). */
  partnerWebsite: string | null;
}

const PUBLIC_CODES = new Set(['HAN', 'JEU', 'SEN']);

function locationKey(l: ProjectLocationFields): string {
  return [l.inseeCode, l.postalCode, l.city, l.departementCode, l.latitude, l.longitude].join('|');
}

function geocodeLocation(
  input: LocationInput,
  context: BuildContext,
  warnings: string[],
): ProjectLocationFields | null {
  const address = cleanLine(input.address);
  const city = cleanLine(input.city);
  if (
    !address &&
    !city &&
    !input.postalCode &&
    !input.inseeCode &&
    !input.departement &&
    input.latitude === undefined
  ) {
    return null;
  }
  // A free-text address is all some partners give: its postal code and city are read from it.
  const parsed = !input.postalCode && !city && !input.inseeCode ? parseAddress(address) : null;
  if (parsed?.national) {
    return {
      label: address,
      postalCode: null,
      inseeCode: null,
      city: null,
      epciCode: null,
      departementCode: null,
      regionCode: null,
      latitude: null,
      longitude: null,
      precision: 'national',
      coordinatesFlagged: false,
    };
  }
  const result = context.geocoder.geocode({
    inseeCode: input.inseeCode ?? null,
    postalCode: input.postalCode ?? parsed?.postalCode ?? null,
    city: city ?? parsed?.city ?? null,
    departement: input.departement ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  });
  warnings.push(...result.warnings);
  const ownPoint =
    result.precision === 'commune' && input.latitude !== undefined && result.latitude === input.latitude;
  return {
    label: address,
    postalCode: result.postalCode ?? cleanLine(input.postalCode),
    inseeCode: result.inseeCode,
    city: result.city ?? city,
    epciCode: result.epciCode,
    departementCode: result.departementCode,
    regionCode: result.regionCode,
    latitude: result.latitude,
    longitude: result.longitude,
    precision: ownPoint ? 'address' : result.precision,
    coordinatesFlagged: result.coordinatesFlagged ?? false,
  };
}

/** First consolidation of one record: cleaning, taxonomy codes, geocoding. Pure given its context. */
export function buildProjectFields(input: RecordInput, context: BuildContext): ProjectFields {
  const warnings: string[] = [];
  const { names } = context;

  const tags = [
    ...new Set(input.partnerTags.map((t) => cleanLine(t)).filter((t): t is string => Boolean(t))),
  ];
  const mapped = context.tagMapper.mapTags(context.partnerName, tags);

  const subthemes = [...new Set([...input.subthemeCodes, ...mapped.subthemes])].filter((code) => {
    if (names.subthemeParents.has(code)) return true;
    warnings.push(`unknown sub-theme code ${code} ignored`);
    return false;
  });
  const themes = [
    ...new Set([
      ...input.themeCodes,
      ...mapped.themes,
      ...subthemes.map((s) => names.subthemeParents.get(s) as string),
    ]),
  ].filter((code) => {
    if (names.themes.has(code)) return true;
    warnings.push(`unknown theme code ${code} ignored`);
    return false;
  });

  const locations: ProjectLocationFields[] = [];
  const seen = new Set<string>();
  for (const raw of input.locations) {
    const location = geocodeLocation(raw, context, warnings);
    if (location && !seen.has(locationKey(location))) {
      seen.add(locationKey(location));
      locations.push(location);
    }
  }

  const places = new Set<string>();
  for (const l of locations) {
    if (l.city) places.add(l.city);
    if (l.departementCode) places.add(names.departements.get(l.departementCode) ?? '');
    if (l.regionCode) places.add(names.regions.get(l.regionCode) ?? '');
  }

  const base = context.partnerWebsite ?? undefined;
  const themeOrigins: Record<string, 'partner' | 'inferred'> = {};
  for (const code of [...themes, ...subthemes]) themeOrigins[code] = 'partner';
  if (!themes.length && context.keywords) {
    const summaryText = cleanText(input.description) ?? '';
    for (const code of context.keywords(`${input.name} ${summaryText}`)) {
      const parent = names.subthemeParents.get(code);
      const isTheme = names.themes.has(code);
      if (parent && !subthemes.includes(code)) subthemes.push(code);
      const theme = parent ?? (isTheme ? code : null);
      if (!theme) continue;
      if (!themes.includes(theme)) themes.push(theme);
      themeOrigins[code] = 'inferred';
      themeOrigins[theme] = 'inferred';
    }
  }
  const fields = {
    name: input.name,
    carrier: cleanLine(input.carrier),
    summary: shortPresentation(cleanText(input.description)),
    website: normalizeUrl(input.website),
    contactEmail: normalizeEmail(input.email),
    contactPhone: normalizePhone(input.phone),
    themes,
    subthemes,
    publics: mapped.codes2018.filter((c) => PUBLIC_CODES.has(c)),
    methods: mapped.codes2018.filter(isMethodCode),
    tags,
    keywords: [...tags, ...places].filter(Boolean).join(' '),
    sourceUrl: normalizeUrl(input.sourceUrl, base),
    locations,
    maturity: input.maturity && MATURITIES.has(input.maturity) ? (input.maturity as Maturity) : null,
    scale: input.scale && SCALES.has(input.scale) ? (input.scale as Scale) : null,
    imageUrl: context.mediaAllowed === false ? null : normalizeUrl(input.image, base),
    distinctions: [
      ...new Set((input.distinctions ?? []).map((d) => cleanLine(d)).filter((d): d is string => Boolean(d))),
    ],
    themeOrigins,
    unmappedTags: mapped.unmapped,
    warnings,
  };
  return { ...fields, qualityScore: qualityScore(fields) };
}

/**
 * For each word of $1 (folded: lower case, no accents): whether the dictionary of indexed words
 * knows it (as a word, or as the start of one when it is the last word typed, $2), and, for
 * unknown words only, the nearest dictionary words by trigram distance ($3 at most); for the
 * last word, its most frequent completions ($3 at most), since a stemmed prefix ("inclusiv")
 * may not be the prefix of the stem of the word meant ("inclusives" → "inclus").
 */
export const SEARCH_WORDS_SQL = /* sql */ `
SELECT w.word, k.known,
       CASE WHEN k.known THEN '{}'::text[] ELSE coalesce((
         SELECT array_agg(n.word ORDER BY n.distance, n.ndoc DESC)
         FROM (
           SELECT s.word, s.ndoc, s.word <-> w.word AS distance
           FROM search_word s
           WHERE s.ndoc > 0
           ORDER BY s.word <-> w.word
           LIMIT $3::int
         ) AS n
       ), '{}') END AS near,
       CASE WHEN w.word <> $2::text THEN '{}'::text[] ELSE coalesce((
         SELECT array_agg(c.word ORDER BY c.ndoc DESC)
         FROM (
           SELECT s.word, s.ndoc FROM search_word s
           WHERE s.word > w.word AND s.word < w.word || chr(1114111) AND s.ndoc > 0
           ORDER BY s.ndoc DESC
           LIMIT $3::int
         ) AS c
       ), '{}') END AS completions
FROM unnest($1::text[]) AS w (word)
CROSS JOIN LATERAL (
  SELECT EXISTS (SELECT 1 FROM search_word s WHERE s.word = w.word AND s.ndoc > 0)
         OR (w.word = $2::text AND EXISTS (
               SELECT 1 FROM search_word s
               WHERE s.word >= w.word AND s.word < w.word || chr(1114111) AND s.ndoc > 0)) AS known
) AS k
`;

/** The languages the API answers in: English, and Arabic where a text has a translation. */
export const LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Picks the response language from an Accept-Language header (RFC 9110 q-values):
 * the most preferred language we have, English otherwise.
 */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  const match = ranked.find((entry) => (LANGUAGES as readonly string[]).includes(entry.lang));
  return (match?.lang as Language | undefined) ?? 'en';
}

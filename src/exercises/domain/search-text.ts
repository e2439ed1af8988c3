/**
 * Text as the exercise search compares it: case, accents, Arabic diacritics (tashkeel),
 * tatweel and the common Arabic letter variants do not matter, so "nórdic" finds "Nordic"
 * and "تمرين الضغط" finds "تَمْرِينُ الضَّغْط". Names are stored normalized; queries are normalized the same way.
 */

/** Arabic letters written several ways, folded to one: alef forms, alef maqsura, teh marbuta, hamza seats. */
const ARABIC_FOLDS: Record<string, string> = {
  '\u0622': '\u0627', // آ → ا
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064a', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064a', // ئ → ي
};
const ARABIC_VARIANTS = new RegExp(`[${Object.keys(ARABIC_FOLDS).join('')}]`, 'g');

export function normalizeSearchText(text: string): string {
  return (
    text
      // Fold variants first (NFKD would split أ into ا + hamza, which the mark removal then drops anyway).
      .replace(ARABIC_VARIANTS, (letter) => ARABIC_FOLDS[letter])
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/\u0640/g, '')
      .replace(ARABIC_VARIANTS, (letter) => ARABIC_FOLDS[letter])
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** What a stored exercise is searched by: its English and Arabic names, normalized. */
export function exerciseSearchText(name: string, arabicName: string | undefined): string {
  return `${normalizeSearchText(name)} | ${normalizeSearchText(arabicName ?? '')}`;
}

/** The text as a regular expression matching it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

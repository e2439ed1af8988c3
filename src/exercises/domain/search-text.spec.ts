import { escapeRegex, exerciseSearchText, normalizeSearchText } from './search-text';

/** Whether a query finds an exercise with these names, the way the repository matches. */
function finds(query: string, name: string, arabicName?: string): boolean {
  return new RegExp(escapeRegex(normalizeSearchText(query))).test(exerciseSearchText(name, arabicName));
}

describe('normalizeSearchText', () => {
  it('lower-cases, strips accents and collapses white space', () => {
    expect(normalizeSearchText('  Nórdic   HAMSTRING\tcurl ')).toBe('nordic hamstring curl');
    expect(normalizeSearchText('Ｃｏｐｅｎｈａｇｅｎ')).toBe('copenhagen');
  });

  it('strips tashkeel and tatweel', () => {
    expect(normalizeSearchText('تَمْرِينُ الضَّغْطِ')).toBe('تمرين الضغط');
    expect(normalizeSearchText('القرفـــصاء')).toBe('القرفصاء');
  });

  it.each([
    ['آ', 'ا'],
    ['أ', 'ا'],
    ['إ', 'ا'],
    ['ٱ', 'ا'],
    ['ى', 'ي'],
    ['ة', 'ه'],
    ['ؤ', 'و'],
    ['ئ', 'ي'],
  ])('folds %s to %s', (variant, base) => expect(normalizeSearchText(variant)).toBe(base));
});

describe('search by name', () => {
  const name = 'Nordic Hamstring Curl';
  const arabic = 'تمرين النورديك لأوتار الركبة';

  it.each(['NORDIC', 'nórdic', 'hamstring cu', 'nordic  hamstring'])('%p finds the English name', (q) =>
    expect(finds(q, name, arabic)).toBe(true),
  );

  it.each([
    ['without diacritics', 'النورديك'],
    ['with diacritics', 'النُّورْدِيك'],
    ['with tatweel', 'النورديـــك'],
    ['with a bare alef for the hamza', 'لاوتار'],
    ['with another hamza seat', 'لإوتار'],
  ])('Arabic %s finds the Arabic name', (_case, q) => expect(finds(q, name, arabic)).toBe(true));

  it('finds a name written with teh marbuta and alef maqsura by their plain forms', () => {
    expect(finds('قوه', 'Strength', 'قوّة')).toBe(true);
    expect(finds('مستوي', 'Level', 'مستوى')).toBe(true);
  });

  it('does not find other names, and treats regex characters literally', () => {
    expect(finds('copenhagen', name, arabic)).toBe(false);
    expect(finds('.*', name, arabic)).toBe(false);
    expect(finds('(', 'Curl (single arm)', undefined)).toBe(true);
  });
});

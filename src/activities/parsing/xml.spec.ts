import { decodeXmlText, keepTimedPoints, readXml, timeOf } from './xml';
import { codeOf } from './test-samples';

const billionLaughs = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  ' <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
  ']>',
  '<gpx version="1.1" creator="x"><trk><name>&lol9;</name></trk></gpx>',
].join('\n');

describe('readXml', () => {
  it('refuses an entity bomb before parsing', () => {
    expect(codeOf(() => readXml(billionLaughs))).toBe('xml-entities');
    expect(() => readXml(billionLaughs)).toThrow(
      'XML with a document type or entity declarations is refused (entity expansion)',
    );
  });

  it('refuses a plain DOCTYPE and an external entity', () => {
    expect(codeOf(() => readXml('<!DOCTYPE gpx><gpx/>'))).toBe('xml-entities');
    expect(
      codeOf(() =>
        readXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>'),
      ),
    ).toBe('xml-entities');
  });

  it('refuses truncated XML naming line and column', () => {
    const truncated = '<?xml version="1.0"?>\n<gpx version="1.1">\n<trk><trkseg><trkpt lat="1" lon="2">';
    expect(codeOf(() => readXml(truncated))).toBe('not-xml');
    expect(() => readXml(truncated)).toThrow(/line \d+, column \d+/);
    expect(codeOf(() => readXml('not xml at all <'))).toBe('not-xml');
  });

  it('refuses nesting deeper than the parser limit as not-xml (no raw parser error escapes)', () => {
    expect(codeOf(() => readXml('<a>'.repeat(200) + '</a>'.repeat(200)))).toBe('not-xml');
  });

  it('accepts a UTF-8 BOM, strips namespace prefixes, keeps attributes, forces arrays, leaves entities as written', () => {
    const doc = readXml(
      '\ufeff<gpx xmlns:g="x" creator="a &amp; b"><trk><trkseg><trkpt lat="1" lon="2"><g:hr>5</g:hr></trkpt></trkseg></trk></gpx>',
    );
    expect(doc.gpx).toEqual({
      '@_creator': 'a &amp; b',
      trk: [{ trkseg: [{ trkpt: [{ '@_lat': '1', '@_lon': '2', hr: '5' }] }] }],
    });
    expect(decodeXmlText('a &amp; b &#233;&#x41;')).toBe('a & b éA');
  });
});

describe('timeOf and keepTimedPoints', () => {
  it('reads offsets and zone-less times as UTC', () => {
    expect(timeOf('2020-12-27T15:43:49.000+01:00')).toBe(Date.UTC(2020, 11, 27, 14, 43, 49));
    expect(timeOf('2020-12-27T15:43:49')).toBe(Date.UTC(2020, 11, 27, 15, 43, 49));
    expect(timeOf('yesterday')).toBeUndefined();
  });

  it('maps segment starts onto the kept points', () => {
    const kept = keepTimedPoints([{ timeMs: 1 }, {}, { timeMs: 3 }, {}, { timeMs: 5 }], [0, 1, 3], 'GPX');
    expect(kept.points.map((p) => p.timeMs)).toEqual([1, 3, 5]);
    expect(kept.segmentStarts).toEqual([1, 2]);
    expect(kept.droppedUntimedPoints).toBe(2);
  });
});

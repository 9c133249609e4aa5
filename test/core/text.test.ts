import fc from 'fast-check';
import { foldForMatch, isVietnameseSyllable, normalizeTone, toNFC } from '../../src/core/text';

describe('toNFC', () => {
  it('composes decomposed text', () => {
    const nfd = 'Cộng hòa'.normalize('NFD');
    expect(nfd).not.toBe('Cộng hòa');
    expect(toNFC(nfd)).toBe('Cộng hòa');
  });
});

describe('normalizeTone', () => {
  // [old style (canonical), new style]
  const pairs: Array<[string, string]> = [
    ['hóa', 'hoá'],
    ['khỏe', 'khoẻ'],
    ['thủy', 'thuỷ'],
    ['hòa', 'hoà'],
    ['tòa', 'toà'],
    ['lũy', 'luỹ'],
    ['Hóa', 'Hoá'],
    ['HÓA', 'HOÁ'],
    ['THỦY', 'THUỶ'],
  ];

  it.each(pairs)('old style %s ← %s', (oldStyle, newStyle) => {
    expect(normalizeTone(newStyle)).toBe(oldStyle);
    expect(normalizeTone(oldStyle)).toBe(oldStyle);
    expect(normalizeTone(oldStyle, 'new')).toBe(newStyle);
    expect(normalizeTone(newStyle, 'new')).toBe(newStyle);
  });

  it.each([
    // modified vowels take the mark
    ['tíêng', 'tiếng'], ['cưả', 'cửa'], ['thúyêt', 'thuyết'], ['ngừơi', 'người'], ['rượu', 'rượu'], ['muôí', 'muối'],
    // closed syllables: last vowel of the cluster
    ['hòan', 'hoàn'], ['tóan', 'toán'], ['hùynh', 'huỳnh'], ['xóang', 'xoáng'],
    // qu and gi are consonants
    ['quý', 'quý'], ['già', 'già'], ['giữa', 'giữa'], ['quốc', 'quốc'], ['gìa', 'già'], ['gì', 'gì'], ['gìn', 'gìn'],
    // three vowels: the middle one
    ['ngoaị', 'ngoại'], ['ngòai', 'ngoài'], ['khủyu', 'khuỷu'], ['xóay', 'xoáy'],
    // other open two-vowel clusters: the first
    ['muà', 'mùa'], ['haì', 'hài'], ['miá', 'mía'], ['tuí', 'túi'],
  ])('%s → %s (both styles)', (input, expected) => {
    expect(normalizeTone(input)).toBe(expected);
    expect(normalizeTone(input, 'new')).toBe(expected);
  });

  it('keeps the case of every letter when moving the mark', () => {
    expect(normalizeTone('HOÁ')).toBe('HÓA');
    expect(normalizeTone('hOá')).toBe('hÓa');
    expect(normalizeTone('NGOÀI', 'old')).toBe('NGOÀI');
    expect(normalizeTone('NgÒai')).toBe('NgOài');
  });

  it('works inside running text and on NFD input', () => {
    expect(normalizeTone('Đa dạng hoá sinh kế, văn hoá; khoẻ mạnh (thuỷ lợi)')).toBe(
      'Đa dạng hóa sinh kế, văn hóa; khỏe mạnh (thủy lợi)',
    );
    expect(normalizeTone('hoá khoẻ'.normalize('NFD'))).toBe('hóa khỏe');
  });

  it('leaves non-Vietnamese words alone', () => {
    for (const s of ['café', 'naïve', 'Hello world', 'résumé', 'Ωmega', 'München', '東京', 'hóá', 'aé']) {
      expect(normalizeTone(s)).toBe(s.normalize('NFC'));
    }
  });

  it('never throws and is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        const once = normalizeTone(s);
        expect(normalizeTone(once)).toBe(once);
        const onceNew = normalizeTone(s, 'new');
        expect(normalizeTone(onceNew, 'new')).toBe(onceNew);
        expect(() => foldForMatch(s)).not.toThrow();
        expect(() => toNFC(s)).not.toThrow();
      }),
    );
  });

  // Vietnamese syllables with the tone mark put on any vowel of the cluster: every placement
  // normalises to the same word, in either style.
  const initials = ['', 'b', 'ch', 'đ', 'h', 'kh', 'l', 'ng', 'nh', 'th', 'tr', 'x'];
  const syllableShapes: Array<[string, string[]]> = [
    ['oa', ['', 'n', 'ng', 'nh', 't', 'c', 'ch']], ['oe', ['', 'n', 't']], ['uy', ['', 'n', 'nh', 't', 'ch']],
    ['ai', ['']], ['ao', ['']], ['au', ['']], ['ay', ['']], ['eo', ['']], ['ia', ['']], ['iu', ['']], ['oi', ['']], ['ua', ['']], ['ui', ['']],
    ['âu', ['']], ['ây', ['']], ['êu', ['']], ['ôi', ['']], ['ơi', ['']], ['ưa', ['']], ['ưi', ['']], ['ưu', ['']],
    ['iê', ['n', 'ng', 't', 'c', 'm', 'p']], ['uô', ['n', 'ng', 't', 'c', 'm']], ['ươ', ['n', 'ng', 't', 'c', 'm', 'p']],
    ['uyê', ['n', 't']], ['oai', ['']], ['oay', ['']], ['uôi', ['']], ['ươi', ['']], ['iêu', ['']], ['uya', ['']], ['uyu', ['']],
    ['a', ['', 'n', 'm', 'ng', 'nh', 't', 'c', 'ch', 'p']], ['ă', ['n', 'm', 'ng', 't', 'c', 'p']], ['ê', ['', 'n', 'nh', 't', 'ch']],
  ];
  const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const syllable = fc
    .record({
      initial: fc.constantFrom(...initials),
      shape: fc.constantFrom(...syllableShapes),
      finalPick: fc.nat(),
      tone: fc.constantFrom(...TONES),
      upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    })
    .map(({ initial, shape: [cluster, finals], finalPick, tone, upper }) => {
      const fin = finals[finalPick % finals.length];
      const vowels = [...cluster];
      const placements = vowels.map((_, i) =>
        (initial + vowels.map((v, j) => (j === i ? (v + tone).normalize('NFC') : v)).join('') + fin),
      );
      const caseIt = (w: string): string => [...w].map((c, i) => (upper[i % 8] ? c.toUpperCase() : c)).join('');
      return placements.map(caseIt);
    });

  it('is style-invariant for matching: every tone placement gives one word', () => {
    fc.assert(
      fc.property(syllable, (placements) => {
        const canonical = normalizeTone(placements[0]);
        for (const p of placements) {
          expect(normalizeTone(p)).toBe(canonical);
          expect(normalizeTone(normalizeTone(p, 'new'))).toBe(canonical);
          expect(foldForMatch(normalizeTone(p, 'old'))).toBe(foldForMatch(normalizeTone(p, 'new')));
          expect(isVietnameseSyllable(normalizeTone(p))).toBe(true);
        }
        expect(normalizeTone(canonical)).toBe(canonical);
      }),
    );
  });
});

describe('foldForMatch', () => {
  it('folds case, diacritics, đ, tone placement and punctuation', () => {
    expect(foldForMatch('  Đa dạng hoá sinh kế,  phát triển mô hình giảm nghèo!! ')).toBe(
      'da dang hoa sinh ke phat trien mo hinh giam ngheo',
    );
    expect(foldForMatch('ĐẦU TƯ PHÁT TRIỂN')).toBe('dau tu phat trien');
    expect(foldForMatch('Giám sát,đánh giá')).toBe('giam sat danh gia');
    expect(foldForMatch('Kinh tế - xã hội (KT-XH)')).toBe('kinh te xa hoi kt xh');
  });

  it('gives one key for NFC/NFD, old/new tone style and missing diacritics', () => {
    const forms = ['Văn hóa', 'Văn hoá', 'văn hoá'.normalize('NFD'), 'VĂN HÓA', 'Van hoa', 'van  hoa.'];
    for (const f of forms) expect(foldForMatch(f)).toBe('van hoa');
  });

  it('old and new style agree on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldForMatch(normalizeTone(s, 'old'))).toBe(foldForMatch(normalizeTone(s, 'new')));
      }),
    );
  });
});

import fc from 'fast-check';
import {
  TCVN3_CHARS,
  TCVN3_UNICODE,
  convertCellText,
  convertLegacy,
  detectEncoding,
  fontEncoding,
  isVietnameseLetter,
  tcvn3ToUnicode,
  unicodeToTcvn3,
  unicodeToVni,
  vniToUnicode,
} from '../../src/core/text';

const MOTTO = 'Cộng hòa xã hội chủ nghĩa Việt Nam';
const MOTTO_TCVN3 = 'Céng hßa x· héi chñ nghÜa ViÖt Nam';
const MOTTO_VNI = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam';

const LOWER_VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'].flatMap((c) =>
  'aăâeêioôơuưy'.includes(c) ? ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((t) => (c + t).normalize('NFC')) : [c],
);
const ALL_VIETNAMESE = [...LOWER_VIETNAMESE, ...LOWER_VIETNAMESE.map((c) => c.toUpperCase())];

describe('TCVN3', () => {
  it('has one Unicode letter per TCVN3 character (74; U+00AD = ư)', () => {
    // The brief mentions 67, but the domain table lists 66 toned/modified lower-case vowels + đ
    // + 7 capitals = 74 on both sides.
    expect([...TCVN3_CHARS]).toHaveLength([...TCVN3_UNICODE].length);
    expect([...TCVN3_CHARS]).toHaveLength(74);
    expect(new Set(TCVN3_CHARS).size).toBe(74);
    expect(new Set(TCVN3_UNICODE).size).toBe(74);
    expect(TCVN3_CHARS).toContain('\u00AD');
    expect(tcvn3ToUnicode('\u00AD')).toBe('ư');
  });

  it('decodes the national motto', () => {
    expect(tcvn3ToUnicode(MOTTO_TCVN3)).toBe(MOTTO);
    expect(unicodeToTcvn3(MOTTO)).toBe(MOTTO_TCVN3);
    expect(tcvn3ToUnicode('Kinh phÝ thùc hiÖn Dù ¸n 4, TiÓu dù ¸n 3')).toBe('Kinh phí thực hiện Dự án 4, Tiểu dự án 3');
    expect(tcvn3ToUnicode('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
  });

  it('upper-cases text from a capitals font', () => {
    expect(tcvn3ToUnicode('céng hßa x· héi chñ nghÜa viÖt nam', { capitals: true })).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('encodes accented capitals without a TCVN3 byte with the lower-case byte', () => {
    expect(unicodeToTcvn3('ĐỘC LẬP')).toBe('§éC LËP');
    expect(unicodeToTcvn3('ĂÂÊÔƠƯĐ')).toBe('¡¢£¤¥¦§');
    expect(unicodeToTcvn3('Hóa'.normalize('NFD'))).toBe('Hãa');
    expect(unicodeToTcvn3('abc 123 ©')).toBe('abc 123 ©');
  });

  it('round-trips TCVN3 → Unicode → TCVN3', () => {
    const unit = fc.constantFrom(...TCVN3_CHARS, ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        expect(unicodeToTcvn3(tcvn3ToUnicode(s))).toBe(s);
      }),
    );
  });

  it('round-trips lower-case Vietnamese Unicode → TCVN3 → Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...LOWER_VIETNAMESE, ' '), maxLength: 60 }), (s) => {
        expect(tcvn3ToUnicode(unicodeToTcvn3(s))).toBe(s);
      }),
    );
  });
});

describe('VNI', () => {
  it('decodes the national motto', () => {
    expect(vniToUnicode(MOTTO_VNI)).toBe(MOTTO);
    expect(unicodeToVni(MOTTO)).toBe(MOTTO_VNI);
  });

  it.each([
    ['aø aù aû aõ aï', 'à á ả ã ạ'],
    ['aê aè aé aú aü aë', 'ă ằ ắ ẳ ẵ ặ'],
    ['aâ aà aá aå aã aä', 'â ầ ấ ẩ ẫ ậ'],
    ['eâ eá eà eå eã eä', 'ê ế ề ể ễ ệ'],
    ['oâ oá oà oå oã oä', 'ô ố ồ ổ ỗ ộ'],
    ['ô ôù ôø ôû ôõ ôï', 'ơ ớ ờ ở ỡ ợ'],
    ['ö öù öø öû öõ öï', 'ư ứ ừ ử ữ ự'],
    ['í ì æ ó ò', 'í ì ỉ ĩ ị'],
    ['yù yø yû yõ î', 'ý ỳ ỷ ỹ ỵ'],
    ['ñ Ñ', 'đ Đ'],
    ['AØ AÙ AÛ AÕ AÏ', 'À Á Ả Ã Ạ'],
    ['AÊ AÈ AÉ AÚ AÜ AË', 'Ă Ằ Ắ Ẳ Ẵ Ặ'],
    ['AÂ AÀ AÁ AÅ AÃ AÄ', 'Â Ầ Ấ Ẩ Ẫ Ậ'],
    ['Ô ÔÙ Ö ÖØ', 'Ơ Ớ Ư Ừ'],
    ['Í Ì Æ Ó Ò Î', 'Í Ì Ỉ Ĩ Ị Ỵ'],
    ['ngöôøi Ñöôøng thuôû', 'người Đường thuở'],
    ['COÄNG HOØA', 'CỘNG HÒA'],
    ['Aùnh', 'Ánh'],
  ])('%s → %s', (vni, unicode) => {
    expect(vniToUnicode(vni)).toBe(unicode);
  });

  it('round-trips lower-case Vietnamese Unicode → VNI → Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...LOWER_VIETNAMESE, ' '), maxLength: 60 }), (s) => {
        expect(vniToUnicode(unicodeToVni(s))).toBe(s);
      }),
    );
  });

  it('round-trips mixed-case Vietnamese Unicode → VNI → Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALL_VIETNAMESE, ' ', '1', ','), maxLength: 60 }), (s) => {
        expect(vniToUnicode(unicodeToVni(s))).toBe(s);
      }),
    );
  });
});

describe('detectEncoding', () => {
  it.each([
    [MOTTO, 'unicode'],
    [MOTTO.normalize('NFD'), 'unicode'],
    ['© 2024 Sở Tài chính tỉnh Lai Châu', 'unicode'],
    ['© 2024 UBND', 'unicode'],
    ['Tài chính', 'unicode'],
    ['Hello world 123', 'unicode'],
    ['', 'unicode'],
    [MOTTO_TCVN3, 'tcvn3'],
    ['Kinh phÝ thùc hiÖn', 'tcvn3'],
    ['Tæng céng', 'tcvn3'],
    ['Dù ¸n 3: Hç trî ph¸t triÓn s¶n xuÊt, c¶i thiÖn dinh d­ìng', 'tcvn3'],
    [MOTTO_VNI, 'vni'],
    ['Toång coäng', 'vni'],
    ['Döï aùn 3: Hoã trôï phaùt trieån saûn xuaát, caûi thieän dinh döôõng', 'vni'],
    ['Ñaàu tö phaùt trieån', 'vni'],
    // Only Latin-1 letters, but impossible as Unicode Vietnamese.
    ['Yeâu caàu', 'vni'],
    ['thuéc hé nghÌo;', 'tcvn3'],
    ['- L\u00ADu: VT, P.L§-TBXH.', 'tcvn3'],
  ])('%s → %s', (text, encoding) => {
    const g = detectEncoding(text);
    expect(g.encoding).toBe(encoding);
    expect(g.confidence).toBeGreaterThan(0);
    expect(g.confidence).toBeLessThanOrEqual(1);
  });

  it('trusts the font name first', () => {
    expect(detectEncoding('Tæng céng', '.VnTime')).toEqual({ encoding: 'tcvn3', confidence: 0.95, capitals: false });
    expect(detectEncoding('TæNG CéNG', '.VnTimeH')).toEqual({ encoding: 'tcvn3', confidence: 0.95, capitals: true });
    expect(detectEncoding('tæng céng', '.VnArialH').capitals).toBe(true);
    expect(detectEncoding('Toång coäng', 'VNI-Times').encoding).toBe('vni');
    // Unicode-only letters cannot come from a legacy font's bytes: the font was left behind.
    expect(detectEncoding(MOTTO, '.VnTime').encoding).toBe('unicode');
    // A Unicode font still gets the statistics.
    expect(detectEncoding(MOTTO_TCVN3, 'Times New Roman').encoding).toBe('tcvn3');
    expect(detectEncoding(MOTTO, 'Times New Roman').encoding).toBe('unicode');
  });

  it('reads font names', () => {
    expect(fontEncoding('.VnTime')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(fontEncoding('.VnTimeH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(fontEncoding('VNI-Helve')).toEqual({ encoding: 'vni' });
    expect(fontEncoding('Arial')).toEqual({ encoding: 'unicode' });
    expect(fontEncoding('Some Font')).toBeNull();
    expect(fontEncoding(null)).toBeNull();
  });

  it('recognises legacy encodings of real Vietnamese text', () => {
    const words = fc.array(fc.constantFrom('cộng', 'hòa', 'xã', 'hội', 'chủ', 'nghĩa', 'Việt', 'Nam', 'kinh', 'phí', 'dự', 'án', 'giảm', 'nghèo', 'bền', 'vững', 'người', 'đồng'), { minLength: 4, maxLength: 12 })
      .map((ws) => ws.join(' '))
      .filter((s) => [...s].some((c) => c.charCodeAt(0) > 0x7f));
    fc.assert(
      fc.property(words, (s) => {
        expect(detectEncoding(s).encoding).toBe('unicode');
        const tcvn3 = unicodeToTcvn3(s);
        // Only when some byte is not itself a Vietnamese letter (otherwise it reads as Unicode).
        const hasSymbolByte = [...tcvn3].some((c) => c.charCodeAt(0) > 0x7f && !isVietnameseLetter(c));
        if (hasSymbolByte) expect(detectEncoding(tcvn3).encoding).toBe('tcvn3');
      }),
    );
  });
});

describe('convertLegacy / convertCellText', () => {
  it('dispatches', () => {
    expect(convertLegacy(MOTTO_TCVN3, 'tcvn3')).toBe(MOTTO);
    expect(convertLegacy(MOTTO_VNI, 'vni')).toBe(MOTTO);
    expect(convertLegacy(MOTTO.normalize('NFD'), 'unicode')).toBe(MOTTO);
    expect(convertLegacy('céng hßa', 'tcvn3', { capitals: true })).toBe('CỘNG HÒA');
  });

  it('converts text cells by detection', () => {
    expect(convertCellText({ value: MOTTO_TCVN3, font: '.VnTime' })).toEqual({ changed: true, value: MOTTO, encoding: 'tcvn3' });
    expect(convertCellText({ value: MOTTO_VNI, font: 'VNI-Times' })).toEqual({ changed: true, value: MOTTO, encoding: 'vni' });
    expect(convertCellText({ value: MOTTO_TCVN3 })).toEqual({ changed: true, value: MOTTO, encoding: 'tcvn3' });
    expect(convertCellText({ value: 'céng hßa', font: '.VnTimeH' }).value).toBe('CỘNG HÒA');
    expect(convertCellText({ value: MOTTO, font: 'Times New Roman' })).toEqual({ changed: false, value: MOTTO, encoding: 'unicode' });
  });

  it('uses a forced encoding', () => {
    // "nghóa" alone has no foreign character; the user says the sheet is VNI.
    expect(convertCellText({ value: 'nghóa' }).changed).toBe(false);
    expect(convertCellText({ value: 'nghóa' }, 'vni')).toEqual({ changed: true, value: 'nghĩa', encoding: 'vni' });
    expect(convertCellText({ value: 'céng', font: '.VnTimeH' }, 'tcvn3').value).toBe('CỘNG');
  });

  it('never touches formulas or non-text values', () => {
    expect(convertCellText({ value: MOTTO_TCVN3, formula: '=A1&" Céng"', font: '.VnTime' })).toMatchObject({ changed: false, value: MOTTO_TCVN3, skipped: 'formula' });
    expect(convertCellText({ value: '=SUM(A1:A3)' }, 'tcvn3')).toMatchObject({ changed: false, value: '=SUM(A1:A3)', skipped: 'formula' });
    expect(convertCellText({ value: 1728, font: '.VnTime' })).toEqual({ changed: false, value: 1728, encoding: 'unicode', skipped: 'not-text' });
    expect(convertCellText({ value: null }, 'vni')).toMatchObject({ changed: false, value: null, skipped: 'not-text' });
    const d = new Date(0);
    expect(convertCellText({ value: d }).value).toBe(d);
  });
});

describe('no function throws', () => {
  it('on arbitrary strings and fonts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...TCVN3_CHARS, ...'aeouyAEOUY øùûõïâêÔÖñ') })),
        fc.option(fc.string(), { nil: null }),
        (s, font) => {
          tcvn3ToUnicode(s, { capitals: true });
          unicodeToTcvn3(s);
          vniToUnicode(s);
          unicodeToVni(s);
          const g = detectEncoding(s, font);
          expect(g.confidence).toBeGreaterThanOrEqual(0);
          expect(g.confidence).toBeLessThanOrEqual(1);
          convertLegacy(s, g.encoding);
          convertCellText({ value: s, font });
          convertCellText({ value: s, formula: s }, 'tcvn3');
        },
      ),
    );
  });
});

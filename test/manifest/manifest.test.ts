/**
 * Offline manifest checks (`npm run validate:offline`): what Office's online validator would
 * reject, checked without the network.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { DOMParser } from '@xmldom/xmldom';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function parse(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return doc;
}

function all(doc: Document | Element, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS('*', localName));
}

function childElements(el: Element): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
}

const doc = parse(xml);
const root = doc.documentElement;

describe('manifest.xml', () => {
  test('is well-formed XML, and a broken copy is caught', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(() => parse(xml.replace('</Hosts>', ''))).toThrow();
  });

  test('top-level elements appear in the order the schema requires', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const present = childElements(root).map((e) => e.localName);
    for (const name of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'DefaultSettings', 'Permissions']) {
      expect(present).toContain(name);
    }
    const indices = present.map((name) => order.indexOf(name));
    expect(indices).not.toContain(-1);
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
  });

  test('VersionOverrides children are in schema order, and requires the shared runtime', () => {
    const vo = all(doc, 'VersionOverrides')[0];
    const order = ['Description', 'Requirements', 'Hosts', 'Resources'];
    const names = childElements(vo).map((e) => e.localName);
    expect(names.map((n) => order.indexOf(n))).toEqual([...names.map((n) => order.indexOf(n))].sort((a, b) => a - b));
    const sets = all(vo, 'Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toContain('SharedRuntime 1.1');
    expect(all(vo, 'Runtime')[0].getAttribute('lifetime')).toBe('long');
  });

  test('a shared runtime: the functions page and the task pane are the same URL', () => {
    const runtime = all(doc, 'Runtime')[0].getAttribute('resid');
    const cf = all(doc, 'ExtensionPoint').find((e) => e.getAttribute('xsi:type') === 'CustomFunctions') as Element;
    const page = all(all(cf, 'Page')[0], 'SourceLocation')[0].getAttribute('resid');
    expect(page).toBe(runtime);
    // the buttons' functions run on that same page
    expect(all(doc, 'FunctionFile')[0].getAttribute('resid')).toBe(runtime);
  });

  test('custom functions live in namespace KH', () => {
    const nsResid = all(doc, 'Namespace')[0].getAttribute('resid');
    const str = all(doc, 'String').find((s) => s.getAttribute('id') === nsResid) as Element;
    expect(str.getAttribute('DefaultValue')).toBe('KH');
  });

  test('every resid is defined, and every resource id is unique', () => {
    const ids = all(doc, '*').filter((e) => ['Image', 'Url', 'String'].includes(e.localName) && e.hasAttribute('id')).map((e) => e.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    const used = all(doc, '*').map((e) => e.getAttribute('resid')).filter((r): r is string => Boolean(r));
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) expect(ids).toContain(resid);
    // resid values are limited to 32 characters
    for (const id of ids) expect((id as string).length).toBeLessThanOrEqual(32);
  });

  test('control and group ids are unique', () => {
    const ids = all(doc, '*').filter((e) => ['Group', 'Control'].includes(e.localName)).map((e) => e.getAttribute('id'));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every URL is https and shares one base', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    urls.push(...all(doc, 'AppDomain').map((e) => e.textContent as string));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith('https://')).toBe(true);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect(origins.size).toBe(1);
  });

  test('ReadWriteDocument, Workbook host, a Kế hoạch group on Home with Tạo kế hoạch, Kiểm tra and Biểu', () => {
    expect(all(doc, 'Permissions')[0].textContent).toBe('ReadWriteDocument');
    expect(all(root, 'Host')[0].getAttribute('Name')).toBe('Workbook');
    const tab = all(doc, 'OfficeTab')[0];
    expect(tab.getAttribute('id')).toBe('TabHome');
    const groups = all(tab, 'Group');
    expect(groups).toHaveLength(1);
    const label = (el: Element): string | null => {
      const resid = childElements(el).find((c) => c.localName === 'Label')?.getAttribute('resid');
      return all(doc, 'String').find((s) => s.getAttribute('id') === resid)?.getAttribute('DefaultValue') ?? null;
    };
    expect(label(groups[0])).toBe('Kế hoạch');
    const controls = all(groups[0], 'Control');
    expect(controls.map(label)).toEqual(['Tạo kế hoạch', 'Kiểm tra', 'Biểu']);
    for (const c of controls) {
      const action = all(c, 'Action')[0];
      // ExecuteFunction in the shared runtime: the function shows the pane on its view
      expect(action.getAttribute('xsi:type')).toBe('ExecuteFunction');
      expect(all(action, 'FunctionName')[0].textContent).toMatch(/^open(Create|Check|Annex)$/);
      expect(all(c, 'Supertip')).toHaveLength(1);
      expect(all(c, 'Image').map((i) => i.getAttribute('size'))).toEqual(['16', '32', '80']);
    }
  });

  test('short strings fit 125 characters, long strings 250', () => {
    for (const s of all(all(doc, 'ShortStrings')[0], 'String')) expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(125);
    for (const s of all(all(doc, 'LongStrings')[0], 'String')) {
      expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(250);
      for (const o of all(s, 'Override')) expect((o.getAttribute('Value') ?? '').length).toBeLessThanOrEqual(250);
    }
  });

  test('icons 16/32/64/80 are declared and exist in assets/ as PNG of that size', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(xml).toContain(`assets/icon-${size}.png`);
      const png = readFileSync(join(ROOT, 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  test('Vietnamese by default with en-US overrides for every visible string', () => {
    expect(all(doc, 'DefaultLocale')[0].textContent).toBe('vi-VN');
    for (const name of ['DisplayName', 'Description']) {
      const el = all(root, name)[0];
      expect(all(el, 'Override')[0].getAttribute('Locale')).toBe('en-US');
    }
    const strings = all(doc, 'String').filter((s) => s.getAttribute('id') !== 'Functions.Namespace');
    for (const s of strings) expect(all(s, 'Override').map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
    const metadataUrl = all(doc, 'Url').find((u) => u.getAttribute('id') === 'Functions.Metadata.Url') as Element;
    expect(all(metadataUrl, 'Override')[0].getAttribute('Value')).toMatch(/functions\.en-US\.json$/);
  });
});

describe('manifest:url rewrites the base for an intranet host', () => {
  test('all resource URLs and the AppDomain move to the new base', async () => {
    const { rewriteBase } = await import('../../scripts/manifest-url.cjs');
    const out: string = rewriteBase(xml, 'https://intranet.laichau.gov.vn/kh');
    expect(out).not.toContain('localhost');
    expect(out).toContain('https://intranet.laichau.gov.vn/kh/taskpane.html');
    expect(out).toContain('<AppDomain>https://intranet.laichau.gov.vn</AppDomain>');
    expect(() => parse(out)).not.toThrow();
    expect(() => rewriteBase(xml, 'http://intranet/kh/')).toThrow(/https/);
  });
});

/**
 * A streaming XML reader for the pre-flight: saxes, the very tokenizer exceljs parses with (6.0.0
 * here, 5.0.1 inside exceljs: the same code but for lint comments), so the pre-flight sees
 * attribute values exactly as exceljs will — entities decoded (`A1&#58;XFD1048576`), either quote
 * style, any spacing around `=`. Chunks are decoded as UTF-8 across their boundaries; nothing is
 * kept but what the caller keeps.
 */
import { SaxesParser } from 'saxes';
import { StringDecoder } from 'string_decoder';

export interface XmlTag {
  /** The name without its namespace prefix (`x:mergeCell` → `mergeCell`). */
  local: string;
  attributes: Record<string, string>;
}

export type XmlProblem = 'doctype' | 'malformed';

export class XmlScanError extends Error {
  constructor(readonly kind: XmlProblem) {
    super(kind);
    this.name = 'XmlScanError';
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Hands every start tag to `onTag`, and the text of elements named in `textOf` (by local name) to
 * `onText`. A DTD is refused (OPC forbids them; one can only be an entity-expansion attempt);
 * XML saxes rejects — as exceljs would — is malformed.
 */
export class XmlScanner {
  private readonly parser = new SaxesParser();
  private readonly decoder = new StringDecoder('utf8');
  private failure: XmlScanError | null = null;
  private textTarget: string | null = null;
  private text = '';

  constructor(
    onTag: (tag: XmlTag) => void,
    private readonly textOf: ReadonlySet<string> = new Set(),
    private readonly onText: (local: string, text: string) => void = () => undefined,
  ) {
    this.parser.on('doctype', () => {
      this.failure ??= new XmlScanError('doctype');
    });
    this.parser.on('error', () => {
      this.failure ??= new XmlScanError('malformed');
    });
    this.parser.on('opentag', (node) => {
      const local = localName(node.name);
      if (this.textOf.has(local)) {
        this.textTarget = local;
        this.text = '';
      }
      onTag({ local, attributes: node.attributes as Record<string, string> });
    });
    const collect = (t: string): void => {
      if (this.textTarget !== null) this.text += t;
    };
    this.parser.on('text', collect);
    this.parser.on('cdata', collect);
    this.parser.on('closetag', (node) => {
      if (this.textTarget !== null && localName(node.name) === this.textTarget) {
        const target = this.textTarget;
        this.textTarget = null;
        this.onText(target, this.text);
        this.text = '';
      }
    });
  }

  /** Reads one chunk; throws XmlScanError on a DTD or malformed XML, or what a handler throws. */
  feed(chunk: Buffer): void {
    this.parser.write(this.decoder.write(chunk));
    if (this.failure) throw this.failure;
  }

  /**
   * The end of the part. exceljs does not ask saxes to close the document (a part cut short is
   * read as far as it goes), so neither does this: only what was read is judged.
   */
  end(): void {
    const rest = this.decoder.end();
    if (rest) this.parser.write(rest);
    if (this.failure) throw this.failure;
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadBytes, downloadText } from './download';

// Unit tests run in node, so stand in a minimal document that records what the function does.
interface FakeAnchor {
  href: string;
  download: string;
  style: { display: string };
  clicked: boolean;
  inDocument: boolean;
  click(): void;
  remove(): void;
}

let anchors: FakeAnchor[];
let blobs: Blob[];
let revoked: string[];

beforeEach(() => {
  anchors = [];
  blobs = [];
  revoked = [];
  vi.useFakeTimers();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:fake/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url);
  });
  vi.stubGlobal('document', {
    createElement: (tag: string) => {
      expect(tag).toBe('a');
      const anchor: FakeAnchor = {
        href: '',
        download: '',
        style: { display: '' },
        clicked: false,
        inDocument: false,
        click() {
          // The click only downloads when the anchor is attached and fully set up.
          expect(this.inDocument).toBe(true);
          this.clicked = true;
        },
        remove() {
          this.inDocument = false;
        },
      };
      anchors.push(anchor);
      return anchor;
    },
    body: {
      appendChild: (node: FakeAnchor) => {
        node.inDocument = true;
        return node;
      },
    },
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('downloadText', () => {
  it.each([
    ['accounts.csv', 'a,b\r\n', undefined, 'text/csv;charset=utf-8'],
    ['plan.json', '{"x":1}', 'application/json', 'application/json'],
  ])('downloads %s with the right bytes and type', async (fileName, text, mime, expectedType) => {
    downloadText(fileName, text, mime);

    expect(anchors).toHaveLength(1);
    const [anchor] = anchors;
    expect(anchor?.download).toBe(fileName);
    expect(anchor?.href).toBe('blob:fake/1');
    expect(anchor?.clicked).toBe(true);
    expect(anchor?.inDocument).toBe(false);
    expect(blobs[0]?.type).toBe(expectedType);
    expect(await blobs[0]?.text()).toBe(text);
  });

  it('downloads bytes as they are', async () => {
    const bytes = Uint8Array.of(0x4b, 0x00, 0xff, 0x0a);
    downloadBytes('Keyplan backup 2026-01-02.keyplan', bytes);
    expect(anchors[0]?.download).toBe('Keyplan backup 2026-01-02.keyplan');
    expect(anchors[0]?.clicked).toBe(true);
    expect(blobs[0]?.type).toBe('application/octet-stream');
    expect(new Uint8Array(await (blobs[0] as Blob).arrayBuffer())).toEqual(bytes);
  });

  it('revokes the object URL after the click, not before', () => {
    downloadText('x.csv', 'x');
    expect(revoked).toEqual([]);
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:fake/1']);
  });
});

// Fingerprint of a whole file, to spot the same file imported twice. Computed while the file is
// read in slices anyway (no second read, no whole-file buffer), so it is a fast non-cryptographic
// hash: two 32-bit FNV-1a lanes with different offsets plus the byte count.

export class FileFingerprint {
  private a = 0x811c9dc5;
  private b = 0x050c5d1f;
  private size = 0;

  update(bytes: Uint8Array): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      a = Math.imul(a ^ byte, 0x01000193);
      b = Math.imul(b ^ byte, 0x01000193);
    }
    this.a = a;
    this.b = b;
    this.size += bytes.length;
  }

  digest(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    return `fnv1a:${this.size}:${hex(this.a)}${hex(this.b)}`;
  }
}

export function fingerprintOf(bytes: Uint8Array): string {
  const f = new FileFingerprint();
  f.update(bytes);
  return f.digest();
}

import { isMojibakeWord, MISDECODINGS, repairMojibake } from './mojibake';

/** UTF-8 text as a single-byte decoder reads it. */
const misread = (text: string, decoder: string) =>
  new TextDecoder(decoder).decode(new TextEncoder().encode(text));

describe('repairMojibake', () => {
  it('knows the encodings byte for byte as the WHATWG decoders do', () => {
    for (const { label, byte } of MISDECODINGS) {
      const decoder = new TextDecoder(label);
      for (let b = 0x80; b <= 0xff; b++) {
        expect([label, byte.get(decoder.decode(Uint8Array.of(b)))]).toEqual([
          label,
          b,
        ]);
      }
    }
  });

  it('repairs UTF-8 read as Windows-1252, Windows-1254 or Mac Roman', () => {
    expect(repairMojibake('ðŸš€ Launch')).toBe('🚀 Launch');
    expect(repairMojibake('ğŸš€ Launch')).toBe('🚀 Launch');
    expect(repairMojibake('\uf8ffüöÄ Roadmap')).toBe('🚀 Roadmap');
    expect(repairMojibake('âœ… done, ‚úÖ done')).toBe('✅ done, ✅ done');
    expect(repairMojibake('‚ö†Ô∏è MEDIUM EFFORT')).toBe('⚠️ MEDIUM EFFORT');
    expect(repairMojibake('cafÃ© and naÃ¯ve')).toBe('café and naïve');
    for (const decoder of ['windows-1252', 'windows-1254', 'macintosh']) {
      for (const text of ['🎯 Phase 1', 'Build → Test', '📊 Métriques ⭐']) {
        expect(repairMojibake(misread(text, decoder))).toBe(text);
      }
    }
  });

  it('drops the bytes of a character cut short, keeping the complete ones', () => {
    // 🗄️ with the last byte of its variation selector lost.
    expect(repairMojibake('ğŸ—„ï¸ Database')).toBe('🗄 Database');
  });

  it('leaves real text alone', () => {
    for (const text of [
      'café, naïve, Größe, für Ärzte, Ça va, déjà vu, São Paulo',
      'Привет, 日本語, Ελληνικά, עברית',
      '“quoted” — dashed – ranged … • bullet © ® ™ ±5 °C µs',
      '🚀 real emoji ✅',
      'ÀÉÎÕÜ',
    ]) {
      expect(repairMojibake(text)).toBe(text);
    }
  });
});

describe('isMojibakeWord', () => {
  it('tells what is left of mojibake that cannot be repaired', () => {
    expect(isMojibakeWord('âââ')).toBe(true);
    expect(isMojibakeWord('â\u00ad')).toBe(true);
    expect(isMojibakeWord('Ã©Ã')).toBe(true);
  });

  it('keeps words and lone punctuation', () => {
    for (const word of [
      'é',
      'Ärzte',
      'für',
      '—',
      '•',
      '日本語',
      'Привет',
      'ok',
      '',
    ]) {
      expect(isMojibakeWord(word)).toBe(false);
    }
  });
});

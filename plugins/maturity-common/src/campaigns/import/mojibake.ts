/**
 * Mojibake: UTF-8 text (mostly emoji: `🚀`, `✅`, `⭐`) that was read in a
 * single-byte encoding and saved again, so that each byte of a character
 * became a character of its own: `ðŸš€` (Windows-1252), `ğŸš€` (Windows-1254),
 * `üöÄ` (Mac Roman, with an invisible U+F8FF first).
 *
 * The rule, general rather than a list of known strings: a run of non-ASCII
 * characters is mojibake when, written back in one of those encodings, its
 * bytes are UTF-8 — at least one complete multi-byte character, and nothing
 * else than complete characters and sequences cut short (bytes the first
 * decoder had no character for were lost). Such a run is replaced by the
 * characters it encoded. Real text does not form such runs: a letter of a
 * Latin script is one byte in these encodings, and one byte ≥ 0x80 on its
 * own is never UTF-8 (`é`, `ü`, `Ça` stay as they are); other scripts are
 * not in these encodings at all; the rare accented letters side by side
 * that are UTF-8 decode to marks and modifiers, and are left as they are.
 *
 * What is left of a cut-short run (`âââ`, three lead bytes whose other
 * bytes were lost) cannot be repaired; {@link isMojibakeWord} tells such a
 * word made only of mis-decoded characters, to drop it.
 */

const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

// Windows-1252 0x80–0x9F; the five bytes it leaves undefined read as the C1
// control of the same number, as browsers and most decoders do.
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function table(high: (byte: number) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) map.set(high(byte), byte);
  return map;
}

const latin1 = (byte: number) => String.fromCharCode(byte);
const cp1252 = (byte: number) =>
  byte < 0xa0 ? CP1252_C1[byte - 0x80] : latin1(byte);
// Windows-1254 (Turkish) is Windows-1252 but for six letters and two
// bytes it leaves undefined.
const CP1254_LETTERS: Record<number, string> = {
  0x8e: '\u008e',
  0x9e: '\u009e',
  0xd0: 'Ğ',
  0xdd: 'İ',
  0xde: 'Ş',
  0xf0: 'ğ',
  0xfd: 'ı',
  0xfe: 'ş',
};

/** The single-byte encodings, as `TextDecoder` labels and byte tables. */
export const MISDECODINGS: { label: string; byte: Map<string, number> }[] = [
  { label: 'windows-1252', byte: table(cp1252) },
  {
    label: 'windows-1254',
    byte: table(byte => CP1254_LETTERS[byte] ?? cp1252(byte)),
  },
  { label: 'macintosh', byte: table(byte => MAC_ROMAN_HIGH[byte - 0x80]) },
];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How many bytes a UTF-8 sequence has, from its first; 0 if none starts so. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The text a run of characters encoded, or undefined if it is not mojibake. */
function decodeRun(run: string, encoding: Map<string, number>) {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = encoding.get(char);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  let text = '';
  let complete = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]);
    if (length === 0) return undefined; // a byte that cannot start UTF-8
    let end = i + 1;
    while (
      end < i + length &&
      end < bytes.length &&
      bytes[end] >= 0x80 &&
      bytes[end] <= 0xbf
    ) {
      end++;
    }
    if (end === i + length) {
      try {
        text += utf8.decode(Uint8Array.from(bytes.slice(i, end)));
      } catch {
        return undefined; // overlong or a surrogate: not real UTF-8
      }
      complete++;
    }
    // A sequence cut short lost its other bytes: nothing to keep of it.
    i = end;
  }
  // Accented letters side by side can form UTF-8 too (Mac Roman `ÀÉ` is
  // CB 83, U+02C3): what they make is controls, IPA letters, modifiers
  // and combining marks, never what anyone wrote.
  if (complete === 0 || /[\u0080-\u009f\u0250-\u036f]/.test(text)) {
    return undefined;
  }
  return text;
}

/** Replaces every mojibake run of `text` by the characters it encoded. */
export function repairMojibake(text: string): string {
  return text.replace(/[^\p{ASCII}]{2,}/gu, run => {
    for (const { byte } of MISDECODINGS) {
      const decoded = decodeRun(run, byte);
      if (decoded !== undefined) return decoded;
    }
    return run;
  });
}

// Characters that mis-decoded UTF-8 bytes ≥ 0x80 become in those encodings
// and that are not letters of a word: C1 controls, Latin-1 punctuation and
// symbols, Windows-1252 and Mac Roman punctuation, U+F8FF.
const MISDECODED_SYMBOL =
  /[\u0080-\u00bf\u00d7\u00f7\u0152-\u0178\u02c6-\u02dd\u2013-\u2122\u2202-\u2264\u25ca\uf8ff\ufb01\ufb02]/;

/**
 * A whitespace-separated word that is what is left of mojibake that could
 * not be repaired: two or more characters, none ASCII, and either a
 * mis-decoded symbol among them or only characters of the Latin-1 letters'
 * range (`âââ`). Words of real text have a letter of their script in
 * another range or an ASCII letter beside their accented ones; a lone
 * symbol (`—`, `•`) is punctuation and kept.
 */
export function isMojibakeWord(word: string): boolean {
  if ([...word].length < 2 || /\p{ASCII}/u.test(word)) return false;
  return MISDECODED_SYMBOL.test(word) || /^[\u00c0-\u00ff]{2,}$/.test(word);
}

/**
 * How a YAML file is indented: the step between a key and its children,
 * and whether sequence items sit under their key (`key:\n  - a`) or level
 * with it (`key:\n- a`). New lines follow the file's own habits.
 */
export interface YamlStyle {
  indent: number;
  indentSeq: boolean;
}

export function yamlStyle(text: string): YamlStyle {
  const lines = text
    .split('\n')
    .filter(l => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const steps = new Map<number, number>();
  let seqLevel = 0;
  let seqIndented = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const here = /^( *)([^\s#-][^:]*):\s*(#.*)?$/.exec(lines[i]);
    if (!here) continue;
    const next = /^( *)(- )?/.exec(lines[i + 1])!;
    const step = next[1].length - here[1].length;
    if (next[2]) {
      if (step === 0) seqLevel++;
      else if (step > 0) seqIndented++;
    } else if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
  }
  const indent =
    [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ??
    2;
  return {
    indent: indent > 0 && indent <= 8 ? indent : 2,
    indentSeq: seqLevel <= seqIndented,
  };
}

// "Label: value" reading. SDS fields are printed as a label followed by the value on the same line (after a
// colon, a tab or spaces) or on the next line(s), sometimes with the label itself wrapped ("Nombre de la empresa /
// proveedora / : GOJO Industries, Inc."). Labels are matched in folded text (case and diacritics ignored).
import { foldSameLength, type Line } from './text.js';

export interface LabelledValue {
  value: string;
  /** The line the value was read from (the label's line or a following one). */
  line: Line;
  labelLine: Line;
  /** Which label matched (index into the list given). */
  label: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex matching any of the labels (folded) at the start of a line or cell, after optional numbering. */
export function labelPattern(labels: readonly string[], anywhere = false): RegExp {
  const alternatives = labels.map((l) => escape(foldSameLength(l)).replace(/\\ |\s+/g, '\\s*')).join('|');
  const start = anywhere ? '(?:^|(?<=[\\s\\t(]))' : '^(?:\\d+(?:\\.\\d+)*\\.?\\s*)?(?:[-•*·]\\s*)?';
  return new RegExp(`${start}(${alternatives})(?![\\p{L}])\\s*(?:\\([^)]{0,30}\\))?\\s*(?:[:：]|\\t|\\s-\\s|\\.{2,})?\\s*`, 'u');
}

/** Trim a value read after a label: the next cell, a following "Other label : …", separators. */
export function cleanValue(raw: string): string {
  let value = raw.split('\t')[0] ?? '';
  value = value.replace(/^[\s:：.\-–]+/, '');
  // "5-56 Produktkod : BDS000240AE": stop before the next "Label :" on the same line.
  const next = /\s(?:\p{L}[\p{L}'-]*\s){0,1}\p{L}[\p{L}'-]*\s?:\s/u.exec(value);
  if (next) value = value.slice(0, next.index);
  return value.replace(/\s+/g, ' ').replace(/[\s,;:]+$/, '').trim();
}

function isLabelOnly(text: string): boolean {
  return /^[\p{L}\s'/().-]{1,60}\s?:$/u.test(text.trim());
}

/**
 * The value for the first line (in order) that starts with one of the labels. `labels` are tried in order of
 * preference: a line matching an earlier label wins over an earlier line matching a later one.
 */
export function findLabelled(
  lines: readonly Line[],
  labels: readonly string[],
  options: { anywhere?: boolean; accept?: (value: string) => boolean } = {},
): LabelledValue | null {
  const accept = options.accept ?? ((v: string) => v.length > 0);
  for (let label = 0; label < labels.length; label++) {
    const pattern = labelPattern([labels[label] ?? ''], options.anywhere);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line) continue;
      const match = pattern.exec(foldSameLength(line.text));
      if (!match) continue;
      const rest = cleanValue(line.text.slice(match.index + match[0].length));
      if (accept(rest)) return { value: rest, line, labelLine: line, label };
      if (rest !== '') continue;
      // Value below the label: skip a wrapped label ("proveedora") and take the line that starts with ":" if any.
      for (let k = i + 1; k <= Math.min(i + 3, lines.length - 1); k++) {
        const below = lines[k];
        if (!below) break;
        if (/^[:：]/.test(below.text)) {
          const value = cleanValue(below.text);
          if (accept(value)) return { value, line: below, labelLine: line, label };
          break;
        }
        if (k === i + 1 && !isLabelOnly(below.text) && !/^\d+(\.\d+)+\s/.test(below.text)) {
          const lookahead = lines[k + 1];
          if (lookahead && /^[:：]/.test(lookahead.text) && below.text.length < 30) continue;
          const value = cleanValue(below.text);
          if (accept(value)) return { value, line: below, labelLine: line, label };
        }
        break;
      }
    }
  }
  return null;
}

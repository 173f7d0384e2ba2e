// Delimited text as the list files write it: RFC 4180 quoting ("" inside a quoted field is one quote; a quoted
// field may span lines), any one-character delimiter (the legacy echa.europa.eu CSV is tab-separated, chemreg's
// own CSV is comma- or semicolon-separated), LF or CRLF line ends. Pure.

export interface CsvRecord {
  /** 1-based line number where the record starts, for warnings a person can find in the file. */
  line: number;
  fields: string[];
}

/** Decodes UTF-8 text, dropping a byte-order mark; null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Splits text into records. Never throws: an unterminated quote runs to the end of the text. */
export function parseDelimited(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      i += 1;
    } else if (ch === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
      i += 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** A record that is blank: no fields, or only empty ones. */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}

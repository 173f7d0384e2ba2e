// The one error the list importers raise on purpose. A file is either imported whole or refused with this error:
// never a partial list. The list service turns it into a 400 (src/shared/errors.ts: LIST_FORMAT_UNKNOWN,
// LIST_FILE_INVALID, LIST_ID_REQUIRED), so `message` and `expected` are written for the person who uploaded the file.

export type ListImportErrorCode = 'LIST_FORMAT_UNKNOWN' | 'LIST_FILE_INVALID' | 'LIST_ID_REQUIRED';

/** Every format importListFile recognises, in the words the upload form uses. */
export const KNOWN_FORMATS_TEXT =
  "an ECHA CHEM export (sheet List_results), a legacy echa.europa.eu export, CLP Annex VI Excel, the SIN List, the RoHS CSV or chemreg's CSV/JSON format";

export class ListImportError extends Error {
  /** LIST_FORMAT_UNKNOWN: not a list file chemreg knows; LIST_FILE_INVALID: a known format with unusable content; LIST_ID_REQUIRED: a custom list without a list id. */
  readonly code: ListImportErrorCode;
  /** What is wrong: `listId` (the option), a column or sheet name, a JSON path; null for the file as a whole. */
  readonly field: string | null;
  /** What the importer expected instead, e.g. "a Substance name column". */
  readonly expected: string;

  constructor(code: ListImportErrorCode, message: string, options: { field?: string | null; expected: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'ListImportError';
    this.code = code;
    this.field = options.field ?? null;
    this.expected = options.expected;
  }
}

/** The file is not one of the formats chemreg knows. */
export function unknownFormat(fileName: string, detail?: string): ListImportError {
  const why = detail === undefined ? '' : ` (${detail})`;
  return new ListImportError('LIST_FORMAT_UNKNOWN', `${fileName} is not a list file chemreg recognises${why}: expected ${KNOWN_FORMATS_TEXT}`, {
    expected: KNOWN_FORMATS_TEXT,
  });
}

/** The file has a known format but content the importer cannot use. */
export function invalidFile(message: string, expected: string, field: string | null = null): ListImportError {
  return new ListImportError('LIST_FILE_INVALID', `${message}: expected ${expected}`, { field, expected });
}

// Which declaration format a file is, from its bytes (never its name): chemreg's JSON declaration (a JSON object) or
// IPC-1752A XML (an XML document). Bulk spreadsheets have their own route (bulk.ts).
import { decodeUtf8 } from '../../lists/importers/csv.js';
import type { DeclarationContent } from '../declaration-content.js';
import { DeclarationError } from '../declared-values.js';
import { looksLikeJson, parseJsonDeclaration } from './chemreg-json.js';
import { parseIpc1752a } from './ipc-1752a.js';

export function parseDeclarationFile(bytes: Uint8Array): DeclarationContent {
  const text = decodeUtf8(bytes);
  if (text !== null && looksLikeJson(text)) return parseJsonDeclaration(text);
  // XML may declare another encoding than UTF-8: the XML reader works from the bytes.
  if (/^\s*</u.test(text ?? Buffer.from(bytes.subarray(0, 200)).toString('latin1'))) return parseIpc1752a(bytes);
  throw new DeclarationError('DECLARATION_FORMAT_UNKNOWN', 'not a declaration chemreg reads: expected chemreg\'s JSON declaration or IPC-1752A XML', [
    { path: 'body.file', message: 'expected a JSON object ({"chemreg": "declaration", …}) or an IPC-1752A XML document' },
  ]);
}

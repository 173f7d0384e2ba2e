// Multipart bodies the upload routes take, shared by the API tests.

/** An SDS PDF as `POST /products/{id}/sds` takes it. */
export function sdsForm(bytes: Uint8Array, fileName = 'sdb.pdf'): FormData {
  const body = new FormData();
  body.append('file', new Blob([bytes], { type: 'application/pdf' }), fileName);
  return body;
}

/** A declaration in chemreg's JSON format, each substance at a concentration in %, as `POST /products/{id}/declarations` takes it. */
export function declarationForm(substances: ReadonlyArray<{ name: string; cas: string; percent: number }>): FormData {
  const json = JSON.stringify({
    chemreg: 'declaration', version: 1,
    substances: substances.map(({ name, cas, percent }) => ({ name, cas, concentration: { value: percent, unit: '%' } })),
  });
  const body = new FormData();
  body.append('file', new Blob([json], { type: 'application/json' }), 'declaration.json');
  return body;
}

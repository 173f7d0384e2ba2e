// Organisation numbers. Swedish ones (organisationsnummer, Skatteverket SKV 709) are ten digits NNNNNN-NNNN whose
// last digit is a Luhn (mod 10) check digit over the first nine; they are normalised to that form so the unique
// index catches "5560000001" and "556000-0001" as the same company. Other countries' numbers are kept as
// written, upper-cased, with runs of spaces collapsed.

export type OrgNumberCheck = { ok: true; value: string } | { ok: false; message: string };

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function normaliseOrgNumber(country: string, raw: string): OrgNumberCheck {
  const compact = raw.trim().replace(/\s+/g, ' ').toUpperCase();
  if (country !== 'SE') return { ok: true, value: compact };
  const digits = compact.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return { ok: false, message: 'a Swedish organisation number has ten digits: NNNNNN-NNNN' };
  if (!luhnValid(digits)) return { ok: false, message: 'the check digit of this Swedish organisation number is wrong' };
  return { ok: true, value: `${digits.slice(0, 6)}-${digits.slice(6)}` };
}

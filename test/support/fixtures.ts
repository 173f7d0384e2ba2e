// Small shared test data helpers.

/** Luhn (mod 10) check digit for a string of digits that will have the check digit appended. */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Counted from the right of the final number, the check digit is position 0, so these are positions 1, 2, …
    let d = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

let sequence = 0;

/** A fresh, valid Swedish organisation number in its normalised form NNNNNN-NNNN (unique within the process). */
export function swedishOrgNumber(): string {
  sequence += 1;
  const nine = `556${String(sequence).padStart(6, '0')}`;
  const ten = `${nine}${luhnCheckDigit(nine)}`;
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}

/** The same organisation number written without the hyphen. */
export const compact = (orgNumber: string): string => orgNumber.replace('-', '');

// Password rules shown to people who set a password (invitation, reset, change). Length is what
// matters (ANSSI and NIST guidance): no composition rules, a generous maximum.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** A French message saying what is wrong with the password, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Mot de passe trop court : ${PASSWORD_MIN_LENGTH} caractères au moins (${length} saisis).`;
  }
  if (length > PASSWORD_MAX_LENGTH)
    return `Mot de passe trop long : ${PASSWORD_MAX_LENGTH} caractères au plus.`;
  if (new Set(password).size < 4) return 'Mot de passe trop simple : variez les caractères.';
  if (
    email &&
    password.toLowerCase().includes(email.toLowerCase().split('@')[0]!) &&
    email.split('@')[0]!.length >= 4
  ) {
    return 'Le mot de passe ne doit pas contenir votre adresse électronique.';
  }
  return null;
}

import bcrypt from "bcryptjs";

const cost = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the email is unknown, so both cases take the same time. */
export const unknownUserHash = bcrypt.hashSync("no-such-user", cost);

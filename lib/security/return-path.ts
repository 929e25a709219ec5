/**
 * Where sign-in sends the user back to: a path of this site only (`/vendor/files?sort=-name`).
 * Anything that could leave the site (`https://…`, `//host`, `/\host`, a scheme) or is not a path
 * at all is refused, so a crafted link cannot turn sign-in into a redirect elsewhere.
 */
export function safeReturnPath(candidate: unknown): string | null {
  if (typeof candidate !== "string" || candidate.length > 2000) return null;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return null;
  // Browsers drop tabs and newlines inside URLs, which would turn `/\t/host` into `//host`.
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return null;
  const url = new URL(candidate, "http://return.invalid");
  if (url.origin !== "http://return.invalid") return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

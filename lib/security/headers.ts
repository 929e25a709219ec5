import { env } from "../env";

// The security headers decided per request, set by proxy.ts. The ones that never change (framing,
// sniffing, referrer) are in next.config.ts, so that every answer carries them, static files too.

export interface PolicyOptions {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  development: boolean;
  https: boolean;
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this request's nonce, which Next.js
 * reads from the request's copy of this header and puts on its own scripts; 'strict-dynamic' lets
 * those load the page's chunks. Styles allow 'unsafe-inline': React renders `style` attributes (the
 * progress bar, recharts' charts and tooltips) and a nonce cannot cover an attribute; with a nonce in
 * style-src, browsers would ignore 'unsafe-inline' and drop those attributes from the server's HTML.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

/** One year; not includeSubDomains, for the portal may share its parent domain with sites it does not run. */
export const strictTransportSecurity = "max-age=31536000";

/**
 * Whether the portal is served over https, decided as Auth.js decides whether its cookies are
 * Secure, so that the two agree: by AUTH_URL, the portal's public address, when it is set; else by
 * the request's own URL, which Next.js makes https for a TLS connection or an x-forwarded-proto of
 * https. Behind a proxy that terminates TLS, set AUTH_URL=https://….
 */
export function servedOverHttps(requestUrl: URL): boolean {
  return new URL(env.AUTH_URL ?? requestUrl).protocol === "https:";
}

export function isDevelopment(): boolean {
  return env.NODE_ENV === "development";
}

import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./headers";

const directivesOf = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

describe("the Content-Security-Policy", () => {
  it("runs only scripts with this request's nonce, and no eval in production", () => {
    const policy = directivesOf(contentSecurityPolicy({ nonce: "abc", development: false, https: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval under next dev, which React needs for its error stacks", () => {
    const policy = directivesOf(contentSecurityPolicy({ nonce: "abc", development: true, https: false }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
  });

  it("upgrades insecure requests only when served over https", () => {
    const policy = directivesOf(contentSecurityPolicy({ nonce: "abc", development: false, https: true }));
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("takes a new nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
  });
});

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Browsers get only types from lib/domain: its rules run on the server, and a value imported into
// a client component (a label map, a validator) would ship the module, and what it imports, to
// every browser. Values the browser needs come as props from server components, or from a
// client-safe module such as lib/table-url.ts.

const root = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  return [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find(existsSync) ?? null;
}

/** The modules a file imports values from (type-only imports and re-exports left out). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return [];
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) return [];
      const named = clause?.namedBindings;
      const onlyTypes =
        clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) return [];
    } else if (statement.isTypeOnly) return [];
    const target = resolve(file, statement.moduleSpecifier.text);
    return target ? [target] : [];
  });
}

/** Every module a client component brings into the browser, followed through its value imports. */
function browserModules(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file; file = queue.pop()) {
    // A "use server" module reaches the browser as a reference to call, not as code.
    if (file !== entry && /^["']use server["']/m.test(readFileSync(file, "utf8"))) continue;
    for (const target of valueImports(file)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

describe("client components", () => {
  const clientFiles = ["app", "components"]
    .flatMap((dir) => sourceFiles(path.join(root, dir)))
    .filter((file) => /^["']use client["']/.test(readFileSync(file, "utf8").trimStart()));

  it("exist (the check below would pass on none)", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it.each(clientFiles.map((file) => [path.relative(root, file), file]))(
    "%s takes only types from lib/domain",
    (_, file) => {
      const domain = [...browserModules(file)].filter((module) =>
        path.relative(root, module).startsWith(`lib${path.sep}domain`),
      );
      expect(domain.map((module) => path.relative(root, module))).toEqual([]);
    },
  );
});

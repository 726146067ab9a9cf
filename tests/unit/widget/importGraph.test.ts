import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** The modules a file loads when it runs: static imports and re-exports, not `import type` or `import()`. */
function loadedSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** The project's own modules the widget's entry loads, following static imports only (not `import()`). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const fileName of loadedSpecifiers(file)) {
      if (!fileName.startsWith('.')) continue; // packages
      const base = path.resolve(path.dirname(file), fileName);
      const found = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => existsSync(f));
      if (found && /\.tsx?$/.test(found)) visit(found);
    }
  };
  visit(path.join(root, entry));
  return new Set([...seen].map((f) => path.relative(root, f)));
}

describe("the widget's first download", () => {
  const graph = staticGraph('widget/main.tsx');

  it('builds only the sign-in’s and the widget’s API schemas, not the settings’', () => {
    expect(graph).toContain('src/api/widgetEndpoints.ts');
    for (const settingsOnly of [
      'src/api/endpoints.ts',
      'src/api/mappings.ts',
      'src/api/accounts.ts',
      'src/api/automation.ts',
      'ui/api/client.ts',
    ]) {
      expect(graph, settingsOnly).not.toContain(settingsOnly);
    }
  });
});

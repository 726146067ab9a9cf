import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The installed design system's stylesheet, as it ships (minified). */
export const designSystemCssFile = createRequire(import.meta.url).resolve(
  '@livechat/design-system-react-components/dist/design-system-react-components.css',
);

export const designSystemCss = () => readFileSync(designSystemCssFile, 'utf8');

/** A stylesheet's top-level rules (an at-rule with all it holds), as written. */
export function topLevelRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return rules;
}

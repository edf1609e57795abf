import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * axe-core on what the page shows now: every rule of the default set (WCAG 2.0-2.2 A/AA and best
 * practices) plus `label-content-name-mismatch` (WCAG 2.5.3, experimental in axe): 0 violations
 * of any impact. The message lists each rule with the elements it found.
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(' '))
        .join(' | ')}${violation.nodes.length > 5 ? ` … ${violation.nodes.length} in all` : ''}`,
  );
  expect(found, `axe on ${where}`).toEqual([]);
}

// axe-core on the page a journey is looking at: the journeys call expectAccessible(page, label) once the
// page shows its data (beside the screenshot of that step), and a serious or critical WCAG 2.1 A/AA
// violation fails the journey with the rule, what to do about it and the elements it found.
// Every violation axe reports (minor and moderate too) is written to SCREENSHOT_DIR/a11y/<label>.json
// so a reviewer can read what is left.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';

// The same folder as the screenshots (browser.mjs imports this file, so it cannot import browser.mjs back).
const REPORT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? 'e2e-results', 'a11y');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
/**
 * The width WCAG 2.1's Reflow (1.4.10) is measured at. Wide tables and charts scroll sideways there, and
 * a box that scrolls must be reachable by keyboard; at the journeys' 1280 px most of them fit and axe
 * cannot see the problem. The stylesheet has no media queries, so what changes at this width is what
 * overflows: only that rule is run again there.
 */
const NARROW = { width: 320, rules: ['scrollable-region-focusable'] };
/** Past this many elements per rule the summary only counts the rest (the JSON file lists them all). */
const MAX_TARGETS = 5;

/** A short, readable account of the violations: one block per rule, the elements under it. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, MAX_TARGETS).map((n) => `    - ${n.target.join(' >> ')}\n      ${reason(n.failureSummary)}`);
      if (v.nodes.length > MAX_TARGETS) nodes.push(`    … and ${v.nodes.length - MAX_TARGETS} more`);
      return `  [${v.impact}] ${v.id}${v.width ? ` at ${v.width} px` : ''}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/** "Fix any of the following:\n  Element does not have …" → the sentences after the heading. */
function reason(summary = '') {
  return summary
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s && !/^Fix (any|all) of the following:$/.test(s))
    .join(' / ');
}

// Legacy mode runs axe.run() in the page itself instead of opening a blank page for each check to put the
// frames' results together: the SPA has no frames, and a page popping up in the journey's context is noise.
const axe = (page) => new AxeBuilder({ page }).setLegacyMode();

/**
 * Runs axe (WCAG 2.0/2.1, levels A and AA) on the page as it is now, then the overflow rule at 320 px
 * wide, and throws when a violation is serious or critical. `label` names the page in the message and
 * in the JSON file (kebab-case, unique across the journeys).
 */
export async function expectAccessible(page, label) {
  const results = await axe(page).withTags(TAGS).analyze();
  const viewport = page.viewportSize();
  let narrow;
  await page.setViewportSize({ width: NARROW.width, height: viewport.height });
  try {
    // axe is in the page now: run the one rule directly rather than load its 0.5 MB again (a second
    // AxeBuilder would, and that doubled the cost of each check).
    narrow = await page.evaluate((rules) => window.axe.run(document, { runOnly: { type: 'rule', values: rules } }), NARROW.rules);
  } finally {
    await page.setViewportSize(viewport);
  }
  const violations = [...results.violations, ...narrow.violations.map((v) => ({ ...v, width: NARROW.width }))];
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  fs.writeFileSync(path.join(REPORT_DIR, `${label}.json`), `${JSON.stringify({ url: results.url, violations }, null, 2)}\n`);
  const blocking = violations.filter((v) => BLOCKING.has(v.impact));
  if (blocking.length > 0) {
    throw new Error(`axe: ${blocking.length} serious or critical accessibility violation(s) on ${label} (${results.url}):\n${describeViolations(blocking)}`);
  }
}

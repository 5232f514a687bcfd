import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/index.js';
import { useTempDir } from '../../../test-support/temp-dir.js';
import { sweepRows } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const tempDir = useTempDir('churnlab-report-browser-');

/** What the page shows, read from the live DOM after the browser has laid it out. */
interface Rendered {
  /** Per chart (its data-chart id), per vega mark name, how many items the browser drew. */
  marks: Record<string, Record<string, number>>;
  /** Per chart, the symbols (points) whose box is empty or lies outside their SVG: a point that did not render where it should. */
  misplacedSymbols: Record<string, number>;
  tableRows: number;
}

/** Headless Chromium; a missing browser is a broken test machine, not a reason to skip, so the test fails and says how to fix it. */
async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`node tools/repo/ensure-system-packages.mjs\` (installs the Debian package chromium)`);
  return chromium.launch({ executablePath: CHROMIUM });
}

describe('the HTML report in headless Chromium', () => {
  it('renders every chart with the expected marks, offline, with no console error', async () => {
    const html = path.join(tempDir(), 'report.html');
    writeFileSync(html, (await renderReport({ title: 'sweep', rows: sweepRows() }))['report.html']);
    const url = pathToFileURL(html).href;
    const browser = await launchChromium();
    const page = await browser.newPage({ offline: true });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    const rendered = await page
      .goto(url, { waitUntil: 'load' })
      .then(() => page.evaluate(readRendered))
      .finally(() => browser.close());

    // 18 rows: 6 activations × 3 worker counts; 12 of them have a β (2 families × 3 worker counts = 6 β lines).
    expect(rendered.marks).toEqual({
      'pd-vs-loss': { pd_interval: 18, loss_interval: 18, points: 18, labels: 18 },
      'pd-vs-workers': { pd_interval: 18, lines: 6, points: 18 },
      'beta-sweep': { pd_interval: 12, pd_lines: 6, pd_points: 12, loss_interval: 12, loss_lines: 6, loss_points: 12 },
    });
    expect(rendered.misplacedSymbols).toEqual({ 'pd-vs-loss': 0, 'pd-vs-workers': 0, 'beta-sweep': 0 });
    expect(rendered.tableRows).toBe(18);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
  });
});

// The tests type-check without the DOM library (it would leak browser globals into every Node test): these are the few page APIs readRendered uses.
interface PageBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface PageElement {
  dataset: Record<string, string | undefined>;
  classList: Iterable<string>;
  children: { length: number };
  getBoundingClientRect(): PageBox;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
}
declare const document: Pick<PageElement, 'querySelectorAll'>;

// Runs in the page, so it may use only the DOM.
function readRendered(): Rendered {
  const marks: Rendered['marks'] = {};
  const misplacedSymbols: Rendered['misplacedSymbols'] = {};
  for (const figure of document.querySelectorAll('figure[data-chart]')) {
    const id = figure.dataset.chart!;
    const svgBox = figure.querySelector('svg')!.getBoundingClientRect();
    const counts: Record<string, number> = {};
    for (const group of figure.querySelectorAll('g.role-mark')) {
      const name = [...group.classList].find((c) => c.endsWith('_marks'))!.replace(/_marks$/, '');
      counts[name] = (counts[name] ?? 0) + group.children.length;
    }
    marks[id] = counts;
    misplacedSymbols[id] = [...figure.querySelectorAll('g.mark-symbol.role-mark > path')].filter((symbol) => {
      const box = symbol.getBoundingClientRect();
      const inside = box.left >= svgBox.left && box.right <= svgBox.right && box.top >= svgBox.top && box.bottom <= svgBox.bottom;
      return box.width === 0 || box.height === 0 || !inside;
    }).length;
  }
  return { marks, misplacedSymbols, tableRows: document.querySelectorAll('table[data-table="numbers"] tbody tr').length };
}

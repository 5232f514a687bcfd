import { describe, expect, it } from 'vitest';
import { htmlReport } from '../src/index.js';
import { binaryRow, sweepRows } from './fixtures.js';
import { countMarks } from './svg-marks.js';

/** The inline SVG of each `<figure data-chart>`, by chart id. */
function figures(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<figure data-chart="([^"]+)">\n(<svg.*?<\/svg>)/gs)].map(([, id, svg]) => [id!, svg!]));
}

describe('htmlReport', () => {
  it('inlines the three charts as SVG and a table row per setting', async () => {
    const html = await htmlReport({ title: 'sweep', rows: sweepRows() });
    const charts = figures(html);
    expect(Object.keys(charts)).toEqual(['pd-vs-loss', 'pd-vs-workers', 'beta-sweep']);
    expect(countMarks(charts['pd-vs-loss']!).points).toBe(18);
    expect(countMarks(charts['pd-vs-workers']!).lines).toBe(6);
    expect(countMarks(charts['beta-sweep']!).pd_points).toBe(12);
    const body = html.match(/<tbody>(.*?)<\/tbody>/s)![1]!;
    expect(body.match(/<tr>/g)).toHaveLength(18);
  });

  it('says that PD is over replica pairs and the accuracy measures over replicas, and that the PD intervals are optimistic', async () => {
    const html = await htmlReport({ title: 'sweep', rows: sweepRows() });
    expect(html).toContain('PD: mean ± standard deviation over replica pairs; log loss, AUC and accuracy: over replicas.');
    expect(html).toContain('read them as optimistic');
  });

  it('needs no script and no network', async () => {
    const html = await htmlReport({ title: 'sweep', rows: sweepRows(), commands: ['churnlab compare'] });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(/i);
    // The only URLs are the XML namespaces of the inline SVG, which are names, never fetched.
    const urls = new Set(html.match(/https?:\/\/[^"'\s)]+/g));
    expect([...urls].sort()).toEqual(['http://www.w3.org/1999/xlink', 'http://www.w3.org/2000/svg']);
    expect(html).toContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;\">");
  });

  it('escapes every text it is given', async () => {
    const evil = '<script>alert("x")</script>&';
    const html = await htmlReport({ title: evil, generatedAt: evil, commands: [evil], rows: [binaryRow(evil, 1, 0.1, 0.4, { order: evil })] });
    expect(html).not.toContain('<script');
    expect(html).toContain('<title>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;</title>');
    expect(html).toContain('<pre>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;</pre>');
    expect(html).toContain('<td>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;</td>');
  });

  it('leaves out the β chart when no activation has a β, and when no family has two β values', async () => {
    const html = await htmlReport({ title: 't', rows: [binaryRow('relu', 1, 0.15, 0.45), binaryRow('gelu', 1, 0.1, 0.44), binaryRow('relu', 2, 0.2, 0.45)] });
    expect(Object.keys(figures(html))).toEqual(['pd-vs-loss', 'pd-vs-workers']);
    const oneBetaEach = await htmlReport({ title: 't', rows: [binaryRow('relu', 1, 0.15, 0.45), binaryRow('smelu:1', 1, 0.1, 0.44), binaryRow('swish:1', 1, 0.05, 0.46), binaryRow('smelu:1', 2, 0.1, 0.44)] });
    expect(Object.keys(figures(oneBetaEach))).toEqual(['pd-vs-loss', 'pd-vs-workers']);
    const twoBetas = await htmlReport({ title: 't', rows: [binaryRow('relu', 1, 0.15, 0.45), binaryRow('smelu:1', 1, 0.1, 0.44), binaryRow('smelu:2', 1, 0.08, 0.45)] });
    expect(Object.keys(figures(twoBetas))).toEqual(['pd-vs-loss', 'beta-sweep']);
  });

  it('refuses a report without rows', async () => {
    await expect(htmlReport({ title: 't', rows: [] })).rejects.toThrow('a report needs at least one row');
  });
});

/** How many items each named vega mark draws in an SVG string: { points: 18, lines: 6, ... } (the name without its `_marks` suffix). */
export function countMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  // Vega writes each mark's items as the direct children of a `<g class="mark-TYPE role-mark NAME_marks">` without nested groups.
  for (const [, name, items] of svg.matchAll(/<g class="mark-\w+ role-mark (\w+)_marks"[^>]*>(.*?)<\/g>/gs)) {
    counts[name!] = (counts[name!] ?? 0) + (items!.match(/<(?:path|line|text|rect)\b/g) ?? []).length;
  }
  return counts;
}

/**
 * The seed writes rich text as plain strings; "## " starts a heading. This turns them into
 * Strapi's Blocks editor format.
 */
export type Block =
  | { type: 'paragraph'; children: Array<{ type: 'text'; text: string }> }
  | { type: 'heading'; level: 2 | 3; children: Array<{ type: 'text'; text: string }> };

export function toBlocks(lines: string[]): Block[] {
  return lines.map((line) => {
    const heading = /^(#{2,3}) (.*)$/.exec(line);
    if (heading)
      return { type: 'heading', level: heading[1].length as 2 | 3, children: [{ type: 'text', text: heading[2] }] };
    return { type: 'paragraph', children: [{ type: 'text', text: line }] };
  });
}
